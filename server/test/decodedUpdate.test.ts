import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isWellFormed } from '../src/sync/decodedUpdate';

/** Real updates of two clients editing nested maps, texts, an array and an XML fragment, and each one's state. */
function realUpdates(): { updates: Uint8Array[]; bases: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  const a = new Y.Doc();
  a.on('update', (update: Uint8Array) => updates.push(update));
  const nodes = a.getMap<Y.Map<unknown>>('nodes');
  nodes.set('n1', new Y.Map());
  nodes.get('n1')!.set('label', new Y.Text('hola'));
  nodes.get('n1')!.set('x', 10);
  a.getArray('list').push([1, 2, 3]);
  (nodes.get('n1')!.get('label') as Y.Text).insert(2, 'XYZ');
  nodes.delete('n1');
  a.getXmlFragment('xml').insert(0, [new Y.XmlElement('p')]);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  b.on('update', (update: Uint8Array) => updates.push(update));
  b.getArray('list').insert(1, ['q']);
  b.getText('t').insert(0, 'abc');
  b.getText('t').delete(1, 1);
  b.getMap('nodes').set('n2', new Y.Map());
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  const bases = [Y.encodeStateAsUpdate(new Y.Doc()), updates[0]!, updates[3]!, Y.encodeStateAsUpdate(a)];
  updates.push(Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b));
  return { updates, bases };
}

function appliesOnto(base: Uint8Array, update: Uint8Array): boolean {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  try {
    Y.applyUpdate(doc, update);
    return true;
  } catch {
    return false;
  }
}

describe('isWellFormed', () => {
  const { updates, bases } = realUpdates();

  it('passes every real update', () => {
    for (const update of updates) expect(isWellFormed(Y.decodeUpdate(update))).toBe(true);
  });

  it('passes only updates that apply: byte flips of real ones that still decode', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.nat(updates.length - 1),
        fc.nat(bases.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat(255)), {
          minLength: 1,
          maxLength: 3,
        }),
        (u, b, flips) => {
          const update = Uint8Array.from(updates[u]!);
          for (const [at, byte] of flips) update[Math.floor(at * update.length)] = byte;
          let decoded;
          try {
            decoded = Y.decodeUpdate(update);
          } catch {
            return;
          }
          if (!isWellFormed(decoded)) return void refused++;
          expect(appliesOnto(bases[b]!, update)).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
    // The flips did reach updates the check refuses: the property was not met by refusing nothing.
    expect(refused).toBeGreaterThan(0);
  });
});
