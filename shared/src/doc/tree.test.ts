import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localOrigin } from './origins';
import {
  addCause,
  addEffect,
  addNode,
  createTreeUndoManager,
  deleteNode,
  exportTreeJson,
  moveNode,
  nodeText,
  objectiveText,
  observeTree,
  pinNode,
  readTree,
  reorderNode,
  setObjectiveText,
  setText,
  TREE_ROOT_ID,
  TreeEditError,
  type TreeEditErrorCode,
  type TreeNode,
} from './tree';
import { treeViolations } from './treeInvariants';

/** The tree as indented lines, `kind text`, in order: easy to read in a failing assertion. */
function outline(doc: Y.Doc): string[] {
  const lines: string[] = [];
  const visit = (node: TreeNode) => {
    lines.push(`${'  '.repeat(node.depth)}${node.kind} ${node.text}`);
    node.children.forEach(visit);
  };
  visit(readTree(doc).root);
  return lines;
}

/** Brings every document up to date with every other, as a provider does after reconnecting. */
function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  }
}

/** Replicas with fixed client ids, so that Yjs resolves conflicts the same way on every run. */
function replicas(count: number): Y.Doc[] {
  return Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return doc;
  });
}

function expectRefusal(edit: () => unknown, code: TreeEditErrorCode): void {
  try {
    edit();
  } catch (error) {
    expect(error).toBeInstanceOf(TreeEditError);
    expect((error as TreeEditError).code).toBe(code);
    return;
  }
  expect.fail(`expected a TreeEditError '${code}'`);
}

/** Counts the updates `edit` emits, to check that refused or idle edits write nothing. */
function updatesDuring(doc: Y.Doc, edit: () => void): number {
  let count = 0;
  const count1 = () => count++;
  doc.on('update', count1);
  try {
    edit();
  } catch {
    // The refusal itself is checked elsewhere; here only what was written counts.
  }
  doc.off('update', count1);
  return count;
}

/** Writes a stored node the way only a foreign or buggy writer would, bypassing the accessors. */
function writeRaw(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  const node = new Y.Map<unknown>();
  doc.getMap('treeNodes').set(id, node);
  for (const [key, value] of Object.entries(fields)) node.set(key, value);
}

