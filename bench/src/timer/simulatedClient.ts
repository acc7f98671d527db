import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import {
  ClockSync,
  MessageType,
  agendaSnapshotSchema,
  remainingMs,
  type AgendaSnapshot,
  type ClockEstimate,
} from '@cocrea/shared';

/** A deterministic source of numbers in [0, 1), so a run can be repeated from its seed. */
export type Random = () => number;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface SimulatedClientOptions {
  baseUrl: string;
  mesaId: string;
  token: string;
  /** How far this client's clock is from the real one, in ms. */
  offsetMs: number;
  /** The most each leg of a round trip is delayed, in ms; each leg draws its own delay up to this. */
  latencyMs: number;
  random: Random;
}

/**
 * One browser as the timer sees it, in Node: a clock that is `offsetMs` off, the real sync socket delivering the
 * agenda (message 101), and the real `GET /api/time` sampled through the shared `ClockSync`, both legs of every
 * round trip delayed independently (so delays are lopsided, as on real networks). The remaining time it shows is
 * the client's own computation: `remainingMs(state, agenda, clock.serverNow())`.
 */
export class SimulatedClient {
  readonly clock: ClockSync;
  private snapshot: AgendaSnapshot | null = null;
  private readonly socket: WebSocket;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: SimulatedClientOptions) {
    const { baseUrl, mesaId, token, offsetMs } = options;
    this.clock = new ClockSync({ sample: () => this.sampleServer(), now: () => Date.now() + offsetMs });
    const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/sync/${mesaId}?token=${token}`;
    this.socket = new WebSocket(wsUrl);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== MessageType.agenda) return;
      const snapshot = agendaSnapshotSchema.parse(JSON.parse(decoding.readVarString(decoder)));
      // The announcement travels the same slow network as everything else.
      setTimeout(() => {
        this.snapshot = snapshot;
        for (const listener of this.listeners) listener();
      }, this.delay());
    });
  }

  /** Estimates the offset to the server clock, as the browser does on connect. */
  sync(): Promise<ClockEstimate> {
    return this.clock.sync();
  }

  /** Resolves once the latest agenda satisfies `predicate`. */
  until(predicate: (snapshot: AgendaSnapshot) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.snapshot === null || !predicate(this.snapshot)) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** What this client shows now, and what is really left by the server's clock (this machine's), in ms. */
  reading(): { shown: number; truth: number } {
    if (this.snapshot === null) throw new Error('no agenda yet');
    const { state, agenda } = this.snapshot;
    return { shown: remainingMs(state, agenda, this.clock.serverNow()), truth: remainingMs(state, agenda, Date.now()) };
  }

  close(): void {
    this.socket.close();
  }

  private delay(): number {
    return this.options.random() * this.options.latencyMs;
  }

  private async sampleServer(): Promise<number> {
    await sleep(this.delay());
    const res = await fetch(`${this.options.baseUrl}/api/time`);
    const { now } = (await res.json()) as { now: number };
    await sleep(this.delay());
    return now;
  }
}
