/**
 * The problem tree (árbol de problemas): one central problem, causes below it, effects above it, and under each
 * cause or effect sub-causes or sub-effects of its own kind. The only module that knows how the tree is stored.
 *
 * Storage, in the mesa's Y.Doc:
 * - `treeProblemText` (top-level Y.Text): the central problem's statement.
 * - `treeProblem` (top-level Y.Map): the central problem's other keys, today only `pin`.
 * - `treeObjectiveText` (top-level Y.Text): the problem reworded as the objectives tree's objective.
 * - `treeNodes` (top-level Y.Map): node id → Y.Map `{ kind: 'causa' | 'efecto', parent: node id or
 *   {@link TREE_ROOT_ID}, text: Y.Text, objective: Y.Text, order: order key among siblings, pin?: { x, y } }`.
 *
 * The objectives tree (Etapa 4) is the same tree read in positive form: the problem becomes the objective, causes
 * become means, effects become ends. So it is not a second tree but a second text on every node (`objective`),
 * created with the node so that two people rewording it at once both keep their letters.
 *
 * The problem lives in top-level types, not in `treeNodes`: every replica has top-level types from the start and
 * they merge instead of conflicting, so two people opening an empty mesa at once type into the same problem and
 * both keep their letters. Had each of them created a problem node, one node would have to lose.
 *
 * Positions are derived by the client's layout; only a node a user pins stores one, in its one `pin` key. Kinds
 * never change after a node is added, so whether a node fits under its parent never changes either.
 */
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { placeAmong } from './orderKey';
import { localOrigin } from './origins';
import { replaceChangedSpan } from './text';

/** The id of the central problem in {@link Tree.nodes}; never the id of a stored node. */
export const TREE_ROOT_ID = 'root';

/** The kinds a user adds. The problem is not among them: there is exactly one, always there. */
export const branchKindSchema = z.enum(['causa', 'efecto']);
export type BranchKind = z.infer<typeof branchKindSchema>;

/** The kind of a node as read: the central problem, a cause or an effect. */
export type TreeNodeKind = 'problema' | BranchKind;

/** Where a user pinned a node on the canvas, in flow coordinates. Validates input and values read from the doc. */
export const pinSchema = z.object({ x: z.number(), y: z.number() });
export type Pin = z.infer<typeof pinSchema>;

/** A node of the normalized tree that {@link readTree} returns. */
export interface TreeNode {
  readonly id: string;
  readonly kind: TreeNodeKind;
  /** The parent as shown, after normalization; `null` for the problem only. */
  readonly parentId: string | null;
  /** 0 for the problem, 1 for its causes and effects, and so on. */
  readonly depth: number;
  readonly text: string;
  /** The node reworded in positive form for the objectives tree; `''` until someone rewords it. */
  readonly objective: string;
  readonly pin: Pin | null;
  /** In sibling order. The problem's causes come first, then its effects. */
  readonly children: readonly TreeNode[];
}

/** The normalized tree: always a tree, whatever concurrent edits merged into the document. */
export interface Tree {
  readonly root: TreeNode;
  /** Every node, the problem included, by id; iterates breadth-first from the problem, siblings in order. */
  readonly nodes: ReadonlyMap<string, TreeNode>;
}

/** The tree as plain JSON for export: content only, without ids, pins or anything that says who wrote what. */
export interface TreeJson {
  kind: TreeNodeKind;
  text: string;
  children: TreeJson[];
}

/** Why an accessor refused an edit. */
export type TreeEditErrorCode =
  'unknown-node' | 'problem-node' | 'kind-mismatch' | 'own-subtree' | 'id-taken' | 'invalid-pin';

/**
 * An edit the tree refuses; nothing was written. The UI offers only valid edits, so this means a stale view (the
 * node was just deleted by someone else) or a bug; `message` is in Spanish for whoever ends up seeing it.
 */
export class TreeEditError extends Error {
  constructor(
    readonly code: TreeEditErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TreeEditError';
  }
}

/** Options of {@link addNode}. */
export interface AddNodeOptions {
  parentId: string;
  kind: BranchKind;
  text?: string;
  /** Position among the parent's children of the same kind; last if absent. */
  index?: number;
  /** For reproducible ids (tests, imports); a random UUID if absent. */
  id?: string;
}

