import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { nodeTarget, nodeText, type Tree, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useCommentCount } from '../comments/CommentsContext';
import { kindLabel } from '../tree/kindLabel';
import { bindTextarea } from '../sharedText/bindTextarea';
import { emptyText, type TreeViewActions } from '../tree/TreeNodeView';
import { childKinds } from '../tree/treeActions';
import { useTreeRanking } from '../votes/VoteContext';
import { VoteRank } from '../votes/VoteRank';

interface Props {
  doc: Y.Doc;
  tree: Tree;
  readOnly: boolean;
  selectedId: string | null;
  /** The node being edited in the outline (editing on the canvas does not show here). */
  editingId: string | null;
  actions: TreeViewActions;
  onSelect(id: string): void;
}

/** Effects first, then causes: the order they read from top to bottom on the canvas. */
function orderedChildren(node: TreeNode): readonly TreeNode[] {
  if (node.kind !== 'problema') return node.children;
  return [...node.children.filter((c) => c.kind === 'efecto'), ...node.children.filter((c) => c.kind === 'causa')];
}

/**
 * The same tree as a WAI-ARIA tree view: arrows move, Right/Left open and close, Enter edits, C and E add a cause
 * or an effect, Supr deletes. Everything the canvas does, without a mouse.
 */
export function Outline({ doc, tree, readOnly, selectedId, editingId, actions, onSelect }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusedId, setFocusedId] = useState<string>(tree.root.id);
  const treeView = useRef<HTMLUListElement>(null);

  // Follow the shared selection (a click on the canvas), and survive the focused node being deleted remotely.
  const current = tree.nodes.has(selectedId ?? '') ? selectedId! : tree.nodes.has(focusedId) ? focusedId : tree.root.id;

  // The handlers below stay the same across tree changes, so that rows of unchanged nodes skip re-rendering.
  const focus = useCallback(
    (id: string) => {
      setFocusedId(id);
      onSelect(id);
      treeView.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
    },
    [onSelect],
  );

  const toggle = useCallback(
    (id: string, open: boolean) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (open) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, node: TreeNode, open: boolean) => {
      if (event.target !== event.currentTarget) return;
      // The rows on screen, in order: those of collapsed branches are not rendered.
      const rows = treeView.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [];
      const visible = Array.from(rows, (row) => row.dataset.id!);
      const index = visible.indexOf(node.id);
      const hasChildren = node.children.length > 0;
      const key = event.key;
      if (key === 'ArrowDown' && index < visible.length - 1) focus(visible[index + 1]!);
      else if (key === 'ArrowUp' && index > 0) focus(visible[index - 1]!);
      else if (key === 'Home') focus(visible[0]!);
      else if (key === 'End') focus(visible.at(-1)!);
      else if (key === 'ArrowRight' && hasChildren && !open) toggle(node.id, true);
      else if (key === 'ArrowRight' && hasChildren) focus(orderedChildren(node)[0]!.id);
      else if (key === 'ArrowLeft' && hasChildren && open) toggle(node.id, false);
      else if (key === 'ArrowLeft' && node.parentId) focus(node.parentId);
      else if (readOnly) return;
      else if (key === 'Enter') actions.startEditing(node.id);
      else if (key.toLowerCase() === 'c' && childKinds(node).includes('causa')) actions.add(node, 'causa');
      else if (key.toLowerCase() === 'e' && childKinds(node).includes('efecto')) actions.add(node, 'efecto');
      else if (key === 'Delete' || key === 'Backspace') actions.remove(node);
      else return;
      event.preventDefault();
    },
    [focus, toggle, readOnly, actions],
  );

  return (
    <nav className="outline" aria-label={t('outline.title')}>
      <h2>{t('outline.title')}</h2>
      <ul role="tree" aria-label={t('tree.title')} ref={treeView}>
        <OutlineItem
          doc={doc}
          node={tree.root}
          level={1}
          setSize={1}
          posInSet={1}
          collapsed={collapsed}
          current={current}
          readOnly={readOnly}
          editingId={editingId}
          actions={actions}
          focusItem={focus}
          onKeyDown={onKeyDown}
        />
      </ul>
      <p className="outline-keys muted">{t(readOnly ? 'tree.keys.readOnly' : 'tree.keys')}</p>
    </nav>
  );
}

