import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fieldTarget, nodeTarget } from '../schema/comment';
import {
  COMMENT_ROOTS,
  CommentError,
  addComment,
  observeComments,
  readComments,
  replyToThread,
  setCommentHidden,
  setThreadResolved,
  visibleCommentCount,
} from './comments';
import { TestConnector } from './testConnector';

const problem = fieldTarget('problem');

describe('comments', () => {
  it('open threads on a field or a node, with replies in order, and count per target', () => {
    const doc = new Y.Doc();
    const thread = addComment(doc, problem, { text: '  ¿Quién mide el tiempo de traslado? ', authorId: 'p1', now: 10 });
    replyToThread(doc, thread, { text: 'La Secretaría de Movilidad.', authorId: 'p2', now: 30 });
    replyToThread(doc, thread, { text: 'Y el INEGI.', authorId: 'p3', now: 20 });
    addComment(doc, nodeTarget('n1'), { text: 'Esta causa se repite.', authorId: null, now: 5 });

    const byTarget = readComments(doc);
    const [first] = byTarget.get(problem)!;
    expect(first!.root).toMatchObject({ text: '¿Quién mide el tiempo de traslado?', authorId: 'p1', hidden: false });
    expect(first!.replies.map((r) => r.text)).toEqual(['Y el INEGI.', 'La Secretaría de Movilidad.']);
    expect(first!.resolved).toBe(false);
    expect(visibleCommentCount(byTarget.get(problem))).toBe(3);
    expect(visibleCommentCount(byTarget.get(nodeTarget('n1')))).toBe(1);
    expect(visibleCommentCount(byTarget.get(fieldTarget('title')))).toBe(0);
  });

  it('store who wrote by participant id only, never a name', () => {
    const doc = new Y.Doc();
    addComment(doc, problem, { text: 'Falta un indicador.', authorId: 'participante-7', now: 1 });
    const stored = JSON.stringify(doc.getMap(COMMENT_ROOTS.comments).toJSON());
    expect(stored).toContain('participante-7');
    expect(Object.keys(Object.values(doc.getMap(COMMENT_ROOTS.comments).toJSON())[0] as object).sort()).toEqual([
      'authorId',
      'createdAt',
      'target',
      'text',
      'threadId',
    ]);
  });

  it('mark a thread resolved and open again, and hide a comment out of the count', () => {
    const doc = new Y.Doc();
    const thread = addComment(doc, problem, { text: 'Uno', authorId: 'p1', now: 1 });
    const reply = replyToThread(doc, thread, { text: 'Dos', authorId: 'p2', now: 2 });
    setThreadResolved(doc, thread, true);
    expect(readComments(doc).get(problem)![0]!.resolved).toBe(true);
    setThreadResolved(doc, thread, false);
    expect(readComments(doc).get(problem)![0]!.resolved).toBe(false);

    setCommentHidden(doc, reply, true);
    const [read] = readComments(doc).get(problem)!;
    expect(read!.replies[0]!.hidden).toBe(true);
    expect(visibleCommentCount([read!])).toBe(1);
    setCommentHidden(doc, reply, false);
    expect(visibleCommentCount(readComments(doc).get(problem))).toBe(2);
  });

  it('refuse an empty, overlong or disguised text, and a reply to a thread that is not there', () => {
    const doc = new Y.Doc();
    expect(() => addComment(doc, problem, { text: '   ', authorId: null, now: 1 })).toThrow('Escriba el comentario.');
    expect(() => addComment(doc, problem, { text: 'x'.repeat(1001), authorId: null, now: 1 })).toThrow(/1000/);
    expect(() => addComment(doc, problem, { text: 'a\u202Eb', authorId: null, now: 1 })).toThrow(CommentError);
    expect(() => replyToThread(doc, 'nada', { text: 'Hola', authorId: null, now: 1 })).toThrow(
      'Esa conversación ya no existe.',
    );
    const thread = addComment(doc, problem, { text: 'Dos\nrenglones', authorId: null, now: 1 });
    const reply = replyToThread(doc, thread, { text: 'Respuesta', authorId: null, now: 2 });
    expect(() => replyToThread(doc, reply, { text: 'A una respuesta', authorId: null, now: 3 })).toThrow(CommentError);
    expect(readComments(doc).get(problem)![0]!.root.text).toBe('Dos\nrenglones');
  });

  it('leave out what does not validate and replies whose thread is gone', () => {
    const doc = new Y.Doc();
    const comments = doc.getMap<unknown>(COMMENT_ROOTS.comments);
    comments.set('plain', { target: 'campo:problem', threadId: null, text: 'no es un Y.Map' });
    const bad = new Y.Map<unknown>();
    comments.set('bad', bad);
    bad.set('target', 'otra-cosa:x');
    const thread = addComment(doc, problem, { text: 'Raíz', authorId: null, now: 1 });
    replyToThread(doc, thread, { text: 'Huérfana', authorId: null, now: 2 });
    comments.delete(thread);
    expect(readComments(doc).size).toBe(0);
  });

  it('tell an observer of every change, hidden marks included', () => {
    const doc = new Y.Doc();
    let changes = 0;
    const stop = observeComments(doc, () => changes++);
    const thread = addComment(doc, problem, { text: 'Uno', authorId: null, now: 1 });
    setThreadResolved(doc, thread, true);
    setCommentHidden(doc, thread, true);
    stop();
    setCommentHidden(doc, thread, false);
    expect(changes).toBe(3);
  });

  it('converge when people reply, resolve and hide at once, in any delivery order', () => {
    const seed = Date.now() % 100_000;
    let state = seed;
    const pick = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
    console.log(`comments convergence seed ${seed}`);
    const mesh = new TestConnector(3);
    const [a, b, c] = mesh.replicas;
    const thread = addComment(a!.doc, problem, { text: 'Raíz', authorId: 'a', now: 1, id: 't' });
    mesh.flushAll(pick);
    mesh.disconnect(b!);
    replyToThread(a!.doc, thread, { text: 'Respuesta de A', authorId: 'a', now: 2, id: 'ra' });
    replyToThread(b!.doc, thread, { text: 'Respuesta de B', authorId: 'b', now: 2, id: 'rb' });
    setThreadResolved(b!.doc, thread, true);
    setCommentHidden(c!.doc, 'ra', true);
    mesh.flushAll(pick);
    const expected = readComments(a!.doc);
    for (const replica of mesh.replicas) expect(readComments(replica.doc)).toEqual(expected);
    const [read] = expected.get(problem)!;
    expect(read!.replies.map((r) => [r.id, r.hidden])).toEqual([
      ['ra', true],
      ['rb', false],
    ]);
    expect(read!.resolved).toBe(true);
  });
});
