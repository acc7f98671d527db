import { useEffect, useState } from 'react';
import { fetchServerTime } from '../../api/agenda';
import { ServerClock } from '../agenda/serverClock';

/** Clocks drift by parts per million; a fresh estimate every ten minutes keeps that far below a millisecond. */
const RESYNC_MS = 10 * 60_000;

/**
 * The server's clock as this page estimates it (`GET /api/time`, as the mesas' countdowns do), read again every
 * second while `ticking`, so countdowns to the tables' `endsAt` show the same time as the tables' own screens.
 * Null until the first estimate: a countdown from an unsynced clock would be confidently wrong.
 */
export function useServerNow(ticking: boolean): number | null {
  const [clock] = useState(() => new ServerClock(fetchServerTime));
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const read = () => setNow(clock.getEstimate() === null ? null : clock.serverNow());
    const stop = clock.subscribe(read);
    void clock.resync();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void clock.resync();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const resync = setInterval(() => void clock.resync(), RESYNC_MS);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(resync);
      clock.stop();
    };
  }, [clock]);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(clock.getEstimate() === null ? null : clock.serverNow()), 1000);
    return () => clearInterval(timer);
  }, [clock, ticking]);
  return now;
}
