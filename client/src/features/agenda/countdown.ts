/**
 * When a countdown's display next changes. `formatRemaining` shows whole seconds, rounded up while time remains
 * and down in overtime, so the text changes exactly when the remaining time crosses a multiple of a second.
 * Waking up then, rather than on a fixed interval, makes every screen flip its seconds at the same instant.
 */

/** A little past the boundary, so a timer that fires a hair early still finds the new second. */
const MARGIN_MS = 4;

/** Milliseconds from now until the displayed second of `remainingMs` changes, plus a small margin. */
export function msUntilNextSecond(remainingMs: number): number {
  const intoSecond = ((remainingMs % 1000) + 1000) % 1000;
  return (intoSecond === 0 ? 1000 : intoSecond) + MARGIN_MS;
}
