import type * as Y from 'yjs';
import { COMMENT_ROOTS } from '@cocrea/shared';
import { UpdateStructs } from './updateStructs';
import type { DecodedUpdate } from './decodedUpdate';
import {
  GC,
  Item,
  clockOf,
  decodedParent,
  holderOf,
  integratedParent,
  plainValues,
  rootKeyOf,
  structAt,
  structsBetween,
} from './yjsInternals';

/** The one key of an existing comment anyone may change: whether its thread is resolved ("resuelto"). */
const RESOLVED = 'resolved';
/** The key naming a comment's author (a participant id), which must be whoever sends the comment. */
const AUTHOR = 'authorId';

/**
 * Where a new item goes: its parent type (a top-level type, a type created by the same update, or one the doc has)
 * and, in a map, its key (`sub`, null in a list or text). An update leaves both out for an item it places beside a
 * neighbour (a map entry replacing an earlier one has that one as its origin): they are the neighbour's.
 */
type Place = { readonly sub: string | null } & (
  | { readonly kind: 'root'; readonly key: string }
  | { readonly kind: 'new'; readonly holder: Item }
  | { readonly kind: 'doc'; readonly holder: Item }
);

/**
 * Whether `update`, which touches the comments (`shared/src/doc/comments.ts`), keeps to what a comment may be: a new
 * comment names its sender (`author`, the participant id of the socket's seat; null without one) as its author; of a
 * comment already there, only its resolved mark changes; and nothing is deleted but a resolved mark being replaced.
 * So nobody's words are put in someone else's mouth, changed or removed by anyone, the facilitator included (who hides
 * instead, in `commentsHidden`). The accessors write nothing else; an update that does came from a forged client.
 *
 * Every struct of `update` must be placeable in `doc` (the area check has said so: `touchedRoots` is not EVERYTHING).
 */
export function commentChangeAllowed(doc: Y.Doc, update: DecodedUpdate, author: string | null): boolean {
  const own = new UpdateStructs(update.structs);

  /** The place of a decoded item's parent, following origins within the update; null if it cannot be told. */
  const placeOf = (item: Item): Place | null => {
    let current = item;
    // Each step moves to another struct of the update; more steps than structs means a reference cycle.
    for (let steps = 0; steps <= update.structs.length; steps++) {
      const parent = decodedParent(current);
      const sub = current.parentSub;
      if (typeof parent === 'string') return { kind: 'root', key: parent, sub };
      if (parent !== null) {
        const found = own.find(parent);
        if (found instanceof Item) return { kind: 'new', holder: found, sub };
        if (found instanceof GC || parent.clock >= clockOf(doc, parent.client)) return null;
        const holder = structAt(doc, parent);
        return holder instanceof Item ? { kind: 'doc', holder, sub } : null;
      }
      // Beside a neighbour: in the same type as it.
      const neighbour = current.origin ?? current.rightOrigin;
      if (neighbour === null) return null;
      const found = own.find(neighbour);
      if (found instanceof Item) {
        current = found;
        continue;
      }
      if (found instanceof GC || neighbour.clock >= clockOf(doc, neighbour.client)) return null;
      const struct = structAt(doc, neighbour);
      if (!(struct instanceof Item)) return null;
      const type = integratedParent(struct);
      if (type === null) return null;
      const holder = holderOf(type);
      if (holder !== null) return { kind: 'doc', holder, sub: struct.parentSub };
      const key = rootKeyOf(type);
      return key === null ? null : { kind: 'root', key, sub: struct.parentSub };
    }
    return null;
  };

  /** Whether an item the document has is a comment: an entry of the top-level comments map. */
  const isStoredComment = (holder: Item): boolean => {
    const type = integratedParent(holder);
    return type !== null && holderOf(type) === null && rootKeyOf(type) === COMMENT_ROOTS.comments;
  };

  const known = (client: number) => clockOf(doc, client);
  for (const struct of update.structs) {
    if (!(struct instanceof Item) || struct.id.clock + struct.length <= known(struct.id.client)) continue;
    const place = placeOf(struct);
    if (place === null) return false;
    if (place.kind === 'root') continue; // a new comment (or another area altogether)
    if (place.kind === 'doc') {
      const type = integratedParent(place.holder);
      if (type === null || rootKeyOf(type) !== COMMENT_ROOTS.comments) continue;
      // Inside a comment already there: its resolved mark only. Anything deeper has no place in a comment.
      if (!isStoredComment(place.holder) || place.sub !== RESOLVED) return false;
      continue;
    }
    // Inside a type this update creates: a new comment if that type is an entry of the comments map.
    const holderPlace = placeOf(place.holder);
    if (holderPlace === null) return false;
    if (holderPlace.kind !== 'root') {
      if (rootOfPlace(holderPlace, placeOf) === COMMENT_ROOTS.comments) return false;
      continue;
    }
    if (holderPlace.key !== COMMENT_ROOTS.comments) continue;
    if (place.sub === AUTHOR) {
      const values = plainValues(struct);
      if (values === null || values.length !== 1 || values[0] !== author) return false;
    }
  }

  for (const [client, deletes] of update.ds.clients) {
    const end = known(client);
    for (const { clock, len } of deletes) {
      if (clock >= end) continue; // the update's own items, checked above
      for (const struct of structsBetween(doc, client, clock, Math.min(clock + len, end))) {
        if (!(struct instanceof Item)) continue;
        const type = integratedParent(struct);
        if (type === null || rootKeyOf(type) !== COMMENT_ROOTS.comments) continue;
        // Replacing a resolved mark deletes the one before; nothing else of a comment is ever deleted.
        const holder = holderOf(type);
        if (holder === null || !isStoredComment(holder) || struct.parentSub !== RESOLVED) return false;
      }
    }
  }
  return true;
}

/** The top-level key a place ends in, climbing the holders created by the update. */
function rootOfPlace(place: Place, placeOf: (item: Item) => Place | null): string | null {
  let current: Place | null = place;
  for (let depth = 0; current !== null && depth < 64; depth++) {
    if (current.kind === 'root') return current.key;
    if (current.kind === 'doc') {
      const type = integratedParent(current.holder);
      return type === null ? null : rootKeyOf(type);
    }
    current = placeOf(current.holder);
  }
  return null;
}
