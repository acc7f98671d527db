import type { CommitmentField } from '@cocrea/shared';
import { t } from '../../i18n/t';

/** "Observar" next to a field of the version: picks that field in the observation form. */
export function ObserveButton({
  field,
  onObserve,
}: {
  field: CommitmentField;
  onObserve(field: CommitmentField): void;
}) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => onObserve(field)}
      aria-label={t('review.observe.label', { field: field.label })}
    >
      {t('review.observe')}
    </button>
  );
}
