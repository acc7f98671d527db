import { useState } from 'react';
import type { StlSession } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { LoadFailure } from '../../ui/LoadFailure';
import { InviteForm } from './InviteForm';
import { OneTimeLinks, type OneTime } from './OneTimeLinks';
import { PendingInvitations } from './PendingInvitations';
import { StlLayout } from '../../ui/StlLayout';
import { TeamMemberItem } from './TeamMemberItem';
import { useStlTeam } from './useStlTeam';

/** `/stl/equipo`: the STL's accounts, their roles and access, and invitations for new ones. */
export function StlTeam({ session, onLoggedOut }: { session: StlSession; onLoggedOut(): void }) {
  const { state, reload } = useStlTeam();
  const [announcement, setAnnouncement] = useState('');
  const [shown, setShown] = useState<OneTime | null>(null);

  return (
    <StlLayout title={t('stl.team.title')} session={session} current="equipo" onLoggedOut={onLoggedOut}>
      {shown && <OneTimeLinks shown={shown} onDismiss={() => setShown(null)} />}
      <div className="stl-columns">
        <div className="stl-side">
          <InviteForm csrfToken={session.csrfToken} onCreated={reload} />
          {state.status === 'ready' && (
            <PendingInvitations
              invitations={state.invitations}
              csrfToken={session.csrfToken}
              onRevoked={(notice) => {
                setAnnouncement(notice);
                reload();
              }}
            />
          )}
        </div>
        <section className="stl-list" aria-labelledby="stl-team-title" aria-busy={state.status === 'loading'}>
          <h2 id="stl-team-title">{t('stl.team.list')}</h2>
          <p className="muted">{t('stl.team.intro')}</p>
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {state.status === 'loading' && <p className="loading">{t('stl.team.loading')}</p>}
          {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
          {state.status === 'ready' && (
            <ul className="stl-members">
              {state.members.map((member) => (
                <TeamMemberItem
                  key={member.id}
                  member={member}
                  own={member.id === session.member.id}
                  csrfToken={session.csrfToken}
                  onChanged={(notice) => {
                    setAnnouncement(notice);
                    reload();
                  }}
                  onResetLink={(reset) =>
                    setShown({
                      title: t('stl.team.resetTitle', { name: reset.name }),
                      notice: t('stl.team.resetOnce', { email: reset.email, date: formatInstant(reset.expiresAt) }),
                      links: [{ label: t('stl.team.resetLabel'), url: reset.link }],
                    })
                  }
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </StlLayout>
  );
}
