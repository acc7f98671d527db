import { useCallback, useState } from 'react';
import type { Role } from '@cocrea/shared';

const KEY = 'cocrea:agenda-sound';

/**
 * Whether the stage-end sound plays in this browser: on by default for the facilitator, who runs the clock, off
 * for everybody else, whose speakers may be in a shared room. The choice is remembered in this browser.
 */
export function useSoundPreference(role: Role): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    const stored = localStorage.getItem(KEY);
    return stored === null ? role === 'facilitator' : stored === 'on';
  });
  const set = useCallback((next: boolean) => {
    localStorage.setItem(KEY, next ? 'on' : 'off');
    setOn(next);
  }, []);
  return [on, set];
}
