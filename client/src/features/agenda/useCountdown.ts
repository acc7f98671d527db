import { useEffect, useReducer, useSyncExternalStore } from 'react';
import { remainingMs, type AgendaSnapshot } from '@cocrea/shared';
import { msUntilNextSecond } from './countdown';
import type { ServerClock } from './serverClock';

export interface Countdown {
  /** Milliseconds left in the current stage by the server's clock: negative in overtime. */
  remainingMs: number;
  /**
   * When the countdown reaches zero on this browser's own clock (`Date.now()`), while running: the server's end
   * time moved by the estimated offset. Exposed for tests to compare screens precisely.
   */
  endsAtLocalMs: number | null;
}

/**
 * The current stage's remaining time, counted from the server's `endsAt` against the estimated server clock, so
 * every screen shows the same time whatever its own clock says. Null until the clock is estimated: a countdown
 * from an unsynced clock would be confidently wrong. Re-renders exactly when the displayed second changes.
 */
export function useCountdown(snapshot: AgendaSnapshot | null, clock: ServerClock): Countdown | null {
  const estimate = useSyncExternalStore(clock.subscribe, clock.getEstimate);
  const [, tick] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    if (snapshot === null || estimate === null || snapshot.state.status !== 'running') return;
    const { state, agenda } = snapshot;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          tick();
          schedule();
        },
        msUntilNextSecond(remainingMs(state, agenda, clock.serverNow())),
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [snapshot, estimate, clock]);

  if (snapshot === null || estimate === null) return null;
  const { state, agenda } = snapshot;
  // Read at render: whatever caused this render (a tick, a new snapshot, a new estimate), the time is current.
  return {
    remainingMs: remainingMs(state, agenda, clock.serverNow()),
    endsAtLocalMs: state.status === 'running' ? state.endsAt - estimate.offsetMs : null,
  };
}
