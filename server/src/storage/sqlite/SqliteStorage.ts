import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  COMMITMENT_VERSION,
  type CocreationEvent,
  type KitItem,
  type OwnRegistration,
  type Plan,
  type UpdatePlan,
  type CommitmentVersion,
  type CommitmentVersionSummary,
  type Mesa,
  type ObservationResponse,
  type Participant,
  type ProactivePhase,
  type RecordedProgress,
  type ReviewInboxItem,
  type Role,
  type StlMember,
  type StlRole,
  type PendingInvitation,
  type TeamMember,
  type VoteResult,
} from '@cocrea/shared';
import type {
  AcceptedInvitation,
  MemberChange,
  NewActivityProgress,
  NewEvidenceFile,
  StoredEvidenceFile,
  NewCapability,
  NewCommitmentVersion,
  NewInvitation,
  NewObservation,
  NewPasswordReset,
  NewSession,
  ParticipantCount,
  PhaseMoveResult,
  Publication,
  ReviewChange,
  ReviewChangeResult,
  ReviewFilter,
  Storage,
  StoredAgenda,
  StoredDoc,
  StoredMember,
  StoredObservation,
  StoredReviewEvent,
  CastResult,
  NewVote,
  SeatBallot,
  StoredVote,
} from '../Storage';
import type {
  AddRegistrationResult,
  MesaEntryRecord,
  NewKitItem,
  NewTableMesa,
  StoredEvent,
  StoredRegistration,
  StoredSeating,
} from '../PlanStore';
import { recordedVote, summaryFromRow, versionFromRow, type StoredVersionRow } from '../versionRow';
import { makeSqliteFilesOwnerOnly } from '../ownerOnly';
import { MIGRATIONS } from './migrations';
import { SqlitePlanStore } from './SqlitePlanStore';
import { SqliteReviewStore } from './SqliteReviewStore';
import { SqliteVoteStore } from './SqliteVoteStore';
import { prepareStatements, type Statements } from './statements';

export interface SqliteOptions {
  /**
   * `NORMAL` (default) survives a crash of the server process, which is what WAL guarantees once a commit
   * returns; `FULL` also survives power loss at the cost of an fsync per commit.
   */
  synchronous?: 'NORMAL' | 'FULL';
}

/**
 * WAL checkpoints (copying the log back into the database file) run on a connection of their own in a worker
 * thread. A checkpoint waits on two fsyncs, 5–40 ms on the bench machine; left to SQLite, it runs inside whichever
 * commit crosses `wal_autocheckpoint` pages, and so blocked the event loop, and every room, several times a second
 * under load. Plain CommonJS, so that the worker needs no TypeScript loader.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage('checkpointed');
    return;
  }
  db.close();
  parentPort.close();
});
`;
/**
 * Appends between checkpoints (about 11 MB of WAL). A checkpoint is only worth its cost once the WAL is long: after
 * each one, the first commit rewinds the WAL and syncs its header, an fsync in the committing thread (0.3–0.5 ms
 * here, more while the disk is busy). Checkpointing every second, as before, put that fsync in front of one edit in
 * a hundred at 50 clients per room, one in four at two; now it comes once a second at 2 000 commits a second, and
 * every few minutes in a room of a few people.
 */
const CHECKPOINT_AFTER_APPENDS = 2000;
/**
 * Past this many pages (64 MiB) the committing connection checkpoints by itself, as SQLite does by default at 1000:
 * what takes over if the checkpointer dies.
 */
const WAL_AUTOCHECKPOINT_PAGES = 16384;

/** The checkpointer's worker, from the committing connection's side. */
interface Checkpointer {
  /** Asks for a checkpoint; `onCheckpointed` runs once it is done. */
  request(): void;
  /** Resolves once the worker's connection is closed. */
  stop(): Promise<void>;
}

