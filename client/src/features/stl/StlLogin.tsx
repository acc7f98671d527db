import { useState, type FormEvent } from 'react';
import { loginSchema, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { Field } from './Field';
import { login } from './stlApi';
import { useSubmit } from './useSubmit';

/** `/stl`: e-mail and password. */
export function StlLogin({ onLoggedIn }: { onLoggedIn(session: StlSession): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, failure, busy, submit } = useSubmit(loginSchema, (input) => login(input.email, input.password));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const session = await submit({ email, password });
    if (session) onLoggedIn(session);
  }

  return (
    <main className="page-center">
      <form className="card join" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="stl-login-title">
        <p className="eyebrow">{t('stl.title')}</p>
        <h1 id="stl-login-title">{t('stl.login.title')}</h1>
        <p className="muted">{t('stl.login.intro')}</p>
        <Field
          label={t('stl.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="username"
          error={errors.email}
          autoFocus
        />
        <Field
          label={t('stl.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          error={errors.password}
        />
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('stl.login.submitting') : t('stl.login.submit')}
        </button>
        <p className="muted">{t('stl.login.forgot')}</p>
      </form>
    </main>
  );
}
