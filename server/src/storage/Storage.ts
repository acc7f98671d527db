import type {
  ActivityProgress,
  Agenda,
  AgendaState,
  Commitment,
  CommitmentVersion,
  CommitmentVersionSummary,
  EvidenceFile,
  Mesa,
  Observation,
  ObservationResponse,
  Participant,
  PendingInvitation,
  ProactivePhase,
  PublicEvidence,
  RecordedProgress,
  ReviewInboxItem,
  ReviewStatus,
  Role,
  Sector,
  StlMember,
  StlRole,
  TeamMember,
  Theme,
  ToolOverrides,
  VersionStage,
  VoteResult,
  VoteTarget,
} from '@cocrea/shared';
import type { PlanStore } from './PlanStore';

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
 * The append-only log of Yjs updates, one log per room. An update is durable once `appendUpdate` has returned its
 * sequence number: the sync server relays it and acknowledges it to the client only then.
 */
export interface DocStore {
  loadDoc(room: string): Promise<StoredDoc>;
  /**
   * Appends one update and gives its sequence number, greater than every earlier one of the room, even when several
   * server processes append to the room: returned, once committed, by a store that commits in-process (SQLite), so
   * the sync server relays the update in the turn it arrived; a promise from one across a network (PostgreSQL).
   * Appends of one room made by one process are committed in the order they are made.
   */
  appendUpdate(room: string, update: Uint8Array): number | Promise<number>;
  /**
   * Appends several updates of one room, in this order, in one commit (all or none), and gives their sequence
   * numbers, increasing in the same order. A store across a network commits a burst of a room's updates at the
   * price of one round trip and one flush to disk instead of one each (group commit, see `sync/Room.ts`).
   */
  appendUpdates(room: string, updates: readonly Uint8Array[]): number[] | Promise<number[]>;
  /**
   * Stores `snapshot`, which must contain every update of the room up to and including `upToSeq`, and drops
   * those updates, in one transaction: a crash leaves either the old log or the new snapshot, never neither. A
   * snapshot never replaces a newer one; while another process compacts the room, this call may leave the log as
   * it is (the next compaction folds it).
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
  /** Records a join at `joinedAt`; `seatHash` is the SHA-256 of the seat token the joiner's browser keeps. */
  addParticipant(mesaId: string, participant: Participant, seatHash: Buffer, joinedAt: string): Promise<void>;
  findParticipant(mesaId: string, seatHash: Buffer): Promise<Participant | null>;
  /** Everyone who joined the mesa, in join order. */
  listParticipants(mesaId: string): Promise<Participant[]>;
  /** How many joined, per mesa, role and sector (only combinations with at least one join). */
  countParticipants(): Promise<ParticipantCount[]>;
  /** Marks the mesa closed at `closedAt` unless it already is (the first closing stands); null if it does not exist. */
  closeMesa(id: string, closedAt: string): Promise<Mesa | null>;
  /**
   * Replaces the mesa's capability for `capability.role`: the old token grants nothing from then on. Registrants'
   * own entries into the mesa (see `PlanStore.enterMesa`) are not the role's link and stay.
   */
  replaceCapability(mesaId: string, capability: NewCapability): Promise<void>;
  /**
   * Moves a compromiso proactivo from phase `from` to `to`, only if it is still at `from`, so that of racing moves
   * one wins: `not_found` when `id` is no compromiso proactivo, `stale` when it is at another phase by now.
   */
  moveMesaPhase(id: string, from: ProactivePhase, to: ProactivePhase): Promise<PhaseMoveResult>;
}

export type PhaseMoveResult = { ok: true; mesa: Mesa } | { ok: false; reason: 'not_found' | 'stale' };

export interface ParticipantCount {
  mesaId: string;
  role: Role;
  sector: Sector;
  count: number;
}

/** A member as stored: with the password hash (scrypt, its parameters included), which never leaves the server. */
export interface StoredMember extends StlMember {
  passwordHash: string;
}

/** A change of another member's account: its role, or its access (a time takes it away, null gives it back). */
export interface MemberChange {
  role?: StlRole | undefined;
  disabledAt?: string | null | undefined;
  /** The member who makes the change; null for the admin token. */
  by: string | null;
}

