import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType, SYNC_PATH, type PresenceUser } from '@cocrea/shared';
import type { Credentials } from '../session/credentials';
import { isUpdateFrame } from './updateFrames';

/** What the save indicator says; "saved" only once the server has acknowledged every local change. */
export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline';

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
  /** Update frames sent on the current socket, and how many of them the server says are stored. */
  private readonly frames = { sent: 0, stored: 0 };
  /** Local edits made with no open socket: they go out in the next sync step 2. */
  private editedOffline = false;
  private wasConnected = false;
  private saveState: SaveState = 'connecting';
  private presence: PresenceState[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(mesaId: string, credentials: Credentials) {
    this.persistence = new IndexeddbPersistence(`cocrea:${mesaId}`, this.doc);
    const frames = this.frames;
    const refresh = () => this.refresh();
    // The provider sends through this socket, so counting here sees exactly the frames the server will ack.
    class CountingWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        frames.sent = 0;
        frames.stored = 0;
      }
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (isUpdateFrame(data)) frames.sent++;
        super.send(data);
        refresh();
      }
    }
    const params: Record<string, string> = { token: credentials.token };
    if (credentials.seat) params.seat = credentials.seat;
    this.provider = new WebsocketProvider(syncUrl(), mesaId, this.doc, {
      params,
      WebSocketPolyfill: CountingWebSocket,
      disableBc: true,
    });
    this.provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      this.frames.stored = decoding.readVarUint(decoder);
      this.refresh();
    };
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
    this.provider.awareness.on('change', () => this.refreshPresence());
    this.refreshPresence();
  }

  get awareness() {
    return this.provider.awareness;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSaveState = (): SaveState => this.saveState;
  getPresence = (): PresenceState[] => this.presence;

  destroy(): void {
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
    if (!this.provider.wsconnected) return this.wasConnected || this.editedOffline ? 'offline' : 'connecting';
    if (!this.provider.synced) return this.editedOffline ? 'saving' : 'connecting';
    return this.frames.stored < this.frames.sent || this.editedOffline ? 'saving' : 'saved';
  }

  private refreshPresence(): void {
    const localId = this.doc.clientID;
    const list: PresenceState[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      const user = (state as { user?: PresenceUser }).user;
      if (!user) return;
      list.push({ ...(state as Omit<PresenceState, 'clientId' | 'isLocal'>), clientId, user, isLocal: clientId === localId });
    });
    list.sort((a, b) => (a.user.name ?? '').localeCompare(b.user.name ?? '', 'es-MX') || a.clientId - b.clientId);
    this.presence = list;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function syncUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${SYNC_PATH}`;
}
