import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A connection may speak for at most this many awareness client ids (one per open tab's Y.Doc is the norm). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;
/** An awareness state carries a name, a cursor and a selection; 16 KiB is generous. */
const MAX_STATE_CHARS = 16 * 1024;
/**
 * A client's update carries its own states, one per document it has open (the stock client sends one). Every entry
 * is decoded and parsed, so a frame of hundreds of thousands of them would hold the server for a second.
 */
const MAX_STATES_PER_UPDATE = 64;

export interface AwarenessOwnership {
  /** Which connection owns each awareness client id in the room. */
  owners: Map<number, unknown>;
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
    const state = decoding.readVarString(decoder);
    const owner = room.owners.get(clientId);
    if (owner !== undefined && owner !== connection) continue;
    if (owner === undefined) {
      if (ownIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
      room.owners.set(clientId, connection);
      ownIds.add(clientId);
    }
    if (state.length > MAX_STATE_CHARS) continue;
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
