import { useCallback, useEffect, useState } from 'react';
import type { PendingInvitation, TeamMember } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { listInvitations, listMembers } from './stlApi';

export type TeamState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; members: TeamMember[]; invitations: PendingInvitation[] };

/** The STL's accounts and pending invitations; `reload` refreshes both in place after a change. */
export function useStlTeam(): { state: TeamState; reload(): void } {
  const [state, setState] = useState<TeamState>({ status: 'loading' });
  const reload = useCallback(() => {
    Promise.all([listMembers(), listInvitations()]).then(
      ([{ members }, { invitations }]) => setState({ status: 'ready', members, invitations }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t('stl.team.error') }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}
