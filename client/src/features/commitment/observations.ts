import { createContext, useContext } from 'react';
import type { CommitmentVersionSummary, MesaObservation } from '@cocrea/shared';

/**
 * The observations the drafting form shows next to their fields: those of versions the STL returned
 * (`con_observaciones`), that no later approval settled and that the facilitator has not marked attended. Once a
 * newer version is approved or published, earlier returns have been answered; the save panel still lists every
 * observation.
 */
export function outstandingObservations(
  observations: readonly MesaObservation[],
  versions: readonly Pick<CommitmentVersionSummary, 'number' | 'status'>[],
): MesaObservation[] {
  const settledUpTo = Math.max(
    0,
    ...versions.filter((v) => v.status === 'aprobado' || v.status === 'publicado').map((v) => v.number),
  );
  return observations.filter(
    (o) => o.versionStatus === 'con_observaciones' && o.versionNumber > settledUpTo && o.response?.attended !== true,
  );
}

/** Outstanding observations by field path. */
export const FieldObservationsContext = createContext<ReadonlyMap<string, readonly MesaObservation[]>>(new Map());

/** The outstanding observations on one field of the form. */
export function useFieldObservations(path: string): readonly MesaObservation[] {
  return useContext(FieldObservationsContext).get(path) ?? [];
}
