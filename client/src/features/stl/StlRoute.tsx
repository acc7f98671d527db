import type { StlRole, StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { FollowUp } from '../followup/FollowUp';
import { ReviewInbox } from '../review/ReviewInbox';
import { ReviewVersionPage } from '../review/ReviewVersionPage';
import { StlInvitation } from './StlInvitation';
import { StlLogin } from './StlLogin';
import { StlMesas } from './StlMesas';
import { StlPasswordReset } from './StlPasswordReset';
import { StlTeam } from './StlTeam';
import { useLocationPath } from './useLocationPath';
import { useStlSession } from './useStlSession';

/** Where a member lands: a follow-up member has only the follow-up page. */
const home = (role: StlRole) => (role === 'stl' ? '/stl/mesas' : '/stl/seguimiento');

/**
 * The STL's pages: `/stl` (log in), `/stl/invitacion#t=…` (accept an invitation), `/stl/contrasena#t=…` (set a
 * new password), `/stl/mesas` (the mesas),
 * `/stl/revision` (the review inbox), `/stl/revision/<mesa>/<n>` (one version), `/stl/seguimiento` (follow-up)
 * and `/stl/equipo` (the team's accounts, and invitations).
 */
export function StlRoute() {
  const [path, navigate] = useLocationPath();
  const { state, setSession, retry } = useStlSession();
  const signedIn = (session: StlSession) => {
    setSession(session);
    // A member who opened a page of the area before logging in gets that page, if the member's role opens it.
    const oneTimeLink = path.startsWith('/stl/invitacion') || path.startsWith('/stl/contrasena');
    const opens = session.member.role === 'stl' || path.startsWith('/stl/seguimiento');
    navigate(path === '/stl' || oneTimeLink || !opens ? home(session.member.role) : path);
  };

  if (path.startsWith('/stl/invitacion')) return <StlInvitation onAccepted={signedIn} />;
  if (path.startsWith('/stl/contrasena')) return <StlPasswordReset onDone={signedIn} />;
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
        navigate,
        onLoggedOut: () => {
          setSession(null);
          navigate('/stl');
        },
      };
      const version = /^\/stl\/revision\/([A-Za-z0-9_-]{16})\/([1-9]\d{0,8})\/?$/.exec(path);
      if (path.startsWith('/stl/seguimiento') || state.session.member.role !== 'stl') return <FollowUp {...page} />;
      if (version) return <ReviewVersionPage {...page} mesaId={version[1]!} number={Number(version[2])} />;
      if (/^\/stl\/revision\/?$/.test(path)) return <ReviewInbox {...page} />;
      if (/^\/stl\/equipo\/?$/.test(path)) return <StlTeam {...page} />;
      return <StlMesas {...page} />;
    }
  }
}