describe('the problem tree: accessors', () => {
  it('reads an empty document as a lone central problem without text', () => {
    const tree = readTree(new Y.Doc());
    expect(tree.root).toEqual({
      id: TREE_ROOT_ID,
      kind: 'problema',
      parentId: null,
      depth: 0,
      text: '',
      objective: '',
      pin: null,
      children: [],
    });
    expect([...tree.nodes.keys()]).toEqual([TREE_ROOT_ID]);
  });

  it('adds causes and effects in the order they were added, sub-nodes under their parent, causes first', () => {
    const doc = new Y.Doc();
    setText(doc, TREE_ROOT_ID, 'Transporte público inseguro');
    const lighting = addCause(doc, TREE_ROOT_ID, 'Alumbrado deficiente');
    addEffect(doc, TREE_ROOT_ID, 'Menos viajes de mujeres');
    addCause(doc, TREE_ROOT_ID, 'Poca vigilancia');
    addCause(doc, lighting, 'Presupuesto de mantenimiento bajo');
    expect(outline(doc)).toEqual([
      'problema Transporte público inseguro',
      '  causa Alumbrado deficiente',
      '    causa Presupuesto de mantenimiento bajo',
      '  causa Poca vigilancia',
      '  efecto Menos viajes de mujeres',
    ]);
    const sub = readTree(doc).nodes.get(lighting)!.children[0]!;
    expect(sub).toMatchObject({ parentId: lighting, depth: 2, kind: 'causa' });
  });

  it('adds at an index counted among the siblings of the same kind', () => {
    const doc = new Y.Doc();
    addCause(doc, TREE_ROOT_ID, 'c1');
    addEffect(doc, TREE_ROOT_ID, 'e1');
    addCause(doc, TREE_ROOT_ID, 'c2');
    addNode(doc, { parentId: TREE_ROOT_ID, kind: 'causa', text: 'c0', index: 0 });
    addNode(doc, { parentId: TREE_ROOT_ID, kind: 'efecto', text: 'e0', index: 0 });
    addNode(doc, { parentId: TREE_ROOT_ID, kind: 'causa', text: 'c1.5', index: 2 });
    expect(readTree(doc).root.children.map((node) => node.text)).toEqual(['c0', 'c1', 'c1.5', 'c2', 'e0', 'e1']);
  });

  it('refuses a cause under an effect, an effect under a cause, an unknown parent and a taken id, writing nothing', () => {
    const doc = new Y.Doc();
    const cause = addCause(doc, TREE_ROOT_ID);
    const effect = addEffect(doc, TREE_ROOT_ID);
    const refusals: [() => unknown, TreeEditErrorCode][] = [
      [() => addCause(doc, effect), 'kind-mismatch'],
      [() => addEffect(doc, cause), 'kind-mismatch'],
      [() => addCause(doc, 'no-such-node'), 'unknown-node'],
      [() => addNode(doc, { parentId: TREE_ROOT_ID, kind: 'causa', id: cause }), 'id-taken'],
      [() => addNode(doc, { parentId: TREE_ROOT_ID, kind: 'causa', id: TREE_ROOT_ID }), 'id-taken'],
    ];
    for (const [edit, code] of refusals) {
      expectRefusal(edit, code);
      expect(updatesDuring(doc, edit)).toBe(0);
    }
  });

  it('gives new nodes distinct random ids', () => {
    const doc = new Y.Doc();
    const ids = new Set(Array.from({ length: 50 }, () => addCause(doc, TREE_ROOT_ID)));
    expect(ids.size).toBe(50);
    expect([...ids].every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  it('moves a node with its subtree, keeping its kind: a sub-cause moved under the problem is a cause', () => {
    const doc = new Y.Doc();
    const a = addCause(doc, TREE_ROOT_ID, 'A');
    const b = addCause(doc, a, 'B');
    addCause(doc, b, 'B1');
    moveNode(doc, b, TREE_ROOT_ID, 0);
    expect(outline(doc)).toEqual(['problema ', '  causa B', '    causa B1', '  causa A']);
    moveNode(doc, a, b);
    expect(outline(doc)).toEqual(['problema ', '  causa B', '    causa B1', '    causa A']);
  });

  it('refuses moving the problem, into its own subtree, across kinds or to an unknown parent, writing nothing', () => {
    const doc = new Y.Doc();
    const a = addCause(doc, TREE_ROOT_ID);
    const b = addCause(doc, a);
    const effect = addEffect(doc, TREE_ROOT_ID);
    const refusals: [() => unknown, TreeEditErrorCode][] = [
      [() => moveNode(doc, TREE_ROOT_ID, a), 'problem-node'],
      [() => moveNode(doc, a, a), 'own-subtree'],
      [() => moveNode(doc, a, b), 'own-subtree'],
      [() => moveNode(doc, a, effect), 'kind-mismatch'],
      [() => moveNode(doc, effect, b), 'kind-mismatch'],
      [() => moveNode(doc, a, 'no-such-node'), 'unknown-node'],
      [() => moveNode(doc, 'no-such-node', TREE_ROOT_ID), 'unknown-node'],
    ];
    for (const [edit, code] of refusals) {
      expectRefusal(edit, code);
      expect(updatesDuring(doc, edit)).toBe(0);
    }
  });

  it('reorders among siblings, and a move to where the node already is writes nothing', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['A', 'B', 'C'].map((text) => addCause(doc, TREE_ROOT_ID, text)) as [string, string, string];
    reorderNode(doc, c, 0);
    expect(outline(doc).slice(1)).toEqual(['  causa C', '  causa A', '  causa B']);
    reorderNode(doc, c, 99);
    expect(outline(doc).slice(1)).toEqual(['  causa A', '  causa B', '  causa C']);
    reorderNode(doc, a, 1);
    expect(outline(doc).slice(1)).toEqual(['  causa B', '  causa A', '  causa C']);
    expect(updatesDuring(doc, () => reorderNode(doc, a, 1))).toBe(0);
    expect(updatesDuring(doc, () => moveNode(doc, c, TREE_ROOT_ID))).toBe(0);
    expect(updatesDuring(doc, () => moveNode(doc, b, TREE_ROOT_ID, -5))).toBe(0);
  });

  it('deletes a node with its whole subtree, and refuses to delete the problem', () => {
    const doc = new Y.Doc();
    const a = addCause(doc, TREE_ROOT_ID, 'A');
    const a1 = addCause(doc, a, 'A1');
    addCause(doc, a1, 'A1a');
    addCause(doc, TREE_ROOT_ID, 'B');
    deleteNode(doc, a);
    expect(outline(doc)).toEqual(['problema ', '  causa B']);
    expect(doc.getMap('treeNodes').size).toBe(1);
    expectRefusal(() => deleteNode(doc, TREE_ROOT_ID), 'problem-node');
    expectRefusal(() => deleteNode(doc, a), 'unknown-node');
  });

  it('pins and unpins any node, the problem included, and refuses a position that is not finite', () => {
    const doc = new Y.Doc();
    const a = addCause(doc, TREE_ROOT_ID);
    pinNode(doc, a, { x: 10, y: -20.5 });
    pinNode(doc, TREE_ROOT_ID, { x: 0, y: 0 });
    expect(readTree(doc).nodes.get(a)!.pin).toEqual({ x: 10, y: -20.5 });
    expect(readTree(doc).root.pin).toEqual({ x: 0, y: 0 });
    pinNode(doc, a, null);
    pinNode(doc, TREE_ROOT_ID, null);
    expect(readTree(doc).nodes.get(a)!.pin).toBeNull();
    expect(readTree(doc).root.pin).toBeNull();
    // Unpinned means no key at all: the position is derived, not stored.
    expect((doc.getMap('treeNodes').get(a) as Y.Map<unknown>).has('pin')).toBe(false);
    expectRefusal(() => pinNode(doc, a, { x: Number.NaN, y: 0 }), 'invalid-pin');
    expectRefusal(() => pinNode(doc, a, { x: 0, y: Number.POSITIVE_INFINITY }), 'invalid-pin');
    expectRefusal(() => pinNode(doc, 'no-such-node', { x: 0, y: 0 }), 'unknown-node');
  });

  it('exports content only: kind, text and children, no ids, pins or authors', () => {
    const doc = new Y.Doc();
    setText(doc, TREE_ROOT_ID, 'P');
    const cause = addCause(doc, TREE_ROOT_ID, 'C');
    addCause(doc, cause, 'C1');
    addEffect(doc, TREE_ROOT_ID, 'E');
    pinNode(doc, cause, { x: 1, y: 2 });
    expect(exportTreeJson(doc)).toEqual({
      kind: 'problema',
      text: 'P',
      children: [
        { kind: 'causa', text: 'C', children: [{ kind: 'causa', text: 'C1', children: [] }] },
        { kind: 'efecto', text: 'E', children: [] },
      ],
    });
  });

  it('writes every edit with the local origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    const a = addCause(doc, TREE_ROOT_ID);
    const b = addCause(doc, TREE_ROOT_ID);
    setText(doc, a, 'x');
    moveNode(doc, b, a);
    pinNode(doc, a, { x: 0, y: 0 });
    deleteNode(doc, b);
    expect(origins.length).toBeGreaterThanOrEqual(6);
    expect(origins.every((origin) => origin === localOrigin)).toBe(true);
  });
});

describe('the problem tree: text', () => {
  it('edits a node text through its Y.Text', () => {
    const doc = new Y.Doc();
    const a = addCause(doc, TREE_ROOT_ID, 'Falta de');
    setText(doc, a, 'Falta de alumbrado');
    expect(nodeText(doc, a).toString()).toBe('Falta de alumbrado');
    expect(nodeText(doc, TREE_ROOT_ID)).toBe(nodeText(doc, TREE_ROOT_ID));
    expectRefusal(() => nodeText(doc, 'no-such-node'), 'unknown-node');
  });

  it('replaces only the span that differs, so a concurrent edit elsewhere in the same text survives', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const a = addCause(alice, TREE_ROOT_ID, 'falta de alumbrado');
    sync(alice, bob);
    setText(alice, a, 'Falta de alumbrado');
    setText(bob, a, 'falta de alumbrado público');
    sync(alice, bob);
    expect(readTree(alice).nodes.get(a)!.text).toBe('Falta de alumbrado público');
    expect(readTree(bob).nodes.get(a)!.text).toBe('Falta de alumbrado público');
  });

  it('never splits a surrogate pair', () => {
    const doc = new Y.Doc();
    const a = addCause(doc, TREE_ROOT_ID, 'ok 😀 fin');
    // 😀 and 😃 share their high surrogate: a naive common prefix would end between the halves.
    setText(doc, a, 'ok 😃 fin');
    setText(doc, a, 'ok 😃😃 fin');
    setText(doc, a, 'ok 😃 fin');
    expect(readTree(doc).nodes.get(a)!.text).toBe('ok 😃 fin');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readTree(copy).nodes.get(a)!.text).toBe('ok 😃 fin');
  });

  it('writes nothing when the text is unchanged', () => {
    const doc = new Y.Doc();
    const a = addCause(doc, TREE_ROOT_ID, 'igual');
    expect(updatesDuring(doc, () => setText(doc, a, 'igual'))).toBe(0);
  });
});

