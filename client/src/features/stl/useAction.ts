import { useState } from 'react';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';

/** A button's call to the server: busy while it runs, and its failure in Spanish for the page to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  }

  return { busy, failure, act };
}
