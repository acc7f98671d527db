import { useCallback, useEffect, useState } from 'react';
import type { MesaSummary } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { listMesas } from './stlApi';

export type MesasState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; mesas: MesaSummary[] };

/** The STL's list of mesas with their attendance; `reload` refreshes it in place after a change. */
export function useStlMesas(): { state: MesasState; reload(): void } {
  const [state, setState] = useState<MesasState>({ status: 'loading' });
  const reload = useCallback(() => {
    listMesas().then(
      ({ mesas }) => setState({ status: 'ready', mesas }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t('stl.mesas.error') }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}
