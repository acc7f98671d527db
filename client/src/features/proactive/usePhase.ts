import { useEffect, useState } from 'react';
import type { Mesa, ProactivePhase } from '@cocrea/shared';
import type { MesaConnection } from '../../sync/MesaConnection';

/**
 * The compromiso proactivo's phase as this page knows it: the session's, then every move the server announces on
 * the mesa's socket (the STL's own moves included), so every open page follows the stepper at once.
 */
export function usePhase(
  mesa: Mesa,
  connection: MesaConnection,
): [ProactivePhase | null, (phase: ProactivePhase) => void] {
  const [phase, setPhase] = useState(mesa.phase);
  useEffect(
    () =>
      connection.onNotice((notice) => {
        if (notice.kind === 'phase') setPhase(notice.phase);
      }),
    [connection],
  );
  return [phase, setPhase];
}
