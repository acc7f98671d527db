import { useCallback, useState } from 'react';
import type { AgendaSnapshot } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import type { AgendaApi } from '../../api/agenda';
import { useAgendaRoom } from './useAgendaRoom';

export interface AgendaAction {
  /** Sends a change; resolves true once the server accepted it, false if it refused (see `error`). */
  run(change: (api: AgendaApi) => Promise<AgendaSnapshot>): Promise<boolean>;
  pending: boolean;
  /** The server's reason in Spanish, or ours when the network failed. */
  error: string | null;
}

/**
 * One facilitator request at a time, with its pending state and its error. The answer (the agenda after the
 * change) is shown at once, without waiting for the same snapshot to come round on the socket.
 */
export function useAgendaAction(): AgendaAction {
  const { api, connection } = useAgendaRoom();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (change: (api: AgendaApi) => Promise<AgendaSnapshot>) => {
      setPending(true);
      setError(null);
      try {
        connection.receiveAgenda(await change(api));
        return true;
      } catch (failure) {
        setError(failure instanceof ApiFailure ? failure.message : t('error.generic'));
        return false;
      } finally {
        setPending(false);
      }
    },
    [api, connection],
  );
  return { run, pending, error };
}
