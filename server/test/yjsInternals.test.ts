/**
 * The Yjs internals the server relies on (`server/src/sync/yjsInternals.ts`), checked against the installed Yjs: an
 * upgrade that changes one of them fails here, by name, rather than somewhere in the tool locks.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  GC,
  ID,
  Item,
  Skip,
  clockOf,
  decodedParent,
  holderOf,
  integratedParent,
  plainValues,
  rootKeyOf,
  structAt,
  structsBetween,
} from '../src/sync/yjsInternals';

/** A document of client 1 and the updates it emits, one per transaction. */
function recorded(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

function itemsOf(update: Uint8Array): Item[] {
  return Y.decodeUpdate(update).structs.filter((struct): struct is Item => struct instanceof Item);
}

describe('a decoded update', () => {
  it('lists items with their id, length and left origin', () => {
    const { doc, updates } = recorded();
    doc.getText('t').insert(0, 'abc');
    doc.getText('t').insert(3, 'd');
    const [first] = itemsOf(updates[0]!);
    expect(first!.id).toBeInstanceOf(ID);
    expect(first!.id).toMatchObject({ client: 1, clock: 0 });
    expect(first!.length).toBe(3);
    const [typed] = itemsOf(updates[1]!);
    expect(typed!.origin).toEqual(new ID(1, 2));
    expect(typed!.rightOrigin).toBeNull();
  });

  it('names a parent as a top-level key, as the ID of the item holding it, or not at all', () => {
    const { doc, updates } = recorded();
    const nested = new Y.Text();
    doc.getMap<Y.Text>('m').set('k', nested);
    nested.insert(0, 'x');
    nested.insert(1, 'y');
    expect(decodedParent(itemsOf(updates[0]!)[0]!)).toBe('m');
    expect(decodedParent(itemsOf(updates[1]!)[0]!)).toEqual(new ID(1, 0));
    // "y", typed after "x", has "x" as its left origin, and the update leaves its parent out.
    const [y] = itemsOf(updates[2]!);
    expect(y!.origin).toEqual(new ID(1, 1));
    expect(decodedParent(y!)).toBeNull();
  });

  it('carries deleted ranges as { clock, len } per client', () => {
    const { doc, updates } = recorded();
    doc.getText('t').insert(0, 'abc');
    doc.getText('t').delete(1, 1);
    const { structs, ds } = Y.decodeUpdate(updates[1]!);
    expect(structs).toEqual([]);
    expect(ds.clients.get(1)).toEqual([expect.objectContaining({ clock: 1, len: 1 })]);
  });

  it("marks a gap in a client's clocks with a Skip", () => {
    const { doc, updates } = recorded();
    for (const letter of 'abc') doc.getText('t').insert(doc.getText('t').length, letter);
    // "a" and "c" without "b", as a server would see a client's updates after refusing one.
    const { structs } = Y.decodeUpdate(Y.mergeUpdates([updates[0]!, updates[2]!]));
    expect(structs.map((struct) => struct.constructor)).toEqual([Item, Skip, Item]);
  });
});

describe("a document's struct store", () => {
  it('tells the next clock it expects of each client', () => {
    const { doc } = recorded();
    expect(clockOf(doc, 1)).toBe(0);
    doc.getText('t').insert(0, 'abc');
    expect(clockOf(doc, 1)).toBe(3);
    expect(clockOf(doc, 2)).toBe(0);
  });

  it('finds the integrated struct holding an id, with its parent type', () => {
    const { doc } = recorded();
    doc.getText('t').insert(0, 'abc');
    const struct = structAt(doc, new ID(1, 1));
    expect(struct).toBeInstanceOf(Item);
    expect((struct as Item).parent).toBe(doc.getText('t'));
  });

  it('lists the structs overlapping a clock range, garbage-collected ones included', () => {
    const { doc } = recorded();
    doc.getText('t').insert(0, 'abc');
    const nested = new Y.Text('gone');
    doc.getMap<Y.Text>('m').set('k', nested);
    doc.getMap('m').delete('k');
    const all = [...structsBetween(doc, 1, 0, clockOf(doc, 1))];
    expect(all[0]!.id.clock).toBe(0);
    expect(all.some((struct) => struct instanceof GC)).toBe(true);
    expect(all.every((struct) => struct instanceof Item || struct instanceof GC)).toBe(true);
    expect([...structsBetween(doc, 1, 1, 2)].map((struct) => struct.id.clock)).toEqual([0]);
    expect([...structsBetween(doc, 7, 0, 10)]).toEqual([]);
  });

  it('climbs nested types to the top-level key, and says null for what it cannot place', () => {
    const { doc } = recorded();
    const outer = new Y.Map<unknown>();
    doc.getMap<Y.Map<unknown>>('top').set('a', outer);
    const inner = new Y.Text('x');
    outer.set('b', inner);
    expect(rootKeyOf(inner)).toBe('top');
    expect(rootKeyOf(doc.getText('other'))).toBe('other');
    expect(rootKeyOf('not a type')).toBeNull();
    expect(rootKeyOf(new Y.Text())).toBeNull();
  });
});

describe('an integrated item', () => {
  it('sits in its type, which a holding item carries unless it is top-level; a map entry keeps its key', () => {
    const { doc, updates } = recorded();
    const comment = new Y.Map<unknown>();
    doc.getMap('comments').set('c1', comment);
    comment.set('authorId', 'ana');
    comment.set('authorId', 'beto');
    const [holder] = itemsOf(updates[0]!);
    const integratedHolder = structAt(doc, holder!.id) as Item;
    expect(integratedParent(integratedHolder)).toBe(doc.getMap('comments'));
    expect(holderOf(doc.getMap('comments'))).toBeNull();
    expect(holderOf(comment)).toBe(integratedHolder);
    const [first] = itemsOf(updates[1]!);
    const integrated = structAt(doc, first!.id) as Item;
    expect(integratedParent(integrated)).toBe(comment);
    expect(integrated.parentSub).toBe('authorId');
    // Replaced, the integrated entry holds nothing any more; the update that made it still carries its value.
    expect(plainValues(integrated)).toBeNull();
    expect(plainValues(first!)).toEqual(['ana']);
    expect(plainValues(integratedHolder)).toBeNull();
    // A decoded replacement has no parent of its own yet, and its update leaves its key out: its origin has both.
    const [replacement] = itemsOf(updates[2]!);
    expect(integratedParent(replacement!)).toBeNull();
    expect(replacement!.parentSub).toBeNull();
    expect(replacement!.origin).toEqual(first!.id);
    expect(plainValues(replacement!)).toEqual(['beto']);
  });
});
