import { useEffect, useState } from 'react';
import type { MesaConnection } from '../../sync/MesaConnection';
import { fetchServerTime } from '../../api/agenda';
import { ServerClock } from './serverClock';

/** Clocks drift by parts per million; a fresh estimate every ten minutes keeps that far below a millisecond. */
const RESYNC_MS = 10 * 60_000;

/**
 * The page's estimate of the server clock. It is estimated on mount, again whenever the sync socket (re)connects
 * (the network path may have changed), when a hidden tab comes back (its timers were throttled and the machine may
 * have slept), and every ten minutes.
 */
export function useServerClock(connection: MesaConnection): ServerClock {
  const [clock] = useState(() => new ServerClock(fetchServerTime));
  useEffect(() => {
    void clock.resync();
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') void clock.resync();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void clock.resync();
    };
    connection.provider.on('status', onStatus);
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => void clock.resync(), RESYNC_MS);
    return () => {
      connection.provider.off('status', onStatus);
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
      clock.stop();
    };
  }, [clock, connection]);
  return clock;
}