interface ItemProps {
  doc: Y.Doc;
  node: TreeNode;
  level: number;
  setSize: number;
  posInSet: number;
  collapsed: ReadonlySet<string>;
  /** The selected node, the one row in the tab order. */
  current: string;
  readOnly: boolean;
  editingId: string | null;
  actions: TreeViewActions;
  focusItem(id: string): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>, node: TreeNode, open: boolean): void;
}

/**
 * A node's row and, when open, its children's. Memoized: the tree shares unchanged nodes between snapshots, so a
 * remote edit re-renders the rows from the edited node up to the problem, not all of them. (The inner function has
 * another name so that the children below are the memoized component, not the bare function.)
 */
const OutlineItem = memo(function OutlineBranch(props: ItemProps) {
  const {
    doc,
    node,
    level,
    setSize,
    posInSet,
    collapsed,
    current,
    readOnly,
    editingId,
    actions,
    focusItem,
    onKeyDown,
  } = props;
  const row = useRef<HTMLDivElement>(null);
  const ranking = useTreeRanking();
  const children = orderedChildren(node);
  const open = !collapsed.has(node.id);
  const groupId = `outline-group-${node.id}`;
  const showChildren = children.length > 0 && open;
  const comments = useCommentCount(nodeTarget(node.id));
  // The treeitem is the row alone, owning its group (as in the WAI-ARIA navigation treeview example), so its
  // name is its own text and not every descendant's.
  return (
    <li role="none">
      <div
        ref={row}
        data-id={node.id}
        role="treeitem"
        aria-level={level}
        aria-setsize={setSize}
        aria-posinset={posInSet}
        aria-selected={node.id === current}
        aria-expanded={children.length > 0 ? open : undefined}
        aria-owns={showChildren ? groupId : undefined}
        tabIndex={node.id === current ? 0 : -1}
        onKeyDown={(e) => onKeyDown(e, node, open)}
        onClick={(e) => {
          e.stopPropagation();
          focusItem(node.id);
        }}
        className={`outline-row kind-${node.kind}`}
      >
        <span className="outline-caret" aria-hidden="true">
          {children.length > 0 ? (open ? '▾' : '▸') : ''}
        </span>
        <span className="outline-kind">
          {kindLabel(node)}
          <span className="sr-colon">:</span>
        </span>
        <VoteRank result={ranking?.get(node.id)} />
        {editingId === node.id ? (
          <OutlineEditor
            doc={doc}
            node={node}
            onDone={() => {
              actions.stopEditing();
              row.current?.focus();
            }}
          />
        ) : (
          <span className={`outline-text${node.text ? '' : ' is-empty'}`}>
            {node.text || emptyText(node, readOnly)}
          </span>
        )}
        {comments > 0 && (
          <span className="outline-comments">
            <span className="sr-colon">,</span> {t('comments.count', { count: comments })}
          </span>
        )}
      </div>
      {showChildren && (
        <ul role="group" id={groupId}>
          {children.map((child, i) => (
            <OutlineItem
              key={child.id}
              {...props}
              node={child}
              level={level + 1}
              setSize={children.length}
              posInSet={i + 1}
            />
          ))}
        </ul>
      )}
    </li>
  );
});

function OutlineEditor({ doc, node, onDone }: { doc: Y.Doc; node: TreeNode; onDone(): void }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!field.current) return;
    const unbind = bindTextarea(field.current, nodeText(doc, node.id));
    field.current.focus();
    return unbind;
  }, [doc, node.id]);
  return (
    <input
      ref={field}
      className="outline-input"
      aria-label={t(`tree.placeholder.${node.kind}`)}
      maxLength={500}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
      onBlur={onDone}
    />
  );
}
