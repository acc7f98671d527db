/**
 * What the server relies on in Yjs beyond its documented API, in one place: the form of a decoded update's structs,
 * and the document's struct store, read to check an update before storing it (`decodedUpdate.ts`) and to tell which
 * top-level type it touches (`areaLocks.ts`). Yjs exports these but documents none of them, so a release may change
 * them; `yjsInternals.test.ts` checks that each still exists and behaves as used here, and server/package.json pins
 * the version exactly.
 */
import * as Y from 'yjs';

export { GC, ID, Item, Skip } from 'yjs';

/** A struct of a decoded update (`Y.decodeUpdate`): an item, a garbage-collected range, or a gap (Skip). */
export type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * Where a decoded, not yet integrated item says it goes: a top-level type's key (a string), the ID of the item that
 * holds its parent type, or null when the update leaves the parent to be found through the item's origins (it
 * writes the parent only for an item with neither a left nor a right origin). The typings only know the integrated
 * form, a type.
 */
export function decodedParent(item: Y.Item): string | Y.ID | null {
  const parent: unknown = item.parent;
  if (typeof parent === 'string' || parent instanceof Y.ID) return parent;
  return null;
}

/** The next clock the document expects from `client`: it has every struct of `client` below it. */
export function clockOf(doc: Y.Doc, client: number): number {
  return Y.getState(doc.store, client);
}

/** The integrated struct holding `id`, which the document must have (`id.clock < clockOf(doc, id.client)`). */
export function structAt(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC {
  return Y.getItem(doc.store, id);
}

/** The document's structs of `client` that overlap the clocks [from, to), in clock order. */
export function* structsBetween(doc: Y.Doc, client: number, from: number, to: number): Generator<Y.Item | Y.GC> {
  const structs = doc.store.clients.get(client) ?? [];
  if (structs.length === 0) return;
  for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < to; i++) yield structs[i]!;
}

/**
 * The top-level key of the integrated type `type` belongs to, found by climbing the items that hold nested types;
 * null when it cannot be told (not a type, or one no longer reachable from the document's share).
 */
export function rootKeyOf(type: unknown): string | null {
  let current = type;
  while (current instanceof Y.AbstractType && current._item !== null) current = current._item.parent;
  if (!(current instanceof Y.AbstractType)) return null;
  try {
    return Y.findRootTypeKey(current);
  } catch {
    return null;
  }
}

/** The type an integrated item sits in; null for a decoded, not yet integrated item (see {@link decodedParent}). */
export function integratedParent(item: Y.Item): Y.AbstractType<unknown> | null {
  const parent: unknown = item.parent;
  return parent instanceof Y.AbstractType ? parent : null;
}

/** The item holding a nested type (whose content it is); null for a top-level type. */
export function holderOf(type: Pick<Y.AbstractType<unknown>, '_item'>): Y.Item | null {
  return type._item;
}

/** The values a plain-value item carries (what `Y.Map.set(key, value)` stores), or null for any other content. */
export function plainValues(item: Y.Item): readonly unknown[] | null {
  return item.content instanceof Y.ContentAny ? (item.content.arr as unknown[]) : null;
}
