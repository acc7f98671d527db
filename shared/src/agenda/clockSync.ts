/**
 * How far a client's clock is from the server's, so every screen counts down to the same `endsAt`. NTP's idea
 * in miniature: ask the server for its time, note when the question left and the answer arrived, and assume the
 * server read its clock halfway through. `serverNow = clientNow + offsetMs`.
 *
 * No DOM or Node here: the client passes a `sample()` that asks over fetch or the WebSocket.
 */

/** One round trip: client clock when the request left, server clock when it answered, client clock on arrival. */
export interface ClockSample {
  clientSendMs: number;
  serverMs: number;
  clientReceiveMs: number;
}

export interface ClockEstimate {
  /** Add to the client's clock to get the server's. */
  offsetMs: number;
  /** Round-trip time of the samples the estimate rests on. */
  rttMs: number;
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Estimates the offset from several round trips. Each sample's midpoint guess is wrong by half the difference
 * between its two one-way delays, so its error is at most half its round-trip time. Real networks add delay by
 * queueing, usually on one leg at a time (a large Yjs update ahead of the answer), and that is exactly what makes
 * a guess lopsided; so only the fastest third of the samples is trusted, as NTP's clock filter prefers its
 * minimum-delay sample, and of those the median, because a single fast sample can still be lopsided. One slow
 * sample can throw a plain average off by hundreds of milliseconds; here it is simply not looked at. Samples
 * with a negative round trip (the client's clock was set back mid-flight) are meaningless and dropped.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate {
  const measured = samples
    .map((s) => ({
      rtt: s.clientReceiveMs - s.clientSendMs,
      offset: s.serverMs - (s.clientSendMs + s.clientReceiveMs) / 2,
    }))
    .filter((m) => m.rtt >= 0)
    .sort((a, b) => a.rtt - b.rtt);
  if (measured.length === 0) throw new RangeError('Se necesita al menos una muestra válida del reloj del servidor.');
  const best = measured.slice(0, Math.ceil(measured.length / 3));
  return { offsetMs: median(best.map((m) => m.offset)), rttMs: median(best.map((m) => m.rtt)) };
}

export interface ClockSyncOptions {
  /** Asks the server for its clock and resolves with the server's epoch milliseconds. */
  sample: () => Promise<number>;
  /** The client's clock; `Date.now` unless a test injects one. */
  now?: () => number;
  /** Round trips per {@link ClockSync.sync}; six leave two in the fastest third, enough for a median. */
  samples?: number;
}

/** Keeps a client's estimate of the server clock. Call {@link ClockSync.sync} on connect and now and then after. */
export class ClockSync {
  private readonly sampleServer: () => Promise<number>;
  private readonly now: () => number;
  private readonly sampleCount: number;
  private current: ClockEstimate | null = null;

  constructor(options: ClockSyncOptions) {
    this.sampleServer = options.sample;
    this.now = options.now ?? Date.now;
    this.sampleCount = options.samples ?? 6;
    if (!Number.isInteger(this.sampleCount) || this.sampleCount < 1) {
      throw new RangeError(`samples debe ser un entero positivo: ${this.sampleCount}.`);
    }
  }

  /**
   * Takes the samples one after another, never in parallel: concurrent requests would queue behind each other
   * on the same connection and every round trip would look slow. A failing `sample()` rejects the whole sync and
   * keeps the previous estimate.
   */
  async sync(): Promise<ClockEstimate> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < this.sampleCount; i++) {
      const clientSendMs = this.now();
      const serverMs = await this.sampleServer();
      samples.push({ clientSendMs, serverMs, clientReceiveMs: this.now() });
    }
    this.current = estimateOffset(samples);
    return this.current;
  }

  /** The latest estimate, or null before the first sync. */
  get estimate(): ClockEstimate | null {
    return this.current;
  }

  /** The server's clock as best known; the client's own clock until the first sync. */
  serverNow(): number {
    return this.now() + (this.current?.offsetMs ?? 0);
  }
}
