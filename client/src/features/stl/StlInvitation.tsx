import { useState, type FormEvent } from 'react';
import { acceptInvitationSchema, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { Field } from './Field';
import { acceptInvitation } from './stlApi';
import { useFragmentToken } from './useFragmentToken';
import { useSubmit } from './useSubmit';

/** `/stl/invitacion#t=…`: the invitee chooses a name and a password, and is logged in. */
export function StlInvitation({ onAccepted }: { onAccepted(session: StlSession): void }) {
  const token = useFragmentToken();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { errors, failure, busy, submit } = useSubmit(acceptInvitationSchema, (input) =>
    acceptInvitation(input.token, input.name, input.password),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const session = await submit({ token, name, password });
    if (session) onAccepted(session);
  }

  const tokenError = !token ? t('stl.invitation.noToken') : errors.token;
  return (
    <main className="page-center">
      <form className="card join" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="stl-invite-title">
        <p className="eyebrow">{t('stl.title')}</p>
        <h1 id="stl-invite-title">{t('stl.invitation.title')}</h1>
        <p className="muted">{t('stl.invitation.intro')}</p>
        <Field
          label={t('stl.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          error={errors.name}
          autoFocus
        />
        <Field
          label={t('stl.newPassword')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          hint={t('stl.passwordHint')}
          error={errors.password}
        />
        {(failure ?? tokenError) && (
          <p className="form-error" role="alert">
            {failure ?? tokenError}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !token}>
          {busy ? t('stl.invitation.submitting') : t('stl.invitation.submit')}
        </button>
      </form>
    </main>
  );
}
