import { useCallback, useEffect, useMemo, useRef } from 'react';
import { parseMesaNotice, type MesaNotice } from '@cocrea/shared';
import type { NoticeSource } from '../notices/useNotices';

/**
 * The notices of one mesa for the STL's review page, from `GET /api/review/mesas/:id/events` (server-sent events,
 * with the session cookie): the page has no socket of the mesa, and needs none of its document. One stream per
 * page. `onChange` runs on each notice and each time the stream (re)connects (`EventSource` does so by itself, and
 * what happened meanwhile is not replayed), so the page reads the version again; the returned source hands the
 * notices to whoever shows them.
 */
export function useReviewEvents(mesaId: string, onChange: () => void): NoticeSource {
  const listeners = useMemo(() => new Set<(notice: MesaNotice) => void>(), []);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const events = new EventSource(`/api/review/mesas/${encodeURIComponent(mesaId)}/events`);
    // Also on the first opening: something may have happened between the page's first read and the stream.
    events.onopen = () => changed.current();
    events.onmessage = (event: MessageEvent<string>) => {
      const notice = parseMesaNotice(event.data);
      if (notice === null) return console.error('review events: a notice this page does not understand');
      changed.current();
      for (const listener of listeners) listener(notice);
    };
    return () => events.close();
  }, [mesaId, listeners]);
  return useCallback(
    (listener: (notice: MesaNotice) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    [listeners],
  );
}
