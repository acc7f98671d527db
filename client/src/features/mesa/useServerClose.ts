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
 * Why the way in this page used opens nothing any more, if it does not: the STL replaced the link (the server closed
 * the socket with 4403), or seated this registrant elsewhere or in another role (4409). The provider stops
 * reconnecting after either, so the page must say why it is offline.
 */
export function useRevokedEntry(connection: MesaConnection | null): 'linkRevoked' | 'seatChanged' | null {
  const [revoked, setRevoked] = useState<'linkRevoked' | 'seatChanged' | null>(null);
  const linkRevoked = useCallback(() => setRevoked('linkRevoked'), []);
  const seatChanged = useCallback(() => setRevoked('seatChanged'), []);
  useServerClose(connection, CloseCode.linkRevoked, linkRevoked);
  useServerClose(connection, CloseCode.seatChanged, seatChanged);
  return revoked;
}
