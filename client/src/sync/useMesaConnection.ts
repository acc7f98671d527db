import { useEffect, useState } from 'react';
import type { Participant } from '@cocrea/shared';
import type { Credentials } from '../session/credentials';
import { MesaConnection } from './MesaConnection';

/** Opens the mesa's live document for as long as the component is mounted. */
export function useMesaConnection(
  mesaId: string,
  credentials: Credentials,
  participant: Participant | null,
): MesaConnection | null {
  const [connection, setConnection] = useState<MesaConnection | null>(null);
  useEffect(() => {
    const next = new MesaConnection(mesaId, credentials);
    if (participant) {
      // Our own entry, as the server will show it to others (the server overrides whatever we put here).
      next.awareness.setLocalStateField('user', {
        id: participant.id,
        role: participant.role,
        name: participant.name,
        color: participant.color,
      });
    }
    setConnection(next);
    return () => {
      next.destroy();
      setConnection(null);
    };
  }, [mesaId, credentials, participant]);
  return connection;
}
