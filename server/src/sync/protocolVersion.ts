import type { WebSocket } from 'ws';
import { CloseCode, PROTOCOL_VERSION, PROTOCOL_VERSION_PARAM } from '@cocrea/shared';

/**
 * The oldest protocol version this server speaks. Raise it (with `PROTOCOL_VERSION`) when clients of older versions
 * can no longer take part: they are then closed with 4426 and their page asks to be reloaded. While it is 1, a
 * client that sends no version (a stock y-websocket client, as docs/api.md describes) is accepted.
 */
export const MIN_PROTOCOL_VERSION = 1;

/** The version a client that sends none is taken to speak: the protocol as first documented. */
const UNVERSIONED = 1;

/** What a socket's `?v=` says: a version this server speaks, one it does not, or not a version at all. */
export type ProtocolVersionCheck = 'supported' | 'unsupported' | 'malformed';

export function checkProtocolVersion(url: URL): ProtocolVersionCheck {
  const raw = url.searchParams.get(PROTOCOL_VERSION_PARAM);
  if (raw !== null && !/^\d{1,6}$/.test(raw)) return 'malformed';
  const version = raw === null ? UNVERSIONED : Number(raw);
  return version >= MIN_PROTOCOL_VERSION && version <= PROTOCOL_VERSION ? 'supported' : 'unsupported';
}

/**
 * Closes an accepted socket whose client speaks another version, with a code that tells a y-websocket client not to
 * retry (4400–4499): refusing the upgrade instead would only show a browser a failed connection, which y-websocket
 * retries for ever. The page shows the reason, and reloading gets the client this server serves.
 */
export function closeOutdatedClient(ws: WebSocket): void {
  ws.close(CloseCode.outdatedClient, 'Hay una versión nueva de Cocrea: recargue la página.');
}
