import type {
  Agenda,
  AgendaState,
  Commitment,
  CommitmentVersion,
  CommitmentVersionSummary,
  Mesa,
  Participant,
  Role,
  ToolOverrides,
  VersionStage,
} from '@cocrea/shared';

/** What the server keeps of one Yjs document: the latest snapshot and the updates appended after it. */
export interface StoredDoc {
  /** `Y.encodeStateAsUpdate` of the document at `snapshotSeq`, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** The sequence number of the newest update the result includes (0 for an empty document). */
  lastSeq: number;
}

/**
 * The append-only log of Yjs updates, one log per room. An update is durable once `appendUpdate` resolves:
 * the sync server acknowledges it to the client only then.
 */
export interface DocStore {
  loadDoc(room: string): Promise<StoredDoc>;
  /** Appends one update and resolves with its sequence number, greater than every earlier one of the room. */
  appendUpdate(room: string, update: Uint8Array): Promise<number>;
  /**
   * Stores `snapshot`, which must contain every update of the room up to and including `upToSeq`, and drops
   * those updates, in one transaction: a crash leaves either the old log or the new snapshot, never neither.
   */
  compact(room: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
}

export interface NewCapability {
  role: Role;
  /** SHA-256 of the token: the token itself is never stored. */
  tokenHash: Buffer;
}

export interface MesaStore {
  createMesa(mesa: Mesa, capabilities: NewCapability[]): Promise<void>;
  getMesa(id: string): Promise<Mesa | null>;
  listMesas(): Promise<Mesa[]>;
  /** The role a token hash grants on a mesa, or null when it grants nothing there. */
  findRole(mesaId: string, tokenHash: Buffer): Promise<Role | null>;
  /** Records a join; `seatHash` is the SHA-256 of the seat token the joiner's browser keeps. */
  addParticipant(mesaId: string, participant: Participant, seatHash: Buffer): Promise<void>;
  findParticipant(mesaId: string, seatHash: Buffer): Promise<Participant | null>;
  /** Everyone who joined the mesa, in join order. */
  listParticipants(mesaId: string): Promise<Participant[]>;
}

/** One mesa's agenda record: its own copy of the plan, where the shared timer is, and the facilitator's locks. */
export interface StoredAgenda {
  agenda: Agenda;
  /** The timer's state, its revision, and the stage log (the planned and actual start of every stage). */
  state: AgendaState;
  overrides: ToolOverrides;
}

/**
 * Agenda records, written whole by the agenda service (which serializes the writes of each mesa). A record is
 * durable once `saveAgenda` resolves: the service publishes a change only then.
 */
export interface AgendaStore {
  /** The mesa's record, or null if nobody has used its agenda yet. */
  loadAgenda(mesaId: string): Promise<StoredAgenda | null>;
  /** Replaces the mesa's record. The mesa must exist. */
  saveAgenda(mesaId: string, record: StoredAgenda): Promise<void>;
}

/** A version about to be stored: the store gives it its number and time. */
export interface NewCommitmentVersion {
  stage: VersionStage;
  contentHash: string;
  /** Already checked against the commitment schema; stored with the schema's current version number. */
  commitment: Commitment;
}

/** Saved commitment versions: immutable once written, numbered 1, 2, … per mesa in the order they were stored. */
export interface CommitmentStore {
  /** Stores a version under the mesa's next number, atomically even when saves race. The mesa must exist. */
  addCommitmentVersion(mesaId: string, version: NewCommitmentVersion): Promise<CommitmentVersion>;
  /** The mesa's versions without their content, newest first. */
  listCommitmentVersions(mesaId: string): Promise<CommitmentVersionSummary[]>;
  getCommitmentVersion(mesaId: string, number: number): Promise<CommitmentVersion | null>;
}

/** Everything the server stores. SQLite implements it by default; PostgreSQL can implement it for scale-out. */
export interface Storage extends DocStore, MesaStore, AgendaStore, CommitmentStore {
  close(): Promise<void>;
}