const NODES = 'treeNodes';
const PROBLEM = 'treeProblem';
const PROBLEM_TEXT = 'treeProblemText';
const OBJECTIVE_TEXT = 'treeObjectiveText';

/** A stored node that passed validation, as normalization needs it. */
interface Entry {
  readonly id: string;
  readonly map: Y.Map<unknown>;
  readonly kind: BranchKind;
  /** `null` when the stored value is not a string. */
  readonly parent: string | null;
  readonly order: string;
}

interface Normalized {
  readonly tree: Tree;
  readonly entries: ReadonlyMap<string, Entry>;
  /** Nodes shown under the problem only because that breaks a cycle of stored parents. */
  readonly cycleBreaks: readonly string[];
}

/** A node under construction; exposed read-only as a {@link TreeNode}. */
interface BuildNode extends TreeNode {
  readonly children: TreeNode[];
}

/**
 * The tree as every replica with the same document state shows it: a pure function of the map contents and the
 * ids, never of the order Y.Map happens to iterate in (which depends on the order updates arrived). It rules on
 * states no single user produced, so that the result is always a tree:
 *
 * 1. A stored entry that is not a Y.Map of kind 'causa' or 'efecto' is ignored; no accessor writes one.
 * 2. A node whose parent is gone (deleted while someone concurrently added or moved this node under it) is shown
 *    under the problem, keeping its kind and its subtree. Its stored parent stays, so if the deletion is undone
 *    the node is back where its author put it.
 * 3. A node under a parent of the other kind (an effect under a cause) is shown under the problem, keeping its
 *    kind. Accessors never write this, and kinds never change; only a foreign writer could.
 * 4. A cycle of parents (two users each moving one node under the other at once) is cut at its node with the
 *    smallest id, which is shown under the problem with the rest of the cycle below it: one of the two moves
 *    wins, the same one everywhere, and no node is lost.
 * 5. Siblings are sorted by order key, then by id: two nodes added at the same place at once get the same key.
 *    Under the problem, causes come before effects.
 *
 * Costs O(n log n): about 0.2 ms for 300 nodes (see the timing test), cheap enough to run on every change.
 */
export function readTree(doc: Y.Doc): Tree {
  return normalize(doc).tree;
}

/** Calls `onChange` after every transaction that changed the tree, once however much it changed; returns unsubscribe. */
export function observeTree(doc: Y.Doc, onChange: () => void): () => void {
  const types = treeTypes(doc);
  // Deep observers of the tree's types all run at the end of the same transaction: report it once.
  let last: Y.Transaction | null = null;
  const handler = (_events: unknown, transaction: Y.Transaction) => {
    if (transaction === last) return;
    last = transaction;
    onChange();
  };
  for (const type of types) type.observeDeep(handler);
  return () => {
    for (const type of types) type.unobserveDeep(handler);
  };
}

/** An undo manager for the tree that undoes this user's edits ({@link localOrigin}) and never a remote one. */
export function createTreeUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(treeTypes(doc), { trackedOrigins: new Set([localOrigin]) });
}

/**
 * Adds a cause or an effect and returns its id. A cause goes under the problem or a cause, an effect under the
 * problem or an effect; anything else is refused.
 */
export function addNode(doc: Y.Doc, { parentId, kind, text = '', index, id = uuidv4() }: AddNodeOptions): string {
  const { tree, entries } = normalize(doc);
  const parent = requireNode(tree, parentId);
  assertFits(kind, parent);
  if (id === TREE_ROOT_ID || nodesOf(doc).has(id)) throw new TreeEditError('id-taken', 'Ese identificador ya existe.');
  const siblings = siblingEntries(parent, kind, id, entries);
  doc.transact(() => {
    const node = new Y.Map<unknown>();
    nodesOf(doc).set(id, node);
    node.set('kind', kind);
    node.set('parent', parentId);
    node.set('order', placeAmong(siblings, index ?? siblings.length));
    node.set('text', new Y.Text(text));
    node.set('objective', new Y.Text());
  }, localOrigin);
  return id;
}

