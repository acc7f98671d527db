import { useId, useState, type FormEvent } from 'react';
import { STL_ROLES, createInvitationSchema, type CreatedInvitation, type StlRole } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { Field } from '../../ui/Field';
import { OneTimeLinks } from './OneTimeLinks';
import { createInvitation } from '../../api/stl';
import { useSubmit } from '../../ui/useSubmit';

/** Invites another person to the STL: a one-time link, shown once, to send them. */
export function InviteForm({ csrfToken, onCreated }: { csrfToken: string; onCreated(): void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StlRole>('stl');
  const [invitation, setInvitation] = useState<CreatedInvitation | null>(null);
  const { errors, failure, busy, submit } = useSubmit(createInvitationSchema, (input) =>
    createInvitation(csrfToken, input.email, input.role),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const created = await submit({ email, role });
    if (!created) return;
    setEmail('');
    setInvitation(created);
    onCreated();
  }

  return (
    <>
      <form className="join stl-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('stl.invite.title')}</h2>
        <p className="muted">{t('stl.invite.intro')}</p>
        <Field
          label={t('stl.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
          error={errors.email}
        />
        <label htmlFor={`${id}-role`}>{t('stl.invite.role')}</label>
        <p className="field-hint" id={`${id}-role-hint`}>
          {t('stl.invite.roleHint')}
        </p>
        <select
          id={`${id}-role`}
          value={role}
          aria-describedby={`${id}-role-hint`}
          onChange={(e) => setRole(e.target.value as StlRole)}
        >
          {STL_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(value === 'stl' ? 'stl.invite.role.stl' : 'stl.invite.role.seguimiento')}
            </option>
          ))}
        </select>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('stl.invite.submitting') : t('stl.invite.submit')}
        </button>
      </form>
      {invitation && (
        <OneTimeLinks
          shown={{
            title: t('stl.invite.link', { email: invitation.email }),
            notice: t('stl.invite.once', { email: invitation.email, date: formatInstant(invitation.expiresAt) }),
            links: [{ label: t('stl.invite.linkLabel'), url: invitation.link }],
          }}
          onDismiss={() => setInvitation(null)}
        />
      )}
    </>
  );
}
