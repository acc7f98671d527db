import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { RawData, WebSocket } from 'ws';
import {
  CloseCode,
  FANOUT_LIMIT,
  MessageType,
  RATE_LIMIT,
  SEND_QUEUE_LIMIT,
  SyncType,
  ballotSchema,
  type Ballot,
  type PresenceUser,
  type Role,
} from '@cocrea/shared';
import type { RefusedArea } from './areaLocks';
import { filterAwarenessUpdate } from './awarenessFilter';
import { changesNothing, isWellFormed, type DecodedUpdate } from './decodedUpdate';
import {
  awarenessMessage,
  refusedMessage,
  storedMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from './messages';
import type { Peer, Room } from './Room';
import { TokenBucket } from './TokenBucket';

/** Who is on the other end of a socket, derived once from the capability token at upgrade. */
export interface ConnectionContext {
  mesaId: string;
  role: Role;
  /** The hash of the capability the socket came in with: whether it still opens the mesa is checked again later. */
  capabilityHash: Buffer;
  /** What the room's awareness shows as this connection's `user`: the server's record, not the client's claim. */
  user: PresenceUser;
}

/** Where a connection hands the ballots its socket sends (message 104): the mesa's votes (`votes/VoteService`). */
export type BallotBox = (connection: Connection, room: Room, ballot: Ballot) => void;

/** A ballot is a few ids: anything longer is not one. */
const MAX_BALLOT_CHARS = 512;

/** What may wait to be sent to one socket: {@link SEND_QUEUE_LIMIT}, or smaller in a test. */
export type SendQueueLimits = { readonly [K in keyof typeof SEND_QUEUE_LIMIT]: number };

class ProtocolError extends Error {}

const BINARY = { binary: true } as const;
/** How often a socket past its send queue's pause mark is checked for having drained. */
const DRAIN_CHECK_MS = 100;
/** How long a socket closed for not reading has to take the close frame before it is dropped. */
const TOO_SLOW_TERMINATE_MS = 5_000;
/**
 * How many deliveries one socket's updates may cost in one turn of the event loop before it stops reading until the
 * next: `ws` hands over every frame it has read in one go, and the delivery budget refills by the clock, so on a
 * starved host one read of a few hundred frames took many seconds of one turn, its budget refilling meanwhile, and
 * no other socket was served until it ended. A tenth of a second's budget: typing, even in a plenary, never meets it.
 */
const DELIVERIES_PER_TURN = FANOUT_LIMIT.perSecond / 10;

/** One socket in one room: decodes, checks and routes its frames. */
export class Connection implements Peer {
  private readonly frames = new TokenBucket(RATE_LIMIT.burst, RATE_LIMIT.perSecond);
  private readonly bytes = new TokenBucket(RATE_LIMIT.burstBytes, RATE_LIMIT.bytesPerSecond);
  /** Sends to other peers that this socket's updates have cost (see {@link FANOUT_LIMIT}). */
  private readonly deliveries = new TokenBucket(FANOUT_LIMIT.burst, FANOUT_LIMIT.perSecond);
  private readonly awarenessIds = new Set<number>();
  private storedCount = 0;
  private refusedCount = 0;
  private closed = false;
  private room: Room | null = null;
  /**
   * Frames that wait, in order: while the room loads (answering them needs it), and while the socket is paced (the
   * frames `ws` had already read when it stopped reading).
   */
  private held: RawData[] = [];
  /** Set while the socket is paced: when it fires, the socket is read again and the held frames are handled. */
  private resumeTimer: NodeJS.Timeout | undefined;
  /** Set while more than `pauseBytes` wait to be sent to the socket: it is not read until they drain. */
  private drainTimer: NodeJS.Timeout | undefined;
  private terminateTimer: NodeJS.Timeout | undefined;
  /** Set while an answer to the client's sync step 1 waits to be sent (see `receiveSync`). */
  private answering = false;
  /** Deliveries charged in this turn of the event loop (see {@link DELIVERIES_PER_TURN}). */
  private deliveriesThisTurn = 0;

  constructor(
    private readonly ws: WebSocket,
    readonly context: ConnectionContext,
    private readonly limits: SendQueueLimits = SEND_QUEUE_LIMIT,
    private readonly ballots: BallotBox | null = null,
  ) {}

  /** Who votes through this socket: its seat (the person, from the join token), and its role. */
  get voter(): { seat: string | null; role: Role } {
    return { seat: this.context.user.id, role: this.context.role };
  }

  /** Whether the server has closed this socket, or begun to. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** What waits in the server's memory for this socket: to be sent, and read but not yet handled. */
  get queuedBytes(): number {
    return this.ws.bufferedAmount + this.held.reduce((total, frame) => total + byteLength(frame), 0);
  }

  get canWrite(): boolean {
    return this.context.role !== 'observer';
  }

  /**
   * Binds the connection to its loaded room. The server speaks first, as the stock server does: its state
   * vector, then who is here; then the frames that waited are handled.
   */
  attach(room: Room): void {
    this.room = room;
    this.send(syncStep1Message(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(room.awareness, states));
    this.handleHeld();
  }

  receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.close(CloseCode.unsupportedData, 'Solo se aceptan mensajes binarios.');
    if (!this.frames.take()) return this.close(CloseCode.policyViolation, 'Demasiados mensajes.');
    if (!this.bytes.take(byteLength(data))) return this.close(CloseCode.policyViolation, 'Demasiados datos.');
    if (this.room === null || this.resumeTimer !== undefined || this.drainTimer !== undefined) {
      this.held.push(data);
      return;
    }
    this.handle(this.room, data);
  }

  private get paused(): boolean {
    return this.resumeTimer !== undefined || this.drainTimer !== undefined;
  }

  /** Reads the socket again and handles the frames that waited, once neither pacing nor the send queue holds it. */
  private resumeReading(): void {
    if (this.paused) return;
    this.ws.resume();
    this.handleHeld();
  }

  /** Handles the frames that waited, in order, until the socket is paused again or closes. */
  private handleHeld(): void {
    while (this.room !== null && !this.paused && !this.closed && this.held.length > 0) {
      this.handle(this.room, this.held.shift()!);
    }
  }

  /**
   * Charges an update's deliveries; over budget, stops reading from the socket until the budget has refilled, and
   * over the turn's share (see {@link DELIVERIES_PER_TURN}) until the next turn of the event loop. The
   * timer is left to run when the socket is closed meanwhile: reading again is what lets the client's answer to the
   * close through, which would otherwise wait for ws's 30 s closing timeout.
   */
  private pace(deliveries: number): void {
    if (deliveries === 0) return;
    const waitMs = this.deliveries.charge(deliveries);
    if (this.deliveriesThisTurn === 0) setImmediate(() => (this.deliveriesThisTurn = 0));
    this.deliveriesThisTurn += deliveries;
    if (waitMs === 0 && this.deliveriesThisTurn < DELIVERIES_PER_TURN) return;
    // Over the budget, until it has refilled; over the turn's share, until the next turn (a timer of 0 waits for
    // the loop to poll the other sockets first).
    this.ws.pause();
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = undefined;
      this.resumeReading();
    }, waitMs);
  }

  private handle(room: Room, data: RawData): void {
    try {
      this.route(room, toBuffer(data));
    } catch (error) {
      if (error instanceof ProtocolError) return this.close(CloseCode.invalidPayload, error.message);
      this.close(CloseCode.invalidPayload, 'Mensaje mal formado.');
    }
  }

  private route(room: Room, bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        return this.receiveSync(room, decoder, bytes);
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        const filtered = filterAwarenessUpdate(update, this, this.awarenessIds, room, this.context.user);
        if (filtered) awarenessProtocol.applyAwarenessUpdate(room.awareness, filtered, this);
        return;
      }
      case MessageType.queryAwareness:
        this.send(awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]));
        return;
      case MessageType.ballot:
        if (this.ballots === null) throw new ProtocolError('Tipo de mensaje desconocido.');
        this.ballots(this, room, readBallot(decoder));
        // Each stored ballot is announced to every socket of the room.
        this.pace(room.peers.size - 1);
        return;
      default:
        throw new ProtocolError('Tipo de mensaje desconocido.');
    }
  }

  private receiveSync(room: Room, decoder: decoding.Decoder, frame: Uint8Array): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncType.step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      // Asked again while the previous answer still waits to be sent, the server does not answer: that answer, and
      // the updates relayed after it on the same socket, already bring the client everything the room has. Each
      // answer costs encoding up to the whole document and holds that much memory until the client reads it, so a
      // client asking many times a second and never reading took the server's memory and CPU for itself.
      if (this.answering) return;
      this.answering = true;
      this.send(syncStep2Message(room.doc, stateVector), () => {
        this.answering = false;
      });
      return;
    }
    if (syncType !== SyncType.step2 && syncType !== SyncType.update) {
      throw new ProtocolError('Tipo de mensaje de sincronización desconocido.');
    }
    const update = decoding.readVarUint8Array(decoder);
    let decoded: DecodedUpdate;
    try {
      // Decoding the whole update before storing it keeps a corrupt one out of the log, where it would
      // break every later load of the room, and out of the other replicas.
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new ProtocolError('Actualización de Yjs inválida.');
    }
    if (!isWellFormed(decoded)) throw new ProtocolError('Actualización de Yjs inválida.');
    // Read-only connections: their changes are dropped, not answered, so a stock client carries on reading.
    // An empty one (an observer's sync step 2 with nothing new) goes through like anyone's: it is acknowledged.
    const empty = changesNothing(decoded);
    if (!this.canWrite && !empty) return;
    // An update message is relayed as it came, with no re-encoding. A sync step 2 is reframed as an update: a
    // y-websocket client takes a step 2 for the end of its own first sync.
    const relayed = syncType === SyncType.update ? frame : updateMessage(update);
    room.receiveUpdate({ peer: this, update, decoded, frame: relayed });
    // Only what changes something is relayed, so only that costs deliveries.
    if (!empty) this.pace(room.peers.size - 1);
  }

  /**
   * Queues `message` for the socket, within {@link SEND_QUEUE_LIMIT}. `onSent` runs once it has left the server's
   * memory for the network (or the socket is gone).
   */
  send(message: Uint8Array, onSent?: () => void): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // Relays cannot be held back or dropped (the client's document would miss them), so past the hard mark the
    // socket goes: the client reconnects, and its sync fetches what it missed.
    // A lone frame of any size goes: a first sync answer may be larger than the mark.
    const queued = this.ws.bufferedAmount;
    if (queued > 0 && queued + message.byteLength > this.limits.closeBytes) return this.closeTooSlow();
    // Mostly no callback: a failed write destroys the socket, and its 'close' takes the connection out of the room.
    // A callback per frame costs a closure and a call on every relay, the server's most frequent operation.
    this.ws.send(message, BINARY, onSent);
    if (this.ws.bufferedAmount > this.limits.pauseBytes) this.watchDrain();
  }

  /**
   * Stops reading the socket while more than `pauseBytes` wait to be sent to it: whatever it asks would wait too.
   * Reads again once they drain; closes the socket if they do not within `closeAfterMs`.
   */
  private watchDrain(): void {
    if (this.drainTimer !== undefined) return;
    const since = performance.now();
    this.ws.pause();
    this.drainTimer = setInterval(() => {
      const drained = this.ws.bufferedAmount <= this.limits.pauseBytes;
      if (!drained && performance.now() - since < this.limits.closeAfterMs) return;
      clearInterval(this.drainTimer);
      this.drainTimer = undefined;
      if (drained) this.resumeReading();
      else this.closeTooSlow();
    }, DRAIN_CHECK_MS);
  }

  /**
   * Closes a socket that does not take what is sent to it. Its close frame waits behind everything queued, and
   * `ws` would wait 30 s for the client's answer, holding all of it: the socket is dropped if it has not closed soon.
   */
  private closeTooSlow(): void {
    if (this.closed) return;
    this.close(CloseCode.tooSlow, 'La conexión no recibe los cambios a tiempo; reconectando.');
    this.terminateTimer = setTimeout(() => this.ws.terminate(), TOO_SLOW_TERMINATE_MS);
  }

  acknowledgeStored(): void {
    // The count is cumulative, so each frame says all there is to know.
    this.storedCount++;
    this.send(storedMessage(this.storedCount));
  }

  /**
   * The update touched a locked tool: it was not stored, so it is not acknowledged as stored either. The socket
   * stays open (closing it would only have the client resend the same update on reconnect); the client learns
   * which tool refused it (or `moderation`) and keeps the change locally until the tool opens again.
   */
  refuse(area: RefusedArea): void {
    this.refusedCount++;
    this.send(refusedMessage(this.refusedCount, area));
  }

  /** Only the facilitator hides comments; a closed mesa's facilitator is an observer (`upgrade.ts`) and hides none. */
  get moderates(): boolean {
    return this.context.role === 'facilitator';
  }

  /** The person of this socket's seat, whom every comment it sends must name as its author. */
  get author(): string | null {
    return this.context.user.id;
  }

  fail(error: unknown): void {
    console.error(`room ${this.context.mesaId}: could not store an update`, error);
    this.close(CloseCode.internalError, 'No se pudo guardar el cambio; reconectando.');
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
    // The client's answer to the close comes by reading: a socket held for its send queue is read again (what it
    // sends meanwhile is ignored). A paced one is read again when its timer fires.
    if (this.drainTimer !== undefined) {
      clearInterval(this.drainTimer);
      this.drainTimer = undefined;
      this.ws.resume();
    }
  }

  /** Called once the socket is gone: forgets this connection's presence in its room. */
  dispose(): void {
    this.closed = true;
    clearTimeout(this.resumeTimer);
    clearInterval(this.drainTimer);
    clearTimeout(this.terminateTimer);
    this.held = [];
    if (this.room === null) return;
    const ids = [...this.awarenessIds];
    for (const id of ids) this.room.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.room.awareness, ids, this);
  }
}

/** A ballot as JSON, checked with the shared schema: anything else is a malformed message. */
function readBallot(decoder: decoding.Decoder): Ballot {
  const json = decoding.readVarString(decoder);
  if (json.length > MAX_BALLOT_CHARS) throw new ProtocolError('Voto mal formado.');
  let parsed;
  try {
    parsed = ballotSchema.safeParse(JSON.parse(json));
  } catch {
    throw new ProtocolError('Voto mal formado.');
  }
  if (!parsed.success) throw new ProtocolError('Voto mal formado.');
  return parsed.data;
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((total, chunk) => total + chunk.byteLength, 0) : data.byteLength;
}

/**
 * The frame as one Buffer, which is what `ws` received it as: relayed as it is, it is sent to every peer without
 * `ws` wrapping it in a new Buffer for each of them, as it does any other Uint8Array.
 */
function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return data;
}
