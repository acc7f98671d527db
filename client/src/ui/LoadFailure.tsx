import { t } from '../i18n/t';

/** Why something did not load, said as an alert, with the way to try again. */
export function LoadFailure({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div role="alert">
      <p className="form-error">{message}</p>
      <button type="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