describe('the objectives tree: the same nodes reworded in positive form', () => {
  it('reads every node, the problem included, with an empty objective until someone rewords it', () => {
    const doc = new Y.Doc();
    const cause = addCause(doc, TREE_ROOT_ID, 'Falta de alumbrado');
    expect(readTree(doc).nodes.get(cause)!.objective).toBe('');
    setObjectiveText(doc, TREE_ROOT_ID, 'Calles seguras');
    setObjectiveText(doc, cause, 'Alumbrado suficiente');
    const tree = readTree(doc);
    expect(tree.root.objective).toBe('Calles seguras');
    expect(tree.nodes.get(cause)).toMatchObject({ text: 'Falta de alumbrado', objective: 'Alumbrado suficiente' });
    expect(objectiveText(doc, cause)).toBe(objectiveText(doc, cause));
    expectRefusal(() => objectiveText(doc, 'no-such-node'), 'unknown-node');
  });

  it('keeps both people’s letters when two reword the same node at once, the problem included', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const effect = addEffect(alice, TREE_ROOT_ID, 'Accidentes');
    sync(alice, bob);
    setObjectiveText(alice, effect, 'Menos accidentes');
    setObjectiveText(bob, effect, 'Pocos');
    setObjectiveText(alice, TREE_ROOT_ID, 'Movilidad');
    setObjectiveText(bob, TREE_ROOT_ID, 'segura');
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      const tree = readTree(doc);
      expect(tree.nodes.get(effect)!.objective.length).toBe('Menos accidentes'.length + 'Pocos'.length);
      expect(tree.root.objective.length).toBe('Movilidad'.length + 'segura'.length);
    }
    expect(readTree(alice)).toEqual(readTree(bob));
  });

  it('gives a node stored before the objectives tree existed its text on first use', () => {
    const doc = new Y.Doc();
    const cause = addCause(doc, TREE_ROOT_ID, 'Antigua');
    (doc.getMap('treeNodes').get(cause) as Y.Map<unknown>).delete('objective');
    expect(readTree(doc).nodes.get(cause)!.objective).toBe('');
    setObjectiveText(doc, cause, 'Nueva');
    expect(readTree(doc).nodes.get(cause)!.objective).toBe('Nueva');
  });

  it('is undone by the tree’s undo manager, like any edit of the tree', () => {
    const doc = new Y.Doc();
    const undo = createTreeUndoManager(doc);
    setObjectiveText(doc, TREE_ROOT_ID, 'Objetivo');
    undo.undo();
    expect(readTree(doc).root.objective).toBe('');
  });
});