/** Adds a cause under the problem or under a cause; returns its id. */
export function addCause(doc: Y.Doc, parentId: string, text?: string): string {
  return addNode(doc, { parentId, kind: 'causa', text });
}

/** Adds an effect under the problem or under an effect; returns its id. */
export function addEffect(doc: Y.Doc, parentId: string, text?: string): string {
  return addNode(doc, { parentId, kind: 'efecto', text });
}

/**
 * Moves a cause or effect, with its subtree, under `parentId` at `index` among that parent's children of its kind
 * (last if absent). Its kind stays: a sub-cause moved under the problem becomes a direct cause. Refused: moving the
 * problem, moving a node into its own subtree, a cause under an effect or the reverse.
 */
export function moveNode(doc: Y.Doc, id: string, parentId: string, index?: number): void {
  const { tree, entries, cycleBreaks } = normalize(doc);
  const node = requireBranch(tree, id);
  const parent = requireNode(tree, parentId);
  let ancestor: TreeNode | undefined = parent;
  while (ancestor !== undefined) {
    if (ancestor.id === id) throw new TreeEditError('own-subtree', 'Un nodo no puede ir dentro de sí mismo.');
    ancestor = ancestor.parentId === null ? undefined : tree.nodes.get(ancestor.parentId);
  }
  assertFits(node.kind, parent);
  const siblings = siblingEntries(parent, node.kind, id, entries);
  const target = clamp(index ?? siblings.length, siblings.length);
  const current = parent.children.filter((child) => child.kind === node.kind).findIndex((child) => child.id === id);
  if (current === target) return;
  const entry = requireEntry(entries, id);
  doc.transact(() => {
    // A cut cycle shows its smallest node under the problem, but its stored parent still points into the cycle.
    // Moving another node of the cycle would un-cut it and make nodes jump elsewhere than where the user saw
    // them, so write down what everyone sees before the move.
    for (const breakId of cycleBreaks) requireEntry(entries, breakId).map.set('parent', TREE_ROOT_ID);
    entry.map.set('order', placeAmong(siblings, target));
    // Rewriting an unchanged parent would needlessly win over someone else's concurrent move of this node.
    if (entry.parent !== parentId) entry.map.set('parent', parentId);
  }, localOrigin);
}

/** Moves a cause or effect to `index` among its siblings of its kind; see {@link moveNode}. */
export function reorderNode(doc: Y.Doc, id: string, index: number): void {
  const node = requireBranch(readTree(doc), id);
  moveNode(doc, id, node.parentId ?? TREE_ROOT_ID, index);
}

/**
 * Deletes a cause or effect with its whole subtree as shown. A deletion wins over concurrent edits of the deleted
 * nodes; nodes someone adds or moves under them concurrently survive, shown under the problem (see {@link readTree}).
 */
export function deleteNode(doc: Y.Doc, id: string): void {
  const node = requireBranch(readTree(doc), id);
  const doomed: string[] = [];
  const stack: TreeNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    doomed.push(next.id);
    stack.push(...next.children);
  }
  doc.transact(() => {
    for (const doomedId of doomed) nodesOf(doc).delete(doomedId);
  }, localOrigin);
}

/** Pins a node (the problem included) at a canvas position, or unpins it with `null` so the layout places it. */
export function pinNode(doc: Y.Doc, id: string, pin: Pin | null): void {
  const parsed = pin === null ? null : pinSchema.safeParse(pin);
  if (parsed !== null && !parsed.success) throw new TreeEditError('invalid-pin', 'La posición no es válida.');
  const map = id === TREE_ROOT_ID ? problemOf(doc) : requireStoredEntry(doc, id).map;
  doc.transact(() => {
    if (parsed === null) map.delete('pin');
    else map.set('pin', { x: parsed.data.x, y: parsed.data.y });
  }, localOrigin);
}

/**
 * The Y.Text of a node (the problem included), to observe it or to anchor relative positions such as remote
 * cursors. Write through {@link setText}, so that the edit carries {@link localOrigin}.
 */
export function nodeText(doc: Y.Doc, id: string): Y.Text {
  if (id === TREE_ROOT_ID) return problemTextOf(doc);
  return textField(doc, id, 'text');
}

