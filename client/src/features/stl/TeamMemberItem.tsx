import { useId } from 'react';
import {
  STL_ROLE_LABELS,
  STL_ROLES,
  type CreatedPasswordReset,
  type StlRole,
  type TeamMember,
  type UpdateMember,
} from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { useAction } from './useAction';
import { createPasswordReset, updateMember } from '../../api/stl';

interface TeamMemberItemProps {
  member: TeamMember;
  /** The signed-in member's own account: shown, not changeable (another member has to). */
  own: boolean;
  csrfToken: string;
  /** After a change the server accepted: what to announce. */
  onChanged(notice: string): void;
  /** A link for a new password was made: to show, once. */
  onResetLink(reset: CreatedPasswordReset): void;
}

/** One account of the team: its role, and whether it may sign in, changeable by another member. */
export function TeamMemberItem({ member, own, csrfToken, onChanged, onResetLink }: TeamMemberItemProps) {
  const id = useId();
  const { busy, failure, act } = useAction();

  const change = (body: UpdateMember, notice: (changed: TeamMember) => string) =>
    act(async () => {
      const { member: changed } = await updateMember(csrfToken, member.id, body);
      onChanged(notice(changed));
    });
  const makeResetLink = () => void act(async () => onResetLink(await createPasswordReset(csrfToken, member.id)));

  const disable = () => {
    if (!window.confirm(t('stl.team.confirmDisable', { name: member.name }))) return;
    void change({ active: false }, (m) => t('stl.team.disabledNotice', { name: m.name }));
  };
  const enable = () => void change({ active: true }, (m) => t('stl.team.enabledNotice', { name: m.name }));
  const setRole = (role: StlRole) =>
    void change({ role }, (m) => t('stl.team.roleNotice', { name: m.name, role: STL_ROLE_LABELS[m.role] }));

  const disabled = member.disabledAt !== null;
  return (
    <li className="stl-member" aria-labelledby={`${id}-name`}>
      <p>
        <strong id={`${id}-name`}>{member.name}</strong> {own && <span className="muted">{t('stl.team.you')}</span>}
        <br />
        <span className="muted">{member.email}</span>
        <br />
        <span className="muted">
          {member.lastSignedInAt === null
            ? t('stl.team.neverSignedIn')
            : t('stl.team.lastSignedIn', { date: formatInstant(member.lastSignedInAt) })}
        </span>
      </p>
      <p className={disabled ? 'mesa-state is-closed' : 'mesa-state is-open'}>{accessState(member)}</p>
      <div className="stl-member-actions">
        <label htmlFor={`${id}-role`}>
          {t('stl.team.role')}
          <span className="visually-hidden"> {t('stl.team.roleOf', { name: member.name })}</span>
        </label>
        <select
          id={`${id}-role`}
          value={member.role}
          disabled={own || busy}
          aria-describedby={own ? `${id}-own` : undefined}
          onChange={(e) => setRole(e.target.value as StlRole)}
        >
          {STL_ROLES.map((role) => (
            <option key={role} value={role}>
              {STL_ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        {own ? (
          <span className="field-hint" id={`${id}-own`}>
            {t('stl.team.ownHint')}
          </span>
        ) : disabled ? (
          <button type="button" onClick={enable} disabled={busy}>
            {t('stl.team.enable')}
          </button>
        ) : (
          <>
            <button type="button" onClick={makeResetLink} disabled={busy}>
              {t('stl.team.reset')}
            </button>
            <button type="button" className="danger" onClick={disable} disabled={busy}>
              {t('stl.team.disable')}
            </button>
          </>
        )}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

function accessState({ disabledAt, disabledBy }: TeamMember): string {
  if (disabledAt === null) return t('stl.team.active');
  const date = formatInstant(disabledAt);
  return disabledBy === null
    ? t('stl.team.disabledByAdmin', { date })
    : t('stl.team.disabled', { date, name: disabledBy });
}
