import type { Node, NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { nodeTarget, nodeText, type BranchKind, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useTreeRanking } from '../votes/VoteContext';
import { VoteDots } from '../votes/VoteDots';
import { VoteRank } from '../votes/VoteRank';
import { useCommentCount } from '../comments/CommentsContext';
import { CountLabel } from '../comments/FieldComments';
import { kindLabel } from './kindLabel';
import type { PresenceState } from '../../sync/MesaConnection';
import { bindTextarea } from '../sharedText/bindTextarea';
import { childKinds } from './treeActions';

/** What the workspace lets a node do; the same actions back the canvas, the outline and the keyboard. */
export interface TreeViewActions {
  startEditing(id: string): void;
  stopEditing(): void;
  add(node: TreeNode, kind: BranchKind): void;
  remove(node: TreeNode): void;
  unpin(node: TreeNode): void;
  /** Selects the node and takes the keyboard to its comments, beside the outline. */
  showComments(id: string): void;
}

export type TreeFlowNode = Node<
  {
    node: TreeNode;
    doc: Y.Doc;
    readOnly: boolean;
    editing: boolean;
    editors: PresenceState[];
    actions: TreeViewActions;
  },
  'tree'
>;

function addLabel(node: TreeNode, kind: BranchKind): string {
  if (node.kind === 'problema') return t(kind === 'causa' ? 'tree.add.causa' : 'tree.add.efecto');
  return t(kind === 'causa' ? 'tree.add.subcausa' : 'tree.add.subefecto');
}

/** Votes that put dots on a cause's node: on causes, and on the means they read as in the objectives tree. */
const CAUSE_VOTES = ['causa', 'medio'] as const;

/** One node on the canvas: its kind, its shared text (edited in place), and its actions when selected. */
export const TreeNodeView = memo(function TreeNodeView({ data, selected }: NodeProps<TreeFlowNode>) {
  const { node, doc, readOnly, editing, editors, actions } = data;
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!editing || !field.current) return;
    const unbind = bindTextarea(field.current, nodeText(doc, node.id));
    field.current.focus();
    field.current.setSelectionRange(field.current.value.length, field.current.value.length);
    return unbind;
  }, [editing, doc, node.id]);

  const editor = editors[0];
  const ranking = useTreeRanking();
  const comments = useCommentCount(nodeTarget(node.id));
  return (
    <div
      className={`tree-node kind-${node.kind}${selected ? ' is-selected' : ''}`}
      onDoubleClick={() => !readOnly && actions.startEditing(node.id)}
    >
      <span className="tree-node-kind">{kindLabel(node)}</span>
      <VoteRank result={ranking?.get(node.id)} />
      {node.kind === 'causa' && (
        <VoteDots
          itemId={node.id}
          label={(target) => (target === 'medio' ? node.objective || node.text : node.text).trim()}
          targets={CAUSE_VOTES}
        />
      )}
      {editing ? (
        <textarea
          ref={field}
          className="tree-node-input nodrag nowheel"
          aria-label={t(`tree.placeholder.${node.kind}`)}
          placeholder={t(`tree.placeholder.${node.kind}`)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
              e.preventDefault();
              // Back to the node, so the keyboard can go on (C, E, Supr…) without reaching for the mouse.
              const wrapper = e.currentTarget.closest<HTMLElement>('.react-flow__node');
              actions.stopEditing();
              wrapper?.focus();
            }
          }}
          onBlur={() => actions.stopEditing()}
          maxLength={500}
          rows={3}
        />
      ) : (
        <p className={`tree-node-text${node.text ? '' : ' is-empty'}`} title={node.text || undefined}>
          {node.text || emptyText(node, readOnly)}
        </p>
      )}
      {editor && (
        <span className="tree-node-editor" style={{ background: editor.user.color ?? '#888' }}>
          {t('tree.editingBy', { name: editor.user.name ?? t('presence.anonymous') })}
        </span>
      )}
      {editor && (
        // The editor's colour around the node, as an element of its own (over the node's border box) rather than
        // a style of the node, so that image exports can leave it out with the rest of presence.
        <span
          className="tree-node-editor-ring"
          aria-hidden="true"
          style={{
            position: 'absolute',
            inset: -2,
            borderRadius: 8,
            pointerEvents: 'none',
            boxShadow: `0 0 0 3px ${editor.user.color ?? '#888'}`,
          }}
        />
      )}
      {comments > 0 && (
        <button
          type="button"
          className="tree-node-comments nodrag"
          onClick={(e) => {
            e.stopPropagation();
            actions.showComments(node.id);
          }}
        >
          <CountLabel count={comments} label={node.text || kindLabel(node)} />
        </button>
      )}
      {selected && !readOnly && !editing && (
        <div className="tree-node-actions nodrag">
          {childKinds(node).map((kind) => (
            <button key={kind} type="button" onClick={() => actions.add(node, kind)}>
              + {addLabel(node, kind)}
            </button>
          ))}
          {node.pin && (
            <button type="button" onClick={() => actions.unpin(node)} title={t('tree.unpin')}>
              ↺
            </button>
          )}
          {node.kind !== 'problema' && (
            <button type="button" className="danger" onClick={() => actions.remove(node)}>
              {t('tree.delete')}
            </button>
          )}
        </div>
      )}
    </div>
  );
});

/** What an empty node says: an invitation to those who can write in it, a plain fact to those who cannot. */
export function emptyText(node: TreeNode, readOnly: boolean): string {
  return readOnly ? t('tree.noText') : t(`tree.placeholder.${node.kind}`);
}
