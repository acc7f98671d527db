import type * as Y from 'yjs';
import { COMMENT_ROOTS, commitmentText, type Tool } from '@cocrea/shared';
import type { DecodedUpdate } from './decodedUpdate';
import { commentChangeAllowed } from './commentRules';
import { UpdateStructs } from './updateStructs';
import { GC, Item, Skip, clockOf, decodedParent, rootKeyOf, structAt, structsBetween, type ID } from './yjsInternals';

/**
 * Which tool an incoming Yjs update would change, told before it is stored, so a locked tool can refuse it.
 *
 * Every tool lives in its own top-level types of the mesa's Y.Doc, as the accessors in `shared/src/doc/` store
 * them: the tree in `tree.ts`, the commitment draft in `commitment.ts`. `areaLocks.test.ts` writes through those
 * accessors and checks that these names catch every edit, so a renamed type fails a test instead of slipping
 * out of its lock.
 */
export const TOOL_ROOTS: Readonly<Record<Tool, readonly string[]>> = {
  tree: ['treeProblemText', 'treeProblem', 'treeObjectiveText', 'treeNodes'],
  commitment: ['commitment'],
};

/**
 * Top-level types only the facilitator writes: the marks that hide a comment (`shared/src/doc/comments.ts`). An
 * update from anyone else that touches one is refused, as a locked tool's would be, whatever the agenda says.
 */
export const MODERATION_ROOTS: readonly string[] = [COMMENT_ROOTS.hidden];

/**
 * What a refused update touched: a locked tool, what only the facilitator may change, or a comment in a way no comment
 * changes (someone else's words, or another author's name).
 */
export type RefusedArea = Tool | 'moderation' | 'comments';

/**
 * Gives a room's document the commitment's fixed structure, which every replica creates identically, from the same
 * bytes, the first time it opens a field of the draft (see `shared/src/doc/commitment.ts`). With it in place here,
 * a client's copy is already known and touches nothing, so merely opening a locked commitment is never refused.
 * It is the same constant everywhere, so it needs no place in the update log.
 */
export function ensureFixedStructure(doc: Y.Doc): void {
  try {
    // Opening any field applies the structure and writes nothing else.
    commitmentText(doc, 'problem');
  } catch (error) {
    // A draft that does not read is no reason to refuse the whole room; the structure is then simply not ensured.
    console.error('could not ensure the commitment structure', error);
  }
}

/**
 * Stands for a struct whose place cannot be told: it builds on something neither the document nor the update has
 * (an update that arrived before one it depends on, or a forged one). While anything is locked it counts as
 * touching everything, since it might.
 */
const UNKNOWN = Symbol('unknown');
/** A top-level type name; `null` for a struct with no visible effect (it lands in garbage-collected content). */
type Root = string | null | typeof UNKNOWN;
/** What an update that cannot be placed may touch. */
const EVERYTHING: ReadonlySet<Root> = new Set([UNKNOWN]);

/**
 * The first of the `locked` tools that `update` would change if applied to `doc` now, or null if it changes none.
 * `doc` must hold every update received before this one: an update commonly builds on the one just ahead of it
 * (each typed letter's left neighbour is the previous letter), so the check runs in the room's queue.
 */
export function lockedToolTouched(doc: Y.Doc, update: DecodedUpdate, locked: ReadonlySet<Tool>): Tool | null {
  if (locked.size === 0) return null;
  return firstLocked(touchedRoots(doc, update), locked);
}

function firstLocked(roots: ReadonlySet<Root>, locked: ReadonlySet<Tool>): Tool | null {
  for (const tool of locked) {
    if (roots === EVERYTHING || TOOL_ROOTS[tool].some((name) => roots.has(name))) return tool;
  }
  return null;
}

/** Who sends an update, as far as the checks below care. */
export interface Sender {
  /** The facilitator's sockets: they may hide comments ({@link MODERATION_ROOTS}). */
  readonly moderates: boolean;
  /** The participant id of the socket's seat, null without one: the author every new comment must name. */
  readonly author: string | null;
}

/**
 * What `update` would change that its sender may not change now, checked against `doc` as for
 * {@link lockedToolTouched}: the first of the `locked` tools it touches; else `'moderation'` if it touches
 * {@link MODERATION_ROOTS} and its sender does not moderate; else `'comments'` if it changes the comments otherwise
 * than a comment may change (`commentRules.ts`); null if nothing. An update that cannot be placed is refused to anyone
 * but the facilitator (it might touch anything), and, as before there were comments, taken from the facilitator while
 * no tool is locked.
 */
