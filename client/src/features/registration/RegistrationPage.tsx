import { useCallback, useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { SECTORS, registerSchema, type PublicEvent, type Sector } from '@cocrea/shared';
import { fetchPublicEvent, register } from '../../api/registration';
import { useLoaded } from '../../api/useLoaded';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { ownRegistrationPath } from '../../routes';
import { loadRegistration, saveRegistration } from '../../session/registrations';
import { useSubmit } from '../../ui/useSubmit';
import { Field } from '../../ui/Field';
import { EventFacts } from './EventFacts';
import { useFragmentSecret } from './useFragmentSecret';

/**
 * `/evento/:eventId/registro`: anyone with the link (or, for an event by invitation, its secret after `#i=`)
 * registers once: name, sector, organisation, an optional e-mail, the Chatham House rule and the plan's privacy
 * notice, shown in full. Their own page opens after, and this browser keeps its key.
 */
export function RegistrationPage({ eventId }: { eventId: string }) {
  const load = useCallback(async () => ({ page: await fetchPublicEvent(eventId) }), [eventId]);
  const { state, reload } = useLoaded(load, 'registration.loadError');
  const invitation = useFragmentSecret('i');
  const [kept] = useState(() => loadRegistration(eventId));

  return (
    <main className="page-center registration">
      <div className="card wide-card">
        {state.status === 'loading' && (
          <p className="loading" aria-busy="true">
            {t('registration.loading')}
          </p>
        )}
        {state.status === 'error' && (
          <div role="alert">
            <h1>{t('registration.loadErrorTitle')}</h1>
            <p>{state.message}</p>
            <button type="button" onClick={reload}>
              {t('error.retry')}
            </button>
          </div>
        )}
        {state.status === 'ready' && (
          <>
            <p className="eyebrow">
              {t('registration.eyebrow', { plan: state.page.plan.title, period: state.page.plan.period })}
            </p>
            <h1>{state.page.event.title}</h1>
            <EventFacts event={state.page.event} />
            {kept && (
              <p className="banner-info">
                {t('registration.already')}{' '}
                <Link href={ownRegistrationPath(eventId)}>{t('registration.alreadyLink')}</Link>
              </p>
            )}
            <Closed page={state.page} invited={invitation !== null} />
            {state.page.event.registrationStatus === 'open' &&
              (state.page.event.access === 'open' || invitation !== null) && (
                <RegistrationForm page={state.page} invitation={invitation} />
              )}
          </>
        )}
      </div>
    </main>
  );
}

/** Why nobody can register now, when that is so. */
function Closed({ page: { event }, invited }: { page: PublicEvent; invited: boolean }) {
  const message =
    event.registrationStatus === 'not_open'
      ? t('registration.notOpen', { date: formatInstant(event.registrationOpensAt) })
      : event.registrationStatus === 'closed'
        ? t('registration.closed', { date: formatInstant(event.registrationClosesAt) })
        : event.registrationStatus === 'full'
          ? t('registration.full')
          : event.access === 'invitation' && !invited
            ? t('registration.invitationOnly')
            : null;
  return message ? (
    <p className="banner-error" role="alert">
      {message}
    </p>
  ) : null;
}

function RegistrationForm({ page, invitation }: { page: PublicEvent; invitation: string | null }) {
  const id = useId();
  const eventId = page.event.id;
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [organization, setOrganization] = useState('');
  const [email, setEmail] = useState('');
  const [chatham, setChatham] = useState(false);
  const [privacy, setPrivacy] = useState(false);
  const { errors, failure, busy, submit } = useSubmit(registerSchema, (input) => register(eventId, input, invitation));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const created = await submit({
      name,
      sector,
      organization,
      email,
      acceptsChathamHouse: chatham,
      acceptsPrivacyNotice: privacy,
    });
    if (!created) return;
    saveRegistration(eventId, { registrationId: created.registration.id, secret: created.token });
    navigate(ownRegistrationPath(eventId));
  }

  const err = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form className="join" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registration.title')}</h2>
      <p className="muted">{t('registration.intro')}</p>
      <Field
        label={t('join.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        autoComplete="name"
      />
      <label htmlFor={`${id}-sector`}>{t('join.sector')}</label>
      <select
        id={`${id}-sector`}
        value={sector}
        onChange={(e) => setSector(e.target.value as Sector)}
        aria-invalid={Boolean(errors.sector)}
        aria-describedby={describedBy('sector')}
      >
        <option value="">{t('join.sector.placeholder')}</option>
        {Object.entries(SECTORS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {err('sector')}
      <Field
        label={t('join.organization')}
        value={organization}
        onChange={(e) => setOrganization(e.target.value)}
        error={errors.organization}
        autoComplete="organization"
      />
      <Field
        label={t('registration.email')}
        hint={t('registration.emailHint')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        autoComplete="email"
      />

      <label className="checkbox">
        <input
          type="checkbox"
          checked={chatham}
          onChange={(e) => setChatham(e.target.checked)}
          aria-invalid={Boolean(errors.acceptsChathamHouse)}
          aria-describedby={describedBy('acceptsChathamHouse')}
        />
        <span>{t('join.chatham')}</span>
      </label>
      {err('acceptsChathamHouse')}

      <section className="privacy-notice" aria-labelledby={`${id}-privacy`}>
        <h3 id={`${id}-privacy`}>{t('registration.privacyTitle')}</h3>
        <p className="notice-text">{page.plan.privacyNotice}</p>
      </section>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={privacy}
          onChange={(e) => setPrivacy(e.target.checked)}
          aria-invalid={Boolean(errors.acceptsPrivacyNotice)}
          aria-describedby={describedBy('acceptsPrivacyNotice')}
        />
        <span>{t('registration.privacyAccept')}</span>
      </label>
      {err('acceptsPrivacyNotice')}

      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('registration.submitting') : t('registration.submit')}
      </button>
    </form>
  );
}
