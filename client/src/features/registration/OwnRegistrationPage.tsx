import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { ROLE_LABELS, SECTORS, type RegistrationPage } from '@cocrea/shared';
import { enterTable, fetchOwnRegistration } from '../../api/registration';
import { ApiFailure } from '../../api/request';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { mesaPath, ownRegistrationPath } from '../../routes';
import { saveCredentials } from '../../session/credentials';
import { loadRegistration, saveRegistration } from '../../session/registrations';
import { CopyField } from '../stl/CopyField';
import { useAction } from '../stl/useAction';
import { EventFacts } from './EventFacts';
import { KitList } from './KitList';
import { useFragmentSecret } from './useFragmentSecret';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; page: RegistrationPage };

/** Tables are formed on the day: while not seated, the page asks again this often. */
const SEATING_POLL_MS = 15_000;

/**
 * `/evento/:eventId/mi-registro`: a registrant's own page, opened from its secret link (`#r=…`) or from what this
 * browser kept. Their registration, the event, the participant kit and, once seated, "Su mesa: Mesa 3" with the
 * way in: their name, sector and role are already known, so the mesa opens with no second form.
 */
export function OwnRegistrationPage({ eventId }: { eventId: string }) {
  const fromLink = useFragmentSecret('r');
  const [token] = useState(() => fromLink ?? loadRegistration(eventId)?.secret ?? null);
  const [state, setState] = useState<State>({ kind: 'loading' });

  const open = useCallback(async () => {
    if (!token) return;
    try {
      const page = await fetchOwnRegistration(token);
      // The link's secret is kept only once the server says it is this event's registration.
      if (page.event.id === eventId) saveRegistration(eventId, { registrationId: page.registration.id, secret: token });
      setState({ kind: 'ready', page });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiFailure ? error.message : t('error.generic') });
    }
  }, [eventId, token]);

  useEffect(() => {
    void open();
  }, [open]);

  const seated = state.kind === 'ready' && state.page.table !== null;
  useEffect(() => {
    if (state.kind !== 'ready' || seated) return;
    const timer = setInterval(() => void open(), SEATING_POLL_MS);
    return () => clearInterval(timer);
  }, [state.kind, seated, open]);

  if (!token) {
    return (
      <main className="page-center">
        <div className="card" role="alert">
          <h1>{t('own.noToken.title')}</h1>
          <p>{t('own.noToken.body')}</p>
        </div>
      </main>
    );
  }
  if (state.kind === 'loading') {
    return (
      <main className="page-center" aria-busy="true">
        <p className="loading">{t('own.loading')}</p>
      </main>
    );
  }
  if (state.kind === 'error') {
    return (
      <main className="page-center">
        <div className="card" role="alert">
          <h1>{t('own.error.title')}</h1>
          <p>{state.message}</p>
          <button type="button" onClick={() => void open()}>
            {t('error.retry')}
          </button>
        </div>
      </main>
    );
  }

  const { registration, event, plan, table, kit } = state.page;
  return (
    <main className="page-center registration">
      <div className="card wide-card">
        <p className="eyebrow">{t('registration.eyebrow', { plan: plan.title, period: plan.period })}</p>
        <h1>{event.title}</h1>
        <TableEntry table={table} token={token} onRefresh={() => void open()} />
        <EventFacts event={event} />
        <section aria-labelledby="own-registration">
          <h2 id="own-registration">{t('own.registration.title')}</h2>
          <dl className="event-facts">
            <dt>{t('join.name')}</dt>
            <dd>{registration.name}</dd>
            <dt>{t('join.sector')}</dt>
            <dd>{SECTORS[registration.sector]}</dd>
            <dt>{t('join.organization')}</dt>
            <dd>{registration.organization}</dd>
            <dt>{t('own.email')}</dt>
            <dd>{registration.email ?? t('own.noEmail')}</dd>
            <dt>{t('own.registeredAt')}</dt>
            <dd>{formatInstant(registration.registeredAt)}</dd>
          </dl>
          <p className="muted">{t('own.keep')}</p>
          <details>
            <summary>{t('own.otherDevice')}</summary>
            <CopyField
              label={t('own.link')}
              value={`${window.location.origin}${ownRegistrationPath(eventId)}#r=${token}`}
            />
          </details>
        </section>
        <section aria-labelledby="own-kit">
          <h2 id="own-kit">{t('kit.title')}</h2>
          <KitList items={kit} token={token} eventId={eventId} />
        </section>
        <details>
          <summary>{t('registration.privacyTitle')}</summary>
          <p className="notice-text">{plan.privacyNotice}</p>
        </details>
      </div>
    </main>
  );
}

/** "Su mesa: Mesa 3" and the way in, or why there is no table yet. */
function TableEntry({
  table,
  token,
  onRefresh,
}: {
  table: RegistrationPage['table'];
  token: string;
  onRefresh(): void;
}) {
  const [, navigate] = useLocation();
  const { busy, failure, act } = useAction();
  if (!table) {
    return (
      <section className="table-entry is-waiting" aria-labelledby="own-table">
        <h2 id="own-table">{t('own.table.waitingTitle')}</h2>
        <p>{t('own.table.waiting')}</p>
        <button type="button" onClick={onRefresh}>
          {t('own.table.refresh')}
        </button>
      </section>
    );
  }
  const enter = () =>
    act(async () => {
      const entry = await enterTable(token);
      // What a mesa's join form would have kept: the mesa then opens with this person already in it.
      saveCredentials(entry.mesaId, { token: entry.token, seat: entry.seat });
      navigate(mesaPath(entry.mesaId));
    });
  return (
    <section className="table-entry" aria-labelledby="own-table">
      <h2 id="own-table">{t('own.table.title', { table: table.number })}</h2>
      <p>{t('own.table.role', { role: ROLE_LABELS[table.role] })}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void enter()}>
        {busy ? t('own.table.entering') : t('own.table.enter')}
      </button>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
