import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import { flushSync } from 'react-dom';
import { createTreeUndoManager, pinNode, type BranchKind, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import type { MesaConnection } from '../../sync/MesaConnection';
import { usePresence } from '../../sync/usePresence';
import { Outline } from '../outline/Outline';
import { NodeComments } from './NodeComments';
import { useLockClosesEditor } from './useLockClosesEditor';
import { exportTreeAsJson, exportTreeImage, wholeTextNodeHeight } from './exportTree';
import { addChild, deleteWithConfirmation } from './treeActions';
import type { TreeViewActions } from './TreeNodeView';
import { TreeCanvas } from './TreeCanvas';
import { useTree } from './useTree';

type Surface = 'canvas' | 'outline';

/** The problem tree: canvas and outline side by side, one selection, one undo history of one's own edits. */
export function TreeWorkspace(props: { connection: MesaConnection; readOnly: boolean }) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

function Workspace({ connection, readOnly }: { connection: MesaConnection; readOnly: boolean }) {
  const { doc, awareness } = connection;
  const tree = useTree(doc);
  const people = usePresence(connection);
  const others = useMemo(() => people.filter((p) => !p.isLocal), [people]);
  const flow = useReactFlow();
  const canvasBox = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; surface: Surface } | null>(null);
  const commentsHeadingId = useId();
  const closedEditor = useLockClosesEditor(readOnly, editing !== null, () => setEditing(null));
  const surface = useRef<Surface>('canvas');
  const undo = useMemo(() => createTreeUndoManager(doc), [doc]);
  useEffect(() => () => undo.destroy(), [undo]);

  // Others see which node we are editing.
  useEffect(() => {
    awareness.setLocalStateField('editing', editing?.id ?? null);
  }, [awareness, editing]);

  const actions = useMemo<TreeViewActions>(
    () => ({
      startEditing: (id) => {
        if (readOnly) return;
        setSelectedId(id);
        setEditing({ id, surface: surface.current });
      },
      stopEditing: () => setEditing(null),
      add: (node: TreeNode, kind: BranchKind) => {
        if (readOnly) return;
        const id = addChild(doc, node, kind);
        if (id) {
          setSelectedId(id);
          setEditing({ id, surface: surface.current });
        }
      },
      remove: (node: TreeNode) => {
        if (!readOnly && deleteWithConfirmation(doc, node)) {
          setSelectedId(node.parentId);
          setEditing(null);
        }
      },
      unpin: (node: TreeNode) => !readOnly && pinNode(doc, node.id, null),
      showComments: (id) => {
        setSelectedId(id);
        // After the panel shows the node: its heading takes the focus, and the threads follow it in tab order.
        requestAnimationFrame(() => document.getElementById(commentsHeadingId)?.focus());
      },
    }),
    [doc, readOnly, commentsHeadingId],
  );

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo one's own edits, also while typing in a node.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || readOnly) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') undo.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, readOnly]);

  const onCursor = useCallback(
    (point: { x: number; y: number } | null) => awareness.setLocalStateField('cursor', point),
    [awareness],
  );

  const isEmpty = tree.nodes.size === 1 && !tree.root.text;

  /** While an image is taken: nodes as tall as the longest text needs, laid out again at that height. */
  const [exportHeight, setExportHeight] = useState<number | null>(null);
  const exportImage = async (format: 'png' | 'svg') => {
    const box = canvasBox.current;
    if (!box) return;
    flushSync(() => setExportHeight(wholeTextNodeHeight(box)));
    // React Flow takes the new positions into its store in an effect: the frame after next has them painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    try {
      await exportTreeImage(box, flow.getNodes(), format);
    } finally {
      setExportHeight(null);
    }
  };

  return (
    <div className="tree-workspace">
      <div
        className="tree-main"
        ref={canvasBox}
        style={exportHeight === null ? undefined : ({ '--tree-node-height': `${exportHeight}px` } as CSSProperties)}
        onFocusCapture={() => (surface.current = 'canvas')}
      >
        <div className="tree-toolbar" role="toolbar" aria-label={t('tree.title')}>
          <h2>{t('tree.title')}</h2>
          {!readOnly && (
            <>
              <button type="button" onClick={() => undo.undo()}>
                {t('tree.undo')}
              </button>
              <button type="button" onClick={() => undo.redo()}>
                {t('tree.redo')}
              </button>
            </>
          )}
          <span className="toolbar-spacer" />
          <span className="muted">{t('tree.export')}:</span>
          <button type="button" onClick={() => void exportImage('png')}>
            {t('tree.export.png')}
          </button>
          <button type="button" onClick={() => void exportImage('svg')}>
            {t('tree.export.svg')}
          </button>
          <button type="button" onClick={() => exportTreeAsJson(doc)}>
            {t('tree.export.json')}
          </button>
        </div>
        {isEmpty && !readOnly && <p className="tree-empty">{t('tree.empty')}</p>}
        {/* Always there, so that a screen reader hears the message when it appears. */}
        <p className={closedEditor ? 'banner-info' : 'visually-hidden'} role="status">
          {closedEditor ? t('tree.editorClosed') : ''}
        </p>
        <TreeCanvas
          doc={doc}
          tree={tree}
          readOnly={readOnly}
          selectedId={selectedId}
          editingId={!readOnly && editing?.surface === 'canvas' ? editing.id : null}
          others={others}
          actions={actions}
          onSelect={setSelectedId}
          onCursor={onCursor}
          nodeHeight={exportHeight ?? undefined}
        />
      </div>
      <div className="tree-side" onFocusCapture={() => (surface.current = 'outline')}>
        <Outline
          doc={doc}
          tree={tree}
          readOnly={readOnly}
          selectedId={selectedId}
          editingId={!readOnly && editing?.surface === 'outline' ? editing.id : null}
          actions={actions}
          onSelect={setSelectedId}
        />
        <NodeComments tree={tree} nodeId={selectedId} headingId={commentsHeadingId} />
      </div>
    </div>
  );
}
