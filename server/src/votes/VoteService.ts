import * as Y from 'yjs';
import {
  ballotRefusal,
  presenceWindowMs,
  rankVote,
  voteItems,
  voteTool,
  wellFormedJson,
  type Ballot,
  type BallotRefusalReason,
  type OpenVote,
  type OwnBallot,
  type Role,
  type VoteMessage,
  type VoteState,
} from '@cocrea/shared';
import { KeyedQueue } from '../KeyedQueue';
import { generateId } from '../auth/tokens';
import type { Bus } from '../cluster/Bus';
import type { DocStore, SeatBallot, StoredVote, VoteStore } from '../storage/Storage';
import { ownBallotMessage, voteMessage } from '../sync/messages';
import type { Room } from '../sync/Room';

/** Why the facilitator's request was refused: another vote is open, or there is no such vote. */
export class VoteRefusal extends Error {
  constructor(
    readonly code: 'vote_open' | 'vote_not_found',
    message: string,
  ) {
    super(message);
  }
}

/** A socket as votes see it: who is on it (its seat, from the join; its role, from the link) and how to reach it. */
export interface Voter {
  readonly voter: { readonly seat: string | null; readonly role: Role };
  send(message: Uint8Array): void;
}

/** What votes need of the rooms: the resident room of a mesa, to tell its sockets. */
export interface VoteRooms {
  get(mesaId: string): Room | undefined;
}

/**
 * Runs the mesa's dot votes. The ballots are the store's, per seat, never in the Y.Doc (whose items carry their
 * author's client id); what leaves the server is the vote's aggregate state, to every socket of the mesa (message
 * 105), and each seat's own dots, to that seat's sockets only (message 106). The counts per item leave only once the
 * facilitator closes the vote.
 *
 * Every change of one mesa's vote goes through one queue (as the agenda's do), so states are published in the order
 * they were stored; across processes the store serializes ballots (one transaction per ballot), and a state from
 * another instance older than what a room has is dropped.
 */
export class VoteService {
  /** Each mesa's queue of vote changes. */
  private readonly queue = new KeyedQueue();
  /** The vote and revision each room has last been told, to drop states that crossed on the bus. */
  private readonly roomStates = new WeakMap<Room, VoteState>();
  /** Each room's states waiting to go out together (see {@link VoteService.sendToRoom}). */
  private readonly outboxes = new WeakMap<Room, Outbox>();

