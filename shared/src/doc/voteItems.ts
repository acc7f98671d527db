import type * as Y from 'yjs';
import type { Tool } from '../schema/agendaSnapshot';
import type { VoteTarget } from '../schema/vote';
import { readCommitmentDraft } from './commitment';
import { readTree } from './tree';

/** One thing a vote can put dots on: its id in the mesa's document and its text now. */
export interface VoteItem {
  readonly id: string;
  readonly label: string;
}

/**
 * What a vote on `target` puts dots on, in the order the mesa reads them: the problem tree's causes (their text),
 * the objectives tree's means (the same nodes, their positive rewording, else their text), or the commitment's lines
 * of action (their titles). The server checks ballots and labels the ranking with it; the client lists it.
 */
export function voteItems(doc: Y.Doc, target: VoteTarget): VoteItem[] {
  if (target === 'linea') {
    return readCommitmentDraft(doc).linesOfAction.map((line) => ({ id: line.id, label: line.title.trim() }));
  }
  const causes = [...readTree(doc).nodes.values()].filter((node) => node.kind === 'causa');
  return causes.map((node) => ({
    id: node.id,
    label: (target === 'medio' ? node.objective || node.text : node.text).trim(),
  }));
}

/** The live tool whose area holds a target's items: the agenda's lock of that tool closes the vote's ballots too. */
export function voteTool(target: VoteTarget): Tool {
  return target === 'linea' ? 'commitment' : 'tree';
}
