import type { Redis } from 'ioredis';
import { UPGRADE_LIMIT, UpgradeLimiter, type UpgradeBudget } from '../sync/UpgradeLimiter';

/**
 * The token bucket of `sync/TokenBucket.ts`, kept in one Redis hash per address and moved in one script, so that
 * instances taking from it at once cannot both spend the last token. In thousandths of a token and Redis's own
 * clock (`TIME`, allowed in scripts since Redis 5's effects replication), so every instance counts on one clock
 * with integers. The key expires once the bucket would be full again: a missing key is a full bucket, and Redis
 * forgets addresses as the in-process limiter's sweep does.
 */
const TAKE = `
local burst = tonumber(ARGV[1]) * 1000
local perSecond = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(stored[1]) or burst
local at = tonumber(stored[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * perSecond)
local taken = 0
if tokens >= 1000 then
  tokens = tokens - 1000
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / perSecond) + 1)
return taken
`;

/**
 * The per-address upgrade budget ({@link UPGRADE_LIMIT}) in Redis, shared by every instance behind one address, as
 * the HTTP limits are: a plenary reconnecting after a restart spreads over the instances, and so would a flood.
 * While Redis cannot answer, each instance counts in its own process instead (a flood still meets a limit; a
 * plenary is not refused for Redis's absence).
 */
export class RedisUpgradeLimiter implements UpgradeBudget {
  private readonly alone = new UpgradeLimiter();

  constructor(
    /** A connection with no offline queue: a count fails at once while Redis is away. */
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  take(address: string): Promise<boolean> {
    return this.redis.eval(TAKE, 1, `${this.prefix}${address}`, UPGRADE_LIMIT.burst, UPGRADE_LIMIT.perSecond).then(
      (taken) => taken === 1,
      () => this.alone.take(address),
    );
  }
}
