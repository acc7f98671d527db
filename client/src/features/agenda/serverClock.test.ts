import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerClock } from './serverClock';

afterEach(() => vi.useRealTimers());

describe('ServerClock', () => {
  it('shares one sync between callers and tells listeners once it is done', async () => {
    let calls = 0;
    const clock = new ServerClock(async () => {
      calls++;
      return Date.now() + 300_000;
    });
    const listener = vi.fn();
    clock.subscribe(listener);
    expect(clock.getEstimate()).toBeNull();
    await Promise.all([clock.resync(), clock.resync()]);
    expect(calls).toBe(6); // one sync of six samples, not two
    expect(listener).toHaveBeenCalledTimes(1);
    expect(clock.getEstimate()!.offsetMs).toBeGreaterThan(299_000);
    expect(clock.serverNow() - Date.now()).toBeGreaterThan(299_000);
  });

  it('keeps the last estimate when a sync fails, and retries by itself until one succeeds', async () => {
    vi.useFakeTimers();
    let failing = false;
    const clock = new ServerClock(async () => {
      if (failing) throw new Error('sin red');
      return Date.now() + 1_000;
    });
    await clock.resync();
    const before = clock.getEstimate();
    failing = true;
    await clock.resync();
    expect(clock.getFailed()).toBe(true);
    expect(clock.getEstimate()).toBe(before);
    failing = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(clock.getFailed()).toBe(false);
  });

  it('stops retrying once stopped', async () => {
    vi.useFakeTimers();
    const sample = vi.fn(async () => {
      throw new Error('sin red');
    });
    const clock = new ServerClock(sample);
    await clock.resync();
    clock.stop();
    const calls = sample.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sample.mock.calls.length).toBe(calls);
  });
});
