import { useCallback, useRef, useState } from 'react';
import type { AgendaSnapshot } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import type { AgendaApi } from '../../api/agenda';
import { serialRunner } from './serialRunner';
import { useAgendaRoom } from './useAgendaRoom';

export interface AgendaAction {
  /**
   * Sends a change once the earlier ones have been answered; resolves true once the server accepted it, false if it
   * refused (see `error`) or the change sent nothing (it answered null).
   */
  run(change: (api: AgendaApi) => Promise<AgendaSnapshot | null>): Promise<boolean>;
  pending: boolean;
  /** The server's reason in Spanish, or ours when the network failed. */
  error: string | null;
}

/**
 * One facilitator request at a time, with its pending state and its error. Requests made while one is on its way
 * wait for its answer, so that a change can be built on the agenda that answer brings (`connection.getAgenda()`)
 * rather than be refused as stale. The answer (the agenda after the change) is shown at once, without waiting for
 * the same snapshot to come round on the socket.
 */
export function useAgendaAction(): AgendaAction {
  const { api, connection } = useAgendaRoom();
  const [waiting, setWaiting] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const serial = useRef(serialRunner());
  const run = useCallback(
    (change: (api: AgendaApi) => Promise<AgendaSnapshot | null>) => {
      setWaiting((n) => n + 1);
      return serial.current(async () => {
        setError(null);
        try {
          const answer = await change(api);
          if (answer === null) return false;
          connection.receiveAgenda(answer);
          return true;
        } catch (failure) {
          setError(failure instanceof ApiFailure ? failure.message : t('error.generic'));
          return false;
        } finally {
          setWaiting((n) => n - 1);
        }
      });
    },
    [api, connection],
  );
  return { run, pending: waiting > 0, error };
}
