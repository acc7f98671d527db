import type { StlSession } from '@cocrea/shared';
import { Link, useLocation } from 'wouter';
import { listPlans } from '../../api/plan';
import { useLoaded } from '../../api/useLoaded';
import { t } from '../../i18n/t';
import { planPath } from '../../routes';
import { LoadFailure } from '../../ui/LoadFailure';
import { StlLayout } from '../../ui/StlLayout';
import { PlanCreateForm } from './PlanCreateForm';

/** `/stl/planes`: the Planes de Acción Local, and a new one (which opens once created). */
export function StlPlans({ session, onLoggedOut }: { session: StlSession; onLoggedOut(): void }) {
  const { state, reload } = useLoaded(listPlans, 'plan.list.error');
  const [, navigate] = useLocation();
  return (
    <StlLayout title={t('plan.list.title')} session={session} current="planes" onLoggedOut={onLoggedOut}>
      <div className="stl-columns">
        <div className="stl-side">
          <PlanCreateForm csrfToken={session.csrfToken} onCreated={(plan) => navigate(planPath(plan.id))} />
        </div>
        <section className="stl-list" aria-labelledby="plan-list-title" aria-busy={state.status === 'loading'}>
          <h2 id="plan-list-title">{t('plan.list.title')}</h2>
          <p className="muted">{t('plan.list.intro')}</p>
          {state.status === 'loading' && <p className="loading">{t('plan.list.loading')}</p>}
          {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
          {state.status === 'ready' && state.plans.length === 0 && <p className="muted">{t('plan.list.empty')}</p>}
          {state.status === 'ready' && state.plans.length > 0 && (
            <ul className="stl-mesas">
              {state.plans.map((plan) => (
                <li key={plan.id} className="stl-mesa">
                  <h3>
                    <Link href={planPath(plan.id)}>{plan.title}</Link>
                  </h3>
                  <p className="muted">{t('plan.meta', { period: plan.period, entity: plan.entity })}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </StlLayout>
  );
}
