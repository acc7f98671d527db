import { useCallback, useEffect, useState } from 'react';
import type { CommitmentVersionSummary, MesaObservation } from '@cocrea/shared';
import { fetchObservations, listCommitmentVersions } from '../../api/commitment';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import type { NoticeSource } from '../notices/useNotices';

export interface VersionReview {
  /** The saved versions with their review status, newest first; null until the first answer. */
  versions: CommitmentVersionSummary[] | null;
  /** The STL's observations on them, oldest first. */
  observations: MesaObservation[];
  error: string | null;
  refresh(): void;
}

/**
 * The mesa's saved versions and the STL's review of them, fetched on opening, after a save (`refresh`), whenever
 * the server pushes a notice about them on the mesa's socket (someone saved, the STL moved or observed a version),
 * and when the tab comes back into view (a notice may have been missed while the socket was down).
 */
export function useVersionReview(mesaId: string, token: string, notices: NoticeSource): VersionReview {
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
    // A plenary notice says nothing about the versions: a whole plenary refetching at once for it would be waste.
    const stopNotices = notices((notice) => {
      if (notice.kind !== 'plenary') refresh();
    });
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      stopNotices();
    };
  }, [refresh, notices]);
  return { versions, observations, error, refresh };
}