  constructor(
    private readonly store: VoteStore & DocStore,
    private readonly rooms: VoteRooms,
    private readonly bus: Pick<Bus, 'publish'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The mesa's vote as everybody sees it now. */
  async current(mesaId: string): Promise<VoteMessage> {
    return { vote: toState(await this.store.currentVote(mesaId)) };
  }

  /** The facilitator opens a vote; refused while another is open. */
  open(mesaId: string, request: OpenVote): Promise<VoteMessage> {
    return this.queue.run(mesaId, async () => {
      const opened = await this.store.openVote({ id: generateId(), mesaId, openedAt: this.stamp(), ...request });
      if (!opened) {
        throw new VoteRefusal('vote_open', 'Ya hay una votación abierta en esta mesa: ciérrela antes de abrir otra.');
      }
      return this.publish(mesaId, await this.current(mesaId));
    });
  }

  /**
   * The facilitator closes the vote: its counts, labelled with the items' texts now, become its ranking, and its
   * ballots are forgotten. Closing a closed vote answers it as it is.
   */
  close(mesaId: string, voteId: string): Promise<VoteMessage> {
    return this.queue.run(mesaId, async () => {
      const current = await this.store.currentVote(mesaId);
      const doc = await this.readDoc(mesaId);
      let closed: StoredVote | null;
      try {
        const items = current?.id === voteId ? voteItems(doc.doc, current.target) : [];
        closed = await this.store.closeVote(mesaId, voteId, this.stamp(), (counts) => rankVote(items, counts));
      } finally {
        doc.release();
      }
      if (!closed) throw new VoteRefusal('vote_not_found', 'Esa votación no existe en esta mesa.');
      return this.publish(mesaId, { vote: toState(closed) });
    });
  }

  /** Closes the mesa's open vote, if it has one (the STL closed the mesa: its facilitator no longer can). */
  async closeOpen(mesaId: string): Promise<void> {
    const current = await this.store.currentVote(mesaId);
    if (current !== null && current.closedAt === null) await this.close(mesaId, current.id);
  }

  /**
   * A ballot from a socket of `room`: stored if its seat may cast it, then the new state goes to everybody and the
   * seat's own dots to its sockets; refused otherwise, and only that socket hears why.
   */
  cast(peer: Voter, room: Room, ballot: Ballot): void {
    this.queue
      .run(room.name, async () => {
        const refuse = (reason: BallotRefusalReason, votesPerPerson: number, items: SeatBallot) =>
          peer.send(
            ownBallotMessage(wellFormedJson(ownBallot(ballot.voteId, items, ballotRefusal(reason, votesPerPerson)))),
          );
        const { seat, role } = peer.voter;
        if (role === 'observer') return refuse('observer', 0, {});
        if (seat === null) return refuse('no_seat', 0, {});
        const vote = await this.store.currentVote(room.name);
        if (!vote || vote.id !== ballot.voteId || vote.closedAt !== null) return refuse('closed', 0, {});
        const mine = () => this.store.seatBallot(vote.id, seat);
        if (room.isLocked(voteTool(vote.target))) return refuse('locked', vote.votesPerPerson, await mine());
        if (ballot.change === 1 && !voteItems(room.doc, vote.target).some((item) => item.id === ballot.itemId)) {
          return refuse('unknown_item', vote.votesPerPerson, await mine());
        }
        const result = await this.store.castBallot(vote.id, seat, ballot.itemId, ballot.change);
        if (!result.ok) return refuse(result.reason, vote.votesPerPerson, result.ballot);
        this.tellSeat(room, seat, ownBallot(vote.id, result.ballot, null));
        this.bus.publish(room.name, { kind: 'ballot', seat });
        this.publish(room.name, { vote: toState(result.vote) });
      })
      .catch((error: unknown) => console.error(`votes ${room.name}: could not take a ballot`, error));
  }

  /** Sends a newly attached socket the vote, and its seat's own dots, in order with what is published to its room. */
  greet(peer: Voter, mesaId: string): void {
    this.queue
      .run(mesaId, async () => {
        const state = await this.current(mesaId);
        peer.send(voteMessage(wellFormedJson(state)));
        const { seat } = peer.voter;
        if (state.vote?.status !== 'open' || seat === null) return;
        const items = await this.store.seatBallot(state.vote.id, seat);
        peer.send(ownBallotMessage(wellFormedJson(ownBallot(state.vote.id, items, null))));
      })
      .catch((error: unknown) => console.error(`votes ${mesaId}: could not greet a socket`, error));
  }

  /** A state stored by this or another instance, for a room here: sent to its sockets unless it has a newer one. */
  publishToRoom(room: Room, message: VoteMessage): void {
    const { vote } = message;
    const known = this.roomStates.get(room);
    if (vote === null || (known && isOlder(vote, known))) return;
    this.roomStates.set(room, vote);
    this.sendToRoom(room, message);
  }

  /**
   * Sends a room's sockets its vote's state, gathering states over the room's presence window as presence is: each
   * stored ballot changes the state, and in a plenary of 250 voting at once, one send per socket per ballot would
   * be 62 500 sends for one round of dots. Only the latest state of a window goes out (every state is whole, and
   * clients keep the highest revision); one after a quiet spell goes at once. A voter's own dots (106) never wait.
   */
  private sendToRoom(room: Room, message: VoteMessage): void {
    let outbox = this.outboxes.get(room);
    if (!outbox) this.outboxes.set(room, (outbox = { sentAt: -Infinity, pending: null, timer: undefined }));
    const box = outbox;
    box.pending = message;
    if (box.timer !== undefined) return;
    const flush = () => {
      box.timer = undefined;
      if (box.pending === null) return;
      box.sentAt = performance.now();
      room.broadcast(voteMessage(wellFormedJson(box.pending)));
      box.pending = null;
    };
    const wait = box.sentAt + presenceWindowMs(room.peers.size) - performance.now();
    if (wait <= 0) flush();
    else box.timer = setTimeout(flush, wait).unref();
  }

  /** Another instance stored a ballot of `seat`: its sockets here learn their dots from the store. */
  seatChanged(room: Room, seat: string): void {
    this.queue
      .run(room.name, async () => {
        const state = await this.current(room.name);
        if (state.vote === null) return;
        const items = state.vote.status === 'open' ? await this.store.seatBallot(state.vote.id, seat) : {};
        this.tellSeat(room, seat, ownBallot(state.vote.id, items, null));
      })
      .catch((error: unknown) => console.error(`votes ${room.name}: could not refresh a seat`, error));
  }

  /** The state `room` has, as instances compare it in their heads: `id:revision`, or null before any. */
  keyOf(room: Room): string | null {
    const state = this.roomStates.get(room);
    return state ? `${state.id}:${state.revision}` : null;
  }

  /** The room may have missed states published elsewhere (the bus was away): publishes the stored one. */
  refreshRoom(room: Room): void {
    this.queue
      .run(room.name, async () => this.publishToRoom(room, await this.current(room.name)))
      .catch((error: unknown) => console.error(`votes ${room.name}: could not refresh a room`, error));
  }

  private publish(mesaId: string, message: VoteMessage): VoteMessage {
    const room = this.rooms.get(mesaId);
    if (room) this.publishToRoom(room, message);
    this.bus.publish(mesaId, { kind: 'vote', message });
    return message;
  }

  private tellSeat(room: Room, seat: string, ballot: OwnBallot): void {
    const frame = ownBallotMessage(wellFormedJson(ballot));
    for (const peer of room.peers) if (isVoter(peer) && peer.voter.seat === seat) peer.send(frame);
  }

  /** The mesa's document: its resident room's, or read from storage when no socket of it is on this instance. */
  private async readDoc(mesaId: string): Promise<{ doc: Y.Doc; release(): void }> {
    const room = this.rooms.get(mesaId);
    if (room) return { doc: room.doc, release: () => {} };
    const stored = await this.store.loadDoc(mesaId);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update);
    });
    return { doc, release: () => doc.destroy() };
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}

