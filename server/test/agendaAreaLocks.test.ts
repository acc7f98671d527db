import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  addCause,
  addEffect,
  addLineOfAction,
  commitmentText,
  deleteNode,
  moveNode,
  pinNode,
  setCommentHidden,
  setCommitmentText,
  setObjectiveText,
  setThreadResolved,
  setText,
  TOOLS,
  TREE_ROOT_ID,
  type Tool,
} from '@cocrea/shared';
import { ensureFixedStructure, lockedToolTouched, refusedArea } from '../src/sync/areaLocks';

/**
 * The lock check against the real accessors of `shared/src/doc/`: a server document, and a client whose every
 * edit is captured as the update frame its provider would send.
 */
class Replica {
  readonly server = new Y.Doc();
  readonly client = new Y.Doc();
  private captured: Uint8Array[] = [];

  constructor() {
    ensureFixedStructure(this.server);
    Y.applyUpdate(this.client, Y.encodeStateAsUpdate(this.server));
    this.client.on('update', (update: Uint8Array) => this.captured.push(update));
  }

  /** The updates `edit` produced on the client, in order. */
  edit(edit: (doc: Y.Doc) => void): Uint8Array[] {
    this.captured = [];
    edit(this.client);
    return this.captured;
  }

  /** Which locked tool each update would touch, applying each to the server after its check, as the room does. */
  check(updates: Uint8Array[], locked: readonly Tool[]): (Tool | null)[] {
    return updates.map((update) => {
      const touched = lockedToolTouched(this.server, Y.decodeUpdate(update), new Set(locked));
      Y.applyUpdate(this.server, update);
      return touched;
    });
  }
}

describe('tool locks see which tool an update changes', () => {
  it('every tree edit touches the tree and nothing else', () => {
    const r = new Replica();
    const edits: ((doc: Y.Doc) => void)[] = [
      (doc) => setText(doc, TREE_ROOT_ID, 'Congestión vial en el Valle de Toluca'),
      (doc) => addCause(doc, TREE_ROOT_ID, 'Transporte público insuficiente'),
      (doc) => addEffect(doc, TREE_ROOT_ID, 'Horas perdidas'),
      (doc) => pinNode(doc, TREE_ROOT_ID, { x: 10, y: 20 }),
      (doc) => setObjectiveText(doc, TREE_ROOT_ID, 'Movilidad fluida en el Valle de Toluca'),
    ];
    for (const edit of edits) {
      const updates = r.edit(edit);
      expect(updates.length).toBeGreaterThan(0);
      expect(r.check(updates, ['commitment'])).toEqual(updates.map(() => null));
    }
  });

  it('refuses, when the tree is locked, edits deep inside it: node text, moves, pins and deletions', () => {
    const r = new Replica();
    let a = '';
    let b = '';
    r.check(
      r.edit((doc) => {
        a = addCause(doc, TREE_ROOT_ID, 'Causa A');
        b = addCause(doc, TREE_ROOT_ID, 'Causa B');
      }),
      [],
    );
    const cases: ((doc: Y.Doc) => void)[] = [
      (doc) => setText(doc, a, 'Causa A, reescrita'),
      (doc) => setObjectiveText(doc, a, 'Medio A'),
      (doc) => moveNode(doc, b, a),
      (doc) => pinNode(doc, a, { x: 1, y: 2 }),
      // A map deletion is a delete set alone, with no new struct: the check must read deletions too.
      (doc) => deleteNode(doc, a),
    ];
    for (const edit of cases) {
      const updates = r.edit(edit);
      expect(updates.length).toBeGreaterThan(0);
      for (const touched of r.check(updates, ['tree'])) expect(touched).toBe('tree');
    }
  });

  it('follows a run of typing, each letter building on the one before', () => {
    const r = new Replica();
    const letters = r.edit((doc) => {
      for (const ch of 'movilidad') {
        const text = doc.getText('treeProblemText');
        text.insert(text.length, ch);
      }
    });
    expect(letters).toHaveLength('movilidad'.length);
    expect(r.check(letters, ['tree'])).toEqual(letters.map(() => 'tree'));
  });

  it('every commitment edit touches the commitment and nothing else', () => {
    const r = new Replica();
    const edits: ((doc: Y.Doc) => void)[] = [
      (doc) => setCommitmentText(doc, 'problem', 'Movilidad insegura'),
      (doc) => addLineOfAction(doc, 'Línea 1'),
      (doc) => setCommitmentText(doc, 'longTermObjective', 'Calles seguras'),
    ];
    for (const edit of edits) {
      const updates = r.edit(edit);
      expect(updates.length).toBeGreaterThan(0);
      expect(r.check(updates, ['tree'])).toEqual(updates.map(() => null));
    }
    const more = r.edit((doc) => setCommitmentText(doc, 'problem', 'Movilidad insegura y lenta'));
    expect(r.check(more, ['commitment'])).toEqual(more.map(() => 'commitment'));
  });

  it('never counts the commitment’s fixed structure, which a client creates by merely opening the draft', () => {
    const r = new Replica();
    const fresh = new Y.Doc();
    const updates: Uint8Array[] = [];
    fresh.on('update', (u: Uint8Array) => updates.push(u));
    commitmentText(fresh, 'problem');
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      expect(lockedToolTouched(r.server, Y.decodeUpdate(update), new Set(TOOLS))).toBeNull();
    }
  });

  it('lets through what no tool owns, whatever is locked', () => {
    const r = new Replica();
    const updates = r.edit((doc) => {
      doc.getMap('otra').set('k', 1);
      doc.getText('notas').insert(0, 'hola');
    });
    expect(r.check(updates, [...TOOLS])).toEqual(updates.map(() => null));
  });

  it('counts an update that builds on something the server lacks as touching every locked tool', () => {
    const r = new Replica();
    const first = r.edit((doc) => doc.getMap('otra').set('k', new Y.Text('a')));
    const second = r.edit((doc) => (doc.getMap('otra').get('k') as Y.Text).insert(1, 'b'));
    // The second arrives without the first: where it goes cannot be told.
    const touched = lockedToolTouched(r.server, Y.decodeUpdate(second[0]!), new Set<Tool>(['commitment']));
    expect(touched).toBe('commitment');
    expect(lockedToolTouched(r.server, Y.decodeUpdate(second[0]!), new Set<Tool>())).toBeNull();
    r.check(first, []);
    expect(r.check(second, ['commitment'])).toEqual([null]);
  });

  it('counts an update past a gap in its client’s edits as touching every locked tool', () => {
    const r = new Replica();
    const refused = r.edit((doc) => addCause(doc, TREE_ROOT_ID, 'rechazada'));
    const later = r.edit((doc) => doc.getMap('otra').set('k', 1));
    expect(r.check(refused, ['tree'])[0]).toBe('tree');
    // Pretend the room refused the first: the server never had it, so the second cannot be placed.
    const fresh = new Replica();
    expect(lockedToolTouched(fresh.server, Y.decodeUpdate(later[0]!), new Set<Tool>(['tree']))).toBe('tree');
    expect(lockedToolTouched(fresh.server, Y.decodeUpdate(later[0]!), new Set<Tool>())).toBeNull();
  });

  it('looks at nothing when nothing is locked', () => {
    const r = new Replica();
    const updates = r.edit((doc) => addCause(doc, TREE_ROOT_ID, 'libre'));
    expect(r.check(updates, [])).toEqual([null]);
  });
});

