import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { OwnBallot, Role, VoteResult, VoteState } from '@cocrea/shared';
import { votesApi, type VotesApi } from '../../api/votes';
import type { MesaConnection } from '../../sync/MesaConnection';

/** Whether this page may put dots: a person who joined with a link that votes; observers and the nameless do not. */
export type VoterStatus = 'voter' | 'observer' | 'noSeat';

export interface VoteContextValue {
  connection: MesaConnection;
  api: VotesApi;
  /** The mesa's vote as the server last published it; null before the first, or if the mesa never had one. */
  vote: VoteState | null;
  /** This seat's own dots on the current vote (none on another vote, or before the server said). */
  mine: OwnBallot | null;
  voter: VoterStatus;
  facilitator: boolean;
  /** Puts one of this seat's dots on an item of the open vote, or takes one back. */
  cast(itemId: string, change: 1 | -1): void;
  /** Set when a ballot could not even be sent (no connection); the server's refusals come in `mine.refusal`. */
  sendError: boolean;
}

const VoteContext = createContext<VoteContextValue | null>(null);
/**
 * The mesa's latest vote once closed (null while one is open): apart from {@link VoteContext}, so that every node of
 * the canvas and row of the outline re-renders when a ranking appears, not at each dot someone puts meanwhile.
 */
const ClosedVoteContext = createContext<VoteState | null>(null);

/** The mesa's vote for every component under it: the panel, the dots on the canvas and the ranking badges. */
export function VoteProvider({
  connection,
  mesaId,
  token,
  role,
  joined,
  children,
}: {
  connection: MesaConnection;
  mesaId: string;
  token: string;
  role: Role;
  /** Whether this browser joined the mesa with a name (it has a seat). */
  joined: boolean;
  children: ReactNode;
}) {
  const vote = useSyncExternalStore(connection.subscribe, connection.getVote);
  const ballot = useSyncExternalStore(connection.subscribe, connection.getOwnBallot);
  const [sendError, setSendError] = useState(false);
  const api = useMemo(() => votesApi(mesaId, token), [mesaId, token]);
  const cast = useCallback(
    (itemId: string, change: 1 | -1) => {
      if (!vote) return;
      setSendError(!connection.castBallot({ voteId: vote.id, itemId, change }));
    },
    [connection, vote],
  );
  const value = useMemo<VoteContextValue>(
    () => ({
      connection,
      api,
      vote,
      mine: ballot !== null && ballot.voteId === vote?.id ? ballot : null,
      voter: role === 'observer' ? 'observer' : joined ? 'voter' : 'noSeat',
      facilitator: role === 'facilitator',
      cast,
      sendError,
    }),
    [connection, api, vote, ballot, role, joined, cast, sendError],
  );
  const closed = vote?.status === 'closed' ? vote : null;
  return (
    <VoteContext.Provider value={value}>
      <ClosedVoteContext.Provider value={closed}>{children}</ClosedVoteContext.Provider>
    </VoteContext.Provider>
  );
}

/** The mesa's vote, or null outside a {@link VoteProvider} (a tree drawn for an export, say). */
export function useVoteIfAny(): VoteContextValue | null {
  return useContext(VoteContext);
}

/** The mesa's vote; only under a {@link VoteProvider}. */
export function useVote(): VoteContextValue {
  const value = useContext(VoteContext);
  if (!value) throw new Error('useVote outside a VoteProvider');
  return value;
}

/**
 * The ranking of the mesa's last closed vote on the tree (causes or means), by item id, for the badges on the canvas
 * and the outline; null while none is closed, and outside a {@link VoteProvider}.
 */
export function useTreeRanking(): ReadonlyMap<string, VoteResult> | null {
  const vote = useContext(ClosedVoteContext);
  return useMemo(() => rankingOf(vote, ['causa', 'medio']), [vote]);
}

/** The ranking of the mesa's last closed vote on lines of action, by item id. */
export function useLineRanking(): ReadonlyMap<string, VoteResult> | null {
  const vote = useContext(ClosedVoteContext);
  return useMemo(() => rankingOf(vote, ['linea']), [vote]);
}

function rankingOf(vote: VoteState | null, targets: readonly string[]): ReadonlyMap<string, VoteResult> | null {
  if (vote?.results == null || !targets.includes(vote.target)) return null;
  return new Map(vote.results.map((result) => [result.itemId, result]));
}
