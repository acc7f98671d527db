/**
 * A room checks each update against its document with the stored updates it has not applied yet placed beside it
 * (`server/src/sync/UnappliedStructs.ts`), and decides against the applied document only what that check does not
 * accept (`Room.check`). Here, people edit the tree, the commitment and the comments through the real accessors of
 * `shared/src/doc/`, often on stale copies, with tools locked and unlocked at random; every update is decided both ways,
 * and the room's way must always agree with a check against a document that has every update applied.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  TREE_ROOT_ID,
  addCause,
  addComment,
  commitmentText,
  deleteNode,
  nodeText,
  pinNode,
  readComments,
  readTree,
  setCommentHidden,
  type Tool,
} from '@cocrea/shared';
import { seededRandom } from '@cocrea/shared/testing/seededRandom';
import {
  checkAgainst,
  ensureFixedStructure,
  placeUpdate,
  refusedByRoots,
  touchesComments,
  type RefusedArea,
  type Sender,
} from '../src/sync/areaLocks';
import { UnappliedStructs } from '../src/sync/UnappliedStructs';

const PEOPLE: Sender[] = [
  { moderates: false, author: 'ana' },
  { moderates: false, author: 'beto' },
  { moderates: true, author: 'fer' },
];
const LOCKS: ReadonlySet<Tool>[] = [new Set(), new Set(), new Set(['tree']), new Set(['commitment'])];

/** The room as `Room.ts` keeps it: a document that lags, and the structs of what it has not applied. */
class LaggingRoom {
  readonly doc = new Y.Doc();
  private readonly unapplied = new UnappliedStructs(this.doc);
  private waiting: Uint8Array[] = [];
  quick = 0;

  constructor(start: Uint8Array) {
    Y.applyUpdate(this.doc, start);
  }

  check(update: Uint8Array, locked: ReadonlySet<Tool>, sender: Sender): RefusedArea | null {
    const decoded = Y.decodeUpdate(update);
    if (this.unapplied.usable) {
      const placement = placeUpdate(this.unapplied, decoded);
      if (!touchesComments(placement.roots) && refusedByRoots(placement.roots, locked, sender) === null) {
        this.quick++;
        this.take(update, placement);
        return null;
      }
    }
    this.apply();
    const { refused, placement } = checkAgainst(this.doc, decoded, locked, sender);
    if (refused === null) this.take(update, placement);
    return refused;
  }

  private take(update: Uint8Array, placement: Parameters<UnappliedStructs['add']>[0]): void {
    this.waiting.push(update);
    this.unapplied.add(placement);
  }

  apply(): void {
    Y.transact(this.doc, () => {
      for (const update of this.waiting) Y.applyUpdate(this.doc, update);
    });
    this.waiting = [];
    this.unapplied.clear();
  }
}

interface Person {
  doc: Y.Doc;
  outbox: Uint8Array[];
  /** The node the person is writing in, mostly: their next letter, or backspace, builds on their last ones. */
  focus?: string;
}

/** A person's copy of `server`: a fresh client id, as Cocrea's client takes after a refusal. */
function copyOf(server: Y.Doc): Person {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), 'server');
  const person: Person = { doc, outbox: [] };
  doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'server' && person.outbox.push(update));
  return person;
}

function pick<T>(next: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(next() * items.length)];
}

/** One random edit through the accessors, on a person's own (possibly stale) copy. */
function edit(next: () => number, person: Person, author: string | null): void {
  const { doc } = person;
  const nodes = [...readTree(doc).nodes.keys()].filter((id) => id !== TREE_ROOT_ID);
  const node =
    person.focus !== undefined && nodes.includes(person.focus) && next() < 0.8 ? person.focus : pick(next, nodes);
  person.focus = node;
  const roll = next();
  if (roll < 0.15 || node === undefined) addCause(doc, pick(next, [TREE_ROOT_ID, ...nodes]) ?? TREE_ROOT_ID, 'Causa');
  else if (roll < 0.5) {
    const text = nodeText(doc, node);
    text.insert(Math.floor(next() * (text.length + 1)), 'a');
  } else if (roll < 0.62) {
    const text = nodeText(doc, node);
    if (text.length > 0) text.delete(Math.floor(next() * text.length), 1);
  } else if (roll < 0.68) deleteNode(doc, node);
  else if (roll < 0.72) pinNode(doc, node, { x: Math.round(next() * 500), y: 0 });
  else if (roll < 0.86) {
    const text = commitmentText(doc, 'problem');
    text.insert(Math.floor(next() * (text.length + 1)), 'b');
  } else if (roll < 0.94) addComment(doc, `nodo:${node}`, { text: 'Comentario', authorId: author, now: 1 });
  else {
    const comment = pick(next, [...readComments(doc).values()].flat());
    if (comment !== undefined) setCommentHidden(doc, comment.id, true);
  }
}

describe('checking against the unapplied structs', () => {
  it('decides every update as a check against the applied document would, and most without applying', () => {
    const seed = Number(process.env.TEST_SEED ?? Date.now() % 2 ** 31);
    console.log(`unappliedStructs.test: seed ${seed} (TEST_SEED=${seed} replays it)`);
    // Several short meetings rather than one long one: a mistake shows where a letter is deleted soon after it was
    // typed, while it waits to be applied, which a growing tree makes rarer.
    for (let meeting = 0; meeting < 8; meeting++) meet(seed + meeting);
  });
});

/** One meeting of three people, 1 500 steps, from `seed`; throws at the first decision that differs. */
function meet(seed: number): void {
  const next = seededRandom(seed);
  const applied = new Y.Doc();
  ensureFixedStructure(applied);
  const room = new LaggingRoom(Y.encodeStateAsUpdate(applied));
  const people = PEOPLE.map(() => copyOf(applied));
  let accepted = 0;
  let refusals = 0;

  for (let step = 0; step < 1500; step++) {
    const who = Math.floor(next() * people.length);
    const person = people[who]!;
    const roll = next();
    if (roll < 0.1) people[who] = copyOf(applied);
    else if (roll < 0.15) room.apply();
    else if (roll < 0.6) edit(next, person, PEOPLE[who]!.author);
    else {
      const update = person.outbox.shift();
      if (update === undefined) continue;
      const locked = pick(next, LOCKS)!;
      const sender = PEOPLE[who]!;
      const expected = checkAgainst(applied, Y.decodeUpdate(update), locked, sender).refused;
      expect(room.check(update, locked, sender), `step ${step}, seed ${seed}`).toBe(expected);
      if (expected === null) {
        Y.applyUpdate(applied, update);
        accepted++;
      } else {
        // The person's later updates build on the refused one: they start again from the room's document.
        refusals++;
        people[who] = copyOf(applied);
      }
    }
  }
  room.apply();
  expect(Y.encodeStateVector(room.doc)).toEqual(Y.encodeStateVector(applied));
  const shown = (doc: Y.Doc) => ({
    tree: [...readTree(doc).nodes.values()].map(({ id, text, pin }) => ({ id, text, pin })),
    problem: commitmentText(doc, 'problem').toString(),
    comments: readComments(doc),
  });
  expect(shown(room.doc)).toEqual(shown(applied));
  // The run exercised both outcomes, and the quick check took most of what was accepted.
  expect(refusals).toBeGreaterThan(0);
  expect(room.quick).toBeGreaterThan(accepted / 2);
}