describe('the facilitator’s moderation', () => {
  /** What each update would be refused for, from a participant (`moderates` false), applied after its check. */
  function checkAs(r: Replica, updates: Uint8Array[], moderates: boolean) {
    return updates.map((update) => {
      const refused = refusedArea(r.server, Y.decodeUpdate(update), new Set(), { moderates, author: 'p' });
      if (refused === null) Y.applyUpdate(r.server, update);
      return refused;
    });
  }

  it('lets anyone comment, reply and resolve, and only the facilitator hide, show or unset a hidden mark', () => {
    const r = new Replica();
    let thread = '';
    const comment = r.edit((doc) => {
      thread = addComment(doc, 'campo:problem', { text: 'Uno', authorId: 'p', now: 1 });
    });
    expect(checkAs(r, comment, false)).toEqual([null]);
    expect(
      checkAs(
        r,
        r.edit((doc) => setThreadResolved(doc, thread, true)),
        false,
      ),
    ).toEqual([null]);
    const hide = r.edit((doc) => setCommentHidden(doc, thread, true));
    expect(checkAs(r, hide, false)).toEqual(['moderation']);
    expect(checkAs(r, hide, true)).toEqual([null]);
    // A participant cannot take the facilitator's mark away, by overwriting it or by deleting it.
    const show = r.edit((doc) => setCommentHidden(doc, thread, false));
    expect(checkAs(r, show, false)).toEqual(['moderation']);
    const remove = r.edit((doc) => doc.getMap('commentsHidden').delete(thread));
    expect(refusedArea(r.server, Y.decodeUpdate(remove[0]!), new Set(), { moderates: false, author: 'p' })).toBe(
      'moderation',
    );
  });

  it('still names the locked tool first, for the facilitator’s edits and anyone’s', () => {
    const r = new Replica();
    const updates = r.edit((doc) => addCause(doc, TREE_ROOT_ID, 'cerrada'));
    for (const moderates of [true, false]) {
      const sender = { moderates, author: null };
      expect(refusedArea(r.server, Y.decodeUpdate(updates[0]!), new Set<Tool>(['tree']), sender)).toBe('tree');
    }
  });
});
