import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as string from 'lib0/string';

/** A connection may speak for at most this many awareness client ids (one per open tab's Y.Doc is the norm). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;
/** An awareness state carries a name, a cursor and a selection; 16 KiB of JSON is generous. */
const MAX_STATE_BYTES = 16 * 1024;
/**
 * A client's own change carries its own states (the stock client has one), but the stock client also sends back
 * every change it receives from the room (y-websocket's provider ignores the origin of an awareness change): in a
 * plenary of 250, messages of 250 states, most of them others'. Those are skipped unread, a few varints each; this
 * bounds a frame of nothing else, at four client ids for every socket of the largest plenary.
 */
export const MAX_STATES_PER_UPDATE = 4096;

/**
 * The owner of a client id whose state came from another instance's socket. A socket here may take it over with
 * a newer state (its person moved here when their instance died): an echo carries a state it was sent, never newer.
 */
export const REMOTE_OWNER = Symbol('another instance');

export interface AwarenessOwnership {
  /** Which connection owns each awareness client id in the room. */
  owners: Map<number, unknown>;
  /** The room's awareness: the clock of each client id's latest state. */
  awareness: { meta: Map<number, { clock: number }> };
}

/**
 * Rewrites an incoming awareness update so that it only speaks for client ids this connection owns (claiming
 * unowned ones, up to a limit), and so that the `user` field is the server's record of who joined, not
 * whatever the client claims. Returns null when nothing is left. Throws on a malformed update, and on one of more
 * than {@link MAX_STATES_PER_UPDATE} states.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  connection: unknown,
  ownIds: Set<number>,
  room: AwarenessOwnership,
  user: object,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_STATES_PER_UPDATE) throw new Error(`an awareness update of ${count} states`);
  const kept: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // The state's bytes, not yet a string: another's state (an echo) is skipped without decoding it.
    const bytes = decoding.readVarUint8Array(decoder);
    let owner = room.owners.get(clientId);
    if (owner === REMOTE_OWNER && clock > (room.awareness.meta.get(clientId)?.clock ?? -1)) owner = undefined;
    if (owner !== undefined && owner !== connection) continue;
    if (owner === undefined) {
      if (ownIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
      room.owners.set(clientId, connection);
      ownIds.add(clientId);
    }
    if (bytes.length > MAX_STATE_BYTES) continue;
    const state = string.decodeUtf8(bytes);
    const parsed: unknown = JSON.parse(state);
    if (parsed === null) {
      kept.push({ clientId, clock, state });
    } else if (typeof parsed === 'object' && !Array.isArray(parsed)) {
      kept.push({ clientId, clock, state: JSON.stringify({ ...parsed, user }) });
    }
  }
  if (kept.length === 0) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(e, k.clientId);
    encoding.writeVarUint(e, k.clock);
    encoding.writeVarString(e, k.state);
  }
  return encoding.toUint8Array(e);
}