describe('the problem tree: observing and undoing', () => {
  it('reports each transaction that changes the tree once, and nothing after unsubscribing', () => {
    const doc = new Y.Doc();
    let calls = 0;
    const stop = observeTree(doc, () => calls++);
    const a = addCause(doc, TREE_ROOT_ID);
    expect(calls).toBe(1);
    doc.transact(() => {
      setText(doc, a, 'texto');
      setText(doc, TREE_ROOT_ID, 'problema');
      pinNode(doc, TREE_ROOT_ID, { x: 1, y: 1 });
    });
    expect(calls).toBe(2);
    // Another area of the same document does not wake tree readers.
    doc.getMap('commitment').set('title', 'x');
    expect(calls).toBe(2);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    addEffect(remote, TREE_ROOT_ID);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(calls).toBe(3);
    stop();
    addCause(doc, TREE_ROOT_ID);
    expect(calls).toBe(3);
  });

  it("undoes and redoes this user's edits and never another's", () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const undo = createTreeUndoManager(alice);
    const mine = addCause(alice, TREE_ROOT_ID, 'mía');
    undo.stopCapturing();
    sync(alice, bob);
    addCause(bob, TREE_ROOT_ID, 'de Bob');
    sync(alice, bob);
    deleteNode(alice, mine);
    undo.stopCapturing();
    expect(outline(alice)).toEqual(['problema ', '  causa de Bob']);
    undo.undo();
    expect(outline(alice)).toEqual(['problema ', '  causa mía', '  causa de Bob']);
    undo.undo();
    expect(outline(alice)).toEqual(['problema ', '  causa de Bob']);
    expect(undo.canUndo()).toBe(false);
    undo.redo();
    expect(outline(alice)).toEqual(['problema ', '  causa mía', '  causa de Bob']);
  });
});

