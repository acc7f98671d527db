import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cursorIntervalMs, useSharedCursor } from './useSharedCursor';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('sharing the pointer as a cursor', () => {
  it('shares at most once per interval, and the last position of a burst after it', () => {
    const shared: unknown[] = [];
    const { result } = renderHook(() => useSharedCursor(250, (point) => shared.push(point)));
    const interval = cursorIntervalMs(250);
    expect(interval).toBe(500);
    result.current({ x: 1, y: 1 });
    for (let x = 2; x <= 10; x++) {
      vi.advanceTimersByTime(20);
      result.current({ x, y: 1 });
    }
    // The first at once; the rest are held, and only the latest of them goes, once the interval is over.
    expect(shared).toEqual([{ x: 1, y: 1 }]);
    vi.advanceTimersByTime(interval - 180 - 1);
    expect(shared).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(shared).toEqual([
      { x: 1, y: 1 },
      { x: 10, y: 1 },
    ]);
  });

  it('shares that the pointer left at once, dropping a position still held', () => {
    const shared: unknown[] = [];
    const { result } = renderHook(() => useSharedCursor(10, (point) => shared.push(point)));
    result.current({ x: 1, y: 1 });
    result.current({ x: 2, y: 2 });
    result.current(null);
    vi.advanceTimersByTime(1000);
    expect(shared).toEqual([{ x: 1, y: 1 }, null]);
  });

  it('shares at 20 a second in a small room, whatever the presence window', () => {
    expect(cursorIntervalMs(2)).toBe(50);
    expect(cursorIntervalMs(40)).toBe(80);
  });
});
