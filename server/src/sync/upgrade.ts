import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { SYNC_PATH, capabilityTokenSchema, mesaIdSchema, seatTokenSchema, type PresenceUser } from '@cocrea/shared';
import { hashToken } from '../auth/tokens';
import type { MesaStore } from '../storage/Storage';
import type { ConnectionContext } from './Connection';
import { checkProtocolVersion } from './protocolVersion';

export type UpgradeDecision =
  /** `outdated`: the client speaks a protocol version this server does not; its socket is closed once open. */
  | { ok: true; context: ConnectionContext; outdated: boolean }
  | { ok: false; status: 400 | 401 | 403 | 404; message: string };

/**
 * Decides whether an upgrade request may become a sync socket, before anything is allocated for it. Browsers
 * always send `Origin`; one from another site is a cross-site WebSocket hijack attempt. Programs send none.
 */
export async function authorizeUpgrade(
  req: IncomingMessage,
  store: MesaStore,
  allowedOrigins: readonly string[],
): Promise<UpgradeDecision> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const prefix = `${SYNC_PATH}/`;
  if (!url.pathname.startsWith(prefix)) return { ok: false, status: 404, message: 'Ruta no encontrada.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !isAllowedOrigin(origin, req.headers.host, allowedOrigins)) {
    return { ok: false, status: 403, message: 'Origen no permitido.' };
  }
  const version = checkProtocolVersion(url);
  if (version === 'malformed') return { ok: false, status: 400, message: 'La versión del protocolo no es válida.' };
  const mesaId = url.pathname.slice(prefix.length);
  const mesa = mesaIdSchema.safeParse(mesaId).success ? await store.getMesa(mesaId) : null;
  if (!mesa) return { ok: false, status: 404, message: 'La mesa no existe.' };
  const token = url.searchParams.get('token') ?? '';
  const capabilityHash = hashToken(token);
  const role = capabilityTokenSchema.safeParse(token).success ? await store.findRole(mesa.id, capabilityHash) : null;
  if (role === null) return { ok: false, status: 401, message: 'El enlace de acceso no es válido para esta mesa.' };
  // A seat names the person (from their join); without one the socket is anonymous, as a script's would be.
  const seat = url.searchParams.get('seat');
  let user: PresenceUser = { id: null, role, name: null, color: null };
  if (seat !== null) {
    const participant = seatTokenSchema.safeParse(seat).success
      ? await store.findParticipant(mesa.id, hashToken(seat))
      : null;
    if (participant === null || participant.role !== role) {
      return { ok: false, status: 401, message: 'El registro de participante no es válido para esta mesa.' };
    }
    user = { id: participant.id, role, name: participant.name, color: participant.color };
  }
  // A closed mesa is read-only for everyone: every socket gets an observer's rights; presence keeps the link's role.
  return {
    ok: true,
    context: { mesaId: mesa.id, role: mesa.closedAt === null ? role : 'observer', capabilityHash, user },
    outdated: version === 'unsupported',
  };
}

function isAllowedOrigin(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

const STATUS_TEXT = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
} as const;

/** Answers a refused upgrade with a plain HTTP response and drops the socket. */
export function refuseUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT, message: string): void {
  const body = JSON.stringify({ error: { code: `upgrade_${status}`, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.destroy();
}
