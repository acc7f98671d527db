import { useCallback, useEffect, useState } from 'react';
import { CloseCode } from '@cocrea/shared';
import type { MesaConnection } from '../../sync/MesaConnection';

/** Calls `onClose` each time the server closes the mesa's socket with `code`. */
export function useServerClose(connection: MesaConnection | null, code: number, onClose: () => void): void {
  useEffect(() => {
    if (!connection) return;
    const listener = (event: CloseEvent | null) => {
      if (event?.code === code) onClose();
    };
    connection.provider.on('connection-close', listener);
    return () => connection.provider.off('connection-close', listener);
  }, [connection, code, onClose]);
}

/**
 * Whether the STL has replaced the link this page came in with (the server closed the socket with 4403). The old
 * link opens nothing any more and the provider stops reconnecting, so the page must say why it is offline.
 */
export function useLinkRevoked(connection: MesaConnection | null): boolean {
  const [revoked, setRevoked] = useState(false);
  const revoke = useCallback(() => setRevoked(true), []);
  useServerClose(connection, CloseCode.linkRevoked, revoke);
  return revoked;
}
