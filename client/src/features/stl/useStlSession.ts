import { useCallback, useEffect, useState } from 'react';
import type { StlSession } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { fetchMe } from '../../api/stl';

export type StlSessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'member'; session: StlSession }
  | { status: 'error'; message: string };

/** Whether this browser has an STL session (asked once, from the cookie), and a way to set or drop it. */
export function useStlSession(): {
  state: StlSessionState;
  setSession(session: StlSession | null): void;
  retry(): void;
} {
  const [state, setState] = useState<StlSessionState>({ status: 'loading' });

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    fetchMe().then(
      (session) => setState({ status: 'member', session }),
      (error: unknown) => {
        if (error instanceof ApiFailure && error.status === 401) setState({ status: 'anonymous' });
        else setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t('error.generic') });
      },
    );
  }, []);

  useEffect(retry, [retry]);

  const setSession = useCallback((session: StlSession | null) => {
    setState(session ? { status: 'member', session } : { status: 'anonymous' });
  }, []);

  return { state, setSession, retry };
}
