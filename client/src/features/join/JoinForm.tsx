import { useId, useState, type FormEvent } from 'react';
import {
  ROLE_LABELS,
  SECTORS,
  THEMES,
  joinMesaSchema,
  fieldErrors,
  type Participant,
  type Sector,
  type MesaSession,
} from '@cocrea/shared';
import { joinMesa } from '../../api/mesas';
import { ApiFailure } from '../../api/request';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';

interface Props {
  session: MesaSession;
  token: string;
  onJoined(participant: Participant, seat: string): void;
}

/** Name, sector, organisation and the Chatham House rule: asked once per browser and mesa. */
export function JoinForm({ session, token, onJoined }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [organization, setOrganization] = useState('');
  const [accepts, setAccepts] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = joinMesaSchema.safeParse({ name, sector, organization, acceptsChathamHouse: accepts });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { participant, seat } = await joinMesa(session.mesa.id, token, parsed.data);
      onJoined(participant, seat);
    } catch (error) {
      if (error instanceof ApiFailure) {
        setErrors(error.fields);
        setFailure(error.message);
      } else setFailure(t('error.generic'));
      setBusy(false);
    }
  }

  const err = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <main className="page-center">
      <form className="card join" onSubmit={(e) => void submit(e)} noValidate>
        <p className="eyebrow">
          {THEMES[session.mesa.theme]} · {session.mesa.date}
        </p>
        <h1>{session.mesa.title}</h1>
        <h2>{t('join.title')}</h2>
        <p className="muted">{t('join.intro')}</p>
        <p className="role-pill">
          {session.mesa.closedAt === null
            ? t('join.role', { role: ROLE_LABELS[session.role] })
            : t('join.roleClosed', { role: ROLE_LABELS[session.role], date: formatInstant(session.mesa.closedAt) })}
        </p>

        <label htmlFor={`${id}-name`}>{t('join.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          aria-invalid={Boolean(errors.name)}
          aria-describedby={describedBy('name')}
          autoFocus
        />
        {err('name')}

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

        <label htmlFor={`${id}-org`}>{t('join.organization')}</label>
        <input
          id={`${id}-org`}
          value={organization}
          onChange={(e) => setOrganization(e.target.value)}
          autoComplete="organization"
          aria-invalid={Boolean(errors.organization)}
          aria-describedby={describedBy('organization')}
        />
        {err('organization')}

        <label className="checkbox">
          <input
            type="checkbox"
            checked={accepts}
            onChange={(e) => setAccepts(e.target.checked)}
            aria-invalid={Boolean(errors.acceptsChathamHouse)}
            aria-describedby={describedBy('acceptsChathamHouse')}
          />
          <span>{t('join.chatham')}</span>
        </label>
        {err('acceptsChathamHouse')}

        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
    </main>
  );
}
