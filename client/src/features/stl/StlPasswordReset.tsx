import { useState } from 'react';
import { resetPasswordSchema, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CardForm } from './CardForm';
import { NewPasswordField } from './NewPasswordField';
import { resetPassword } from '../../api/stl';
import { useFragmentToken } from './useFragmentToken';
import { useSubmit } from '../../ui/useSubmit';

/** `/stl/contrasena#t=…`: a member who forgot the password sets a new one with the link another member made. */
export function StlPasswordReset({ onDone }: { onDone(session: StlSession): void }) {
  const token = useFragmentToken();
  const [password, setPassword] = useState('');
  const { errors, failure, busy, submit } = useSubmit(resetPasswordSchema, (input) =>
    resetPassword(input.token, input.password),
  );

  async function onSubmit() {
    const session = await submit({ token, password });
    if (session) onDone(session);
  }

  return (
    <CardForm
      title={t('stl.reset.title')}
      intro={t('stl.reset.intro')}
      failure={failure ?? (!token ? t('stl.reset.noToken') : errors.token)}
      busy={busy}
      blocked={!token}
      submit={t('stl.reset.submit')}
      submitting={t('stl.reset.submitting')}
      onSubmit={() => void onSubmit()}
    >
      <NewPasswordField value={password} onChange={setPassword} error={errors.password} autoFocus />
    </CardForm>
  );
}
