import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { MODALITY_LABELS, THEMES, type StlSession, type UpdateEvent } from '@cocrea/shared';
import { fetchAttendance, fetchEvent, listRegistrants, updateEvent } from '../../api/plan';
import { useLoaded } from '../../api/useLoaded';
import { formatDay, formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { planPath, plenaryPath } from '../../routes';
import { LoadFailure } from '../../ui/LoadFailure';
import { StlLayout } from '../../ui/StlLayout';
import { AttendanceSummary } from './AttendanceSummary';
import { DoorRegistration } from './DoorRegistration';
import { EventAgendaEditor } from './EventAgendaEditor';
import { EventForm } from './EventForm';
import { KitManager } from './KitManager';
import { RegistrantList } from './RegistrantList';
import { RegistrationLink } from './RegistrationLink';
import { RegistrationStatusPill } from './RegistrationStatusPill';
import { TablesBoard } from './TablesBoard';
import { forgetFreshLink, freshLink } from './freshLink';

interface Props {
  session: StlSession;
  onLoggedOut(): void;
  eventId: string;
}

/**
 * `/stl/eventos/:eventId`: a co-creation event for the STL. Its registration link, who registered, "Formar mesas"
 * and the tables, attendance with its CSV, and its details to edit.
 */
export function EventPage({ session, onLoggedOut, eventId }: Props) {
  const csrfToken = session.csrfToken;
  const loadEvent = useCallback(() => fetchEvent(eventId), [eventId]);
  const loadPeople = useCallback(async () => {
    const [{ registrations }, attendance] = await Promise.all([listRegistrants(eventId), fetchAttendance(eventId)]);
    return { registrations, attendance };
  }, [eventId]);
  const event = useLoaded(loadEvent, 'event.page.error');
  const people = useLoaded(loadPeople, 'registrants.error');
  const [fresh] = useState(() => freshLink(eventId));
  useEffect(() => forgetFreshLink(eventId), [eventId]);
  const [editNotice, setEditNotice] = useState('');
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => {
    event.reload();
    people.reload();
  };
  const refreshAll = () => {
    refresh();
    setRefreshKey((n) => n + 1);
  };

  const edit = async (change: unknown) => {
    const answer = await updateEvent(csrfToken, eventId, change as UpdateEvent);
    setEditNotice(t('event.edit.saved'));
    event.reload();
    return answer;
  };

  const state = event.state;
  const title = state.status === 'ready' ? state.event.title : t('event.page.loadingTitle');
  return (
    <StlLayout
      title={title}
      session={session}
      current="planes"
      onLoggedOut={onLoggedOut}
      busy={state.status === 'loading'}
    >
      {state.status === 'loading' && <p className="loading">{t('event.page.loading')}</p>}
      {state.status === 'error' && <LoadFailure message={state.message} onRetry={event.reload} />}
      {state.status === 'ready' && (
        <>
          <p>
            <Link href={planPath(state.event.planId)}>{t('event.back')}</Link>
          </p>
          <div className="event-summary">
            <p>
              {t('event.meta', {
                theme: THEMES[state.event.theme],
                date: formatDay(state.event.date),
                time: state.event.startTime,
              })}{' '}
              · {MODALITY_LABELS[state.event.modality]}
              {state.event.place && ` · ${state.event.place}`}
            </p>
            <p>
              <RegistrationStatusPill status={state.event.registrationStatus} />{' '}
              {t('event.registrationWindow', {
                opens: formatInstant(state.event.registrationOpensAt),
                closes: formatInstant(state.event.registrationClosesAt),
              })}{' '}
              {state.event.capacity === null
                ? t('event.noCapacity')
                : t('event.capacity', { registered: state.event.registered, capacity: state.event.capacity })}
            </p>
            <button type="button" onClick={refreshAll}>
              {t('event.refresh')}
            </button>
          </div>
          {state.event.tables > 0 && (
            <p>
              <Link href={plenaryPath(eventId)}>{t('event.plenary')}</Link>{' '}
              <span className="muted">{t('event.plenary.hint')}</span>
            </p>
          )}

          <section className="stl-list" aria-labelledby="event-link-title">
            <h2 id="event-link-title">{t('event.link.title')}</h2>
            <RegistrationLink event={state.event} csrfToken={csrfToken} fresh={fresh} />
          </section>

          <section className="stl-list" aria-labelledby="event-kit-title">
            <h2 id="event-kit-title">{t('kit.title')}</h2>
            <p className="muted">{t('kit.intro')}</p>
            <KitManager eventId={eventId} csrfToken={csrfToken} />
          </section>

          <section className="stl-list" aria-labelledby="event-agenda-title">
            <h2 id="event-agenda-title">{t('event.agenda.title')}</h2>
            <EventAgendaEditor
              key={`${state.event.id} ${state.event.date} ${state.event.startTime}`}
              event={state.event}
              csrfToken={csrfToken}
            />
          </section>

          <section className="stl-list" aria-labelledby="event-tables-title">
            <h2 id="event-tables-title">{t('seating.title')}</h2>
            <TablesBoard
              eventId={eventId}
              csrfToken={csrfToken}
              registered={state.event.registered}
              onChanged={refresh}
              refreshKey={refreshKey}
            />
            <DoorRegistration eventId={eventId} csrfToken={csrfToken} onRegistered={refreshAll} />
          </section>

          <section
            className="stl-list"
            aria-labelledby="event-registrants-title"
            aria-busy={people.state.status === 'loading'}
          >
            <h2 id="event-registrants-title">
              {t('registrants.title', {
                count: people.state.status === 'ready' ? people.state.registrations.length : state.event.registered,
              })}
            </h2>
            <p className="muted">{t('registrants.private')}</p>
            {people.state.status === 'loading' && <p className="loading">{t('registrants.loading')}</p>}
            {people.state.status === 'error' && <LoadFailure message={people.state.message} onRetry={people.reload} />}
            {people.state.status === 'ready' && (
              <RegistrantList
                eventId={eventId}
                csrfToken={csrfToken}
                registrants={people.state.registrations}
                onChanged={people.reload}
              />
            )}
          </section>

          <section className="stl-list" aria-labelledby="event-attendance-title">
            <h2 id="event-attendance-title">{t('attendance.title')}</h2>
            {people.state.status === 'ready' && <AttendanceSummary attendance={people.state.attendance} />}
          </section>

          <details className="stl-list">
            <summary>{t('event.edit.open')}</summary>
            <p className="visually-hidden" role="status">
              {editNotice}
            </p>
            <EventForm
              key={state.event.id}
              event={state.event}
              heading={t('event.edit.title')}
              submitLabel={t('event.edit.submit')}
              onSubmit={edit}
            />
          </details>
        </>
      )}
    </StlLayout>
  );
}
