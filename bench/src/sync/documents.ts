import * as Y from 'yjs';
import { TREE_ROOT_ID, addCause, addEffect, commitmentText, pinNode, setCommitmentText, setText } from '@cocrea/shared';

/**
 * Realistic update streams for the storage measurements, written through the document's own accessors
 * (`shared/src/doc/`), so they follow the mesa's schema as it evolves. Each accessor call is one transaction, so
 * one update, as a client sends them.
 */

const COMMITMENT =
  'Mejorar la movilidad del municipio con transporte público seguro y rutas acordadas con los vecinos. ';
const WORDS = COMMITMENT.trim().split(' ');
/** Cards on the board that the editing session drags around. */
const CARDS = 20;

/** Collects the updates `write` makes on a fresh document. */
function recordUpdates(write: (doc: Y.Doc, updates: readonly Uint8Array[]) => void): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  write(doc, updates);
  doc.destroy();
  return updates;
}

/**
 * `count` updates of a session at the board: a few causes added, then mostly keystrokes in the commitment (one
 * insert per key, as an editor bound to the Y.Text sends them), a typo fixed now and then, and every tenth update
 * a card of the tree pinned somewhere else.
 */
export function editingSession(count: number): Uint8Array[] {
  return recordUpdates((doc, updates) => {
    const cards = Array.from({ length: CARDS }, (_, i) => addCause(doc, TREE_ROOT_ID, `Causa ${i + 1}`));
    const text = commitmentText(doc, 'commitment');
    let typed = 0;
    for (let i = 0; updates.length < count; i++) {
      if (i % 10 === 0) {
        pinNode(doc, cards[i % CARDS]!, { x: (i * 37) % 1200, y: (i * 53) % 800 });
      } else if (i % 29 === 0 && text.length > 0) {
        text.delete(text.length - 1, 1);
      } else {
        text.insert(text.length, COMMITMENT[typed++ % COMMITMENT.length]!);
      }
    }
  }).slice(0, count);
}

/**
 * A finished problem tree of `nodes` causes and effects, each added with its text and then pinned once, under a
 * problem statement and a commitment typed a word at a time.
 */
export function problemTree(nodes: number): Uint8Array[] {
  return recordUpdates((doc) => {
    let problem = '';
    for (const word of WORDS) setText(doc, TREE_ROOT_ID, (problem += `${word} `));
    // Three children per node, causes on one side of the problem and effects on the other.
    const causes = [TREE_ROOT_ID];
    const effects = [TREE_ROOT_ID];
    const ids: string[] = [];
    for (let i = 0; i < nodes; i++) {
      const text = `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]} ${i + 1}`;
      const side = i % 2 === 0 ? causes : effects;
      const parent = side[Math.floor((side.length - 1) / 3)]!;
      const id = i % 2 === 0 ? addCause(doc, parent, text) : addEffect(doc, parent, text);
      side.push(id);
      ids.push(id);
    }
    ids.forEach((id, i) => pinNode(doc, id, { x: (i * 41) % 1200, y: (i * 59) % 800 }));
    let commitment = '';
    for (const word of WORDS) setCommitmentText(doc, 'commitment', (commitment += `${word} `));
  });
}
