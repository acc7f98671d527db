import { Route, Switch, useLocation } from 'wouter';
import type { StlRole, StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { PATHS, entityParam, versionParams } from '../../routes';
import { NotFound } from '../../ui/NotFound';
import { FollowUp } from '../followup/FollowUp';
import { ReviewInbox } from '../review/ReviewInbox';
import { ReviewVersionPage } from '../review/ReviewVersionPage';
import { EventPage } from '../plan/EventPage';
import { PlanPage } from '../plan/PlanPage';
import { StlPlans } from '../plan/StlPlans';
import { PlenaryPage } from '../plenary/PlenaryPage';
import { StlInvitation } from './StlInvitation';
import { StlLogin } from './StlLogin';
import { StlMesas } from './StlMesas';
import { StlPasswordReset } from './StlPasswordReset';
import { StlTeam } from './StlTeam';
import { useStlSession } from './useStlSession';

/** Where a member lands: a follow-up member has only the follow-up page. */
const home = (role: StlRole) => (role === 'stl' ? PATHS.stlMesas : PATHS.stlFollowUp);

/**
 * The STL's area (the `stl…` paths of {@link PATHS}): the one-time links work without a session; every other page
 * asks to log in first, then shows the page the member's role opens.
 */
export function StlRoute() {
  const [path, navigate] = useLocation();
  const { state, setSession, retry } = useStlSession();
  const signedIn = (session: StlSession) => {
    setSession(session);
    // A member who opened a page of the area before logging in gets that page, if the member's role opens it.
    const oneTimeLink = path.startsWith(PATHS.stlInvitation) || path.startsWith(PATHS.stlPasswordReset);
    const opens = session.member.role === 'stl' || path.startsWith(PATHS.stlFollowUp);
    navigate(path === PATHS.stlLogin || oneTimeLink || !opens ? home(session.member.role) : path);
  };

  if (path.startsWith(PATHS.stlInvitation)) return <StlInvitation onAccepted={signedIn} />;
  if (path.startsWith(PATHS.stlPasswordReset)) return <StlPasswordReset onDone={signedIn} />;
  switch (state.status) {
    case 'loading':
      return (
        <main className="page-center" aria-busy="true">
          <p className="loading">{t('stl.loading')}</p>
        </main>
      );
    case 'error':
      return (
        <main className="page-center">
          <div className="card" role="alert">
            <h1>{t('stl.title')}</h1>
            <p>{state.message}</p>
            <button type="button" onClick={retry}>
              {t('error.retry')}
            </button>
          </div>
        </main>
      );
    case 'anonymous':
      return <StlLogin onLoggedIn={signedIn} />;
    case 'member': {
      const page = {
        session: state.session,
        onLoggedOut: () => {
          setSession(null);
          navigate(PATHS.stlLogin);
        },
      };
      // A follow-up member has only the follow-up page, whatever the path asked for.
      if (state.session.member.role !== 'stl') return <FollowUp {...page} />;
      return (
        <Switch>
          <Route path={PATHS.stlLogin}>
            <StlMesas {...page} />
          </Route>
          <Route path={PATHS.stlMesas}>
            <StlMesas {...page} />
          </Route>
          <Route path={PATHS.stlPlans}>
            <StlPlans {...page} />
          </Route>
          <Route path={PATHS.stlPlan}>
            {(params) => {
              const planId = entityParam(params.planId);
              return planId ? <PlanPage key={planId} {...page} planId={planId} /> : <NotFound />;
            }}
          </Route>
          <Route path={PATHS.stlEvent}>
            {(params) => {
              const eventId = entityParam(params.eventId);
              return eventId ? <EventPage key={eventId} {...page} eventId={eventId} /> : <NotFound />;
            }}
          </Route>
          <Route path={PATHS.stlPlenary}>
            {(params) => {
              const eventId = entityParam(params.eventId);
              return eventId ? <PlenaryPage key={eventId} {...page} eventId={eventId} /> : <NotFound />;
            }}
          </Route>
          <Route path={PATHS.stlReview}>
            <ReviewInbox {...page} />
          </Route>
          <Route path={PATHS.stlReviewVersion}>
            {(params) => {
              const version = versionParams(params);
              return version ? <ReviewVersionPage {...page} {...version} /> : <NotFound />;
            }}
          </Route>
          <Route path={PATHS.stlFollowUp}>
            <FollowUp {...page} />
          </Route>
          <Route path={PATHS.stlTeam}>
            <StlTeam {...page} />
          </Route>
          <Route component={NotFound} />
        </Switch>
      );
    }
  }
}
