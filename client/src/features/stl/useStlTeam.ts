import { useLoaded } from '../../api/useLoaded';
import { listInvitations, listMembers } from '../../api/stl';

const loadTeam = async () => {
  const [{ members }, { invitations }] = await Promise.all([listMembers(), listInvitations()]);
  return { members, invitations };
};

/** The STL's accounts and pending invitations; `reload` refreshes both in place after a change. */
export const useStlTeam = () => useLoaded(loadTeam, 'stl.team.error');