export interface NewSession {
  /** SHA-256 of the cookie's token: the token itself is never stored. */
  tokenHash: Buffer;
  memberId: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface NewInvitation {
  id: string;
  /** SHA-256 of the link's token. */
  tokenHash: Buffer;
  email: string;
  /** The role the invitee's account gets. */
  role: StlRole;
  invitedBy: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms. */
  expiresAt: number;
}

export interface NewPasswordReset {
  /** SHA-256 of the link's token. */
  tokenHash: Buffer;
  memberId: string;
  /** The member who made the link; null for the admin token. */
  createdBy: string | null;
  /** Epoch ms; the member's earlier unused links are retired at this time. */
  createdAt: number;
  /** Epoch ms. */
  expiresAt: number;
}

export type AcceptedInvitation = { ok: true; member: StlMember } | { ok: false; reason: 'invalid' | 'email_taken' };

/** STL members, their login sessions and their invitations. */
export interface AccountStore {
  /** Adds a member; null when the e-mail (lower case) already has an account. */
  addMember(member: StoredMember): Promise<StlMember | null>;
  findMemberByEmail(email: string): Promise<(StoredMember & Pick<TeamMember, 'disabledAt'>) | null>;
  /** Every member, the oldest account first, with whether it may sign in. */
  listMembers(): Promise<TeamMember[]>;
  getMember(id: string): Promise<TeamMember | null>;
  /**
   * Applies `change` to a member; null if there is none with that id. Taking the access away ends the account's
   * sessions in the same transaction, and keeps the first time and author when it was away already.
   */
  updateMember(id: string, change: MemberChange): Promise<TeamMember | null>;
  /**
   * Starts a session, and records `now` as the member's last sign-in. Also forgets every session expired by `now`,
   * so the table holds live sessions only.
   */
  addSession(session: NewSession, now: number): Promise<void>;
  /** The member of the session whose token hashes to `tokenHash`, if it has not expired by `now` and may sign in. */
  findSessionMember(tokenHash: Buffer, now: number): Promise<StlMember | null>;
  deleteSession(tokenHash: Buffer): Promise<void>;
  addInvitation(invitation: NewInvitation): Promise<void>;
  /** Invitations neither used, revoked nor expired by `now`, the newest first. */
  listPendingInvitations(now: number): Promise<PendingInvitation[]>;
  /** Revokes a pending invitation, so that its link opens nothing; false if it was not pending. */
  revokeInvitation(id: string, now: number, by: string | null): Promise<boolean>;
  /**
   * Uses an invitation, once: if it exists, is unused and has not expired by `now`, marks it used and adds the
   * member under the invitation's e-mail and role, in one transaction. Racing acceptances of one invitation: one
   * wins.
   */
  acceptInvitation(
    tokenHash: Buffer,
    now: number,
    member: Omit<StoredMember, 'email' | 'role'>,
  ): Promise<AcceptedInvitation>;
  /** Stores a link to set a new password; the member's earlier unused ones stop working. */
  addPasswordReset(reset: NewPasswordReset): Promise<void>;
  /**
   * Uses a password link, once: if it exists, is unused, has not expired by `now` and its member may sign in,
   * marks it used, sets the member's password and ends every session the member had, in one transaction.
   */
  resetPassword(tokenHash: Buffer, now: number, passwordHash: string): Promise<StlMember | null>;
}

/** One mesa's agenda record: its own copy of the plan, where the shared timer is, and the facilitator's locks. */
export interface StoredAgenda {
  agenda: Agenda;
  /** The timer's state, its revision, and the stage log (the planned and actual start of every stage). */
  state: AgendaState;
  overrides: ToolOverrides;
}

/**
 * Agenda records, written whole by the agenda service (which serializes the writes of each mesa within one
 * process, and across processes by the compare-and-set of `saveAgenda`). A record is durable once `saveAgenda`
 * resolves: the service publishes a change only then.
 */
export interface AgendaStore {
  /** The mesa's record, or null if nobody has used its agenda yet. */
  loadAgenda(mesaId: string): Promise<StoredAgenda | null>;
  /**
   * Replaces the mesa's record, stamped `updatedAt`, atomically: only if the stored one is still at
   * `previousRevision` (its `state.revision`), or, for null, only if there is none yet; always when it is not
   * given. False when that condition failed (another process changed the agenda first) and nothing was written.
   * The mesa must exist.
   */
  saveAgenda(
    mesaId: string,
    record: StoredAgenda,
    updatedAt: string,
    previousRevision?: number | null,
  ): Promise<boolean>;
}

/** A version about to be stored: the store gives it its number. */
export interface NewCommitmentVersion {
  savedAt: string;
  stage: VersionStage;
  contentHash: string;
  /** Already checked against the commitment schema; stored with the schema's current version number. */
  commitment: Commitment;
}

/** Saved commitment versions: immutable once written, numbered 1, 2, … per mesa in the order they were stored. */
export interface CommitmentStore {
  /**
   * Stores a version under the mesa's next number, atomically even when saves race, and records in it the counts of
   * every vote of the mesa closed since the previous version (see `VoteStore.listRecordedVotes`). The mesa must exist.
   */
  addCommitmentVersion(mesaId: string, version: NewCommitmentVersion): Promise<CommitmentVersion>;
  /** The mesa's versions without their content, newest first. */
  listCommitmentVersions(mesaId: string): Promise<CommitmentVersionSummary[]>;
  getCommitmentVersion(mesaId: string, number: number): Promise<CommitmentVersion | null>;
}

export interface ReviewFilter {
  /** The mesa's theme. */
  theme?: Theme | undefined;
  mesaId?: string | undefined;
  status?: ReviewStatus | undefined;
}

/** A move of a version's review status, about to be recorded. */
export interface ReviewChange {
  /** The status the reviewer saw: the move happens only if the version is still there. */
  from: ReviewStatus;
  to: ReviewStatus;
  /** The member who moves it; null for the admin token. */
  memberId: string | null;
  at: string;
}

export type ReviewChangeResult =
  /** `withdrawn`: the mesa's versions this publication moved from `publicado` back to `aprobado`. */
  | { ok: true; withdrawn: number[] }
  /** `stale`: the version is no longer at `from`; `not_newest`: a newer version of the mesa is approved or published. */
  | { ok: false; reason: 'not_found' | 'stale' | 'not_newest' };

/** A recorded move. */
export interface StoredReviewEvent {
  from: ReviewStatus;
  to: ReviewStatus;
  /** The member's name; null for the admin token. */
  memberName: string | null;
  at: string;
}

export interface NewObservation extends Omit<Observation, 'versionNumber' | 'response'> {
  mesaId: string;
  versionNumber: number;
  /** The author; null for the admin token. */
  memberId: string | null;
}

export interface StoredObservation extends Observation {
  /** The author's name; null for the admin token. */
  authorName: string | null;
}

/** A mesa's published version. */
export interface Publication {
  mesaId: string;
  number: number;
  /** When it was (last) moved to `publicado`. */
  publishedAt: string;
}

/**
 * The STL's review of saved versions: statuses with their audit log, and observations. A version nobody has moved
 * is `borrador`. At most one version of a mesa is `publicado`, and it is the mesa's newest approved one.
 */
export interface ReviewStore {
  /** Every saved version (filtered) with its mesa and observation count, most recently saved first. */
  listReviewVersions(filter: ReviewFilter): Promise<ReviewInboxItem[]>;
  /**
   * Moves a version from `change.from` to `change.to` and records it, atomically. Publishing refuses when a newer
   * version of the mesa is approved or published, and moves the mesa's other published version back to
   * `aprobado`, recorded with the same member and time. Whether the move is allowed at all is the caller's rule.
   */
  setReviewStatus(mesaId: string, number: number, change: ReviewChange): Promise<ReviewChangeResult>;
  /** A version's recorded moves, oldest first. */
  listReviewEvents(mesaId: string, number: number): Promise<StoredReviewEvent[]>;
  /** The version must exist. */
  addObservation(observation: NewObservation): Promise<void>;
  /** A mesa's observations, oldest first; of one version when `number` is given. */
  listObservations(mesaId: string, number?: number): Promise<StoredObservation[]>;
  /**
   * Records the mesa's response to one of its observations, replacing an earlier one; the observation as it is
   * now, or null if the mesa has no observation `id`.
   */
  respondToObservation(mesaId: string, id: string, response: ObservationResponse): Promise<StoredObservation | null>;
  /** Every mesa's published version. */
  listPublications(): Promise<Publication[]>;
}

export interface NewActivityProgress extends Omit<ActivityProgress, 'evidence'> {
  /** As published: each file cited resolved to the file it is ({@link FollowUpStore.getEvidenceFileInfo}). */
  evidence: PublicEvidence[];
  mesaId: string;
  activityId: string;
  /** Who recorded it; null for the admin token. */
  memberId: string | null;
  at: string;
}

/** Progress of the activities of published commitments: every record kept, the newest per activity current. */
export interface FollowUpStore {
  /** The mesa must exist. */
  recordActivityProgress(progress: NewActivityProgress): Promise<void>;
  /** The current progress of each of the mesa's activities that has any. */
  listActivityProgress(mesaId: string): Promise<RecordedProgress[]>;
  /** Stores an evidence file uploaded for an activity; a progress record cites it later, or never. */
  addEvidenceFile(file: NewEvidenceFile): Promise<void>;
  /** What an evidence file is and whose activity it was uploaded for, without its bytes; null if there is none. */
  getEvidenceFileInfo(id: string): Promise<StoredEvidenceFile | null>;
  /** An evidence file's bytes; null if there is none. */
  getEvidenceFileData(id: string): Promise<Uint8Array | null>;
}

/** An evidence file as stored: the file, and the activity of the mesa it was uploaded for. */
export interface StoredEvidenceFile {
  mesaId: string;
  activityId: string;
  file: EvidenceFile;
  createdAt: string;
}

export interface NewEvidenceFile extends StoredEvidenceFile {
  data: Uint8Array;
  /** Who uploaded it; null for the admin token. Never published. */
  memberId: string | null;
}

/** A vote as stored: its settings, where it stands, and its ranking once closed. Never its ballots' authors. */
export interface StoredVote {
  id: string;
  mesaId: string;
  target: VoteTarget;
  votesPerPerson: number;
  allowSeveral: boolean;
  openedAt: string;
  closedAt: string | null;
  /** Bumped by every stored ballot and by the close. */
  revision: number;
  /** People with at least one dot, and dots, now (frozen at the close). */
  voters: number;
  dots: number;
  /** The ranking, once closed. */
  results: VoteResult[] | null;
  /** The saved version whose record holds this vote's counts: the first one saved after its close. */
  recordedVersion: number | null;
}

export type NewVote = Pick<StoredVote, 'id' | 'mesaId' | 'target' | 'votesPerPerson' | 'allowSeveral' | 'openedAt'>;

/** A seat's own dots on a vote: item id → how many. */
export type SeatBallot = Record<string, number>;

export type CastResult =
  | { ok: true; vote: StoredVote; ballot: SeatBallot }
  | { ok: false; reason: 'closed' | 'no_votes_left' | 'one_per_item' | 'none_to_remove'; ballot: SeatBallot };

/**
 * Dot votes. A seat's ballot is kept only while its vote is open, to enforce its count; closing the vote turns the
 * ballots into counts per item and deletes them, so afterwards not even the database says who voted what.
 */
export interface VoteStore {
  /** Stores a new open vote; false (nothing stored) if the mesa already has one open. The mesa must exist. */
  openVote(vote: NewVote): Promise<boolean>;
  /** The mesa's open vote, else the one it opened last; null if it never had one. */
  currentVote(mesaId: string): Promise<StoredVote | null>;
  /**
   * Puts one of `seat`'s dots on `itemId` (`change` 1) or takes one back (-1), atomically even when ballots of one
   * vote race in several processes: refused if the vote is closed, if the seat has no dot left (or, unless the vote
   * allows several, has one on that item already), or if it has none there to take back.
   */
  castBallot(voteId: string, seat: string, itemId: string, change: 1 | -1): Promise<CastResult>;
  /** `seat`'s own dots on the vote (empty once it is closed). */
  seatBallot(voteId: string, seat: string): Promise<SeatBallot>;
  /**
   * Closes the vote at `closedAt` unless it already is, atomically with its last ballots: `rank` turns the counts
   * per item into the ranking stored with it, and the ballots are deleted. The vote as it is then; null if the mesa
   * has no vote `voteId`.
   */
  closeVote(
    mesaId: string,
    voteId: string,
    closedAt: string,
    rank: (counts: ReadonlyMap<string, number>) => VoteResult[],
  ): Promise<StoredVote | null>;
  /** The closed votes whose counts the mesa's version `number` records, in the order they were opened. */
  listRecordedVotes(mesaId: string, number: number): Promise<StoredVote[]>;
}

/**
 * Everything the server stores: `SqliteStorage` by default, `PostgresStorage` for several server processes over one
 * database. Every time a store writes comes from its caller (a `now`, `at` or `…At`), never from the store's clock.
 */
export interface Storage
  extends
    DocStore,
    MesaStore,
    AgendaStore,
    CommitmentStore,
    AccountStore,
    ReviewStore,
    FollowUpStore,
    PlanStore,
    VoteStore {
  close(): Promise<void>;
}
