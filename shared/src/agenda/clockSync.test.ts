import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seededRandom';
import { ClockSync, estimateOffset, type ClockSample } from './clockSync';

const MIN = 60_000;

/**
 * Round trips over a simulated network. The server's clock is true time; the client's runs `skewMs` behind it,
 * so the true offset is `skewMs`. Every clock reads whole milliseconds, like Date.now().
 */
function roundTrips(skewMs: number, delays: readonly (readonly [up: number, down: number])[]): ClockSample[] {
  let t = Date.UTC(2020, 5, 8, 15, 30);
  return delays.map(([up, down]) => {
    const clientSendMs = Math.round(t - skewMs);
    t += up;
    const serverMs = Math.round(t);
    t += down;
    const clientReceiveMs = Math.round(t - skewMs);
    t += 100; // the next sample leaves a little later
    return { clientSendMs, serverMs, clientReceiveMs };
  });
}

function uniformDelays(random: () => number, count: number, maxMs: number): [number, number][] {
  return Array.from({ length: count }, () => [random() * maxMs, random() * maxMs]);
}

/** The estimate without the filter: the mean of every sample's midpoint guess. */
function naiveOffset(samples: ClockSample[]): number {
  const offsets = samples.map((s) => s.serverMs - (s.clientSendMs + s.clientReceiveMs) / 2);
  return offsets.reduce((a, b) => a + b, 0) / offsets.length;
}

describe('estimateOffset', () => {
  it('is exact on a symmetric network', () => {
    const samples = roundTrips(-5 * MIN, [
      [20, 20],
      [7, 7],
      [40, 40],
    ]);
    expect(estimateOffset(samples)).toEqual({ offsetMs: -5 * MIN, rttMs: 14 });
  });

  it('stays within 25 ms of the truth for any skew up to ±5 minutes and one-way delays of 0–50 ms', () => {
    // 25 ms is the bound itself: a sample's midpoint guess is off by half the difference of its two legs. Even
    // if every sample is as lopsided as possible (50 ms up, 0 down), no estimate can tell, and the bound holds.
    fc.assert(
      fc.property(
        fc.integer({ min: -5 * MIN, max: 5 * MIN }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), {
          minLength: 5,
          maxLength: 8,
        }),
        (skew, delays) => {
          const { offsetMs } = estimateOffset(roundTrips(skew, delays));
          expect(Math.abs(offsetMs - skew)).toBeLessThanOrEqual(25);
        },
      ),
      { numRuns: 500 },
    );
  });

  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const p99 = (xs: number[]) => xs.toSorted((x, y) => x - y)[Math.floor(xs.length * 0.99)]!;

  it('on uniform 0–50 ms jitter, is typically off by a few milliseconds', () => {
    const random = seededRandom(20200608);
    const errors = Array.from({ length: 2000 }, () => {
      const skew = Math.round((random() * 2 - 1) * 5 * MIN);
      return Math.abs(estimateOffset(roundTrips(skew, uniformDelays(random, 8, 50))).offsetMs - skew);
    });
    expect(mean(errors)).toBeLessThan(7);
    expect(p99(errors)).toBeLessThan(20);
    expect(Math.max(...errors)).toBeLessThanOrEqual(25);
  });

  it('on a queueing network (fixed path delay plus exponential waits), beats averaging every sample', () => {
    const random = seededRandom(1);
    const wait = () => 10 - Math.log(1 - random()) * 30;
    const filtered: number[] = [];
    const naive: number[] = [];
    for (let trial = 0; trial < 2000; trial++) {
      const skew = Math.round((random() * 2 - 1) * 5 * MIN);
      const samples = roundTrips(
        skew,
        Array.from({ length: 8 }, () => [wait(), wait()] as const),
      );
      filtered.push(Math.abs(estimateOffset(samples).offsetMs - skew));
      naive.push(Math.abs(naiveOffset(samples) - skew));
    }
    expect(mean(filtered)).toBeLessThan(mean(naive));
    expect(p99(filtered)).toBeLessThan(p99(naive));
    expect(p99(filtered)).toBeLessThan(25);
  });

  it('ignores round trips held up in a queue, which would drag an average far off', () => {
    const skew = 3 * MIN + 17;
    const random = seededRandom(7);
    const delays = uniformDelays(random, 8, 50);
    delays[1] = [5, 450]; // the answer sat behind a big Yjs sync on the same socket
    delays[5] = [3, 600];
    const samples = roundTrips(skew, delays);
    expect(Math.abs(naiveOffset(samples) - skew)).toBeGreaterThan(25);
    expect(Math.abs(estimateOffset(samples).offsetMs - skew)).toBeLessThanOrEqual(25);
  });

  it('works from a single sample and reports its round trip', () => {
    expect(estimateOffset([{ clientSendMs: 1000, serverMs: 5050, clientReceiveMs: 1100 }])).toEqual({
      offsetMs: 4000,
      rttMs: 100,
    });
  });

  it('drops samples whose round trip is negative, and needs at least one good one', () => {
    const backwards = { clientSendMs: 2000, serverMs: 9000, clientReceiveMs: 1000 };
    const good = { clientSendMs: 1000, serverMs: 1010, clientReceiveMs: 1020 };
    expect(estimateOffset([backwards, good])).toEqual({ offsetMs: 0, rttMs: 20 });
    expect(() => estimateOffset([backwards])).toThrow(RangeError);
    expect(() => estimateOffset([])).toThrow(RangeError);
  });
});

