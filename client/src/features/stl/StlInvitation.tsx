import { useState } from 'react';
import { acceptInvitationSchema, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CardForm } from './CardForm';
import { Field } from '../../ui/Field';
import { NewPasswordField } from './NewPasswordField';
import { acceptInvitation } from '../../api/stl';
import { useFragmentToken } from './useFragmentToken';
import { useSubmit } from '../../ui/useSubmit';

/** `/stl/invitacion#t=…`: the invitee chooses a name and a password, and is logged in. */
export function StlInvitation({ onAccepted }: { onAccepted(session: StlSession): void }) {
  const token = useFragmentToken();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { errors, failure, busy, submit } = useSubmit(acceptInvitationSchema, (input) =>
    acceptInvitation(input.token, input.name, input.password),
  );

  async function onSubmit() {
    const session = await submit({ token, name, password });
    if (session) onAccepted(session);
  }

  return (
    <CardForm
      title={t('stl.invitation.title')}
      intro={t('stl.invitation.intro')}
      failure={failure ?? (!token ? t('stl.invitation.noToken') : errors.token)}
      busy={busy}
      blocked={!token}
      submit={t('stl.invitation.submit')}
      submitting={t('stl.invitation.submitting')}
      onSubmit={() => void onSubmit()}
    >
      <Field
        label={t('stl.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="name"
        error={errors.name}
        autoFocus
      />
      <NewPasswordField value={password} onChange={setPassword} error={errors.password} />
    </CardForm>
  );
}
