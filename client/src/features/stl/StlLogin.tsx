import { useState } from 'react';
import { loginSchema, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CardForm } from './CardForm';
import { Field } from '../../ui/Field';
import { login } from '../../api/stl';
import { useSubmit } from '../../ui/useSubmit';

/** `/stl`: e-mail and password. */
export function StlLogin({ onLoggedIn }: { onLoggedIn(session: StlSession): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, failure, busy, submit } = useSubmit(loginSchema, (input) => login(input.email, input.password));

  async function onSubmit() {
    const session = await submit({ email, password });
    if (session) onLoggedIn(session);
  }

  return (
    <CardForm
      title={t('stl.login.title')}
      intro={t('stl.login.intro')}
      failure={failure}
      busy={busy}
      submit={t('stl.login.submit')}
      submitting={t('stl.login.submitting')}
      onSubmit={() => void onSubmit()}
      footer={<p className="muted">{t('stl.login.forgot')}</p>}
    >
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
    </CardForm>
  );
}
