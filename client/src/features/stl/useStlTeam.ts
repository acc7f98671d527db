import { useCallback, useEffect, useState } from 'react';
import type { TeamMember } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { listMembers } from './stlApi';

export type TeamState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; members: TeamMember[] };

/** The STL's accounts; `reload` refreshes the list in place after a change. */
export function useStlTeam(): { state: TeamState; reload(): void } {
  const [state, setState] = useState<TeamState>({ status: 'loading' });
  const reload = useCallback(() => {
    listMembers().then(
      ({ members }) => setState({ status: 'ready', members }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t('stl.team.error') }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}