describe('the problem tree: concurrent edits merge into the same tree everywhere', () => {
  it('two people typing the problem of an empty mesa at once keep both texts in one problem', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    setText(alice, TREE_ROOT_ID, 'Inseguridad');
    setText(bob, TREE_ROOT_ID, 'Movilidad');
    addCause(alice, TREE_ROOT_ID, 'de Alice');
    addEffect(bob, TREE_ROOT_ID, 'de Bob');
    sync(alice, bob);
    expect(outline(alice)).toEqual(outline(bob));
    const root = readTree(alice).root;
    expect(root.text).toHaveLength('InseguridadMovilidad'.length);
    expect(root.children.map((node) => node.text).sort()).toEqual(['de Alice', 'de Bob']);
  });

  it('shows a node added under a concurrently deleted parent under the problem, and back under it on undo', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const undo = createTreeUndoManager(alice);
    const parent = addCause(alice, TREE_ROOT_ID, 'padre');
    const child = addCause(alice, parent, 'hijo');
    undo.stopCapturing();
    sync(alice, bob);
    deleteNode(alice, parent);
    const late = addCause(bob, child, 'nieto tardío');
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      expect(outline(doc)).toEqual(['problema ', '  causa nieto tardío']);
      expect(readTree(doc).nodes.get(late)!.parentId).toBe(TREE_ROOT_ID);
      expect(treeViolations(readTree(doc))).toEqual([]);
    }
    undo.undo();
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      expect(outline(doc)).toEqual(['problema ', '  causa padre', '    causa hijo', '      causa nieto tardío']);
    }
  });

  it('cuts the cycle of two crossing moves at the smallest id, the same way on every replica', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const x = addNode(alice, { parentId: TREE_ROOT_ID, kind: 'efecto', text: 'X', id: 'x' });
    const y = addNode(alice, { parentId: TREE_ROOT_ID, kind: 'efecto', text: 'Y', id: 'y' });
    addNode(alice, { parentId: y, kind: 'efecto', text: 'Y1', id: 'y1' });
    sync(alice, bob);
    moveNode(alice, x, y);
    moveNode(bob, y, x);
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      // 'x' < 'y': X hangs from the problem, Bob's move of Y under X wins.
      expect(outline(doc)).toEqual(['problema ', '  efecto X', '    efecto Y', '      efecto Y1']);
      expect(treeViolations(readTree(doc))).toEqual([]);
    }
  });

  it('moving a node of a cut cycle leaves the others where everyone saw them', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const x = addNode(alice, { parentId: TREE_ROOT_ID, kind: 'causa', text: 'X', id: 'x' });
    const y = addNode(alice, { parentId: TREE_ROOT_ID, kind: 'causa', text: 'Y', id: 'y' });
    sync(alice, bob);
    moveNode(alice, x, y);
    moveNode(bob, y, x);
    sync(alice, bob);
    expect(outline(alice)).toEqual(['problema ', '  causa X', '    causa Y']);
    // X's stored parent is still Y: without writing the cut down, moving Y out would put X back under Y.
    moveNode(alice, y, TREE_ROOT_ID);
    sync(alice, bob);
    for (const doc of [alice, bob]) expect(outline(doc)).toEqual(['problema ', '  causa X', '  causa Y']);
  });

  it('orders two nodes added at the same place at once by id, and still inserts between them', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    addNode(alice, { parentId: TREE_ROOT_ID, kind: 'causa', text: 'de Bob', id: 'b' });
    addNode(bob, { parentId: TREE_ROOT_ID, kind: 'causa', text: 'de Alice', id: 'a' });
    sync(alice, bob);
    expect(outline(alice)).toEqual(['problema ', '  causa de Alice', '  causa de Bob']);
    // Both got the same order key: nothing fits between them, so this renumbers the siblings.
    addNode(alice, { parentId: TREE_ROOT_ID, kind: 'causa', text: 'en medio', index: 1 });
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      expect(outline(doc)).toEqual(['problema ', '  causa de Alice', '  causa en medio', '  causa de Bob']);
    }
  });

  it('two concurrent moves of one node end with one of them on every replica', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const a = addCause(alice, TREE_ROOT_ID, 'A');
    const b = addCause(alice, TREE_ROOT_ID, 'B');
    const c = addCause(alice, TREE_ROOT_ID, 'C');
    sync(alice, bob);
    moveNode(alice, c, a);
    moveNode(bob, c, b);
    sync(alice, bob);
    expect(outline(alice)).toEqual(outline(bob));
    expect([a, b]).toContain(readTree(alice).nodes.get(c)!.parentId);
  });

  it('a deletion wins over a concurrent edit of the deleted node, and the rest merges', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const a = addCause(alice, TREE_ROOT_ID, 'A');
    const b = addCause(alice, TREE_ROOT_ID, 'B');
    sync(alice, bob);
    deleteNode(alice, a);
    setText(bob, a, 'A editada');
    moveNode(bob, b, a);
    sync(alice, bob);
    // B, moved under the deleted A, survives under the problem; A's edit went with A.
    for (const doc of [alice, bob]) expect(outline(doc)).toEqual(['problema ', '  causa B']);
  });
});

