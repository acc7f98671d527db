import { voteTool, type VoteTarget } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useToolLocked } from '../agenda/useToolLocked';
import { useVoteIfAny } from './VoteContext';

/**
 * This person's dots on one item, where the item is shown (a node of the canvas, a line of action's card), with a
 * button to add one and one to take one back, while a vote on `targets` is open. Nothing for those who do not vote.
 */
export function VoteDots({
  itemId,
  label,
  targets,
}: {
  itemId: string;
  /** The item's text as the vote's target reads it (a cause's node: its text, or its rewording as a means). */
  label: (target: VoteTarget) => string;
  targets: readonly VoteTarget[];
}) {
  const context = useVoteIfAny();
  const vote = context?.vote;
  // The agenda's lock of the item's tool closes its ballots too (the server refuses them).
  const locked = useToolLocked(voteTool(vote?.target ?? targets[0] ?? 'causa'));
  if (!context || context.voter !== 'voter' || vote?.status !== 'open' || !targets.includes(vote.target)) return null;
  const { mine, cast } = context;
  const own = mine?.items[itemId] ?? 0;
  const remaining = vote.votesPerPerson - (mine?.used ?? 0);
  const canAdd = !locked && remaining > 0 && (vote.allowSeveral || own === 0);
  const name = label(vote.target) || t('vote.untitled');
  return (
    <span className="vote-node nodrag">
      <span className="vote-dots" role="img" aria-label={t('vote.mine', { count: own })}>
        {'●'.repeat(own)}
      </span>
      <button
        type="button"
        aria-label={t('vote.add', { label: name })}
        disabled={!canAdd}
        onClick={() => cast(itemId, 1)}
      >
        +
      </button>
      <button
        type="button"
        aria-label={t('vote.remove', { label: name })}
        disabled={own === 0}
        onClick={() => cast(itemId, -1)}
      >
        −
      </button>
    </span>
  );
}
