import {
  SECTORS,
  wellFormedJson,
  type AgendaSnapshot,
  type PlenaryAgenda,
  type PlenarySnapshot,
  type PlenaryTable,
  type PresenceUser,
  type Sector,
  type SectorCounts,
} from '@cocrea/shared';
import type { Bus } from '../cluster/Bus';
import type { PlanStore, StoredTable } from '../storage/PlanStore';
import type { CommitmentStore, MesaStore } from '../storage/Storage';
import type { Room } from '../sync/Room';

export type PlenaryStore = Pick<PlanStore, 'getEvent' | 'getSeating'> &
  Pick<MesaStore, 'listParticipants'> &
  Pick<CommitmentStore, 'listCommitmentVersions'>;

/** What the plenary needs of the agenda: a table's snapshot when it first looks. */
export interface PlenaryAgendaSource {
  snapshot(mesaId: string): Promise<AgendaSnapshot>;
}

/** What the plenary needs of the rooms: the resident room of a mesa, for its presence and save state. */
export interface PlenaryRooms {
  get(mesaId: string): Pick<Room, 'awareness' | 'pendingUpdates' | 'lastStoredAt'> | undefined;
}

/** A JSON snapshot, as pushed. */
export type PlenaryListener = (json: string) => void;

/**
 * Changes are gathered for this long before the plenary is built again and pushed: live to a person's eye (and
 * well inside the 1 s the issue asks), and at most ten pushes a second to each page however much 200 people type.
 */
export const PLENARY_GATHER_MS = 100;

/** What is read from storage once per table and kept while the plenary is watched, until a cue says it changed. */
interface TableParts {
  /** With the revision it came from, so an older snapshot arriving late is told apart. */
  agenda: PlenaryAgenda & { revision: number };
  latestVersion: PlenaryTable['latestVersion'];
  /** Participant id → the sector they gave: presence is counted by it. */
  sectors: Map<string, Sector>;
}

/** One event's plenary while at least one page watches it. */
interface Watch {
  eventId: string;
  title: string;
  tables: StoredTable[];
  /** People seated, per table number. */
  seated: Map<number, number>;
  parts: Map<string, TableParts>;
  listeners: Set<PlenaryListener>;
  /** What to read again at the next build; `everything`: every table's parts, not only new tables'. */
  stale: { seating: boolean; everything: boolean; versions: Set<string>; participants: Set<string> };
  timer: NodeJS.Timeout | undefined;
  /** The build under way: a cue meanwhile builds again after it. */
  building: Promise<void> | null;
  again: boolean;
  /** The tables part of the last push: a build that changes nothing is not pushed. */
  lastTables: string;
  /** The bus subscriptions to the tables' mesas: their changes on other instances. */
  subscriptions: Map<string, Promise<() => void>>;
  closed: boolean;
}

/**
 * The plenary view's data: every table of an event with its agenda (from the agenda's published snapshots), its
 * presence by sector (the room's awareness, each connection's person as the server recorded their join), its save
 * state (the room's) and its latest commitment version (storage). Built on demand, or kept and pushed to the pages
 * that watch it: each cue (an agenda change, a version saved or reviewed, an update stored, someone arriving or
 * leaving, the STL moving someone) marks what changed, and after {@link PLENARY_GATHER_MS} the plenary is built from
 * memory plus what the cues said to read again, and pushed whole to every watcher if it changed. Changes made on
 * other instances arrive through the bus; presence and save state are those of the rooms this instance holds.
 */
export class PlenaryService {
  private readonly watches = new Map<string, Watch>();
  private readonly byMesa = new Map<string, Set<Watch>>();

