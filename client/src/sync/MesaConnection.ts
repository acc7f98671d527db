import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  CloseCode,
  MessageType,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_PARAM,
  SYNC_PATH,
  agendaSnapshotSchema,
  ownBallotSchema,
  parseMesaNotice,
  toolSchema,
  voteMessageSchema,
  type AgendaSnapshot,
  type Ballot,
  type MesaNotice,
  type OwnBallot,
  type VoteState,
  type PresenceUser,
  type Tool,
} from '@cocrea/shared';
import type { Credentials } from '../session/credentials';
import { isUpdateFrame } from './updateFrames';
import { moveToFreshClientId, observedWebSocket, onMessage, sendOnlyOwnPresence } from './yWebsocketAdapter';

/**
 * What the save indicator says; "saved" only once the server has acknowledged every local change. "refused": a
 * locked tool refused some of them; they stay in this browser and go out again when the tool opens.
 */
export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline' | 'refused';

/** A participant as the room's awareness shows them (the `user` field is set by the server). */
export interface PresenceState {
  clientId: number;
  user: PresenceUser;
  cursor?: { x: number; y: number } | null;
  editing?: string | null;
  isLocal: boolean;
}

/**
 * One mesa's live document: the Y.Doc, kept in IndexedDB so edits made offline survive a reload, and synced
 * with the server through the stock y-websocket provider. It also tracks whether every local change is stored.
 */
