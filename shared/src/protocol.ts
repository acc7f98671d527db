/**
 * The wire protocol of the sync endpoint: the standard y-websocket framing (a varUint message type, then its
 * payload) plus one Cocrea message. Kept here so the server, the client and the tests agree on every number.
 */

/** y-websocket message types (y-websocket 3.x, y-protocols 1.x). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Cocrea's own: server → client, `varUint(count)`: how many update-bearing sync messages (sync step 2 and
   * update) this connection has sent that are now durably stored. Stock clients log and ignore it.
   */
  stored: 100,
  /**
   * Cocrea's own: server → client, `varString(JSON)` of an `AgendaSnapshot` (the agenda, the timer's state, the
   * tool locks and the server's clock). Sent on attach and after every accepted change. Only the server speaks
   * it: a client that sends it is closed with 1007 like any unknown type.
   */
  agenda: 101,
  /**
   * Cocrea's own: server → client, `varUint(count) varString(tool)`: an update-bearing sync message touched a
   * locked tool and was neither stored nor relayed; `count` is how many of this connection's messages have been
   * refused so far. Each such message is either stored (counted by `stored`) or refused (counted here).
   */
  refused: 102,
  /**
   * Cocrea's own: server → client, `varString(JSON)` of a `MesaNotice`: a version saved, its review status moved,
   * an observation written or answered. Sent once, when it happens, to every socket of the mesa on every instance;
   * a page that was not open reads the same facts from the API when it opens. Stock clients log and ignore it.
   */
  notice: 103,
  /**
   * Cocrea's own: client → server, `varString(JSON)` of a `Ballot`: one dot put on or taken back from an item of the
   * open vote, as the socket's seat (its person; observers and sockets without a seat are refused). Answered with
   * {@link MessageType.ownBallot}; a stock client never sends it.
   */
  ballot: 104,
  /**
   * Cocrea's own: server → client, `varString(JSON)` of a `VoteMessage`: the mesa's vote as everybody sees it (open
   * or closed, how many have voted, the ranking once closed; never who voted what). Sent on attach and after every
   * stored ballot, opening and closing, to every socket of the mesa on every instance. Stock clients ignore it.
   */
  vote: 105,
  /**
   * Cocrea's own: server → client, `varString(JSON)` of an `OwnBallot`: where this seat's own dots are, and why a
   * ballot was refused. Sent only to the sockets of that seat: on attach, and after each of its ballots.
   */
  ownBallot: 106,
} as const;

/** y-protocols sync sub-types, the second varUint of a `sync` message. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** WebSocket close codes the sync endpoint uses. 1xxx are RFC 6455; 44xx tell a y-websocket 3 client not to retry. */
export const CloseCode = {
  /** Server shutting down (SIGTERM); the client reconnects to the next instance. */
  goingAway: 1001,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** A frame that does not decode as a y-websocket message, or carries a corrupt Yjs update. */
  invalidPayload: 1007,
  /** Too many messages: the per-socket rate limit. */
  policyViolation: 1008,
  /** A frame above {@link MAX_MESSAGE_BYTES}. */
  messageTooBig: 1009,
  /** The server hit an internal error while serving this socket. */
  internalError: 1011,
  /** The STL closed the mesa: the client reconnects, read-only from then on, and should ask for its session again. */
  mesaClosed: 4000,
  /**
   * The socket did not take what the server sent it: past {@link SEND_QUEUE_LIMIT}'s bytes waiting to be sent.
   * The client reconnects, and its sync fetches what it missed.
   */
  tooSlow: 4001,
  /** The STL replaced the link this socket came in with: the old link opens nothing any more, so no retry. */
  linkRevoked: 4403,
  /**
   * The STL changed this person's place at the event (another table, or another role at it): the way in they used
   * opens nothing any more, so no retry; their registration page leads to where they sit now.
   */
  seatChanged: 4409,
  /**
   * The client speaks a protocol version the server no longer (or does not yet) speak (see {@link PROTOCOL_VERSION}):
   * no retry; the page must be reloaded to get the server's own client. Mirrors HTTP 426 Upgrade Required.
   */
  outdatedClient: 4426,
} as const;

