import { useState, type FormEvent } from 'react';
import { resetPasswordSchema, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { Field } from './Field';
import { resetPassword } from './stlApi';
import { useFragmentToken } from './useFragmentToken';
import { useSubmit } from './useSubmit';

/** `/stl/contrasena#t=…`: a member who forgot the password sets a new one with the link another member made. */
export function StlPasswordReset({ onDone }: { onDone(session: StlSession): void }) {
  const token = useFragmentToken();
  const [password, setPassword] = useState('');
  const { errors, failure, busy, submit } = useSubmit(resetPasswordSchema, (input) =>
    resetPassword(input.token, input.password),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const session = await submit({ token, password });
    if (session) onDone(session);
  }

  const tokenError = !token ? t('stl.reset.noToken') : errors.token;
  return (
    <main className="page-center">
      <form className="card join" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="stl-reset-title">
        <p className="eyebrow">{t('stl.title')}</p>
        <h1 id="stl-reset-title">{t('stl.reset.title')}</h1>
        <p className="muted">{t('stl.reset.intro')}</p>
        <Field
          label={t('stl.newPassword')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          hint={t('stl.passwordHint')}
          error={errors.password}
          autoFocus
        />
        {(failure ?? tokenError) && (
          <p className="form-error" role="alert">
            {failure ?? tokenError}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !token}>
          {busy ? t('stl.reset.submitting') : t('stl.reset.submit')}
        </button>
      </form>
    </main>
  );
}
