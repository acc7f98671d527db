import { useCallback, useSyncExternalStore } from 'react';
import { agendaSchedule, formatRemaining } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { playStageEndSound, unlockSound } from './beep';
import { useAgendaRoom } from './useAgendaRoom';
import { useCountdown } from './useCountdown';
import { useSoundPreference } from './useSoundPreference';
import { useStageEndCue } from './useStageEndCue';

/**
 * Always under the mesa's header: the current stage (number, name, responsible, guiding questions, dynamic) and its
 * time left, from
 * the server's clock. Overtime shows as negative time in the warning colour; the end of the stage flashes the
 * banner once (a steady highlight with reduced motion) and plays a sound if this browser has it on.
 */
export function StageBanner() {
  const { snapshot, stage, clock, role } = useAgendaRoom();
  const countdown = useCountdown(snapshot, clock);
  const clockFailed = useSyncExternalStore(clock.subscribe, clock.getFailed);
  const [sound, setSound] = useSoundPreference(role);
  const onEnd = useCallback(() => {
    if (sound) playStageEndSound();
  }, [sound]);
  const cueing = useStageEndCue(snapshot, countdown?.remainingMs ?? null, onEnd);

  if (snapshot === null || stage === null) {
    return (
      <section className="stage-banner" aria-busy="true" aria-label={t('agenda.region')}>
        <p className="loading">{t('agenda.loading')}</p>
      </section>
    );
  }

  const { state } = snapshot;
  const number = state.stageIndex;
  const slot = agendaSchedule(snapshot.agenda).stages[number];
  const status = t(`agenda.status.${state.status}`);
  const overtime = countdown !== null && state.status !== 'finished' && countdown.remainingMs < 0;
  const time = countdown === null ? '--:--' : formatRemaining(countdown.remainingMs);
  const timeLabel = overtime ? t('agenda.overtime') : t('agenda.timeLeft');
  const classes = ['stage-banner', `status-${state.status}`, overtime && 'is-overtime', cueing && 'is-ending'];

  return (
    <section className={classes.filter(Boolean).join(' ')} aria-label={t('agenda.region')}>
      <div className="stage-info">
        <p className="stage-eyebrow">
          {t('agenda.stage', { number })} · <span className="stage-status">{status}</span>
        </p>
        <h2 className="stage-name">{stage.name}</h2>
        {slot && (
          <p className="stage-slot">
            <span aria-hidden="true">
              {t('agenda.slot', { start: slot.start, end: slot.end, minutes: stage.durationMin })}
            </span>
            <span className="visually-hidden">
              {t('agenda.slotLabel', { start: slot.start, end: slot.end, minutes: stage.durationMin })}
            </span>
          </p>
        )}
        {stage.responsible && (
          <p className="stage-responsible">{t('agenda.responsible', { name: stage.responsible })}</p>
        )}
      </div>
      {stage.questions && stage.questions.length > 0 && (
        <section className="stage-questions" aria-label={t('agenda.guide.questions')}>
          <ol>
            {stage.questions.map((question, i) => (
              <li key={`${i}:${question}`}>{question}</li>
            ))}
          </ol>
        </section>
      )}
      {state.status !== 'finished' && (
        <div className="stage-clock">
          <span className="stage-clock-label">{cueing ? t('agenda.timeUp') : timeLabel}</span>
          <span
            role="timer"
            className="stage-time"
            aria-label={`${timeLabel}: ${time}`}
            title={countdown === null ? t(clockFailed ? 'agenda.clockFailed' : 'agenda.syncingClock') : undefined}
            data-status={state.status}
            data-ends-at-local={countdown?.endsAtLocalMs ?? undefined}
          >
            {time}
          </span>
        </div>
      )}
      <button
        type="button"
        className="sound-toggle"
        aria-pressed={sound}
        title={t(sound ? 'agenda.sound.on' : 'agenda.sound.off')}
        onClick={() => {
          if (!sound) unlockSound();
          setSound(!sound);
        }}
      >
        {t('agenda.sound')}
      </button>
      {(stage.dynamic || stage.materials.length > 0) && (
        <details className="stage-dynamic">
          <summary>{t('agenda.dynamic')}</summary>
          {stage.dynamic && <p className="stage-dynamic-text">{stage.dynamic}</p>}
          {stage.materials.length > 0 && (
            <>
              <h3>{t('agenda.materials')}</h3>
              <ul>
                {stage.materials.map((material, i) => (
                  <li key={`${i}:${material}`}>{material}</li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
      <p className="visually-hidden" aria-live="polite">
        {cueing
          ? t('agenda.announceEnd', { number, name: stage.name })
          : t('agenda.announce', { number, name: stage.name, status })}
      </p>
    </section>
  );
}
