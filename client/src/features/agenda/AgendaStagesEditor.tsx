import { Fragment, useId, type KeyboardEvent, type ReactNode } from 'react';
import {
  AGENDA_LIMITS,
  TOOLS,
  addStage,
  agendaSchedule,
  moveStage,
  removeStage,
  renameStage,
  setStageDuration,
  setStartTime,
  updateStage,
  type Agenda,
  type AgendaEditResult,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { StageDetailsEditor } from './StageDetailsEditor';

const TOOL_LABEL = { tree: 'agenda.tool.tree', commitment: 'agenda.tool.commitment' } as const;
const TOOL_SHORT = { tree: 'agenda.tool.short.tree', commitment: 'agenda.tool.short.commitment' } as const;
/** A new stage's duration until the facilitator sets one: a short activity. */
const NEW_STAGE_MINUTES = 15;

function formatDuration(totalMin: number): string {
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return h > 0 ? t('agenda.duration.hours', { h, m }) : t('agenda.duration.minutes', { m });
}

/** Enter commits a text field (by leaving it), as a spreadsheet would. */
function commitOnEnter(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key === 'Enter') event.currentTarget.blur();
}

export interface AgendaStagesEditorProps {
  agenda: Agenda;
  /**
   * Makes one edit (one of the shared `agenda/edit` functions, with the server schema's limits) and saves it; the
   * caller applies it to the agenda as it is when its turn comes, after the earlier edits were saved.
   */
  apply(edit: (agenda: Agenda) => AgendaEditResult): void;
  /** An edit is being saved: the buttons wait. */
  pending: boolean;
  /** The stage in progress (it cannot be removed), or null. */
  currentStage: number | null;
  /** Whether the start time is set here, or follows something else (an event's start time). */
  startTimeEditable: boolean;
  /** Said after the totals: the projected end of an agenda in progress. */
  projection?: ReactNode;
}

/**
 * An agenda's stages to edit: rename, retime, add, remove, reorder, choose which tools each opens, set who leads
 * each, its dynamic and materials, and the start time; with the total and the planned times kept up to date. Used
 * for a mesa's live agenda and for the agenda an event's tables start from.
 */
export function AgendaStagesEditor({
  agenda,
  apply,
  pending,
  currentStage,
  startTimeEditable,
  projection,
}: AgendaStagesEditorProps) {
  const startId = useId();
  const schedule = agendaSchedule(agenda);
  return (
    <>
      {startTimeEditable && (
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
      )}
      <p className="editor-totals" role="status">
        {t('agenda.editor.total', {
          duration: formatDuration(schedule.totalMin),
          start: schedule.start,
          end: schedule.end,
        })}{' '}
        {projection}
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
              const current = number === currentStage;
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
    </>
  );
}