function startCheckpointer(filename: string, onCheckpointed: () => void): Checkpointer {
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    execArgv: [],
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), filename },
  });
  // A process that exits without closing its storage need not wait for it: the next open replays the WAL.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => console.error('the WAL checkpointer stopped', error));
  worker.on('message', onCheckpointed);
  return {
    request: () => worker.postMessage('checkpoint'),
    stop() {
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}

/** better-sqlite3 binds Buffers as BLOBs; a view over the same bytes costs no copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

class EmailTaken extends Error {}

/** Brings a database to the newest schema. Exported for the migration test. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

/** Opens (creating it if need be) the database file, sets the connection up, and brings it to the newest schema. */
function openDatabase(filename: string, options: SqliteOptions): Database.Database {
  makeSqliteFilesOwnerOnly(filename);
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  // Two processes (the app and a backup or admin script) may briefly contend for the write lock.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  migrate(db);
  return db;
}

/** The embedded default: one SQLite file in WAL mode, driven synchronously by better-sqlite3. */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  /**
   * The greatest sequence number handed out per room, read from the log and the snapshot on a room's first append.
   * This process is the log's only writer (the primary key refuses a second one's colliding append), so counting
   * here spares a read per append.
   */
  private readonly lastSeqs = new Map<string, number>();
  private readonly stmt: Statements;
  private readonly checkpointer: Checkpointer;
  /** Appends since the last checkpoint was asked for; null while one is under way. */
  private appendsSinceCheckpoint: number | null = 0;
  private readonly review: SqliteReviewStore;
  private readonly votes: SqliteVoteStore;
  /** Plans, events, registrations, seating and kits: `PlanStore`'s methods, delegated (see the end of the class). */
  private readonly plans: SqlitePlanStore;

  constructor(filename: string, options: SqliteOptions = {}) {
    this.db = openDatabase(filename, options);
    this.stmt = prepareStatements(this.db);
    this.review = new SqliteReviewStore(this.db);
    this.votes = new SqliteVoteStore(this.db);
    this.plans = new SqlitePlanStore(this.db);
    this.checkpointer = startCheckpointer(filename, () => this.copyWalTail());
  }

  /**
   * After the checkpointer's checkpoint. The WAL rewinds to its start only once a checkpoint has copied every frame
   * in it, and commits kept landing while the worker copied. Copying those few here, between two commits, lets the
   * next commit rewind it. Never done, the WAL grew to WAL_AUTOCHECKPOINT_PAGES, and the checkpoint SQLite then ran
   * inside a commit held up every room for 30–50 ms.
   */
  private copyWalTail(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
    this.appendsSinceCheckpoint = 0;
  }

  async createMesa(mesa: Mesa, capabilities: NewCapability[]): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertMesa.run(mesa);
      for (const c of capabilities) this.stmt.insertCapability.run(c.tokenHash, mesa.id, c.role);
    })();
  }

  async closeMesa(id: string, closedAt: string): Promise<Mesa | null> {
    this.stmt.closeMesa.run(closedAt, id);
    return this.getMesa(id);
  }

  async moveMesaPhase(id: string, from: ProactivePhase, to: ProactivePhase): Promise<PhaseMoveResult> {
    const moved = this.stmt.movePhase.run({ id, from, to }).changes === 1;
    const mesa = await this.getMesa(id);
    if (mesa?.kind !== 'proactivo') return { ok: false, reason: 'not_found' };
    return moved ? { ok: true, mesa } : { ok: false, reason: 'stale' };
  }

  async replaceCapability(mesaId: string, capability: NewCapability): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteCapability.run(mesaId, capability.role);
      this.stmt.insertCapability.run(capability.tokenHash, mesaId, capability.role);
    })();
  }

  async getMesa(id: string): Promise<Mesa | null> {
    return (this.stmt.getMesa.get(id) as Mesa | undefined) ?? null;
  }

  async listMesas(): Promise<Mesa[]> {
    return this.stmt.listMesas.all() as Mesa[];
  }

  async findRole(mesaId: string, tokenHash: Buffer): Promise<Role | null> {
    const row = this.stmt.findRole.get(tokenHash, mesaId) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  async addParticipant(mesaId: string, participant: Participant, seatHash: Buffer, joinedAt: string): Promise<void> {
    this.stmt.insertParticipant.run({ ...participant, mesaId, seatHash, joinedAt });
  }

  async findParticipant(mesaId: string, seatHash: Buffer): Promise<Participant | null> {
    return (this.stmt.findParticipant.get(mesaId, seatHash) as Participant | undefined) ?? null;
  }

  async listParticipants(mesaId: string): Promise<Participant[]> {
    return this.stmt.listParticipants.all(mesaId) as Participant[];
  }

  async countParticipants(): Promise<ParticipantCount[]> {
    return this.stmt.countParticipants.all() as ParticipantCount[];
  }

  async addMember(member: StoredMember): Promise<StlMember | null> {
    if (this.stmt.insertMember.run(member).changes === 0) return null;
    return { id: member.id, email: member.email, name: member.name, role: member.role, createdAt: member.createdAt };
  }

  async findMemberByEmail(email: string): Promise<(StoredMember & Pick<TeamMember, 'disabledAt'>) | null> {
    return (
      (this.stmt.findMemberByEmail.get(email) as (StoredMember & Pick<TeamMember, 'disabledAt'>) | undefined) ?? null
    );
  }

  async listMembers(): Promise<TeamMember[]> {
    return this.stmt.listMembers.all() as TeamMember[];
  }

  async getMember(id: string): Promise<TeamMember | null> {
    return this.getMemberNow(id);
  }

  /** `getMember` without the promise, for use inside a transaction. */
  private getMemberNow(id: string): TeamMember | null {
    return (this.stmt.findMember.get(id) as TeamMember | undefined) ?? null;
  }

  async updateMember(id: string, { role, disabledAt, by }: MemberChange): Promise<TeamMember | null> {
    return this.db.transaction(() => {
      if (role !== undefined) this.stmt.setMemberRole.run(role, id);
      if (disabledAt === null) this.stmt.enableMember.run(id);
      if (typeof disabledAt === 'string') {
        this.stmt.disableMember.run({ at: disabledAt, by, id });
        this.stmt.deleteMemberSessions.run(id);
      }
      return this.getMemberNow(id);
    })();
  }

  async addSession(session: NewSession, now: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteExpiredSessions.run(now);
      this.stmt.insertSession.run(session.tokenHash, session.memberId, session.expiresAt);
      this.stmt.recordSignIn.run(new Date(now).toISOString(), session.memberId);
    })();
  }

  async findSessionMember(tokenHash: Buffer, now: number): Promise<StlMember | null> {
    return (this.stmt.findSessionMember.get(tokenHash, now) as StlMember | undefined) ?? null;
  }

  async deleteSession(tokenHash: Buffer): Promise<void> {
    this.stmt.deleteSession.run(tokenHash);
  }

  async addInvitation(invitation: NewInvitation): Promise<void> {
    this.stmt.insertInvitation.run(invitation);
  }

  async listPendingInvitations(now: number): Promise<PendingInvitation[]> {
    const rows = this.stmt.listPendingInvitations.all(now) as (Omit<PendingInvitation, 'createdAt' | 'expiresAt'> & {
      createdAt: number;
      expiresAt: number;
    })[];
    return rows.map((row) => ({
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      expiresAt: new Date(row.expiresAt).toISOString(),
    }));
  }

  async revokeInvitation(id: string, now: number, by: string | null): Promise<boolean> {
    return this.stmt.revokeInvitation.run({ id, now, by }).changes === 1;
  }

  async acceptInvitation(
    tokenHash: Buffer,
    now: number,
    member: Omit<StoredMember, 'email' | 'role'>,
  ): Promise<AcceptedInvitation> {
    const accept = this.db.transaction((): AcceptedInvitation => {
      const used = this.stmt.useInvitation.get({ tokenHash, now }) as { email: string; role: StlRole } | undefined;
      if (!used) return { ok: false, reason: 'invalid' };
      if (this.stmt.insertMember.run({ ...member, email: used.email, role: used.role }).changes === 0) {
        // Someone took the e-mail meanwhile: the invitation stays unused, for whoever sorts it out.
        throw new EmailTaken();
      }
      const { id, name, createdAt } = member;
      return { ok: true, member: { id, email: used.email, name, role: used.role, createdAt } };
    });
    try {
      return accept();
    } catch (error) {
      if (error instanceof EmailTaken) return { ok: false, reason: 'email_taken' };
      throw error;
    }
  }

  async addPasswordReset(reset: NewPasswordReset): Promise<void> {
    this.db.transaction(() => {
      this.stmt.retirePasswordResets.run(reset.createdAt, reset.memberId);
      this.stmt.insertPasswordReset.run(reset);
    })();
  }

  async resetPassword(tokenHash: Buffer, now: number, passwordHash: string): Promise<StlMember | null> {
    return this.db.transaction((): StlMember | null => {
      const used = this.stmt.usePasswordReset.get({ tokenHash, now }) as { memberId: string } | undefined;
      if (!used) return null;
      this.stmt.setPasswordHash.run(passwordHash, used.memberId);
      this.stmt.deleteMemberSessions.run(used.memberId);
      return this.stmt.memberById.get(used.memberId) as StlMember;
    })();
  }

  async loadAgenda(mesaId: string): Promise<StoredAgenda | null> {
    const row = this.stmt.loadAgenda.get(mesaId) as { agenda: string; state: string; overrides: string } | undefined;
    if (!row) return null;
    // Written by the agenda service from schema-checked values only, so read back as they went in.
    return {
      agenda: JSON.parse(row.agenda) as StoredAgenda['agenda'],
      state: JSON.parse(row.state) as StoredAgenda['state'],
      overrides: JSON.parse(row.overrides) as StoredAgenda['overrides'],
    };
  }

  async saveAgenda(
    mesaId: string,
    record: StoredAgenda,
    updatedAt: string,
    previousRevision?: number | null,
  ): Promise<boolean> {
    const row = {
      mesaId,
      agenda: JSON.stringify(record.agenda),
      state: JSON.stringify(record.state),
      overrides: JSON.stringify(record.overrides),
      updatedAt,
    };
    if (previousRevision === undefined) return this.stmt.saveAgenda.run(row).changes === 1;
    if (previousRevision === null) return this.stmt.insertAgenda.run(row).changes === 1;
    return this.stmt.replaceAgenda.run({ ...row, previousRevision }).changes === 1;
  }

  async addCommitmentVersion(mesaId: string, version: NewCommitmentVersion): Promise<CommitmentVersion> {
    // One transaction: a vote closed meanwhile is in this version or the next, never in both or neither.
    const number = this.db.transaction(() => {
      const row = this.stmt.insertVersion.get({
        mesaId,
        savedAt: version.savedAt,
        stage: JSON.stringify(version.stage),
        contentHash: version.contentHash,
        schemaVersion: COMMITMENT_VERSION,
        content: JSON.stringify(version.commitment),
      }) as { number: number };
      this.stmt.recordVotes.run(row.number, mesaId);
      return row.number;
    })();
    const { savedAt, stage, contentHash, commitment } = version;
    const votes = (await this.votes.listRecordedVotes(mesaId, number)).flatMap(recordedVote);
    return { mesaId, number, savedAt, stage, contentHash, status: 'borrador', commitment, votes };
  }

  async listCommitmentVersions(mesaId: string): Promise<CommitmentVersionSummary[]> {
    const rows = this.stmt.listVersions.all(mesaId) as (Omit<CommitmentVersionSummary, 'stage'> & { stage: string })[];
    return rows.map(summaryFromRow);
  }

  async getCommitmentVersion(mesaId: string, number: number): Promise<CommitmentVersion | null> {
    const row = this.stmt.getVersion.get(mesaId, number) as StoredVersionRow | undefined;
    if (!row) return null;
    return versionFromRow(mesaId, row, await this.votes.listRecordedVotes(mesaId, number));
  }

  openVote(vote: NewVote): Promise<boolean> {
    return this.votes.openVote(vote);
  }

  currentVote(mesaId: string): Promise<StoredVote | null> {
    return this.votes.currentVote(mesaId);
  }

  castBallot(voteId: string, seat: string, itemId: string, change: 1 | -1): Promise<CastResult> {
    return this.votes.castBallot(voteId, seat, itemId, change);
  }

  seatBallot(voteId: string, seat: string): Promise<SeatBallot> {
    return this.votes.seatBallot(voteId, seat);
  }

  closeVote(
    mesaId: string,
    voteId: string,
    closedAt: string,
    rank: (counts: ReadonlyMap<string, number>) => VoteResult[],
  ): Promise<StoredVote | null> {
    return this.votes.closeVote(mesaId, voteId, closedAt, rank);
  }

  listRecordedVotes(mesaId: string, number: number): Promise<StoredVote[]> {
    return this.votes.listRecordedVotes(mesaId, number);
  }

  listReviewVersions(filter: ReviewFilter): Promise<ReviewInboxItem[]> {
    return this.review.listReviewVersions(filter);
  }

  setReviewStatus(mesaId: string, number: number, change: ReviewChange): Promise<ReviewChangeResult> {
    return this.review.setReviewStatus(mesaId, number, change);
  }

  listReviewEvents(mesaId: string, number: number): Promise<StoredReviewEvent[]> {
    return this.review.listReviewEvents(mesaId, number);
  }

  addObservation(observation: NewObservation): Promise<void> {
    return this.review.addObservation(observation);
  }

  listObservations(mesaId: string, number?: number): Promise<StoredObservation[]> {
    return this.review.listObservations(mesaId, number);
  }

  respondToObservation(mesaId: string, id: string, response: ObservationResponse): Promise<StoredObservation | null> {
    return this.review.respondToObservation(mesaId, id, response);
  }

  listPublications(): Promise<Publication[]> {
    return this.review.listPublications();
  }

  recordActivityProgress(progress: NewActivityProgress): Promise<void> {
    return this.review.recordActivityProgress(progress);
  }

  listActivityProgress(mesaId: string): Promise<RecordedProgress[]> {
    return this.review.listActivityProgress(mesaId);
  }

  addEvidenceFile(file: NewEvidenceFile): Promise<void> {
    return this.review.addEvidenceFile(file);
  }

  getEvidenceFileInfo(id: string): Promise<StoredEvidenceFile | null> {
    return this.review.getEvidenceFileInfo(id);
  }

  getEvidenceFileData(id: string): Promise<Uint8Array | null> {
    return this.review.getEvidenceFileData(id);
  }

  async loadDoc(room: string): Promise<StoredDoc> {
    const snap = this.stmt.snapshot.get(room) as { data: Buffer; upToSeq: number } | undefined;
    const rows = this.stmt.updates.all(room, snap?.upToSeq ?? 0) as { seq: number; data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.at(-1)?.seq ?? snap?.upToSeq ?? 0,
    };
  }

  /**
   * Commits before returning: one insert is a transaction of its own, durable once it returns (WAL), and needs no
   * BEGIN and COMMIT statements around it. If it fails, its number stays unused: a gap in the log is harmless, a
   * reused number is not.
   */
  appendUpdate(room: string, update: Uint8Array): number {
    const seq = this.nextSeq(room);
    this.stmt.append.run(room, seq, asBuffer(update));
    if (this.appendsSinceCheckpoint !== null && ++this.appendsSinceCheckpoint >= CHECKPOINT_AFTER_APPENDS) {
      this.appendsSinceCheckpoint = null;
      this.checkpointer.request();
    }
    return seq;
  }

  /** One transaction for all of them, like the single append (see `appendUpdate`). */
  appendUpdates(room: string, updates: readonly Uint8Array[]): number[] {
    return this.db.transaction(() => updates.map((update) => this.appendUpdate(room, update)))();
  }

  private nextSeq(room: string): number {
    const next = (this.lastSeqs.get(room) ?? (this.stmt.lastSeq.get({ room }) as number)) + 1;
    this.lastSeqs.set(room, next);
    return next;
  }

  async compact(room: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.putSnapshot.run(room, asBuffer(snapshot), upToSeq);
      this.stmt.dropUpdates.run(room, upToSeq);
    })();
  }

  // PlanStore: plans, events, registrations, seating and kits (migrations 15 and 16).

  createPlan(plan: Plan): Promise<void> {
    return this.plans.createPlan(plan);
  }

  getPlan(id: string): Promise<Plan | null> {
    return this.plans.getPlan(id);
  }

  listPlans(): Promise<Plan[]> {
    return this.plans.listPlans();
  }

  updatePlan(id: string, change: UpdatePlan): Promise<Plan | null> {
    return this.plans.updatePlan(id, change);
  }

  setMesaPlan(mesaId: string, planId: string): Promise<void> {
    return this.plans.setMesaPlan(mesaId, planId);
  }

  getMesaPlanId(mesaId: string): Promise<string | null> {
    return this.plans.getMesaPlanId(mesaId);
  }

  listPlanMesas(planId: string): Promise<Mesa[]> {
    return this.plans.listPlanMesas(planId);
  }

  createEvent(event: CocreationEvent, invitationHash: Buffer | null): Promise<void> {
    return this.plans.createEvent(event, invitationHash);
  }

  getEvent(id: string): Promise<StoredEvent | null> {
    return this.plans.getEvent(id);
  }

  listEvents(planId: string): Promise<StoredEvent[]> {
    return this.plans.listEvents(planId);
  }

  updateEvent(event: CocreationEvent): Promise<void> {
    return this.plans.updateEvent(event);
  }

  setEventInvitation(eventId: string, invitationHash: Buffer): Promise<void> {
    return this.plans.setEventInvitation(eventId, invitationHash);
  }

  checkEventInvitation(eventId: string, invitationHash: Buffer): Promise<boolean> {
    return this.plans.checkEventInvitation(eventId, invitationHash);
  }

  addRegistration(
    registration: OwnRegistration,
    tokenHash: Buffer,
    capacity: number | null,
  ): Promise<AddRegistrationResult> {
    return this.plans.addRegistration(registration, tokenHash, capacity);
  }

  countRegistrations(eventId: string): Promise<number> {
    return this.plans.countRegistrations(eventId);
  }

  listRegistrations(eventId: string): Promise<StoredRegistration[]> {
    return this.plans.listRegistrations(eventId);
  }

  getRegistration(id: string): Promise<StoredRegistration | null> {
    return this.plans.getRegistration(id);
  }

  findRegistrationByToken(tokenHash: Buffer): Promise<StoredRegistration | null> {
    return this.plans.findRegistrationByToken(tokenHash);
  }

  setCheckIn(registrationId: string, at: string | null): Promise<boolean> {
    return this.plans.setCheckIn(registrationId, at);
  }

  getSeating(eventId: string): Promise<StoredSeating> {
    return this.plans.getSeating(eventId);
  }

  findTableOfMesa(mesaId: string): Promise<{ eventId: string; number: number } | null> {
    return this.plans.findTableOfMesa(mesaId);
  }

  saveSeating(
    eventId: string,
    seating: StoredSeating,
    newMesas: NewTableMesa[],
    basis?: StoredSeating,
  ): Promise<boolean> {
    return this.plans.saveSeating(eventId, seating, newMesas, basis);
  }

  enterMesa(entry: MesaEntryRecord): Promise<Participant> {
    return this.plans.enterMesa(entry);
  }

  addKitItem(item: NewKitItem, maxItems: number): Promise<boolean> {
    return this.plans.addKitItem(item, maxItems);
  }

  listKitItems(eventId: string): Promise<KitItem[]> {
    return this.plans.listKitItems(eventId);
  }

  getKitFile(eventId: string, itemId: string): Promise<{ item: KitItem; data: Uint8Array } | null> {
    return this.plans.getKitFile(eventId, itemId);
  }

  deleteKitItem(eventId: string, itemId: string): Promise<boolean> {
    return this.plans.deleteKitItem(eventId, itemId);
  }

  async close(): Promise<void> {
    // The checkpointer's connection closes first, so that closing the last one checkpoints and removes the WAL.
    await this.checkpointer.stop();
    if (this.db.open) this.db.close();
  }
}
