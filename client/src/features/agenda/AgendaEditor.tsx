import { Fragment, useEffect, useId, useReducer, useState, type KeyboardEvent } from 'react';
import {
  AGENDA_LIMITS,
  TOOLS,
  addStage,
  agendaSchedule,
  formatClock,
  moveStage,
  projectedEndMs,
  removeStage,
  renameStage,
  setStageDuration,
  setStartTime,
  updateStage,
  type Agenda,
  type AgendaEditResult,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { AgendaDialog } from './AgendaDialog';
import { StageDetailsEditor } from './StageDetailsEditor';
import { MESA_TIME_ZONE } from './scheduleRows';
import { useAgendaAction } from './useAgendaAction';
import { useAgendaRoom } from './useAgendaRoom';

const TOOL_LABEL = { tree: 'agenda.tool.tree', commitment: 'agenda.tool.commitment' } as const;
const TOOL_SHORT = { tree: 'agenda.tool.short.tree', commitment: 'agenda.tool.short.commitment' } as const;
/** A new stage's duration until the facilitator sets one: a short activity. */
const NEW_STAGE_MINUTES = 15;
/** The projected end moves with the clock in overtime; minutes are shown, so twice a minute keeps it current. */
const PROJECTION_REFRESH_MS = 30_000;

function formatDuration(totalMin: number): string {
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return h > 0 ? t('agenda.duration.hours', { h, m }) : t('agenda.duration.minutes', { m });
}

/** Enter commits a text field (by leaving it), as a spreadsheet would. */
function commitOnEnter(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key === 'Enter') event.currentTarget.blur();
}

/**
 * The facilitator's editor of the mesa's own agenda: rename, retime, add, remove, reorder stages, choose which
 * tools each opens, set who leads each, its dynamic and materials, and move the start time; with the total and the
 * projected end kept up to date. Each change is one edit through the shared `agenda/edit` functions (the same
 * limits as the server's schema), saved at once against the revision it was made from.
 */
