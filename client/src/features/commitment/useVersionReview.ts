import { useCallback, useEffect, useState } from 'react';
import type { CommitmentVersionSummary, MesaObservation } from '@cocrea/shared';
import { fetchObservations, listCommitmentVersions } from '../../api/commitment';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';

export interface VersionReview {
  /** The saved versions with their review status, newest first; null until the first answer. */
  versions: CommitmentVersionSummary[] | null;
  /** The STL's observations on them, oldest first. */
  observations: MesaObservation[];
  error: string | null;
  refresh(): void;
}

/**
 * The mesa's saved versions and the STL's review of them, fetched on opening, after a save (`refresh`) and
 * whenever the tab comes back into view: the STL reviews on its own schedule, and a mesa keeps its page open.
 */
export function useVersionReview(mesaId: string, token: string): VersionReview {
  const [versions, setVersions] = useState<CommitmentVersionSummary[] | null>(null);
  const [observations, setObservations] = useState<MesaObservation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    Promise.all([listCommitmentVersions(mesaId, token), fetchObservations(mesaId, token)]).then(
      ([listed, observed]) => {
        setVersions(listed);
        setObservations(observed);
        setError(null);
      },
      (failure: unknown) => setError(failure instanceof ApiFailure ? failure.message : t('error.generic')),
    );
  }, [mesaId, token]);
  useEffect(() => {
    refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);
  return { versions, observations, error, refresh };
}
