import { useId, useState } from 'react';
import { observationResponseSchema, type MesaObservation } from '@cocrea/shared';
import { respondToObservation } from '../../api/commitment';
import { t } from '../../i18n/t';
import { useSubmit } from '../../ui/useSubmit';

interface ObservationResponseFormProps {
  mesaId: string;
  token: string;
  observation: MesaObservation;
  /** The observation as the server stored it: the panel reads everything again. */
  onAnswered(): void;
}

/** The facilitator answers one STL observation for the mesa, and marks it "atendida" or not. */
export function ObservationResponseForm({ mesaId, token, observation, onAnswered }: ObservationResponseFormProps) {
  const id = useId();
  const [text, setText] = useState(observation.response?.text ?? '');
  const [attended, setAttended] = useState(observation.response?.attended ?? false);
  const { errors, failure, busy, submit } = useSubmit(observationResponseSchema, (input) =>
    respondToObservation(mesaId, token, observation.id, input),
  );
  return (
    <form
      className="observation-response"
      // Not part of the shared draft: Ctrl+Z here is the browser's own (see useCommitmentUndo).
      data-own-undo
      aria-label={t('commitment.observations.respondTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit({ text, attended }).then((answered) => {
          if (answered) onAnswered();
        });
      }}
    >
      <label htmlFor={`${id}-text`}>{t('commitment.observations.responseLabel')}</label>
      <textarea
        id={`${id}-text`}
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={errors.text ? true : undefined}
        aria-describedby={errors.text ? `${id}-error` : undefined}
      />
      {errors.text && (
        <p id={`${id}-error`} className="field-problem">
          {errors.text}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={attended} onChange={(event) => setAttended(event.target.checked)} />{' '}
        {t('commitment.observations.attendedLabel')}
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('commitment.observations.responding') : t('commitment.observations.respond')}
      </button>
      {failure && (
        <p role="alert" className="field-problem">
          {failure}
        </p>
      )}
    </form>
  );
}
