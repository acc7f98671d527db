import { useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/es-MX';
import { t } from '../i18n/t';
import { ApiFailure } from './request';

/** What a page loaded: its fields (`T`) once ready, or the failure in Spanish. */
export type Loaded<T extends object> =
  { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & T);

/**
 * Loads what a page shows, and again on `reload` after a change, in place: what is shown stays until the answer
 * replaces it. `load` must be the same function on every render (declare it outside the component); `failure`
 * is said when the error is not the server's own.
 */
export function useLoaded<T extends object>(
  load: () => Promise<T>,
  failure: MessageKey,
): { state: Loaded<T>; reload(): void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const reload = useCallback(() => {
    load().then(
      (value) => setState({ ...value, status: 'ready' }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t(failure) }),
    );
  }, [load, failure]);
  useEffect(reload, [reload]);
  return { state, reload };
}
