import { useId, useState, type FormEvent, type RefObject } from 'react';
import { createObservationSchema, type AuthoredObservation, type CommitmentField } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useSubmit } from '../../ui/useSubmit';
import { addObservation } from '../../api/review';

interface ObservationFormProps {
  mesaId: string;
  number: number;
  csrfToken: string;
  fields: readonly CommitmentField[];
  /** The field chosen, `''` for the commitment as a whole; "Observar" next to a field sets it. */
  path: string;
  onPathChange(path: string): void;
  textRef: RefObject<HTMLTextAreaElement | null>;
  onAdded(observation: AuthoredObservation): void;
}

/** A new observation on one field of the version (or on the whole commitment). */
export function ObservationForm(props: ObservationFormProps) {
  const { mesaId, number, csrfToken, fields, path, onPathChange, textRef, onAdded } = props;
  const id = useId();
  const [text, setText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const { errors, failure, busy, submit } = useSubmit(createObservationSchema, (input) =>
    addObservation(csrfToken, mesaId, number, input),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAnnouncement('');
    const added = await submit({ path, text });
    if (!added) return;
    setText('');
    setAnnouncement(t('review.observations.added'));
    onAdded(added);
  }

  return (
    <form
      className="review-card stl-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('review.observations.new')}</h2>
      <label htmlFor={`${id}-path`}>{t('review.observations.field')}</label>
      <select
        id={`${id}-path`}
        value={path}
        onChange={(e) => onPathChange(e.target.value)}
        aria-invalid={Boolean(errors.path)}
        aria-describedby={errors.path ? `${id}-path-error` : undefined}
      >
        <option value="">{t('review.observations.general')}</option>
        {fields.map((field) => (
          <option key={field.path} value={field.path}>
            {field.label}
          </option>
        ))}
      </select>
      {errors.path && (
        <p className="field-error" id={`${id}-path-error`}>
          {errors.path}
        </p>
      )}
      <label htmlFor={`${id}-text`}>{t('review.observations.text')}</label>
      <textarea
        id={`${id}-text`}
        ref={textRef}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={Boolean(errors.text)}
        aria-describedby={errors.text ? `${id}-text-error` : undefined}
      />
      {errors.text && (
        <p className="field-error" id={`${id}-text-error`}>
          {errors.text}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('review.observations.adding') : t('review.observations.add')}
      </button>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}
