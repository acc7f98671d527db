import { useEffect, useState } from 'react';
import { CloseCode } from '@cocrea/shared';
import type { MesaConnection } from '../../sync/MesaConnection';

/**
 * Calls `onClosed` when the server closes the mesa's socket because the STL closed the mesa (code 4000): the
 * socket comes back read-only by itself, and the page should ask for its session again to become read-only too.
 */
export function useMesaClosed(connection: MesaConnection | null, onClosed: () => void): void {
  useEffect(() => {
    if (!connection) return;
    const listener = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.mesaClosed) onClosed();
    };
    connection.provider.on('connection-close', listener);
    return () => connection.provider.off('connection-close', listener);
  }, [connection, onClosed]);
}

/**
 * Whether the STL has replaced the link this page came in with (the server closed the socket with 4403). The old
 * link opens nothing any more and the provider stops reconnecting, so the page must say why it is offline.
 */
export function useLinkRevoked(connection: MesaConnection | null): boolean {
  const [revoked, setRevoked] = useState(false);
  useEffect(() => {
    if (!connection) return;
    const listener = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.linkRevoked) setRevoked(true);
    };
    connection.provider.on('connection-close', listener);
    return () => connection.provider.off('connection-close', listener);
  }, [connection]);
  return revoked;
}
