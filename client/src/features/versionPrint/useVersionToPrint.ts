import { useCallback } from 'react';
import { fetchCommitmentVersion } from '../../api/commitment';
import { fetchSession } from '../../api/mesas';
import { ApiFailure } from '../../api/request';
import { useLoaded } from '../../api/useLoaded';
import { t } from '../../i18n/t';
import { loadCredentials } from '../../session/credentials';

/** A saved version and its mesa, read with the link this browser keeps for the mesa. */
export function useVersionToPrint(mesaId: string, number: number) {
  const load = useCallback(async () => {
    const credentials = loadCredentials(mesaId);
    if (!credentials) throw new ApiFailure(0, t('error.noToken'));
    const [version, session] = await Promise.all([
      fetchCommitmentVersion(mesaId, credentials.token, number),
      fetchSession(mesaId, credentials.token, null),
    ]);
    return { version, mesa: session.mesa };
  }, [mesaId, number]);
  return useLoaded(load, 'error.generic');
}