/**
 * Makes a node's text `value` by replacing only the span that differs: an editor hands over its whole new value,
 * and rewriting all of it would delete what someone else typed in the same node meanwhile.
 */
export function setText(doc: Y.Doc, id: string, value: string): void {
  replaceChangedSpan(nodeText(doc, id), value);
}

/**
 * The Y.Text of a node's positive wording in the objectives tree (the problem's: the objective). Nodes added
 * before the objectives tree existed get theirs on first use (see {@link textField}).
 */
export function objectiveText(doc: Y.Doc, id: string): Y.Text {
  if (id === TREE_ROOT_ID) return objectiveTextOf(doc);
  return textField(doc, id, 'objective');
}

/**
 * One of a node's texts, created on first use when the node has none: a node added before the field existed (the
 * objective), or one whose fields Yjs integrated only in part, holding the rest until an update they depend on
 * arrives (seen with updates delivered out of order). Two people writing such a node at the very same moment would
 * keep only one of the two texts, as concurrent sets of one map key do.
 */
function textField(doc: Y.Doc, id: string, key: 'text' | 'objective'): Y.Text {
  const { map } = requireStoredEntry(doc, id);
  const text = map.get(key);
  if (text instanceof Y.Text) return text;
  const created = new Y.Text();
  doc.transact(() => map.set(key, created), localOrigin);
  return created;
}

/** Makes a node's positive wording `value`, replacing only the span that differs (see {@link setText}). */
export function setObjectiveText(doc: Y.Doc, id: string, value: string): void {
  replaceChangedSpan(objectiveText(doc, id), value);
}

/** The tree as plain JSON, content only: kind, text and children, in the order {@link readTree} gives. */
export function exportTreeJson(doc: Y.Doc): TreeJson {
  return toJson(readTree(doc).root);
}

function toJson(node: TreeNode): TreeJson {
  return { kind: node.kind, text: node.text, children: node.children.map(toJson) };
}

function normalize(doc: Y.Doc): Normalized {
  const entries = new Map<string, Entry>();
  nodesOf(doc).forEach((value, id) => {
    const entry = toEntry(id, value);
    if (entry !== null) entries.set(id, entry);
  });
  // Code-unit order, never localeCompare: the result must not depend on a replica's locale either.
  const ids = [...entries.keys()].sort();

  // Rules 2 and 3: a parent a node can keep on its own, or the problem.
  const parentOf = new Map<string, string>();
  for (const id of ids) {
    const entry = entries.get(id)!;
    const parent = entry.parent === null ? undefined : entries.get(entry.parent);
    parentOf.set(id, parent !== undefined && parent.kind === entry.kind ? parent.id : TREE_ROOT_ID);
  }

  // Rule 4. Following parents from each node ends at the problem or in a cycle; the cycles of this graph, where
  // each node has one parent, are disjoint and fixed by the graph alone, so the cuts do not depend on `ids` order.
  const cycleBreaks: string[] = [];
  const visited = new Set<string>();
  for (const start of ids) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at = start;
    while (at !== TREE_ROOT_ID && !visited.has(at)) {
      visited.add(at);
      onPath.add(at);
      path.push(at);
      at = parentOf.get(at)!;
    }
    if (onPath.has(at)) {
      const cut = path.slice(path.indexOf(at)).reduce((a, b) => (b < a ? b : a));
      parentOf.set(cut, TREE_ROOT_ID);
      cycleBreaks.push(cut);
    }
  }

  // Rule 5, then build top-down: every node now reaches the problem.
  const childrenOf = new Map<string, Entry[]>();
  for (const id of ids) {
    const parentId = parentOf.get(id)!;
    const siblings = childrenOf.get(parentId);
    if (siblings === undefined) childrenOf.set(parentId, [entries.get(id)!]);
    else siblings.push(entries.get(id)!);
  }
  for (const siblings of childrenOf.values()) siblings.sort(bySiblingOrder);

  const root: BuildNode = {
    id: TREE_ROOT_ID,
    kind: 'problema',
    parentId: null,
    depth: 0,
    text: problemTextOf(doc).toString(),
    objective: objectiveTextOf(doc).toString(),
    pin: toPin(problemOf(doc).get('pin')),
    children: [],
  };
  const nodes = new Map<string, TreeNode>([[TREE_ROOT_ID, root]]);
  const queue: BuildNode[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i]!;
    for (const entry of childrenOf.get(parent.id) ?? []) {
      const text = entry.map.get('text');
      const objective = entry.map.get('objective');
      const node: BuildNode = {
        id: entry.id,
        kind: entry.kind,
        parentId: parent.id,
        depth: parent.depth + 1,
        text: text instanceof Y.Text ? text.toString() : '',
        objective: objective instanceof Y.Text ? objective.toString() : '',
        pin: toPin(entry.map.get('pin')),
        children: [],
      };
      parent.children.push(node);
      nodes.set(node.id, node);
      queue.push(node);
    }
  }
  return { tree: { root, nodes }, entries, cycleBreaks };
}

