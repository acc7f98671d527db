import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { nodeText, type Tree, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { bindTextarea } from '../sharedText/bindTextarea';
import type { TreeViewActions } from '../tree/TreeNodeView';
import { childKinds } from '../tree/treeActions';

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
  const refs = useRef(new Map<string, HTMLDivElement>());

  // Follow the shared selection (a click on the canvas), and survive the focused node being deleted remotely.
  const current = tree.nodes.has(selectedId ?? '') ? selectedId! : tree.nodes.has(focusedId) ? focusedId : tree.root.id;

  const visible: TreeNode[] = [];
  const walk = (node: TreeNode) => {
    visible.push(node);
    if (!collapsed.has(node.id)) orderedChildren(node).forEach(walk);
  };
  walk(tree.root);

  const focus = (id: string) => {
    setFocusedId(id);
    onSelect(id);
    refs.current.get(id)?.focus();
  };

  const toggle = (id: string, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent, node: TreeNode) => {
    if (event.target !== event.currentTarget) return;
    const index = visible.findIndex((n) => n.id === node.id);
    const hasChildren = node.children.length > 0;
    const key = event.key;
    if (key === 'ArrowDown' && index < visible.length - 1) focus(visible[index + 1]!.id);
    else if (key === 'ArrowUp' && index > 0) focus(visible[index - 1]!.id);
    else if (key === 'Home') focus(visible[0]!.id);
    else if (key === 'End') focus(visible.at(-1)!.id);
    else if (key === 'ArrowRight' && hasChildren && collapsed.has(node.id)) toggle(node.id, true);
    else if (key === 'ArrowRight' && hasChildren) focus(orderedChildren(node)[0]!.id);
    else if (key === 'ArrowLeft' && hasChildren && !collapsed.has(node.id)) toggle(node.id, false);
    else if (key === 'ArrowLeft' && node.parentId) focus(node.parentId);
    else if (readOnly) return;
    else if (key === 'Enter') actions.startEditing(node.id);
    else if (key.toLowerCase() === 'c' && childKinds(node).includes('causa')) actions.add(node, 'causa');
    else if (key.toLowerCase() === 'e' && childKinds(node).includes('efecto')) actions.add(node, 'efecto');
    else if (key === 'Delete' || key === 'Backspace') actions.remove(node);
    else return;
    event.preventDefault();
  };

  const renderItem = (node: TreeNode, level: number, setSize: number, posInSet: number) => {
    const children = orderedChildren(node);
    const open = !collapsed.has(node.id);
    const groupId = `outline-group-${node.id}`;
    const showChildren = children.length > 0 && open;
    // The treeitem is the row alone, owning its group (as in the WAI-ARIA navigation treeview example), so its
    // name is its own text and not every descendant's.
    return (
      <li key={node.id} role="none">
        <div
          ref={(el) => {
            if (el) refs.current.set(node.id, el);
            else refs.current.delete(node.id);
          }}
          role="treeitem"
          aria-level={level}
          aria-setsize={setSize}
          aria-posinset={posInSet}
          aria-selected={node.id === current}
          aria-expanded={children.length > 0 ? open : undefined}
          aria-owns={showChildren ? groupId : undefined}
          tabIndex={node.id === current ? 0 : -1}
          onKeyDown={(e) => onKeyDown(e, node)}
          onClick={(e) => {
            e.stopPropagation();
            focus(node.id);
          }}
          className={`outline-row kind-${node.kind}`}
        >
          <span className="outline-caret" aria-hidden="true">
            {children.length > 0 ? (open ? '▾' : '▸') : ''}
          </span>
          <span className="outline-kind">
            {t(`tree.kind.${node.kind}`)}
            <span className="sr-colon">:</span>
          </span>
          {editingId === node.id ? (
            <OutlineEditor
              doc={doc}
              node={node}
              onDone={() => {
                actions.stopEditing();
                refs.current.get(node.id)?.focus();
              }}
            />
          ) : (
            <span className={`outline-text${node.text ? '' : ' is-empty'}`}>
              {node.text || t(`tree.placeholder.${node.kind}`)}
            </span>
          )}
        </div>
        {showChildren && (
          <ul role="group" id={groupId}>
            {children.map((c, i) => renderItem(c, level + 1, children.length, i + 1))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <nav className="outline" aria-label={t('outline.title')}>
      <h2>{t('outline.title')}</h2>
      <ul role="tree" aria-label={t('tree.title')}>
        {renderItem(tree.root, 1, 1, 1)}
      </ul>
      <p className="outline-keys muted">{t('tree.keys')}</p>
    </nav>
  );
}

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
