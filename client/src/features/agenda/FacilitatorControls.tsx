import { useId, useState } from 'react';
import type { AgendaCommand } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useAgendaAction } from './useAgendaAction';
import { useAgendaRoom } from './useAgendaRoom';

/**
 * The facilitator's hands on the shared timer. Every command names the revision it was pressed against, so two
 * facilitators pressing "Etapa siguiente" together advance one stage and the second is told why nothing
 * happened. Controls wait while a command is on its way, which also stops a double click from skipping a stage.
 * The server refuses these commands to anybody else; this component is only shown to the facilitator.
 */
export function FacilitatorControls({ onEditAgenda }: { onEditAgenda(): void }) {
  const { snapshot } = useAgendaRoom();
  const { run, pending, error } = useAgendaAction();
  const [target, setTarget] = useState<number | null>(null);
  const gotoId = useId();
  if (snapshot === null) return null;

  const { state, agenda } = snapshot;
  const last = agenda.stages.length - 1;
  const inProgress = state.status === 'running' || state.status === 'paused';
  const chosen = target ?? state.stageIndex;
  const send = (command: AgendaCommand) =>
    void run((api) => api.command({ ...command, expectedRevision: state.revision }));
  const confirmed = (message: string) => window.confirm(message);

  return (
    <div className="agenda-controls">
      <div className="control-row" role="group" aria-label={t('agenda.controls')} aria-busy={pending}>
        {(state.status === 'not_started' || state.status === 'finished') && (
          <button
            type="button"
            className="primary"
            disabled={pending || state.status === 'finished'}
            onClick={() => send({ type: 'start' })}
          >
            {t('agenda.cmd.start')}
          </button>
        )}
        {state.status === 'running' && (
          <button type="button" className="primary" disabled={pending} onClick={() => send({ type: 'pause' })}>
            {t('agenda.cmd.pause')}
          </button>
        )}
        {state.status === 'paused' && (
          <button type="button" className="primary" disabled={pending} onClick={() => send({ type: 'resume' })}>
            {t('agenda.cmd.resume')}
          </button>
        )}
        <button
          type="button"
          disabled={pending || (state.status !== 'finished' && state.stageIndex === 0)}
          onClick={() => send({ type: 'previous' })}
        >
          {t('agenda.cmd.previous')}
        </button>
        {state.stageIndex === last && inProgress ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => confirmed(t('agenda.confirm.finish')) && send({ type: 'next' })}
          >
            {t('agenda.cmd.finish')}
          </button>
        ) : (
          <button
            type="button"
            disabled={pending || state.status === 'finished' || state.stageIndex >= last}
            onClick={() => send({ type: 'next' })}
          >
            {t('agenda.cmd.next')}
          </button>
        )}
        <span className="control-group">
          <label htmlFor={gotoId}>{t('agenda.cmd.goto')}</label>
          <select id={gotoId} value={chosen} onChange={(e) => setTarget(Number(e.target.value))}>
            {agenda.stages.map((stage, i) => (
              <option key={stage.id} value={i}>
                {t('agenda.cmd.option', { number: i, name: stage.name })}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={pending}
            onClick={() => {
              const stage = agenda.stages[chosen];
              if (!stage) return;
              // Before the start a "go to" only picks the first stage; afterwards it restarts the clock.
              if (
                state.status !== 'not_started' &&
                !confirmed(t('agenda.confirm.goto', { number: chosen, name: stage.name }))
              ) {
                return;
              }
              setTarget(null);
              send({ type: 'goto', stage: chosen });
            }}
          >
            {t('agenda.cmd.gotoSubmit')}
          </button>
        </span>
        <span className="control-group">
          {(
            [
              [1, 'agenda.cmd.plus1', 'agenda.cmd.plus1.label'],
              [5, 'agenda.cmd.plus5', 'agenda.cmd.plus5.label'],
              [-1, 'agenda.cmd.minus1', 'agenda.cmd.minus1.label'],
            ] as const
          ).map(([minutes, text, label]) => (
            <button
              key={minutes}
              type="button"
              title={t(label)}
              disabled={pending || !inProgress}
              onClick={() => send({ type: 'addTime', minutes })}
            >
              {t(text)}
            </button>
          ))}
        </span>
        <button
          type="button"
          className="danger"
          disabled={pending || (state.status === 'not_started' && state.stageIndex === 0)}
          onClick={() => confirmed(t('agenda.confirm.reset')) && send({ type: 'reset' })}
        >
          {t('agenda.cmd.reset')}
        </button>
        {pending && (
          <span className="muted" role="status">
            {t('agenda.sending')}
          </span>
        )}
        <span className="toolbar-spacer" />
        <button type="button" onClick={onEditAgenda}>
          {t('agenda.edit')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