/**
 * The version of the sync protocol and of the document schema it carries, as Cocrea's client sends it in the query
 * parameter {@link PROTOCOL_VERSION_PARAM} (`?v=1`). The server accepts the versions from its minimum up to this
 * one, and takes a client that sends none (a stock y-websocket client written from docs/api.md) for version 1. A
 * change that clients of the previous version cannot follow (a message they misread, a document schema their code
 * would write wrongly) bumps this and the server's minimum (`server/src/sync/protocolVersion.ts`): browsers still
 * running the older code are then closed with {@link CloseCode.outdatedClient} and asked to reload.
 */
export const PROTOCOL_VERSION = 1;

/** The query parameter that carries {@link PROTOCOL_VERSION}. */
export const PROTOCOL_VERSION_PARAM = 'v';

/**
 * The largest frame the server accepts. A client returning from a long offline session sends its whole
 * missing state in one sync step 2; a full mesa document (300-node tree, commitment draft, history) stays
 * well under 1 MiB, so 8 MiB leaves room without letting one frame hold much of the server's memory.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * Per-socket token buckets, one counting frames and one counting bytes: bursts of typing and cursor moves pass,
 * floods do not. Bytes need their own budget because the server's work grows with them (decoding, storing and
 * applying an update, or answering a state vector, costs about 0.1 s of CPU per MiB), so 400 frames of a few MiB
 * each would stall every room on the server for minutes. The byte burst lets a client back from offline send two
 * of the largest frames at once; sustained editing is a few KiB a second, far below the refill.
 */
export const RATE_LIMIT = {
  burst: 400,
  perSecond: 200,
  burstBytes: 2 * MAX_MESSAGE_BYTES,
  bytesPerSecond: 256 * 1024,
} as const;

/**
 * Per-socket budget of deliveries: each update a socket sends costs one per other peer in its room, since the server
 * sends it to each of them. The frame budget alone let one client, at 200 tiny updates a second, make a plenary of
 * 250 cost the server 50,000 sends a second, which is more than it has for all its rooms together. A socket over
 * this budget is paced rather than closed: the server stops reading from it until the budget refills, so its
 * updates arrive late but whole, and the room's other sockets go on as before. People typing fast in a plenary (15
 * updates a second to 249 peers) stay well inside it; below 50 peers the frame budget is the tighter one.
 */
export const FANOUT_LIMIT = {
  burst: 20_000,
  perSecond: 10_000,
} as const;

/**
 * What the server lets wait to be sent to one socket, not yet taken by the network: a client that does not read
 * (a script asking for the whole document again and again, or a laptop on a failing link) would otherwise hold
 * the server's memory without limit.
 * - Past `pauseBytes`, the server stops reading from the socket: each frame it reads may cost an answer that would
 *   wait too. A client's first sync answer (the whole document, up to about 1 MiB) fits below it.
 * - Past `pauseBytes` for `closeAfterMs`, or past `closeBytes` at once (two of the largest frames: the relays of a
 *   room's busiest moment, which the server cannot hold back), the socket is closed with {@link CloseCode}.tooSlow.
 */
export const SEND_QUEUE_LIMIT = {
  pauseBytes: 2 * 1024 * 1024,
  closeBytes: 2 * MAX_MESSAGE_BYTES,
  closeAfterMs: 30_000,
} as const;

/** The WebSocket path prefix; the room name (the mesa id) follows it, the capability token is `?token=`. */
export const SYNC_PATH = '/sync';

/**
 * Presence changes (cursors, who edits what) of a room go out to its peers together, at most once in this many
 * milliseconds: each change is sent to every peer, so a room where everyone moves a cursor (20 changes a second
 * each) costs peers² sends a second, 12 500 at 25 and 1.25 million in a plenary of 250, and one client sending as
 * fast as the rate limit lets it would alone cost 200 × peers. Held changes go out as one message: 500 sends a second
 * whatever the room's size up to 250 peers (a plenary of 250 sees cursors move twice a second, which is what 250
 * cursors on one screen can be read at; at 10 a second they cost each browser some 210 KiB/s), 2 a second per peer
 * beyond. A change after a quiet spell goes out at once. Clients send their cursor no more often than this either:
 * the server would keep only the latest.
 */
export function presenceWindowMs(peers: number): number {
  return Math.min(500, 2 * peers);
}
