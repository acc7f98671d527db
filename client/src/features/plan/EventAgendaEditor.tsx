import { useRef, useState } from 'react';
import { createDefaultAgenda, type Agenda, type AgendaEditResult, type EventSummary } from '@cocrea/shared';
import { updateEvent } from '../../api/plan';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { AgendaStagesEditor } from '../agenda/AgendaStagesEditor';
import { serialRunner } from '../agenda/serialRunner';

/**
 * The agenda every table of the event starts from, for the STL to edit before "Formar mesas": the methodology's
 * (the default) or one of the event's own, edited stage by stage like a mesa's. Each change is saved at once; the
 * start time is the event's. Tables already formed keep the agenda they started with (their facilitators edit it).
 */
export function EventAgendaEditor({ event, csrfToken }: { event: EventSummary; csrfToken: string }) {
  const [agenda, setAgenda] = useState<Agenda | null>(event.agenda);
  const latest = useRef(agenda);
  const serial = useRef(serialRunner());
  const [waiting, setWaiting] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  /** Saves the event's agenda (null: the methodology's), after the saves before it. */
  const save = (next: (current: Agenda | null) => Agenda | null | string) => {
    setWaiting((n) => n + 1);
    void serial.current(async () => {
      try {
        const wanted = next(latest.current);
        if (typeof wanted === 'string') return setError(wanted);
        const { event: saved } = await updateEvent(csrfToken, event.id, { agenda: wanted });
        latest.current = saved.agenda;
        setAgenda(saved.agenda);
        setError(null);
        setNotice(t('event.agenda.saved'));
      } catch (failure) {
        setError(failure instanceof ApiFailure ? failure.message : t('error.generic'));
      } finally {
        setWaiting((n) => n - 1);
      }
    });
  };
  const apply = (edit: (agenda: Agenda) => AgendaEditResult) =>
    save((current) => {
      if (current === null) return current;
      const result = edit(current);
      return result.ok ? result.agenda : result.error;
    });

  return (
    <>
      <p className="muted">{t('event.agenda.intro')}</p>
      {event.tables > 0 && <p className="banner-info">{t('event.agenda.formed', { count: event.tables })}</p>}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {agenda === null ? (
        <>
          <p>{t('event.agenda.methodology')}</p>
          <button
            type="button"
            disabled={waiting > 0}
            onClick={() => save(() => ({ ...createDefaultAgenda(event.date), startTime: event.startTime }))}
          >
            {t('event.agenda.customize')}
          </button>
        </>
      ) : (
        <>
          <AgendaStagesEditor
            agenda={agenda}
            apply={apply}
            pending={waiting > 0}
            currentStage={null}
            startTimeEditable={false}
          />
          <p>
            <button
              type="button"
              disabled={waiting > 0}
              onClick={() => window.confirm(t('event.agenda.confirmReset')) && save(() => null)}
            >
              {t('event.agenda.reset')}
            </button>
          </p>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
