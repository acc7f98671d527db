import { TokenBucket } from './TokenBucket';

/**
 * Upgrades per client address. A plenary of 250 behind one NAT joins within a minute, and joins again at once after
 * a restart of the server; a few tabs and reconnects more fit in the burst. Beyond it, one address gets five sockets
 * a second: each socket costs a room's greeting and, at its first sync, up to the whole document.
 */
export const UPGRADE_LIMIT = { burst: 300, perSecond: 5 } as const;

/** How often addresses whose budget has refilled are forgotten, which bounds the memory the limiter keeps. */
const SWEEP_MS = 60_000;

/**
 * Where WebSocket upgrades are counted per client address, before anything else is done for them: in this process
 * ({@link UpgradeLimiter}), or in a store every instance shares (`cluster/RedisUpgradeLimiter`).
 */
export interface UpgradeBudget {
  /** Takes one upgrade from `address`'s budget; false when it has none left. A shared store answers later. */
  take(address: string): boolean | Promise<boolean>;
}

/** Counts upgrades per client address in this process. */
export class UpgradeLimiter implements UpgradeBudget {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweptAt: number;

  /** `now`: milliseconds on a monotonic clock; a test passes its own so that nothing refills while it counts. */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.sweptAt = now();
  }

  /** Takes one upgrade from `address`'s budget; false when it has none left. */
  take(address: string): boolean {
    this.sweep();
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(UPGRADE_LIMIT.burst, UPGRADE_LIMIT.perSecond, this.now);
      this.buckets.set(address, bucket);
    }
    return bucket.take();
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.sweptAt < SWEEP_MS) return;
    this.sweptAt = now;
    for (const [address, bucket] of this.buckets) if (bucket.full) this.buckets.delete(address);
  }
}
