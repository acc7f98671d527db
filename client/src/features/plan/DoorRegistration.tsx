import { useId, useState, type FormEvent } from 'react';
import { SECTORS, registerSchema, type CreatedRegistration, type Sector } from '@cocrea/shared';
import { registerAtDoor } from '../../api/plan';
import { t } from '../../i18n/t';
import { useSubmit } from '../../ui/useSubmit';
import { CopyField } from '../stl/CopyField';
import { Field } from '../../ui/Field';

interface Props {
  eventId: string;
  csrfToken: string;
  onRegistered(): void;
}

/**
 * Etapa 0 at the door: the STL registers who arrives without having registered (past the closing or the
 * capacity too), after the person heard the Chatham House rule and the privacy notice. The person's own link is
 * shown once, to hand over; they are then seated as a late arrival.
 */
export function DoorRegistration({ eventId, csrfToken, onRegistered }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [organization, setOrganization] = useState('');
  const [email, setEmail] = useState('');
  const [chatham, setChatham] = useState(false);
  const [privacy, setPrivacy] = useState(false);
  const [created, setCreated] = useState<CreatedRegistration | null>(null);
  const { errors, failure, busy, submit } = useSubmit(registerSchema, (input) =>
    registerAtDoor(csrfToken, eventId, input),
  );

  async function send(e: FormEvent) {
    e.preventDefault();
    const answer = await submit({
      name,
      sector,
      organization,
      email,
      acceptsChathamHouse: chatham,
      acceptsPrivacyNotice: privacy,
    });
    if (!answer) return;
    setCreated(answer);
    setName('');
    setSector('');
    setOrganization('');
    setEmail('');
    setChatham(false);
    setPrivacy(false);
    onRegistered();
  }

  return (
    <details className="door">
      <summary>{t('door.open')}</summary>
      {created && (
        <div className="one-time">
          <p className="one-time-notice" role="status">
            {t('door.done', { name: created.registration.name })}
          </p>
          <CopyField label={t('door.link', { name: created.registration.name })} value={created.link} />
        </div>
      )}
      <form className="join" onSubmit={(e) => void send(e)} noValidate aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('door.title')}</h3>
        <Field label={t('join.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <label htmlFor={`${id}-sector`}>{t('join.sector')}</label>
        <select
          id={`${id}-sector`}
          value={sector}
          onChange={(e) => setSector(e.target.value as Sector)}
          aria-invalid={Boolean(errors.sector)}
          aria-describedby={errors.sector ? `${id}-sector-error` : undefined}
        >
          <option value="">{t('join.sector.placeholder')}</option>
          {Object.entries(SECTORS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {errors.sector && (
          <p className="field-error" id={`${id}-sector-error`}>
            {errors.sector}
          </p>
        )}
        <Field
          label={t('join.organization')}
          value={organization}
          onChange={(e) => setOrganization(e.target.value)}
          error={errors.organization}
        />
        <Field
          label={t('registration.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <label className="checkbox">
          <input type="checkbox" checked={chatham} onChange={(e) => setChatham(e.target.checked)} />
          <span>{t('door.chatham')}</span>
        </label>
        {errors.acceptsChathamHouse && <p className="field-error">{errors.acceptsChathamHouse}</p>}
        <label className="checkbox">
          <input type="checkbox" checked={privacy} onChange={(e) => setPrivacy(e.target.checked)} />
          <span>{t('door.privacy')}</span>
        </label>
        {errors.acceptsPrivacyNotice && <p className="field-error">{errors.acceptsPrivacyNotice}</p>}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('registration.submitting') : t('door.submit')}
        </button>
      </form>
    </details>
  );
}