export class MesaConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly persistence: IndexeddbPersistence;
  /**
   * Update frames sent on the current socket, how many of them the server says are stored and how many it
   * refused (each frame is one or the other, in order), and the Yjs client id each frame was sent under.
   */
  private readonly frames = { sent: 0, stored: 0, refused: 0, clientIds: [] as number[] };
  /** The tools that refused frames on the current socket. */
  private readonly refusedTools = new Set<Tool>();
  /** The agenda as the server last published it (message 101). */
  private agenda: AgendaSnapshot | null = null;
  /** The mesa's vote as the server last published it (message 105), and this seat's own dots on it (106). */
  private vote: VoteState | null = null;
  private ownBallot: OwnBallot | null = null;
  /** Local edits made with no open socket: they go out in the next sync step 2. */
  private editedOffline = false;
  private wasConnected = false;
  private destroyed = false;
  /** The server speaks another protocol version (close code 4426): only reloading the page helps. */
  private outdated = false;
  private readonly stopSendingOthersPresence: () => void;
  private saveState: SaveState = 'connecting';
  private presence: PresenceState[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(notice: MesaNotice) => void>();

  constructor(mesaId: string, credentials: Credentials) {
    this.persistence = new IndexeddbPersistence(`cocrea:${mesaId}`, this.doc);
    // The provider sends through this socket, so counting here sees exactly the frames the server will ack.
    const CountingWebSocket = observedWebSocket(WebSocket, {
      opened: () => {
        Object.assign(this.frames, { sent: 0, stored: 0, refused: 0, clientIds: [] });
        this.refusedTools.clear();
      },
      sending: (data) => {
        if (!isUpdateFrame(data)) return;
        this.frames.sent++;
        this.frames.clientIds.push(this.doc.clientID);
      },
      sent: () => this.refresh(),
    });
    const params: Record<string, string> = {
      token: credentials.token,
      [PROTOCOL_VERSION_PARAM]: String(PROTOCOL_VERSION),
    };
    if (credentials.seat) params.seat = credentials.seat;
    this.provider = new WebsocketProvider(syncUrl(), mesaId, this.doc, {
      params,
      WebSocketPolyfill: CountingWebSocket,
      disableBc: true,
      connect: false,
    });
    this.stopSendingOthersPresence = sendOnlyOwnPresence(this.provider);
    onMessage(this.provider, MessageType.stored, (decoder) => {
      this.frames.stored = decoding.readVarUint(decoder);
      this.refresh();
    });
    onMessage(this.provider, MessageType.refused, (decoder) => {
      this.frames.refused = decoding.readVarUint(decoder);
      const tool = toolSchema.safeParse(decoding.readVarString(decoder));
      if (tool.success) this.refusedTools.add(tool.data);
      // Frames settle in order, so the refused one is the next after every frame settled before it.
      const refusedUnder = this.frames.clientIds[this.frames.stored + this.frames.refused - 1];
      if (refusedUnder === this.doc.clientID) this.renewClientId();
      this.refresh();
    });
    onMessage(this.provider, MessageType.agenda, (decoder) => {
      const json = decoding.readVarString(decoder);
      try {
        this.receiveAgenda(agendaSnapshotSchema.parse(JSON.parse(json)));
      } catch (error) {
        console.error('agenda: the server sent a snapshot this client does not understand', error);
      }
    });
    onMessage(this.provider, MessageType.vote, (decoder) => {
      const parsed = voteMessageSchema.safeParse(parseJson(decoding.readVarString(decoder)));
      if (!parsed.success) return console.error('vote: the server sent a state this client does not understand');
      this.receiveVote(parsed.data.vote);
    });
    onMessage(this.provider, MessageType.ownBallot, (decoder) => {
      const parsed = ownBallotSchema.safeParse(parseJson(decoding.readVarString(decoder)));
      if (!parsed.success) return console.error('vote: the server sent a ballot this client does not understand');
      this.ownBallot = parsed.data;
      this.notify();
    });
    onMessage(this.provider, MessageType.notice, (decoder) => {
      const notice = parseMesaNotice(decoding.readVarString(decoder));
      if (notice === null) return console.error('notice: the server sent one this client does not understand');
      for (const listener of this.noticeListeners) listener(notice);
    });
    // y-websocket stops reconnecting by itself on a 44xx close; this one is ours to explain.
    this.provider.on('closed', ({ code }) => {
      if (code !== CloseCode.outdatedClient) return;
      this.outdated = true;
      this.refresh();
      this.notify();
    });
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.wasConnected = true;
      this.refresh();
    });
    this.provider.on('sync', (synced: boolean) => {
      // By the time the server's step 2 arrives, our own step 2 (with the offline edits) has gone out.
      if (synced) this.editedOffline = false;
      this.refresh();
    });
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider && origin !== this.persistence && !this.provider.wsconnected) {
        this.editedOffline = true;
      }
      this.refresh();
    });
    // The browser knows about a lost network long before the provider's 30 s silence check would.
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    this.provider.awareness.on('change', () => this.refreshPresence());
    this.refreshPresence();
    // Connect once this browser's copy is loaded. Loaded later, it would reach the socket as a fresh local edit
    // of the whole document: a writer's server stores nothing new, but a read-only socket's (an observer, a
    // closed mesa) drops it unanswered, and the indicator would say "Guardando…" for ever. Loaded first, it is in
    // the state vector of our sync step 1, and our step 2 carries only what the server lacks. A browser whose
    // storage does not answer (private modes, quota) connects anyway after a moment.
    void Promise.race([this.persistence.whenSynced, new Promise((resolve) => setTimeout(resolve, 2000))]).then(() => {
      if (!this.destroyed && navigator.onLine) this.provider.connect();
    });
  }

  get awareness() {
    return this.provider.awareness;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Calls `listener` with each notice the server pushes about the mesa's versions (message 103) until the returned
   * function is called. Notices are events, not state: one that came before a listener was added is not replayed.
   */
  onNotice = (listener: (notice: MesaNotice) => void): (() => void) => {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  };

  getSaveState = (): SaveState => this.saveState;
  getPresence = (): PresenceState[] => this.presence;
  getAgenda = (): AgendaSnapshot | null => this.agenda;
  getVote = (): VoteState | null => this.vote;
  getOwnBallot = (): OwnBallot | null => this.ownBallot;

  /**
   * Takes the mesa's vote (from message 105 or from the answer to the facilitator's own request) unless a newer
   * state is already here: each stored ballot and the close bump the revision, and a newer vote opens later.
   */
  receiveVote(vote: VoteState | null): void {
    const known = this.vote;
    if (
      vote === null ||
      (known !== null && (vote.id === known.id ? vote.revision <= known.revision : vote.openedAt < known.openedAt))
    ) {
      return;
    }
    this.vote = vote;
    this.notify();
  }

  /**
   * Sends one of this seat's dots on (or off) an item, on the mesa's socket (message 104); the server answers with
   * this seat's dots (106). False when there is no open socket to send it on: nothing was sent.
   */
  castBallot(ballot: Ballot): boolean {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.ballot);
    encoding.writeVarString(e, JSON.stringify(ballot));
    ws.send(encoding.toUint8Array(e));
    return true;
  }
  /** Whether the server closed the socket for speaking an older protocol version: the page must be reloaded. */
  isOutdated = (): boolean => this.outdated;

  /**
   * Takes a snapshot of the agenda (from message 101 or from the answer to one's own request), unless a newer one
   * is already here: every change bumps the revision, and the socket and a request's answer may cross.
   */
  receiveAgenda(snapshot: AgendaSnapshot): void {
    if (this.agenda !== null && snapshot.state.revision <= this.agenda.state.revision) return;
    this.agenda = snapshot;
    // Edits a locked tool refused go out again once it opens: a new socket's sync step 2 carries them.
    if ([...this.refusedTools].some((tool) => !snapshot.locks[tool].locked)) {
      this.refusedTools.clear();
      // Not from inside the provider's message handler; and not at all if the socket is meant to be closed
      // (destroyed, or offline: the next connect resends them anyway).
      setTimeout(() => {
        if (!this.provider.shouldConnect) return;
        this.provider.disconnect();
        this.provider.connect();
      });
    }
    this.notify();
  }

  private readonly goOffline = () => this.provider.disconnect();
  private readonly goOnline = () => {
    if (!this.outdated) this.provider.connect();
  };

  destroy(): void {
    this.destroyed = true;
    this.stopSendingOthersPresence();
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }

  private refresh(): void {
    const next = this.computeSaveState();
    if (next === this.saveState) return;
    this.saveState = next;
    this.notify();
  }

  private computeSaveState(): SaveState {
    if (!this.provider.wsconnected) {
      return this.wasConnected || this.editedOffline || this.outdated ? 'offline' : 'connecting';
    }
    if (!this.provider.synced) return this.editedOffline ? 'saving' : 'connecting';
    const { sent, stored, refused } = this.frames;
    if (stored + refused < sent || this.editedOffline) return 'saving';
    return refused > 0 ? 'refused' : 'saved';
  }

  /**
   * Moves this replica to a fresh Yjs client id, as Yjs itself does when two replicas clash on one. The server
   * refused an update of the old id, and Yjs applies each id's updates in order, with no gap: everything later
   * under the old id would wait for the refused one. Under a new id, edits of open tools go through at once; the
   * refused ones stay here until their tool opens. Presence moves along, since y-websocket uses one id for both.
   */
  private renewClientId(): void {
    moveToFreshClientId(this.provider, this);
  }

  private refreshPresence(): void {
    const localId = this.doc.clientID;
    const list: PresenceState[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      const user = (state as { user?: PresenceUser }).user;
      if (!user) return;
      list.push({
        ...(state as Omit<PresenceState, 'clientId' | 'isLocal'>),
        clientId,
        user,
        isLocal: clientId === localId,
      });
    });
    list.sort((a, b) => (a.user.name ?? '').localeCompare(b.user.name ?? '', 'es-MX') || a.clientId - b.clientId);
    this.presence = list;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function syncUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${SYNC_PATH}`;
}
