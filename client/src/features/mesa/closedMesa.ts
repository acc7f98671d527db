import type { MesaSession } from '@cocrea/shared';

/**
 * A closed mesa is read-only for everyone: its page treats every link as an observer's, as the sync server does.
 * The session keeps the mesa's `closedAt`, so the page says why.
 */
export function readOnlyWhenClosed(session: MesaSession): MesaSession {
  return session.mesa.closedAt === null ? session : { ...session, role: 'observer' };
}