  constructor(
    private readonly store: PlenaryStore,
    private readonly rooms: PlenaryRooms,
    private readonly agenda: PlenaryAgendaSource,
    private readonly bus: Pick<Bus, 'subscribe'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The plenary of an event as it is now; null if there is no such event. */
  async snapshot(eventId: string): Promise<PlenarySnapshot | null> {
    const watch = await this.load(eventId);
    return watch && this.build(watch);
  }

  /**
   * Calls `listener` with the plenary as it is now, then with each change, until the returned function is called.
   * Null if there is no such event.
   */
  async watch(eventId: string, listener: PlenaryListener): Promise<(() => void) | null> {
    let watch = this.watches.get(eventId);
    if (!watch) {
      const loaded = await this.load(eventId);
      if (!loaded) return null;
      // Another page may have started watching while this one loaded: the first one's stays.
      watch = this.watches.get(eventId);
      if (!watch) {
        watch = loaded;
        this.watches.set(eventId, watch);
        this.follow(watch);
        watch.lastTables = JSON.stringify(this.build(watch).tables);
        // A change made while the tables were first read had no watch to cue: read them all once more.
        watch.stale.seating = true;
        watch.stale.everything = true;
        this.schedule(watch);
      }
    }
    const current = watch;
    current.listeners.add(listener);
    listener(wellFormedJson(this.build(current)));
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size > 0 || this.watches.get(eventId) !== current) return;
      this.watches.delete(eventId);
      this.unfollow(current);
    };
  }

  /** Cue: a table's agenda changed (here, or on another instance). */
  agendaChanged(mesaId: string, snapshot: AgendaSnapshot): void {
    for (const watch of this.byMesa.get(mesaId) ?? []) {
      const parts = watch.parts.get(mesaId);
      // A snapshot older than the one kept (two instances' may cross) changes nothing.
      if (parts && snapshot.state.revision >= parts.agenda.revision) parts.agenda = agendaPart(snapshot);
      this.schedule(watch);
    }
  }

  /** Cue: a table's commitment versions changed (saved, or moved in review). */
  versionsChanged(mesaId: string): void {
    for (const watch of this.byMesa.get(mesaId) ?? []) {
      watch.stale.versions.add(mesaId);
      this.schedule(watch);
    }
  }

  /** Cue: a table's room stored an update, saw someone arrive or leave, loaded or unloaded. */
  roomChanged(mesaId: string): void {
    for (const watch of this.byMesa.get(mesaId) ?? []) this.schedule(watch);
  }

  /** Cue: the STL changed the event's seating (moved, seated or re-formed). */
  seatingChanged(eventId: string): void {
    const watch = this.watches.get(eventId);
    if (!watch) return;
    watch.stale.seating = true;
    this.schedule(watch);
  }

  private schedule(watch: Watch): void {
    if (watch.closed) return;
    if (watch.building) {
      watch.again = true;
      return;
    }
    watch.timer ??= setTimeout(() => {
      watch.timer = undefined;
      watch.building = this.refresh(watch)
        .catch((error: unknown) => console.error(`plenary ${watch.eventId}: could not build`, error))
        .finally(() => {
          watch.building = null;
          if (watch.again) {
            watch.again = false;
            this.schedule(watch);
          }
        });
    }, PLENARY_GATHER_MS).unref();
  }

  /** Reads what the cues said changed, builds, and pushes to every watcher if anything did. */
  private async refresh(watch: Watch): Promise<void> {
    const { stale } = watch;
    if (stale.seating) {
      const everything = stale.everything;
      stale.seating = stale.everything = false;
      await this.readSeating(watch, everything);
      this.follow(watch);
    }
    const versions = [...stale.versions];
    stale.versions.clear();
    await Promise.all(
      versions.map(async (mesaId) => {
        const parts = watch.parts.get(mesaId);
        if (parts) parts.latestVersion = await this.latestVersion(mesaId);
      }),
    );
    // Someone present whom the kept participants do not name joined since they were read.
    for (const mesaId of watch.parts.keys()) {
      const room = this.rooms.get(mesaId);
      const parts = watch.parts.get(mesaId)!;
      if (room && presentIds(room).some((id) => !parts.sectors.has(id))) stale.participants.add(mesaId);
    }
    const participants = [...stale.participants];
    stale.participants.clear();
    await Promise.all(
      participants.map(async (mesaId) => {
        const parts = watch.parts.get(mesaId);
        if (parts) parts.sectors = await this.sectors(mesaId);
      }),
    );
    if (watch.closed) return;
    const snapshot = this.build(watch);
    const tables = JSON.stringify(snapshot.tables);
    if (tables === watch.lastTables) return;
    watch.lastTables = tables;
    const json = wellFormedJson(snapshot);
    for (const listener of watch.listeners) listener(json);
  }

  /** The event's seating and every table's parts, read from storage; null if there is no such event. */
  private async load(eventId: string): Promise<Watch | null> {
    const event = await this.store.getEvent(eventId);
    if (!event) return null;
    const watch: Watch = {
      eventId,
      title: event.title,
      tables: [],
      seated: new Map(),
      parts: new Map(),
      listeners: new Set(),
      stale: { seating: false, everything: false, versions: new Set(), participants: new Set() },
      timer: undefined,
      building: null,
      again: false,
      lastTables: '',
      subscriptions: new Map(),
      closed: false,
    };
    await this.readSeating(watch);
    return watch;
  }

  /** Reads the seating; tables new to the watch (or, with `everything`, all) get their parts read. */
  private async readSeating(watch: Watch, everything = false): Promise<void> {
    const seating = await this.store.getSeating(watch.eventId);
    watch.tables = seating.tables;
    watch.seated = new Map(
      seating.tables.map((t) => [t.number, seating.seats.filter((s) => s.table === t.number).length]),
    );
    const mesaIds = new Set(seating.tables.map((t) => t.mesaId));
    for (const mesaId of watch.parts.keys()) if (!mesaIds.has(mesaId)) watch.parts.delete(mesaId);
    await Promise.all(
      seating.tables
        .filter((t) => everything || !watch.parts.has(t.mesaId))
        .map(async ({ mesaId }) => {
          const [snapshot, latestVersion, sectors] = await Promise.all([
            this.agenda.snapshot(mesaId),
            this.latestVersion(mesaId),
            this.sectors(mesaId),
          ]);
          const agenda = agendaPart(snapshot);
          // A cue may have brought a newer agenda while this one was read.
          const kept = watch.parts.get(mesaId)?.agenda;
          watch.parts.set(mesaId, {
            agenda: kept && kept.revision > agenda.revision ? kept : agenda,
            latestVersion,
            sectors,
          });
        }),
    );
  }

  private async latestVersion(mesaId: string): Promise<PlenaryTable['latestVersion']> {
    const versions = await this.store.listCommitmentVersions(mesaId);
    const latest = versions.reduce<(typeof versions)[number] | null>(
      (newest, v) => (newest === null || v.number > newest.number ? v : newest),
      null,
    );
    return latest && { number: latest.number, savedAt: latest.savedAt, status: latest.status };
  }

  private async sectors(mesaId: string): Promise<Map<string, Sector>> {
    return new Map((await this.store.listParticipants(mesaId)).map((p) => [p.id, p.sector]));
  }

  /** Listens to the cues of the watch's tables: here (`byMesa`) and on other instances (the bus). */
  private follow(watch: Watch): void {
    for (const mesaId of watch.parts.keys()) {
      let set = this.byMesa.get(mesaId);
      if (!set) this.byMesa.set(mesaId, (set = new Set()));
      set.add(watch);
      if (watch.subscriptions.has(mesaId)) continue;
      const subscription = this.bus.subscribe(mesaId, (message) => {
        if (message.kind === 'agenda') this.agendaChanged(mesaId, message.snapshot);
        else if (message.kind === 'notice') this.versionsChanged(mesaId);
        else if (message.kind === 'update' || message.kind === 'awareness') this.roomChanged(mesaId);
      });
      watch.subscriptions.set(mesaId, subscription);
    }
    for (const [mesaId, subscription] of watch.subscriptions) {
      if (watch.parts.has(mesaId)) continue;
      watch.subscriptions.delete(mesaId);
      this.forget(watch, mesaId, subscription);
    }
  }

  private unfollow(watch: Watch): void {
    watch.closed = true;
    clearTimeout(watch.timer);
    for (const [mesaId, subscription] of watch.subscriptions) this.forget(watch, mesaId, subscription);
    watch.subscriptions.clear();
  }

  private forget(watch: Watch, mesaId: string, subscription: Promise<() => void>): void {
    const set = this.byMesa.get(mesaId);
    set?.delete(watch);
    if (set?.size === 0) this.byMesa.delete(mesaId);
    void subscription.then((stop) => stop());
  }

  private build(watch: Watch): PlenarySnapshot {
    const tables: PlenaryTable[] = [];
    for (const table of watch.tables) {
      const parts = watch.parts.get(table.mesaId);
      if (!parts) continue;
      const room = this.rooms.get(table.mesaId);
      const { revision: _, ...agenda } = parts.agenda;
      tables.push({
        number: table.number,
        mesaId: table.mesaId,
        seated: watch.seated.get(table.number) ?? 0,
        agenda,
        present: room ? presentBySector(room, parts.sectors) : noSectors(),
        save: {
          connected: room !== undefined,
          pending: room?.pendingUpdates ?? 0,
          lastSavedAt: room?.lastStoredAt == null ? null : new Date(room.lastStoredAt).toISOString(),
        },
        latestVersion: parts.latestVersion,
      });
    }
    return { eventId: watch.eventId, title: watch.title, serverNow: this.now(), tables };
  }
}

