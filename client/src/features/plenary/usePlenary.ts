import { useEffect, useState } from 'react';
import { parsePlenarySnapshot, type PlenarySnapshot } from '@cocrea/shared';
import { plenaryEventsUrl } from '../../api/plan';

export type PlenaryState =
  /** Before the first snapshot. */
  | { status: 'connecting'; snapshot: null }
  /** `live` false: the stream dropped and `EventSource` is reconnecting; the snapshot shown is the last one. */
  | { status: 'ready'; snapshot: PlenarySnapshot; live: boolean }
  /** The server refused the stream (no session, no such event): `EventSource` gives up; `retry` opens it again. */
  | { status: 'error'; snapshot: PlenarySnapshot | null };

/**
 * The event's plenary, live, from `GET /api/events/:id/plenary/events` (server-sent events, with the session
 * cookie): each message is the whole plenary, replacing the last, so nothing missed while reconnecting matters.
 * One stream per page; `retry` opens a new one after the server refused it.
 */
export function usePlenary(eventId: string): { state: PlenaryState; retry(): void } {
  const [state, setState] = useState<PlenaryState>({ status: 'connecting', snapshot: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const events = new EventSource(plenaryEventsUrl(eventId));
    events.onmessage = (event: MessageEvent<string>) => {
      const snapshot = parsePlenarySnapshot(event.data);
      if (snapshot === null) return console.error('plenary: a snapshot this page does not understand');
      setState({ status: 'ready', snapshot, live: true });
    };
    events.onerror = () => {
      // CONNECTING: it retries by itself. CLOSED: the server answered with an error status, and it will not.
      const closed = events.readyState === EventSource.CLOSED;
      setState((current) =>
        closed
          ? { status: 'error', snapshot: current.snapshot }
          : current.snapshot
            ? { status: 'ready', snapshot: current.snapshot, live: false }
            : current,
      );
    };
    return () => events.close();
  }, [eventId, attempt]);
  return { state, retry: () => setAttempt((n) => n + 1) };
}
