import { useId } from 'react';
import { PROACTIVE_PHASES, PROACTIVE_PHASE_COUNT, type ProactivePhase } from '@cocrea/shared';
import { fetchSession, movePhase } from '../../api/mesas';
import { ApiFailure } from '../../api/request';
import type { MessageKey } from '../../i18n/es-MX';
import { t } from '../../i18n/t';
import { useAction } from '../stl/useAction';

const PHASES = Object.entries(PROACTIVE_PHASES).map(([n, name]) => [Number(n) as ProactivePhase, name] as const);

const GUIDES: Record<ProactivePhase, MessageKey> = {
  1: 'proactive.guide.1',
  2: 'proactive.guide.2',
  3: 'proactive.guide.3',
  4: 'proactive.guide.4',
  5: 'proactive.guide.5',
};

interface Props {
  mesaId: string;
  token: string;
  phase: ProactivePhase;
  /** The facilitation link's holder (the STL member who proposed it) moves the phases; everyone else follows. */
  canMove: boolean;
  onMoved(phase: ProactivePhase): void;
}

/**
 * A compromiso proactivo's five phases (methodology §5) in place of a mesa's agenda: where it is, what the phase
 * asks for, and, for the STL, one step back or forward. The tools stay open in every phase.
 */
export function PhaseStepper({ mesaId, token, phase, canMove, onMoved }: Props) {
  const id = useId();
  const { busy, failure, act } = useAction();
  const move = (to: ProactivePhase) =>
    act(async () => {
      try {
        const moved = await movePhase(mesaId, token, { from: phase, to });
        if (moved.phase !== null) onMoved(moved.phase);
      } catch (error) {
        // Moved meanwhile, and this page missed the notice (a reconnection): show where it is now, then say so.
        if (error instanceof ApiFailure && error.status === 409) {
          const { mesa } = await fetchSession(mesaId, token, null).catch(() => ({ mesa: null }));
          if (mesa?.phase) onMoved(mesa.phase);
        }
        throw error;
      }
    });
  const next = phase < PROACTIVE_PHASE_COUNT ? ((phase + 1) as ProactivePhase) : null;
  const previous = phase > 1 ? ((phase - 1) as ProactivePhase) : null;

  return (
    <section className="phase-stepper" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="phase-title">
        {t('proactive.heading', { phase })}
      </h2>
      <ol className="phase-steps" aria-label={t('proactive.phases')}>
        {PHASES.map(([number, name]) => (
          <li
            key={number}
            className={number < phase ? 'is-done' : number === phase ? 'is-current' : undefined}
            aria-current={number === phase ? 'step' : undefined}
          >
            <span className="phase-number" aria-hidden="true">
              {number}
            </span>
            <span className="phase-name">{name}</span>
          </li>
        ))}
      </ol>
      <p className="phase-guide">{t(GUIDES[phase])}</p>
      {canMove && (
        <div className="phase-actions">
          {previous !== null && (
            <button type="button" disabled={busy} onClick={() => void move(previous)}>
              {t('proactive.previous')}
            </button>
          )}
          {next !== null && (
            <button type="button" className="primary" disabled={busy} onClick={() => void move(next)}>
              {busy ? t('proactive.moving') : t('proactive.next', { name: PROACTIVE_PHASES[next] })}
            </button>
          )}
        </div>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
