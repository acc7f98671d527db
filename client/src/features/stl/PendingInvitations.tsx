import { STL_ROLE_LABELS, type PendingInvitation } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { revokeInvitation } from '../../api/stl';
import { useAction } from './useAction';

interface PendingInvitationsProps {
  invitations: PendingInvitation[];
  csrfToken: string;
  /** After a revocation the server accepted: what to announce. */
  onRevoked(notice: string): void;
}

/** The invitations nobody has used yet, each of which can be taken back (a wrong address, a change of plans). */
export function PendingInvitations({ invitations, csrfToken, onRevoked }: PendingInvitationsProps) {
  const { busy, failure, act } = useAction();

  const revoke = (invitation: PendingInvitation) =>
    void act(async () => {
      if (!window.confirm(t('stl.pending.confirm', { email: invitation.email }))) return;
      await revokeInvitation(csrfToken, invitation.id);
      onRevoked(t('stl.pending.revoked', { email: invitation.email }));
    });

  return (
    <section className="stl-form" aria-labelledby="stl-pending-title">
      <h2 id="stl-pending-title">{t('stl.pending.title')}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t('stl.pending.empty')}</p>
      ) : (
        <ul className="stl-members">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="stl-member" aria-label={invitation.email}>
              <p>
                <strong>{invitation.email}</strong> · {STL_ROLE_LABELS[invitation.role]}
                <br />
                <span className="muted">
                  {t('stl.pending.by', { name: invitation.invitedBy, date: formatInstant(invitation.expiresAt) })}
                </span>
              </p>
              <button type="button" onClick={() => revoke(invitation)} disabled={busy}>
                {t('stl.pending.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
