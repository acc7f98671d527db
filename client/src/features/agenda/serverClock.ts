import { ClockSync, type ClockEstimate } from '@cocrea/shared';

/** After a failed sync, try again after this long, doubling up to the maximum. */
const RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

/**
 * The browser's estimate of the server's clock, shared by every countdown on the page. Wraps the shared
 * `ClockSync` (several samples, the slowest dropped) with what a page needs around it: one sync at a time, a retry
 * after a failure, and listeners for React.
 */
export class ServerClock {
  private readonly sync: ClockSync;
  private inFlight: Promise<void> | null = null;
  private failed = false;
  private retryMs = RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  /** Set by {@link stop}: no more retries until the next {@link resync}. */
  private stopped = false;

  constructor(sample: () => Promise<number>) {
    this.sync = new ClockSync({ sample });
  }

  /** The server's clock as best known; the browser's own until the first sync. */
  serverNow = (): number => this.sync.serverNow();

  /** The latest estimate, or null before the first sync succeeded. */
  getEstimate = (): ClockEstimate | null => this.sync.estimate;

  /** Whether the latest attempt failed (the previous estimate, if any, is still in use). */
  getFailed = (): boolean => this.failed;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Estimates the offset again; a call while one runs joins it. A failure retries by itself until it succeeds. */
  resync(): Promise<void> {
    this.stopped = false;
    this.inFlight ??= this.sync.sync().then(
      () => {
        this.failed = false;
        this.retryMs = RETRY_MS;
        this.settle();
      },
      () => {
        this.failed = true;
        this.settle();
        if (this.stopped) return;
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.resync(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      },
    );
    return this.inFlight;
  }

  /** Cancels a pending retry, when the page that keeps the clock goes away. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  private settle(): void {
    this.inFlight = null;
    for (const listener of this.listeners) listener();
  }
}
