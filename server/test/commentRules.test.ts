/**
 * The server's rules for comments (`server/src/sync/commentRules.ts`, through `refusedArea`), against the real
 * accessors of `shared/src/doc/comments.ts`: each edit is captured on a client as the update its provider would send,
 * checked against the server's document, and applied there only if accepted, as the room does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  COMMENT_ROOTS,
  addCause,
  readComments,
  addComment,
  replyToThread,
  setCommentHidden,
  setThreadResolved,
  TREE_ROOT_ID,
} from '@cocrea/shared';
import { refusedArea, type Sender } from '../src/sync/areaLocks';

const ANA: Sender = { moderates: false, author: 'ana' };
const BETO: Sender = { moderates: false, author: 'beto' };
const FACILITATOR: Sender = { moderates: true, author: 'fer' };

/**
 * A server document. Each edit is made on a fresh copy of it (as a client that moved to a new client id after a
 * refusal, as Cocrea's does), checked, then applied to the server if accepted.
 */
class Mesa {
  readonly server = new Y.Doc();

  /** What the server refuses `edit` for when `sender` sends it; the server takes it when nothing. */
  send(sender: Sender, edit: (doc: Y.Doc) => void): (string | null)[] {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server));
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array) => updates.push(update);
    doc.on('update', capture);
    edit(doc);
    doc.off('update', capture);
    return updates.map((update) => {
      const refused = refusedArea(this.server, Y.decodeUpdate(update), new Set(), sender);
      if (refused === null) Y.applyUpdate(this.server, update);
      return refused;
    });
  }
}

const problem = 'campo:problem';
const comment = (text: string, authorId: string | null) => ({ text, authorId, now: 1 });

describe('a comment', () => {
  it('names its sender as its author, or nobody from a socket with no seat', () => {
    const mesa = new Mesa();
    expect(mesa.send(ANA, (doc) => addComment(doc, problem, comment('Mío', 'ana')))).toEqual([null]);
    expect(mesa.send(ANA, (doc) => addComment(doc, problem, comment('A nombre de Beto', 'beto')))).toEqual([
      'comments',
    ]);
    expect(mesa.send(ANA, (doc) => addComment(doc, problem, comment('Sin nombre', null)))).toEqual(['comments']);
    const nobody = { moderates: false, author: null };
    expect(mesa.send(nobody, (doc) => addComment(doc, problem, comment('De un script', null)))).toEqual([null]);
    expect(mesa.send(nobody, (doc) => addComment(doc, problem, comment('Suplanta', 'ana')))).toEqual(['comments']);
  });

  it('is answered and resolved by anyone, again and again', () => {
    const mesa = new Mesa();
    let thread = '';
    mesa.send(ANA, (doc) => void (thread = addComment(doc, problem, comment('Pregunta', 'ana'))));
    expect(mesa.send(BETO, (doc) => replyToThread(doc, thread, comment('Respuesta', 'beto')))).toEqual([null]);
    expect(mesa.send(BETO, (doc) => setThreadResolved(doc, thread, true))).toEqual([null]);
    expect(mesa.send(ANA, (doc) => setThreadResolved(doc, thread, false))).toEqual([null]);
    expect(mesa.send(BETO, (doc) => setThreadResolved(doc, thread, true))).toEqual([null]);
  });

  it('is never rewritten, reattributed or deleted, by anyone, the facilitator included', () => {
    const mesa = new Mesa();
    let thread = '';
    mesa.send(ANA, (doc) => void (thread = addComment(doc, problem, comment('Lo que dije', 'ana'))));
    const map = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(COMMENT_ROOTS.comments).get(thread)!;
    for (const sender of [ANA, BETO, FACILITATOR]) {
      expect(mesa.send(sender, (d) => map(d).set('text', 'Lo que no dije'))).toEqual(['comments']);
      expect(mesa.send(sender, (d) => map(d).set('authorId', sender.author))).toEqual(['comments']);
      expect(mesa.send(sender, (d) => map(d).set('target', 'nodo:root'))).toEqual(['comments']);
      expect(mesa.send(sender, (d) => map(d).delete('text'))).toEqual(['comments']);
      expect(mesa.send(sender, (d) => d.getMap(COMMENT_ROOTS.comments).delete(thread))).toEqual(['comments']);
      // Replacing the whole comment under its id deletes the one there.
      expect(
        mesa.send(sender, (d) => addComment(d, problem, { ...comment('Otro', sender.author), id: thread })),
      ).toEqual(['comments']);
      expect(mesa.send(sender, (d) => map(d).set('extra', new Y.Text('anidado')))).toEqual(['comments']);
    }
    expect(map(mesa.server).toJSON()).toMatchObject({ text: 'Lo que dije', authorId: 'ana', target: problem });
  });

  it('is hidden by the facilitator, whose own comments follow the same rules', () => {
    const mesa = new Mesa();
    let thread = '';
    mesa.send(ANA, (doc) => void (thread = addComment(doc, problem, comment('Fuera de lugar', 'ana'))));
    expect(mesa.send(FACILITATOR, (doc) => setCommentHidden(doc, thread, true))).toEqual([null]);
    expect(mesa.send(FACILITATOR, (doc) => addComment(doc, problem, comment('De la facilitación', 'fer')))).toEqual([
      null,
    ]);
    expect(mesa.send(FACILITATOR, (doc) => addComment(doc, problem, comment('Como Ana', 'ana')))).toEqual(['comments']);
  });

  it('leaves every other area alone, and several comments in one update are each checked', () => {
    const mesa = new Mesa();
    expect(mesa.send(ANA, (doc) => addCause(doc, TREE_ROOT_ID, 'Causa'))).toEqual([null]);
    expect(
      mesa.send(ANA, (doc) =>
        doc.transact(() => {
          addComment(doc, problem, comment('Uno', 'ana'));
          addComment(doc, problem, comment('Dos', 'ana'));
        }),
      ),
    ).toEqual([null]);
    expect(
      mesa.send(ANA, (doc) =>
        doc.transact(() => {
          addComment(doc, problem, comment('Tres', 'ana'));
          addComment(doc, problem, comment('Cuatro', 'beto'));
        }),
      ),
    ).toEqual(['comments']);
  });
});