export function AgendaEditor({ onClose }: { onClose(): void }) {
  const { snapshot, clock, connection } = useAgendaRoom();
  const { run, pending, error } = useAgendaAction();
  const [invalid, setInvalid] = useState<string | null>(null);
  const startId = useId();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const timer = setInterval(refresh, PROJECTION_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (snapshot === null) return null;

  const { agenda, state } = snapshot;
  const schedule = agendaSchedule(agenda);
  const projected = projectedEndMs(agenda, state, clock.serverNow());
  const inProgress = state.status === 'running' || state.status === 'paused';
  // Each edit is made on the agenda as it is when its turn comes, after the facilitator's earlier edits have been
  // saved: leaving one field and then the next faster than a round trip builds the second on the first instead of
  // sending a stale agenda that the server refuses (and that would undo the first).
  const apply = (edit: (agenda: Agenda) => AgendaEditResult) => {
    void run(async (api) => {
      const latest = connection.getAgenda() ?? snapshot;
      const result = edit(latest.agenda);
      if (!result.ok) {
        setInvalid(result.error);
        return null;
      }
      setInvalid(null);
      return api.saveAgenda(result.agenda, latest.state.revision);
    });
  };

  return (
    <AgendaDialog title={t('agenda.editor.title')} className="editor-dialog" onClose={onClose}>
      <p className="muted">{t('agenda.editor.intro')}</p>
      <p className="editor-start">
        <label htmlFor={startId}>{t('agenda.editor.startTime')}</label>
        <input
          id={startId}
          type="time"
          key={agenda.startTime}
          defaultValue={agenda.startTime}
          onBlur={({ target: { value } }) =>
            value !== agenda.startTime && apply((current) => setStartTime(current, value))
          }
          onKeyDown={commitOnEnter}
        />
      </p>
      <p className="editor-totals" role="status">
        {t('agenda.editor.total', {
          duration: formatDuration(schedule.totalMin),
          start: schedule.start,
          end: schedule.end,
        })}{' '}
        {projected !== null &&
          inProgress &&
          t('agenda.editor.projected', { time: formatClock(projected, MESA_TIME_ZONE) })}
      </p>
      <div className="agenda-table-scroll">
        <table className="agenda-table editor-table" aria-busy={pending}>
          <thead>
            <tr>
              <th scope="col">{t('agenda.editor.stage')}</th>
              <th scope="col">{t('agenda.editor.name')}</th>
              <th scope="col">{t('agenda.editor.duration')}</th>
              <th scope="col">{t('agenda.editor.planned')}</th>
              <th scope="col">{t('agenda.editor.tools')}</th>
              <th scope="col">{t('agenda.editor.order')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.stages.map((stage, number) => {
              const planned = schedule.stages[number];
              const current = number === state.stageIndex && inProgress;
              return (
                <Fragment key={stage.id}>
                  <tr aria-current={current ? 'step' : undefined}>
                    <td>
                      {number}
                      {current && <span className="editor-current"> {t('agenda.editor.current')}</span>}
                    </td>
                    <td>
                      <input
                        key={stage.name}
                        defaultValue={stage.name}
                        aria-label={t('agenda.editor.nameOf', { number })}
                        maxLength={AGENDA_LIMITS.nameMax}
                        onBlur={({ target: { value } }) =>
                          value !== stage.name && apply((current) => renameStage(current, stage.id, value))
                        }
                        onKeyDown={commitOnEnter}
                      />
                    </td>
                    <td>
                      <input
                        key={stage.durationMin}
                        type="number"
                        className="editor-minutes"
                        defaultValue={stage.durationMin}
                        min={AGENDA_LIMITS.minStageMinutes}
                        max={AGENDA_LIMITS.maxStageMinutes}
                        aria-label={t('agenda.editor.durationOf', { number })}
                        onBlur={({ target: { value } }) =>
                          Number(value) !== stage.durationMin &&
                          apply((current) => setStageDuration(current, stage.id, Number(value)))
                        }
                        onKeyDown={commitOnEnter}
                      />
                    </td>
                    <td className="editor-planned">
                      {planned?.start}–{planned?.end}
                    </td>
                    <td>
                      {TOOLS.map((tool) => (
                        <label key={tool} className="editor-tool">
                          <input
                            type="checkbox"
                            checked={stage.tools[tool]}
                            disabled={pending}
                            aria-label={t('agenda.editor.toolOf', { tool: t(TOOL_LABEL[tool]), number })}
                            onChange={({ target: { checked } }) =>
                              apply((current) => {
                                const tools = current.stages.find((s) => s.id === stage.id)?.tools ?? stage.tools;
                                return updateStage(current, stage.id, { tools: { ...tools, [tool]: checked } });
                              })
                            }
                          />{' '}
                          {t(TOOL_SHORT[tool])}
                        </label>
                      ))}
                    </td>
                    <td className="editor-order">
                      <button
                        type="button"
                        aria-label={t('agenda.editor.up', { number })}
                        disabled={pending || number === 0}
                        onClick={() => apply((current) => moveStage(current, stage.id, number - 1))}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={t('agenda.editor.down', { number })}
                        disabled={pending || number === agenda.stages.length - 1}
                        onClick={() => apply((current) => moveStage(current, stage.id, number + 1))}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('agenda.editor.remove', { number })}
                        disabled={pending || current || agenda.stages.length === 1}
                        onClick={() =>
                          window.confirm(t('agenda.editor.confirmRemove', { number, name: stage.name })) &&
                          apply((current) => removeStage(current, stage.id))
                        }
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                  <tr className="editor-details-row">
                    <td colSpan={6}>
                      <StageDetailsEditor
                        stage={stage}
                        number={number}
                        onChange={(details) => apply((current) => updateStage(current, stage.id, details))}
                      />
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="editor-footer">
        <button
          type="button"
          disabled={pending || agenda.stages.length >= AGENDA_LIMITS.maxStages}
          onClick={() =>
            apply((current) => addStage(current, { name: t('agenda.editor.newStage'), durationMin: NEW_STAGE_MINUTES }))
          }
        >
          {t('agenda.editor.add')}
        </button>
      </p>
      {(invalid ?? error) && (
        <p className="form-error" role="alert">
          {invalid ?? error}
        </p>
      )}
    </AgendaDialog>
  );
}
