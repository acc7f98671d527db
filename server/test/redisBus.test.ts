import { Redis } from 'ioredis';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../src/cluster/Bus';
import { RedisBus } from '../src/cluster/RedisBus';
import { UPGRADE_LIMIT } from '../src/sync/UpgradeLimiter';
import { startOwnRedis } from './support/instances';
import { reachRedis, type TestRedis } from './support/redis';
import { waitFor } from './support/waitFor';

let redis: TestRedis;
const opened: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  // An unreachable Redis fails here, saying how to start it.
  redis = await reachRedis();
});
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

async function bus(prefix = redis.prefix, localClock?: () => number): Promise<RedisBus> {
  const b = await RedisBus.connect(redis.url, prefix, localClock);
  opened.push(b);
  return b;
}

function listen(b: RedisBus, mesaId: string): Promise<{ heard: BusMessage[]; stop: () => void }> {
  const heard: BusMessage[] = [];
  return b.subscribe(mesaId, (m) => heard.push(m)).then((stop) => ({ heard, stop }));
}

describe('RedisBus', () => {
  it('carries a message to the other instances of the mesa, not back to its sender', async () => {
    const [a, b] = await Promise.all([bus(), bus()]);
    const [atA, atB] = await Promise.all([listen(a, 'm1'), listen(b, 'm1')]);
    a.publish('m1', { kind: 'update', seq: 7, update: Buffer.from([1, 2, 3]) });
    await waitFor(() => expect(atB.heard).toEqual([{ kind: 'update', seq: 7, update: new Uint8Array([1, 2, 3]) }]));
    // Published after the first, so heard after it if at all: its arrival means the first would have arrived too.
    b.publish('m1', { kind: 'who' });
    await waitFor(() => expect(atA.heard).toEqual([{ kind: 'who' }]));
  });

  it('keeps mesas and prefixes apart', async () => {
    const [a, b, elsewhere] = await Promise.all([bus(), bus(), bus(`${redis.prefix}otro:`)]);
    const [otherMesa, otherPrefix, same] = await Promise.all([
      listen(b, 'm2'),
      listen(elsewhere, 'm1'),
      listen(b, 'm1'),
    ]);
    a.publish('m1', { kind: 'head', seq: 1, agendaRevision: 0 });
    await waitFor(() => expect(same.heard).toHaveLength(1));
    expect(otherMesa.heard).toEqual([]);
    expect(otherPrefix.heard).toEqual([]);
  });

  it('ignores a malformed message and goes on hearing the next ones', async () => {
    const b = await bus();
    const at = await listen(b, 'm3');
    const raw = new Redis(redis.url);
    opened.push({ close: async () => void raw.disconnect() });
    await raw.publish(`${redis.prefix}mesa:m3`, '{"from":"x","message":{"kind":"update","seq":-1}}');
    await raw.publish(`${redis.prefix}mesa:m3`, 'no es JSON');
    await raw.publish(`${redis.prefix}mesa:m3`, JSON.stringify({ from: 'x', message: { kind: 'who' } }));
    await waitFor(() => expect(at.heard).toEqual([{ kind: 'who' }]));
  });

  it('stops hearing a mesa once unsubscribed', async () => {
    const [a, b] = await Promise.all([bus(), bus()]);
    const at = await listen(b, 'm4');
    const control = await listen(b, 'm5');
    at.stop();
    a.publish('m4', { kind: 'who' });
    a.publish('m5', { kind: 'who' });
    await waitFor(() => expect(control.heard).toHaveLength(1));
    expect(at.heard).toEqual([]);
  });

  it('tells the time on Redis’s clock, whatever this machine’s clock says', async () => {
    // An instance whose clock is an hour fast: its agenda and its /api/time still agree with the others'.
    const fast = await bus(redis.prefix, () => Date.now() + 3_600_000);
    // Redis runs on this machine, whose clock the test trusts.
    expect(Math.abs(fast.now() - Date.now())).toBeLessThan(250);
    expect(Number.isInteger(fast.now())).toBe(true);
  });

  it('keeps one upgrade budget per address for every instance, and each counts alone while Redis is away', async () => {
    const own = await startOwnRedis();
    opened.push({ close: () => own.stop() });
    const [a, b] = await Promise.all([RedisBus.connect(own.url, 'p:'), RedisBus.connect(own.url, 'p:')]);
    opened.push(a, b);
    const [atA, atB] = [a.upgradeBudget(), b.upgradeBudget()];
    const takeMany = async (count: number, from: (i: number) => { take(address: string): unknown }) => {
      const answers: unknown[] = [];
      for (let i = 0; i < count; i++) answers.push(await from(i).take('203.0.113.5'));
      return answers;
    };
    // The burst, half through each instance, then nothing for that address on either (with a second's refill to
    // spare: 5 more at most); another address has its own.
    const burst = await takeMany(UPGRADE_LIMIT.burst, (i) => (i % 2 === 0 ? atA : atB));
    expect(burst.every((taken) => taken === true)).toBe(true);
    const past = await takeMany(20, (i) => (i % 2 === 0 ? atA : atB));
    expect(past.filter((taken) => taken === true).length).toBeLessThanOrEqual(UPGRADE_LIMIT.perSecond);
    expect(await atB.take('203.0.113.6')).toBe(true);

    // Redis stops: each instance counts in its own process, with a full budget of its own, rather than refuse all.
    await own.stop();
    const alone = (await takeMany(UPGRADE_LIMIT.burst + 20, () => atA)).filter((taken) => taken === true).length;
    expect(alone).toBeGreaterThanOrEqual(UPGRADE_LIMIT.burst);
    expect(alone).toBeLessThan(UPGRADE_LIMIT.burst + 20);
  });
});
