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
export const UNKNOWN = Symbol('unknown');
/** A top-level type name; `null` for a struct with no visible effect (it lands in garbage-collected content). */
export type Root = string | null | typeof UNKNOWN;
/** What an update that cannot be placed may touch. */
const EVERYTHING: ReadonlySet<Root> = new Set([UNKNOWN]);

/**
 * What placing an update reads of the document it would be applied to: the structs it has, by client and clock.
 * {@link docStructs} reads a document's store; a room also reads its store with the updates it stored but has not
 * applied yet placed beside it (`sync/UnappliedStructs.ts`).
 */
export interface KnownStructs {
  /** The next clock expected from `client`: every struct of `client` below it is known. */
  clockOf(client: number): number;
  /** The root of the struct holding `id`, which must be known (below `clockOf`): null for garbage-collected content. */
  rootAt(id: ID): Root;
  /** Adds the roots of the known structs of `client` in [from, to); false if one of them cannot be placed. */
  addRange(client: number, from: number, to: number, roots: Set<Root>): boolean;
}

/** A struct an update adds, and where it lands: a top-level type's name, or null (garbage-collected content). */
export interface PlacedStruct {
  client: number;
  clock: number;
  length: number;
  root: string | null;
}

/** Where an update lands: the top-level types it touches, and each struct it adds, in the update's order. */
export interface Placement {
  roots: ReadonlySet<Root>;
  /** Empty when the update cannot be placed (`placed` is false). */
  added: readonly PlacedStruct[];
  placed: boolean;
}

/**
 * The first of the `locked` tools that `update` would change if applied to `doc` now, or null if it changes none.
 * `doc` must hold every update received before this one: an update commonly builds on the one just ahead of it
 * (each typed letter's left neighbour is the previous letter), so the check runs in the room's queue.
 */
export function lockedToolTouched(doc: Y.Doc, update: DecodedUpdate, locked: ReadonlySet<Tool>): Tool | null {
  if (locked.size === 0) return null;
  return firstLocked(placeUpdate(docStructs(doc), update).roots, locked);
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
  return checkAgainst(doc, update, locked, sender).refused;
}

/** {@link refusedArea}, with where the update lands. */
export function checkAgainst(
  doc: Y.Doc,
  update: DecodedUpdate,
  locked: ReadonlySet<Tool>,
  sender: Sender,
): { refused: RefusedArea | null; placement: Placement } {
  const placement = placeUpdate(docStructs(doc), update);
  const { roots } = placement;
  let refused = refusedByRoots(roots, locked, sender);
  if (refused === null && touchesComments(roots) && !commentChangeAllowed(doc, update, sender.author)) {
    refused = 'comments';
  }
  return { refused, placement };
}

/** The refusal the touched roots decide alone: the locks and the moderation marks. */
export function refusedByRoots(
  roots: ReadonlySet<Root>,
  locked: ReadonlySet<Tool>,
  sender: Sender,
): RefusedArea | null {
  const tool = firstLocked(roots, locked);
  if (tool !== null) return tool;
  if (roots === EVERYTHING) return sender.moderates ? null : 'moderation';
  if (!sender.moderates && MODERATION_ROOTS.some((name) => roots.has(name))) return 'moderation';
  return null;
}

/** Whether an update touches the comments, whose rules read the document (`commentRules.ts`). */
export function touchesComments(roots: ReadonlySet<Root>): boolean {
  return roots.has(COMMENT_ROOTS.comments);
}

/**
 * Where an update lands: the top-level types it inserts into or deletes from ({@link EVERYTHING} when that cannot be
 * told), and the root of each struct it adds.
 */
export function placeUpdate(known: KnownStructs, { structs, ds }: DecodedUpdate): Placement {
  const own = new UpdateStructs(structs);
  const memo = new Map<Item, Root>();
  const roots = new Set<Root>();
  const added: PlacedStruct[] = [];
  const unplaced: Placement = { roots: EVERYTHING, added: [], placed: false };

  // Where an inserted item goes: a parent named by key (top-level) or by id, else beside its left or right
  // origin, which may itself be new in this update. Followed iteratively: a long typed run is a long chain.
  const rootOfNewItem = (item: Item): Root => {
    const chain: Item[] = [];
    let current = item;
    let root: Root;
    for (;;) {
      const memoed = memo.get(current);
      if (memoed !== undefined) {
        root = memoed;
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
      else root = next.clock < known.clockOf(next.client) ? known.rootAt(next) : UNKNOWN;
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
    const expected = next.get(client) ?? known.clockOf(client);
    if (struct instanceof Skip || struct.id.clock > expected) return unplaced;
    next.set(client, Math.max(expected, struct.id.clock + struct.length));
    // Content the document already has is skipped on apply.
    if (struct.id.clock + struct.length <= known.clockOf(client)) continue;
    // GC structs change no visible content; they only take their clocks.
    const root = struct instanceof Item ? rootOfNewItem(struct) : null;
    if (root === UNKNOWN) return unplaced;
    if (struct instanceof Item) roots.add(root);
    // Of a struct that overlaps what is known, only the rest is new.
    const clock = Math.max(struct.id.clock, expected);
    const length = struct.id.clock + struct.length - clock;
    if (length > 0) added.push({ client, clock, length, root });
  }

  for (const [client, deletes] of ds.clients) {
    const knownClock = known.clockOf(client);
    for (const { clock, len } of deletes) {
      const end = clock + len;
      if (clock < knownClock && !known.addRange(client, clock, Math.min(end, knownClock), roots)) return unplaced;
      // Deletions of items this update inserts were counted with the inserts; anything else is unknown.
      if (end > knownClock && !own.covers(client, Math.max(clock, knownClock), end)) return unplaced;
    }
  }
  return { roots, added, placed: true };
}

/** A document's own structs, as {@link placeUpdate} reads them. */
export function docStructs(doc: Y.Doc): KnownStructs {
  return {
    clockOf: (client) => clockOf(doc, client),
    rootAt: (id) => {
      const struct = structAt(doc, id);
      return struct instanceof Item ? (rootKeyOf(struct.parent) ?? UNKNOWN) : null;
    },
    addRange: (client, from, to, roots) => {
      for (const struct of structsBetween(doc, client, from, to)) {
        if (!(struct instanceof Item)) continue;
        const root = rootKeyOf(struct.parent);
        if (root === null) return false;
        roots.add(root);
      }
      return true;
    },
  };
}