interface Outbox {
  sentAt: number;
  pending: VoteMessage | null;
  timer: NodeJS.Timeout | undefined;
}

function isVoter(peer: unknown): peer is Voter {
  return typeof peer === 'object' && peer !== null && 'voter' in peer;
}

/** Of two states, whether `vote` is behind `known`: an older vote, or the same one at a lower revision. */
function isOlder(vote: VoteState, known: VoteState): boolean {
  if (vote.id === known.id) return vote.revision <= known.revision;
  return vote.openedAt < known.openedAt;
}

/** A stored vote as everybody may see it: the counts only once it is closed. */
export function toState(vote: StoredVote | null): VoteState | null {
  if (vote === null) return null;
  const { id, target, votesPerPerson, allowSeveral, openedAt, closedAt, revision, voters, dots } = vote;
  const closed = closedAt !== null;
  return {
    id,
    target,
    votesPerPerson,
    allowSeveral,
    status: closed ? 'closed' : 'open',
    openedAt,
    closedAt,
    revision,
    voters,
    dots,
    results: closed ? vote.results : null,
  };
}

function ownBallot(voteId: string, items: SeatBallot, refusal: string | null): OwnBallot {
  const used = Object.values(items).reduce((sum, n) => sum + n, 0);
  return { voteId, items, used, refusal };
}