type Op =
  | { type: 'add' | 'reply' | 'resolve'; who: number; pick: number }
  | { type: 'deliver'; who: number }
  | { type: 'sync'; who: number };

describe('the comment rules, fuzzed', () => {
  it('never refuse what the accessors write, whatever the interleaving of people working on stale copies', () => {
    const people: Sender[] = [ANA, BETO, FACILITATOR];
    const op = fc.oneof(
      fc.record({
        type: fc.constantFrom('add', 'reply', 'resolve'),
        who: fc.nat({ max: 2 }),
        pick: fc.nat({ max: 100 }),
      }),
      fc.record({ type: fc.constant('deliver'), who: fc.nat({ max: 2 }) }),
      fc.record({ type: fc.constant('sync'), who: fc.nat({ max: 2 }) }),
    ) as fc.Arbitrary<Op>;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const server = new Y.Doc();
        const clients = people.map((_, i) => {
          const doc = new Y.Doc();
          doc.clientID = i + 1;
          const outbox: Uint8Array[] = [];
          doc.on('update', (update: Uint8Array, origin: unknown) => origin !== server && outbox.push(update));
          return { doc, outbox };
        });
        const threads = (doc: Y.Doc) => [...readComments(doc).values()].flat();
        const deliver = (who: number) => {
          const update = clients[who]!.outbox.shift();
          if (update === undefined) return;
          expect(refusedArea(server, Y.decodeUpdate(update), new Set(), people[who]!)).toBeNull();
          Y.applyUpdate(server, update);
        };
        for (const step of ops) {
          const client = clients[step.who]!;
          const author = people[step.who]!.author;
          if (step.type === 'deliver') deliver(step.who);
          else if (step.type === 'sync') Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(server), server);
          else if (step.type === 'add') addComment(client.doc, problem, comment(`Comentario ${step.pick}`, author));
          else {
            const known = threads(client.doc);
            const thread = known[step.pick % Math.max(known.length, 1)];
            if (thread === undefined) continue;
            if (step.type === 'reply') replyToThread(client.doc, thread.id, comment('Respuesta', author));
            else setThreadResolved(client.doc, thread.id, !thread.resolved);
          }
        }
        // Everything left is delivered: the server ends with every comment and reply anyone wrote.
        for (const [who, client] of clients.entries()) while (client.outbox.length > 0) deliver(who);
        const ids = (doc: Y.Doc) => threads(doc).flatMap((thread) => [thread.id, ...thread.replies.map((r) => r.id)]);
        const onServer = new Set(ids(server));
        for (const client of clients) for (const id of ids(client.doc)) expect(onServer.has(id)).toBe(true);
      }),
    );
  });
});
