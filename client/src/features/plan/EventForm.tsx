import { useId, useState, type FormEvent } from 'react';
import {
  MODALITIES,
  MODALITY_LABELS,
  REGISTRATION_ACCESS,
  THEMES,
  createEventSchema,
  updateEventSchema,
  type CocreationEvent,
  type Modality,
  type RegistrationAccess,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useSubmit } from '../../ui/useSubmit';
import { Field } from '../../ui/Field';
import { blankEventForm, eventFormOf, eventInputOf, type EventFormValues } from './eventFormValues';

const ACCESS_LABELS = {
  open: 'event.field.access.open',
  invitation: 'event.field.access.invitation',
} as const satisfies Record<RegistrationAccess, string>;

interface Props {
  /** The event being edited; none for a new one. */
  event?: CocreationEvent;
  /** Sends the checked body; resolves with what to do after (the form resets when it was a creation). */
  onSubmit(input: unknown): Promise<unknown>;
  heading: string;
  submitLabel: string;
}

/**
 * A co-creation event's form: what, when, where, tables of how many, and registration (when it opens and
 * closes, how many, open or by invitation). Checked with the shared schema before it goes.
 */
export function EventForm({ event, onSubmit, heading, submitLabel }: Props) {
  const id = useId();
  const [values, setValues] = useState<EventFormValues>(() =>
    event ? eventFormOf(event) : blankEventForm(new Date()),
  );
  const schema = event ? updateEventSchema : createEventSchema;
  const { errors, failure, busy, submit } = useSubmit(schema, onSubmit);
  const set =
    <K extends keyof EventFormValues>(key: K) =>
    (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: e.target.value as EventFormValues[K] }));

  async function send(e: FormEvent) {
    e.preventDefault();
    const done = await submit(eventInputOf(values));
    if (done && !event) setValues(blankEventForm(new Date()));
  }

  const sizeError = errors['tableSize.minSize'] ?? errors['tableSize.maxSize'] ?? errors.tableSize;
  return (
    <form className="join stl-form event-form" onSubmit={(e) => void send(e)} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <Field label={t('event.field.title')} value={values.title} onChange={set('title')} error={errors.title} />
      <label htmlFor={`${id}-theme`}>{t('event.field.theme')}</label>
      <select
        id={`${id}-theme`}
        value={values.theme}
        onChange={set('theme')}
        aria-invalid={Boolean(errors.theme)}
        aria-describedby={errors.theme ? `${id}-theme-error` : undefined}
      >
        <option value="">{t('stl.create.themePlaceholder')}</option>
        {Object.entries(THEMES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {errors.theme && (
        <p className="field-error" id={`${id}-theme-error`}>
          {errors.theme}
        </p>
      )}
      <div className="field-pair">
        <div>
          <Field
            label={t('event.field.date')}
            type="date"
            value={values.date}
            onChange={set('date')}
            error={errors.date}
          />
        </div>
        <div>
          <Field
            label={t('event.field.startTime')}
            type="time"
            value={values.startTime}
            onChange={set('startTime')}
            error={errors.startTime}
          />
        </div>
      </div>

      <fieldset className="choice-group">
        <legend>{t('event.field.modality')}</legend>
        {MODALITIES.map((modality: Modality) => (
          <label key={modality} className="checkbox">
            <input
              type="radio"
              name={`${id}-modality`}
              value={modality}
              checked={values.modality === modality}
              onChange={set('modality')}
            />
            <span>{MODALITY_LABELS[modality]}</span>
          </label>
        ))}
      </fieldset>
      {values.modality !== 'virtual' && (
        <Field label={t('event.field.place')} value={values.place} onChange={set('place')} error={errors.place} />
      )}
      {values.modality !== 'presencial' && (
        <Field
          label={t('event.field.videoLink')}
          type="url"
          inputMode="url"
          value={values.videoLink}
          onChange={set('videoLink')}
          error={errors.videoLink}
        />
      )}

      <fieldset className="choice-group">
        <legend>{t('event.field.tableSize')}</legend>
        <p className="field-hint">{t('event.field.tableSizeHint')}</p>
        <div className="field-pair">
          <div>
            <Field
              label={t('event.field.minSize')}
              type="number"
              inputMode="numeric"
              min={2}
              max={25}
              value={values.minSize}
              onChange={set('minSize')}
              error={errors['tableSize.minSize']}
            />
          </div>
          <div>
            <Field
              label={t('event.field.maxSize')}
              type="number"
              inputMode="numeric"
              min={2}
              max={25}
              value={values.maxSize}
              onChange={set('maxSize')}
              error={sizeError === errors['tableSize.minSize'] ? undefined : sizeError}
            />
          </div>
        </div>
      </fieldset>

      <p className="field-hint">{event?.agenda ? t('event.field.agendaCustom') : t('event.field.agendaDefault')}</p>

      <fieldset className="choice-group">
        <legend>{t('event.field.registration')}</legend>
        <Field
          label={t('event.field.opensAt')}
          type="datetime-local"
          value={values.registrationOpensAt}
          onChange={set('registrationOpensAt')}
          error={errors.registrationOpensAt}
        />
        <Field
          label={t('event.field.closesAt')}
          hint={t('event.field.closesAtHint')}
          type="datetime-local"
          value={values.registrationClosesAt}
          onChange={set('registrationClosesAt')}
          // Left empty, the closing follows the date: a missing date is said once, at the date.
          error={values.registrationClosesAt === '' && errors.date ? undefined : errors.registrationClosesAt}
        />
        <Field
          label={t('event.field.capacity')}
          hint={t('event.field.capacityHint')}
          type="number"
          inputMode="numeric"
          min={1}
          value={values.capacity}
          onChange={set('capacity')}
          error={errors.capacity}
        />
        {REGISTRATION_ACCESS.map((access) => (
          <label key={access} className="checkbox">
            <input
              type="radio"
              name={`${id}-access`}
              value={access}
              checked={values.access === access}
              onChange={set('access')}
            />
            <span>{t(ACCESS_LABELS[access])}</span>
          </label>
        ))}
      </fieldset>

      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {errors._ && <p className="form-error">{errors._}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('event.form.submitting') : submitLabel}
      </button>
    </form>
  );
}