/** A table's agenda as the plenary shows it, with the revision it came from (kept, not shown). */
function agendaPart({ agenda, state }: AgendaSnapshot): PlenaryAgenda & { revision: number } {
  const index = Math.min(state.stageIndex, agenda.stages.length - 1);
  const stage = agenda.stages[index]!;
  return {
    revision: state.revision,
    status: state.status,
    stageIndex: index,
    stageCount: agenda.stages.length,
    stageName: stage.name,
    endsAt: state.status === 'running' ? state.endsAt : null,
    remainingMs:
      state.status === 'paused'
        ? state.remainingMs
        : state.status === 'not_started'
          ? stage.durationMin * 60_000
          : state.status === 'finished'
            ? 0
            : null,
  };
}

function noSectors(): SectorCounts {
  return Object.fromEntries(Object.keys(SECTORS).map((s) => [s, 0])) as SectorCounts;
}

/** The people with the room open, each once however many tabs they have: the server set each socket's `user`. */
function presentIds(room: Pick<Room, 'awareness'>): string[] {
  const ids = new Set<string>();
  for (const state of room.awareness.getStates().values()) {
    const user = (state as { user?: PresenceUser }).user;
    if (user?.id) ids.add(user.id);
  }
  return [...ids];
}

function presentBySector(room: Pick<Room, 'awareness'>, sectors: Map<string, Sector>): SectorCounts {
  const counts = noSectors();
  for (const id of presentIds(room)) {
    const sector = sectors.get(id);
    if (sector) counts[sector]++;
  }
  return counts;
}
