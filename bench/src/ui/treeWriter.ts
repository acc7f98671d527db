import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType, TREE_ROOT_ID, addCause, addEffect, pinNode, readTree, setText } from '@cocrea/shared';
import type { UiMesa } from './appServer';

/**
 * A Node-side stock y-websocket client in the mesa, writing through the shared tree accessors: it builds the big
 * trees in one transaction each (typing 300 nodes through the UI would take minutes) and plays a remote user
 * who moves a node.
 */
export class TreeWriter {
  readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private stored = 0;
  private added = 0;

  private constructor(mesa: UiMesa) {
    this.provider = new WebsocketProvider(mesa.syncUrl, mesa.id, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: mesa.participantToken },
      disableBc: true,
    });
    // Cocrea acknowledges every stored message; the stock client would log an error for each one.
    this.provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      this.stored = decoding.readVarUint(decoder);
    };
    // The agenda and refusals are for people; without these the stock client logs "Unable to compute message".
    this.provider.messageHandlers[MessageType.agenda] = () => {};
    this.provider.messageHandlers[MessageType.refused] = () => {};
  }

  static async connect(mesa: UiMesa): Promise<TreeWriter> {
    const writer = new TreeWriter(mesa);
    await new Promise<void>((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        writer.provider.off('sync', onSync);
        resolve();
      };
      writer.provider.on('sync', onSync);
    });
    return writer;
  }

  /** How many tree nodes there are, the central problem included. */
  get size(): number {
    return readTree(this.doc).nodes.size;
  }

  /**
   * Adds `count` causes and effects in one transaction, and resolves once the server says it is stored. The shape
   * is a plausible big tree: about two causes per effect, each node with up to four children, three levels or so.
   */
  async grow(count: number): Promise<void> {
    const storedBefore = this.stored;
    this.doc.transact(() => {
      if (this.added === 0) setText(this.doc, TREE_ROOT_ID, 'Transporte público inseguro en el Valle de Toluca');
      const byKind = { causa: [] as string[], efecto: [] as string[] };
      for (const node of readTree(this.doc).nodes.values()) {
        if (node.kind !== 'problema') byKind[node.kind].push(node.id);
      }
      for (let i = 0; i < count; i++) {
        const n = ++this.added;
        const kind = n % 3 === 0 ? 'efecto' : 'causa';
        const siblings = byKind[kind];
        // The first six of a kind hang from the problem; after that, node k goes under node ⌊k/4⌋ - 1 or so.
        const parent = siblings.length < 6 ? TREE_ROOT_ID : siblings[Math.floor(siblings.length / 4) - 1]!;
        const text = `${kind === 'causa' ? 'Causa' : 'Efecto'} ${n}: ${SAMPLE_TEXTS[n % SAMPLE_TEXTS.length]}`;
        siblings.push(kind === 'causa' ? addCause(this.doc, parent, text) : addEffect(this.doc, parent, text));
      }
    });
    // One transaction, one update frame: the server's count of stored messages goes up by one.
    await waitFor(() => this.stored > storedBefore, 10_000, 'the server to store the new nodes');
  }

  /** Pins a node at a position, as a drop on the canvas does. */
  pin(id: string, position: { x: number; y: number }): void {
    pinNode(this.doc, id, position);
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

const SAMPLE_TEXTS = [
  'paradas sin iluminación',
  'unidades en mal estado',
  'choferes sin capacitación',
  'rutas sin horario fijo',
  'falta de vigilancia',
  'tarifas no reguladas',
  'acoso en el transporte',
  'baja confianza en las autoridades',
];

export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`ui bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
