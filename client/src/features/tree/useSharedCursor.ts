import { useCallback, useEffect, useRef } from 'react';
import { presenceWindowMs } from '@cocrea/shared';
import type { Point } from './layout';

/**
 * Cursors are shared at most 20 times a second, and no more often than the server passes presence on in a room of
 * this size (twice a second in a plenary of 250): it would keep only the latest.
 */
export function cursorIntervalMs(people: number): number {
  return Math.max(50, presenceWindowMs(people));
}

/**
 * Shares the pointer's position at most once per {@link cursorIntervalMs}, the last position of a burst included:
 * without it, a pointer that stops within the interval would stay shown where it was up to half a second earlier.
 * `share(null)` (the pointer left) goes at once and drops a position still waiting.
 */
export function useSharedCursor(
  people: number,
  onCursor: (point: Point | null) => void,
): (point: Point | null) => void {
  const sentAt = useRef(-Infinity);
  const waiting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(waiting.current), []);
  return useCallback(
    (point: Point | null) => {
      clearTimeout(waiting.current);
      const send = () => {
        sentAt.current = performance.now();
        onCursor(point);
      };
      const wait = point === null ? 0 : sentAt.current + cursorIntervalMs(people) - performance.now();
      if (wait <= 0) send();
      else waiting.current = setTimeout(send, wait);
    },
    [people, onCursor],
  );
}