describe('the problem tree: a document no accessor would write still reads as a tree', () => {
  it('ignores entries that are not nodes and shows their children under the problem', () => {
    const doc = new Y.Doc();
    doc.getMap('treeNodes').set('text-not-map', 'hola');
    writeRaw(doc, 'p', { kind: 'problema', parent: TREE_ROOT_ID, text: new Y.Text('otro problema') });
    writeRaw(doc, 'c', { kind: 'causa', parent: 'p', text: new Y.Text('bajo el falso problema'), order: 'V' });
    writeRaw(doc, TREE_ROOT_ID, { kind: 'causa', parent: TREE_ROOT_ID, text: new Y.Text('usurpa el id raíz') });
    expect(outline(doc)).toEqual(['problema ', '  causa bajo el falso problema']);
    expect(treeViolations(readTree(doc))).toEqual([]);
  });

  it('shows a cause stored under an effect under the problem, keeping its kind', () => {
    const doc = new Y.Doc();
    const effect = addEffect(doc, TREE_ROOT_ID, 'E');
    writeRaw(doc, 'c', { kind: 'causa', parent: effect, text: new Y.Text('C'), order: 'z' });
    expect(outline(doc)).toEqual(['problema ', '  causa C', '  efecto E']);
    expect(treeViolations(readTree(doc))).toEqual([]);
  });

  it('shows self-parented nodes, long stored cycles and missing fields under the problem', () => {
    const doc = new Y.Doc();
    writeRaw(doc, 'self', { kind: 'causa', parent: 'self', text: new Y.Text('S') });
    writeRaw(doc, 'k3', { kind: 'efecto', parent: 'k1', text: new Y.Text('K3') });
    writeRaw(doc, 'k1', { kind: 'efecto', parent: 'k2', text: new Y.Text('K1') });
    writeRaw(doc, 'k2', { kind: 'efecto', parent: 'k3', text: new Y.Text('K2') });
    writeRaw(doc, 'bare', { kind: 'causa', parent: 42, pin: { x: 'a', y: 0 }, order: 7 });
    expect(outline(doc)).toEqual([
      'problema ',
      '  causa ',
      '  causa S',
      '  efecto K1',
      '    efecto K3',
      '      efecto K2',
    ]);
    expect(readTree(doc).nodes.get('bare')!.pin).toBeNull();
    expect(treeViolations(readTree(doc))).toEqual([]);
    // And the accessors work on it: moving into a cut cycle is judged by what is shown.
    expectRefusal(() => moveNode(doc, 'k1', 'k2'), 'own-subtree');
    moveNode(doc, 'k2', TREE_ROOT_ID);
    expect(outline(doc)).toEqual(['problema ', '  causa ', '  causa S', '  efecto K1', '    efecto K3', '  efecto K2']);
    expect(treeViolations(readTree(doc))).toEqual([]);
  });
});
