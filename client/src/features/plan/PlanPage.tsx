import { useCallback, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ROLES, THEMES, type CreateEvent, type CreatedMesa, type Role, type StlSession } from '@cocrea/shared';
import { createEvent, fetchPlan } from '../../api/plan';
import { useLoaded } from '../../api/useLoaded';
import { formatDay } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { PATHS, eventPath, planDocumentPath } from '../../routes';
import type { MessageKey } from '../../i18n/es-MX';
import { LoadFailure } from '../../ui/LoadFailure';
import { StlLayout } from '../../ui/StlLayout';
import { MesaCreateForm } from '../stl/MesaCreateForm';
import { OneTimeLinks, type OneTime } from '../stl/OneTimeLinks';
import { ProactivePhaseLine } from '../proactive/ProactivePhaseLine';
import { EventForm } from './EventForm';
import { RegistrationStatusPill } from './RegistrationStatusPill';
import { keepFreshLink } from './freshLink';

/** A compromiso proactivo's links say what each is for: the STL's own, and phase 3's invitation to organisations. */
const PROACTIVE_LINK_LABELS: Record<Role, MessageKey> = {
  facilitator: 'proactive.links.facilitator',
  participant: 'proactive.links.participant',
  observer: 'proactive.links.observer',
};

interface Props {
  session: StlSession;
  onLoggedOut(): void;
  planId: string;
}

/**
 * `/stl/planes/:planId`: a plan's events (each opens its page) and every mesa in it, compromisos proactivos with their
 * phase; a new event, or a new compromiso proactivo, whose links are shown once.
 */
export function PlanPage({ session, onLoggedOut, planId }: Props) {
  const load = useCallback(() => fetchPlan(planId), [planId]);
  const { state, reload } = useLoaded(load, 'plan.page.error');
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState<'event' | 'proactive' | null>(null);
  const [shown, setShown] = useState<OneTime | null>(null);
  const title = state.status === 'ready' ? state.plan.title : t('plan.page.loadingTitle');

  const create = async (input: unknown) => {
    const created = await createEvent(session.csrfToken, planId, input as CreateEvent);
    if (created.event.access === 'invitation') keepFreshLink(created.event.id, created.registrationLink);
    navigate(eventPath(created.event.id));
    return created;
  };

  const proposed = ({ mesa, links }: CreatedMesa) => {
    setCreating(null);
    setShown({
      title: t('stl.links.title', { title: mesa.title }),
      notice: t('stl.links.once'),
      links: ROLES.map((role) => ({ label: t(PROACTIVE_LINK_LABELS[role]), url: links[role] })),
    });
    reload();
  };

  return (
    <StlLayout
      title={title}
      session={session}
      current="planes"
      onLoggedOut={onLoggedOut}
      busy={state.status === 'loading'}
    >
      <p>
        <Link href={PATHS.stlPlans}>{t('plan.back')}</Link>
      </p>
      {state.status === 'loading' && <p className="loading">{t('plan.page.loading')}</p>}
      {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p className="muted">{t('plan.meta', { period: state.plan.period, entity: state.plan.entity })}</p>
          {shown && <OneTimeLinks shown={shown} onDismiss={() => setShown(null)} />}
          <p>
            {/* A plain link, not the app's: the document is public and is opened to be printed, often in a tab. */}
            <a href={planDocumentPath(state.plan.id)}>{t('plan.document')}</a>
          </p>
          <div className="stl-columns">
            <div className="stl-side">
              {creating === 'event' && (
                <EventForm heading={t('event.create.title')} submitLabel={t('event.create.submit')} onSubmit={create} />
              )}
              {creating === 'proactive' && (
                <MesaCreateForm csrfToken={session.csrfToken} onCreated={proposed} proactiveIn={planId} />
              )}
              {creating === null && (
                <>
                  <button type="button" className="primary wide" onClick={() => setCreating('event')}>
                    {t('event.create.open')}
                  </button>
                  <button type="button" className="wide" onClick={() => setCreating('proactive')}>
                    {t('proactive.create.open')}
                  </button>
                </>
              )}
              <details className="stl-form">
                <summary>{t('plan.privacyNotice')}</summary>
                <p className="notice-text">{state.plan.privacyNotice}</p>
              </details>
            </div>
            <div>
              <section className="stl-list" aria-labelledby="plan-events-title">
                <h2 id="plan-events-title">{t('plan.events.title')}</h2>
                {state.events.length === 0 ? (
                  <p className="muted">{t('plan.events.empty')}</p>
                ) : (
                  <ul className="stl-mesas">
                    {state.events.map((event) => (
                      <li key={event.id} className="stl-mesa">
                        <h3>
                          <Link href={eventPath(event.id)}>{event.title}</Link>
                        </h3>
                        <p className="muted">
                          {t('event.meta', {
                            theme: THEMES[event.theme],
                            date: formatDay(event.date),
                            time: event.startTime,
                          })}
                        </p>
                        <p>
                          <RegistrationStatusPill status={event.registrationStatus} />{' '}
                          {t('event.counts', { registered: event.registered, tables: event.tables })}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="stl-list" aria-labelledby="plan-mesas-title">
                <h2 id="plan-mesas-title">{t('plan.mesas.title')}</h2>
                {state.mesas.length === 0 ? (
                  <p className="muted">{t('plan.mesas.empty')}</p>
                ) : (
                  <ul className="stl-mesas">
                    {state.mesas.map((mesa) => (
                      <li key={mesa.id} className="stl-mesa">
                        <h3>{mesa.title}</h3>
                        <p className="muted">
                          {THEMES[mesa.theme]} · {formatDay(mesa.date)} ·{' '}
                          {mesa.closedAt ? t('plan.mesa.closed') : t('stl.mesa.open')} ·{' '}
                          {t('stl.mesa.attendance', { count: mesa.attendance.total })}
                        </p>
                        <ProactivePhaseLine mesa={mesa} />
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <Link href={PATHS.stlMesas}>{t('plan.mesas.manage')}</Link>
                </p>
              </section>
            </div>
          </div>
        </>
      )}
    </StlLayout>
  );
}