/** A server `skewMs` ahead of the client, reached over a network with the given one-way delays, in virtual time. */
function virtualNetwork(skewMs: number, delays: () => [up: number, down: number]) {
  const net = { trueTime: Date.UTC(2020, 5, 8, 15, 30), calls: 0, inFlight: 0, maxInFlight: 0 };
  return {
    net,
    now: () => Math.round(net.trueTime - skewMs),
    sample: async () => {
      net.calls++;
      net.maxInFlight = Math.max(net.maxInFlight, ++net.inFlight);
      const [up, down] = delays();
      net.trueTime += up;
      const serverMs = Math.round(net.trueTime);
      await Promise.resolve();
      net.trueTime += down;
      net.inFlight--;
      return serverMs;
    },
  };
}

describe('ClockSync', () => {
  it('estimates the server clock from a handful of sequential samples', async () => {
    const random = seededRandom(42);
    const skew = -4 * MIN - 321;
    const { net, now, sample } = virtualNetwork(skew, () => [random() * 50, random() * 50]);
    const clock = new ClockSync({ sample, now });
    expect(clock.estimate).toBeNull();
    expect(clock.serverNow()).toBe(now());

    const estimate = await clock.sync();
    expect(net.calls).toBe(6);
    expect(net.maxInFlight).toBe(1);
    expect(clock.estimate).toBe(estimate);
    expect(Math.abs(estimate.offsetMs - skew)).toBeLessThanOrEqual(25);
    expect(Math.abs(clock.serverNow() - net.trueTime)).toBeLessThanOrEqual(25);
  });

  it('takes as many samples as asked', async () => {
    const { net, now, sample } = virtualNetwork(0, () => [1, 1]);
    await new ClockSync({ sample, now, samples: 8 }).sync();
    expect(net.calls).toBe(8);
    expect(() => new ClockSync({ sample, now, samples: 0 })).toThrow(RangeError);
  });

  it('keeps the previous estimate when a sync fails', async () => {
    let fail = false;
    const { now, sample } = virtualNetwork(MIN, () => [10, 10]);
    const clock = new ClockSync({ now, sample: () => (fail ? Promise.reject(new Error('sin conexión')) : sample()) });
    const first = await clock.sync();
    fail = true;
    await expect(clock.sync()).rejects.toThrow('sin conexión');
    expect(clock.estimate).toBe(first);
  });

  it('uses Date.now by default', () => {
    const clock = new ClockSync({ sample: () => Promise.resolve(0) });
    const before = Date.now();
    expect(clock.serverNow()).toBeGreaterThanOrEqual(before);
  });
});