export function refusedArea(
  doc: Y.Doc,
  update: DecodedUpdate,
  locked: ReadonlySet<Tool>,
  sender: Sender,
): RefusedArea | null {
  const roots = touchedRoots(doc, update);
  const tool = firstLocked(roots, locked);
  if (tool !== null) return tool;
  if (roots === EVERYTHING) return sender.moderates ? null : 'moderation';
  if (!sender.moderates && MODERATION_ROOTS.some((name) => roots.has(name))) return 'moderation';
  if (roots.has(COMMENT_ROOTS.comments) && !commentChangeAllowed(doc, update, sender.author)) return 'comments';
  return null;
}

/** The top-level types an update inserts into or deletes from; {@link EVERYTHING} when that cannot be told. */
function touchedRoots(doc: Y.Doc, { structs, ds }: DecodedUpdate): ReadonlySet<Root> {
  const own = new UpdateStructs(structs);
  const memo = new Map<Item, Root>();
  const roots = new Set<Root>();

  // Where an inserted item goes: a parent named by key (top-level) or by id, else beside its left or right
  // origin, which may itself be new in this update. Followed iteratively: a long typed run is a long chain.
  const rootOfNewItem = (item: Item): Root => {
    const chain: Item[] = [];
    let current = item;
    let root: Root;
    for (;;) {
      const known = memo.get(current);
      if (known !== undefined) {
        root = known;
        break;
      }
      chain.push(current);
      const parent = decodedParent(current);
      if (typeof parent === 'string') {
        root = parent;
        break;
      }
      const next = parent ?? current.origin ?? current.rightOrigin;
      if (next === null) {
        root = UNKNOWN;
        break;
      }
      const found = own.find(next);
      if (found instanceof Item && !chain.includes(found)) {
        current = found;
        continue;
      }
      if (found instanceof GC) root = null;
      else if (found instanceof Item)
        root = UNKNOWN; // a reference cycle: only a forged update has one
      else root = rootInDoc(doc, next);
      break;
    }
    for (const visited of chain) memo.set(visited, root);
    return root;
  };

  // Yjs applies a client's structs only in clock order with no gap. A struct past a gap (a client sending on after
  // one of its updates was refused) waits for the missing clocks and cannot be placed; so does all that follows.
  const next = new Map<number, number>();
  for (const struct of structs) {
    const client = struct.id.client;
    const expected = next.get(client) ?? clockOf(doc, client);
    if (struct instanceof Skip || struct.id.clock > expected) return EVERYTHING;
    next.set(client, Math.max(expected, struct.id.clock + struct.length));
    // GC structs change no visible content, and content the document already has is skipped on apply.
    if (!(struct instanceof Item) || struct.id.clock + struct.length <= clockOf(doc, client)) continue;
    const root = rootOfNewItem(struct);
    if (root === UNKNOWN) return EVERYTHING;
    roots.add(root);
  }

  for (const [client, deletes] of ds.clients) {
    const known = clockOf(doc, client);
    for (const { clock, len } of deletes) {
      const end = clock + len;
      if (clock < known && !addDocRange(doc, client, clock, Math.min(end, known), roots)) return EVERYTHING;
      // Deletions of items this update inserts were counted with the inserts; anything else is unknown.
      if (end > known && !own.covers(client, Math.max(clock, known), end)) return EVERYTHING;
    }
  }
  return roots;
}

/** The root of an item the document already has, by id; `UNKNOWN` if the document does not have it. */
function rootInDoc(doc: Y.Doc, id: ID): Root {
  if (id.clock >= clockOf(doc, id.client)) return UNKNOWN;
  const struct = structAt(doc, id);
  return struct instanceof Item ? (rootKeyOf(struct.parent) ?? UNKNOWN) : null;
}

/**
 * Adds the roots of the document's structs of `client` in [from, to), which the document must have; false if one
 * of them cannot be placed.
 */
function addDocRange(doc: Y.Doc, client: number, from: number, to: number, roots: Set<Root>): boolean {
  for (const struct of structsBetween(doc, client, from, to)) {
    if (!(struct instanceof Item)) continue;
    const root = rootKeyOf(struct.parent);
    if (root === null) return false;
    roots.add(root);
  }
  return true;
}
