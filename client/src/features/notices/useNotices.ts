import { useCallback, useEffect, useState } from 'react';
import type { MesaNotice } from '@cocrea/shared';
import { noticeText } from './noticeText';

/** Where notices come from: the mesa's socket (`MesaConnection.onNotice`) or the STL's event stream. */
export type NoticeSource = (listener: (notice: MesaNotice) => void) => () => void;

export interface ShownNotice {
  id: number;
  text: string;
}

/** Long enough to read a sentence twice; the panels keep the facts after the notice is gone. */
export const NOTICE_SHOWN_MS = 12_000;
/** A burst (the STL writing several observations) shows its latest few, not a wall of them. */
const MAX_SHOWN = 4;

let nextId = 0;

/** The notices to show now: each for {@link NOTICE_SHOWN_MS} or until dismissed, the newest last. */
export function useNotices(source: NoticeSource | null): { notices: ShownNotice[]; dismiss(id: number): void } {
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((shown) => shown.filter((n) => n.id !== id)), []);
  useEffect(() => {
    if (!source) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const stop = source((notice) => {
      const shown = { id: ++nextId, text: noticeText(notice) };
      setNotices((list) => [...list, shown].slice(-MAX_SHOWN));
      const timer = setTimeout(() => {
        timers.delete(timer);
        dismiss(shown.id);
      }, NOTICE_SHOWN_MS);
      timers.add(timer);
    });
    return () => {
      stop();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [source, dismiss]);
  return { notices, dismiss };
}
