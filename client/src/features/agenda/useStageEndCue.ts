import { useEffect, useRef, useState } from 'react';
import type { AgendaSnapshot } from '@cocrea/shared';

/** How long the banner shows the end of a stage. */
const CUE_MS = 4_000;

/**
 * Whether the end-of-stage cue shows now: true for a few seconds after the running stage's time crosses zero on
 * this screen, whether by the clock or by the facilitator taking time away. Never on opening a page already in
 * overtime, nor on entering another stage. Calls `onEnd` once per crossing (the sound).
 */
export function useStageEndCue(snapshot: AgendaSnapshot | null, remaining: number | null, onEnd: () => void): boolean {
  const [cueing, setCueing] = useState(false);
  const previous = useRef<{ stage: number; remaining: number } | null>(null);
  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  }, [onEnd]);

  const running = snapshot?.state.status === 'running';
  const stage = snapshot?.state.stageIndex ?? -1;
  useEffect(() => {
    if (!running || remaining === null) {
      previous.current = null;
      return;
    }
    const before = previous.current;
    previous.current = { stage, remaining };
    if (before === null || before.stage !== stage || before.remaining <= 0 || remaining > 0) return;
    setCueing(true);
    onEndRef.current();
  }, [running, stage, remaining]);

  useEffect(() => {
    if (!cueing) return;
    const timer = setTimeout(() => setCueing(false), CUE_MS);
    return () => clearTimeout(timer);
  }, [cueing]);

  return cueing;
}