function toEntry(id: string, value: unknown): Entry | null {
  if (id === TREE_ROOT_ID || !(value instanceof Y.Map)) return null;
  const map = value as Y.Map<unknown>;
  const kind = branchKindSchema.safeParse(map.get('kind'));
  if (!kind.success) return null;
  const parent = map.get('parent');
  const order = map.get('order');
  return {
    id,
    map,
    kind: kind.data,
    parent: typeof parent === 'string' ? parent : null,
    order: typeof order === 'string' ? order : '',
  };
}

function toPin(value: unknown): Pin | null {
  if (value === undefined) return null;
  const pin = pinSchema.safeParse(value);
  return pin.success ? pin.data : null;
}

function bySiblingOrder(a: Entry, b: Entry): number {
  // Causes and effects under the problem have order keys of their own; only the kind sorts them against each other.
  if (a.kind !== b.kind) return a.kind === 'causa' ? -1 : 1;
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function siblingEntries(
  parent: TreeNode,
  kind: BranchKind,
  exceptId: string,
  entries: ReadonlyMap<string, Entry>,
): Entry[] {
  return parent.children
    .filter((child) => child.kind === kind && child.id !== exceptId)
    .map((child) => requireEntry(entries, child.id));
}

function assertFits(kind: BranchKind, parent: TreeNode): void {
  if (parent.kind === 'problema' || parent.kind === kind) return;
  throw new TreeEditError(
    'kind-mismatch',
    kind === 'causa'
      ? 'Una causa va bajo el problema central o bajo otra causa.'
      : 'Un efecto va sobre el problema central o sobre otro efecto.',
  );
}

function requireNode(tree: Tree, id: string): TreeNode {
  const node = tree.nodes.get(id);
  if (node === undefined) throw new TreeEditError('unknown-node', 'El nodo no existe.');
  return node;
}

function requireBranch(tree: Tree, id: string): TreeNode & { kind: BranchKind } {
  const node = requireNode(tree, id);
  if (node.kind === 'problema') {
    throw new TreeEditError('problem-node', 'El problema central no se puede mover ni borrar.');
  }
  return node as TreeNode & { kind: BranchKind };
}

function requireEntry(entries: ReadonlyMap<string, Entry>, id: string): Entry {
  const entry = entries.get(id);
  if (entry === undefined) throw new TreeEditError('unknown-node', 'El nodo no existe.');
  return entry;
}

/** One stored node without normalizing the whole tree: for edits that touch a single node. */
function requireStoredEntry(doc: Y.Doc, id: string): Entry {
  const entry = toEntry(id, nodesOf(doc).get(id));
  if (entry === null) throw new TreeEditError('unknown-node', 'El nodo no existe.');
  return entry;
}

function clamp(index: number, max: number): number {
  return Math.min(Math.max(Math.trunc(index), 0), max);
}

function nodesOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(NODES);
}

function problemOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PROBLEM);
}

function problemTextOf(doc: Y.Doc): Y.Text {
  return doc.getText(PROBLEM_TEXT);
}

function objectiveTextOf(doc: Y.Doc): Y.Text {
  return doc.getText(OBJECTIVE_TEXT);
}

function treeTypes(doc: Y.Doc): [Y.Map<unknown>, Y.Map<unknown>, Y.Text, Y.Text] {
  return [nodesOf(doc), problemOf(doc), problemTextOf(doc), objectiveTextOf(doc)];
}
