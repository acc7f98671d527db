import {
  applyCommand,
  createDefaultAgenda,
  followAgendaEdit,
  initialAgendaState,
  wellFormedJson,
  type Agenda,
  type AgendaCommand,
  type AgendaSnapshot,
  type SetToolLock,
} from '@cocrea/shared';
import { KeyedQueue } from '../KeyedQueue';
import type { Bus } from '../cluster/Bus';
import type { AgendaStore, MesaStore, StoredAgenda } from '../storage/Storage';
import { ensureFixedStructure } from '../sync/areaLocks';
import { agendaMessage } from '../sync/messages';
import type { Room } from '../sync/Room';
import { NO_OVERRIDES, carryOverrides, lockedTools, toolLocks } from './toolLocks';

/** Why a change was refused: a stale revision, a state the change does not apply to, or an invalid request. */
export type AgendaRefusalCode = 'stale_revision' | 'refused' | 'invalid';

/** A change the agenda refused; nothing was stored or published. `message` is Spanish, for people. */
export class AgendaRefusal extends Error {
  constructor(
    readonly code: AgendaRefusalCode,
    message: string,
    /** The request field at fault, for `invalid`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What the agenda needs of the rooms: the resident room of a mesa, to publish to it. */
export interface ResidentRooms {
  get(mesaId: string): Room | undefined;
}

/**
 * A change that kept losing the race to other instances: each loss means another change was stored, so this only
 * happens under a storm of clicks on one mesa.
 */
const MAX_ATTEMPTS = 20;

/**
 * Owns every mesa's agenda and its one shared timer. Every change of one mesa goes through one queue: read the
 * record, apply the change with the server's clock, store the record, then publish it to the mesa's room (the
 * sockets' message 101, and the room's tool locks) and to the other instances' (through the bus). So two
 * facilitators clicking at once end in one state, what anybody is told was stored first, and a restart resumes
 * from the stored `endsAt` of the running stage.
 *
 * The queue is per process; across instances the store is the queue: a record is written only if it is still
 * at the revision the change was applied to (compare-and-set), and otherwise the change is applied again to what
 * the other instance stored. A command carrying the revision it was pressed against is then refused as stale, as
 * it would be in one process; one without is applied once, after the other.
 *
 * Nothing is cached: the record is read from storage on each change (a single-row read), so storage is the one
 * source of truth and there is no second copy to keep consistent.
 */
export class AgendaService {
  /** Each mesa's queue of changes. */
  private readonly queue = new KeyedQueue();
  /** The revision whose locks each room has: snapshots from other instances may arrive out of order. */
  private readonly roomRevisions = new WeakMap<Room, number>();
  /** Called with the mesa of each change this instance stored and published (the plenary view listens). */
  onPublished: (mesaId: string, snapshot: AgendaSnapshot) => void = () => {};

  constructor(
    private readonly store: AgendaStore & Pick<MesaStore, 'getMesa'>,
    private readonly rooms: ResidentRooms,
    private readonly bus: Pick<Bus, 'publish'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The mesa's agenda as everybody sees it now. The mesa must exist. */
  snapshot(mesaId: string): Promise<AgendaSnapshot> {
    return this.queue.run(mesaId, async () => this.toSnapshot(await this.load(mesaId)));
  }

  /** Applies a facilitator's command to the timer at the server's time. */
  command(mesaId: string, command: AgendaCommand): Promise<AgendaSnapshot> {
    return this.change(mesaId, (record) => {
      checkRevision(record, command.expectedRevision);
      const result = applyCommand(record.agenda, record.state, command, this.now());
      if (!result.ok) throw new AgendaRefusal('refused', result.error);
      const after = { agenda: record.agenda, state: result.state };
      return { ...after, overrides: carryOverrides(record, after, record.overrides) };
    });
  }

  /** Replaces the plan (renamed, retimed, added, removed or reordered stages); the timer follows its stage by id. */
  editAgenda(mesaId: string, agenda: Agenda, expectedRevision?: number): Promise<AgendaSnapshot> {
    return this.change(mesaId, (record) => {
      checkRevision(record, expectedRevision);
      if (agenda.date !== record.agenda.date) {
        throw new AgendaRefusal(
          'invalid',
          `La fecha de la agenda es la de la mesa (${record.agenda.date}).`,
          'agenda.date',
        );
      }
      const result = followAgendaEdit(record.state, record.agenda, agenda);
      if (!result.ok) throw new AgendaRefusal('refused', result.error);
      const after = { agenda, state: result.state };
      return { ...after, overrides: carryOverrides(record, after, record.overrides) };
    });
  }

  /** Forces a tool open or locked for the current stage, or hands it back to the agenda. */
  setToolLock(mesaId: string, { tool, mode, expectedRevision }: SetToolLock): Promise<AgendaSnapshot> {
    return this.change(mesaId, (record) => {
      checkRevision(record, expectedRevision);
      return {
        agenda: record.agenda,
        // Every published change bumps the revision, so clients can tell a newer snapshot from an older one.
        state: { ...record.state, revision: record.state.revision + 1 },
        overrides: { ...record.overrides, [tool]: mode === 'agenda' ? null : mode },
      };
    });
  }

  /** Gives a freshly loaded room its tool locks, before any peer can send it an update. */
  prepareRoom(room: Room): Promise<void> {
    ensureFixedStructure(room.doc);
    return this.queue.run(room.name, async () => {
      const record = await this.load(room.name);
      this.roomRevisions.set(room, record.state.revision);
      room.setLockedTools(lockedTools(toolLocks(record.agenda, record.state, record.overrides)));
    });
  }

  /**
   * Publishes a stored snapshot to a room of this instance: its tool locks, and message 101 to its sockets. One
   * older than what the room has (snapshots from several instances may cross on the way) is dropped.
   */
  publishToRoom(room: Room, snapshot: AgendaSnapshot): void {
    if (snapshot.state.revision < (this.roomRevisions.get(room) ?? -1)) return;
    this.roomRevisions.set(room, snapshot.state.revision);
    room.setLockedTools(lockedTools(snapshot.locks));
    room.broadcast(agendaMessage(wellFormedJson(snapshot)));
  }

  /** The revision of the agenda that `room` has. */
  revisionOf(room: Room): number {
    return this.roomRevisions.get(room) ?? -1;
  }

  /** Publishes the stored agenda to `room`, which may have missed a change published by another instance. */
  refreshRoom(room: Room): void {
    this.queue
      .run(room.name, async () => {
        this.publishToRoom(room, this.toSnapshot(await this.load(room.name)));
      })
      .catch((error: unknown) => console.error(`agenda ${room.name}: could not refresh a room`, error));
  }

  /** Sends one newly attached socket the agenda, in order with the changes published to its room. */
  greet(peer: { send(message: Uint8Array): void }, mesaId: string): void {
    this.queue
      .run(mesaId, async () => {
        peer.send(agendaMessage(wellFormedJson(this.toSnapshot(await this.load(mesaId)))));
      })
      .catch((error: unknown) => console.error(`agenda ${mesaId}: could not greet a socket`, error));
  }

  /**
   * Applies `make` to the stored record and stores the result if nobody changed the record meanwhile, else tries
   * again on what was stored; then publishes it, here and to the other instances.
   */
  private change(mesaId: string, make: (record: StoredAgenda) => StoredAgenda): Promise<AgendaSnapshot> {
    return this.queue.run(mesaId, async () => {
      for (let attempt = 1; ; attempt++) {
        const record = await this.load(mesaId);
        const next = make(record);
        if (await this.store.saveAgenda(mesaId, next, this.stamp(), record.state.revision)) {
          const snapshot = this.toSnapshot(next);
          const room = this.rooms.get(mesaId);
          if (room) this.publishToRoom(room, snapshot);
          this.bus.publish(mesaId, { kind: 'agenda', snapshot });
          this.onPublished(mesaId, snapshot);
          return snapshot;
        }
        if (attempt === MAX_ATTEMPTS) throw new Error(`agenda ${mesaId}: lost ${attempt} races in a row`);
      }
    });
  }

  private toSnapshot({ agenda, state, overrides }: StoredAgenda): AgendaSnapshot {
    return { agenda, state, locks: toolLocks(agenda, state, overrides), serverNow: this.now() };
  }

  /**
   * The stored record, or the mesa's own copy of the template, stored on first use so it stays the mesa's (the
   * first instance to store it wins; the others read what it stored).
   */
  private async load(mesaId: string): Promise<StoredAgenda> {
    for (;;) {
      const stored = await this.store.loadAgenda(mesaId);
      if (stored) return stored;
      const mesa = await this.store.getMesa(mesaId);
      if (!mesa) throw new Error(`agenda: the mesa ${mesaId} does not exist`);
      const record: StoredAgenda = {
        agenda: createDefaultAgenda(mesa.date),
        state: initialAgendaState(),
        overrides: NO_OVERRIDES,
      };
      if (await this.store.saveAgenda(mesaId, record, this.stamp(), null)) return record;
    }
  }

  /** The time a record is stored at: the server's clock, as the agenda's own times are. */
  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}

/** A change meant for another revision acts on a state its sender never saw: refuse it rather than guess. */
function checkRevision(record: StoredAgenda, expected: number | undefined): void {
  const current = record.state.revision;
  if (expected === undefined || expected === current) return;
  throw new AgendaRefusal(
    'stale_revision',
    `La agenda cambió mientras tanto (va en la revisión ${current}; su solicitud partía de la ${expected}). Revise el estado actual e intente de nuevo.`,
  );
}
