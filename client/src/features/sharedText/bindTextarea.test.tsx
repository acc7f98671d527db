import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localOrigin } from '@cocrea/shared';
import { bindTextarea } from './bindTextarea';

const unbinds: (() => void)[] = [];

afterEach(() => {
  for (const unbind of unbinds.splice(0)) unbind();
  document.body.innerHTML = '';
});

/** A textarea in the page, bound to the Y.Text `t` of a fresh document of client `clientId`. */
function boundField(clientId: number, initial = ''): { field: HTMLTextAreaElement; doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const text = doc.getText('t');
  if (initial) text.insert(0, initial);
  const field = document.createElement('textarea');
  document.body.append(field);
  unbinds.push(bindTextarea(field, text));
  return { field, doc, text };
}

/** Types as a browser does: the field's value changes, then an input event fires. */
function type(field: HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

describe('bindTextarea', () => {
  it('shows the text on binding', () => {
    const { field } = boundField(1, 'Problema');
    expect(field.value).toBe('Problema');
  });

  it('writes what is typed as the changed span only, with the local origin', () => {
    const { field, doc, text } = boundField(1, 'Baja participación');
    const origins: unknown[] = [];
    const deltas: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    text.observe((event) => deltas.push(event.delta));
    type(field, 'Baja participación ciudadana');
    expect(text.toString()).toBe('Baja participación ciudadana');
    expect(origins).toEqual([localOrigin]);
    expect(deltas).toEqual([[{ retain: 18 }, { insert: ' ciudadana' }]]);
  });

  it('rewrites the field on a remote change and keeps the caret beside the same letters', () => {
    const { field, text } = boundField(1, 'rutas y horarios');
    field.focus();
    // The caret after "rutas".
    field.setSelectionRange(5, 5);
    // Someone else inserts before it and deletes after it.
    Y.applyUpdate(
      text.doc!,
      remoteEdit(text, (remote) => {
        remote.insert(0, 'Las ');
        remote.delete(remote.length - 3, 3);
      }),
    );
    expect(field.value).toBe('Las rutas y horar');
    expect([field.selectionStart, field.selectionEnd]).toEqual([9, 9]);
  });

  it('leaves the caret alone in a field without focus', () => {
    const { field, text } = boundField(1, 'abc');
    Y.applyUpdate(
      text.doc!,
      remoteEdit(text, (remote) => remote.insert(0, 'x')),
    );
    expect(field.value).toBe('xabc');
  });

  it('keeps the letters of two people typing in the same field at once', () => {
    const ana = boundField(1, '');
    const luis = boundField(2, '');
    exchange(ana.doc, luis.doc);
    type(ana.field, 'Movilidad');
    exchange(ana.doc, luis.doc);
    expect(luis.field.value).toBe('Movilidad');
    type(ana.field, 'Movilidad segura');
    type(luis.field, 'Más Movilidad');
    exchange(ana.doc, luis.doc);
    expect(ana.field.value).toBe('Más Movilidad segura');
    expect(luis.field.value).toBe('Más Movilidad segura');
  });

  it('stops both ways once unbound', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const field = document.createElement('textarea');
    const unbind = bindTextarea(field, text);
    unbind();
    type(field, 'nada');
    expect(text.toString()).toBe('');
    text.insert(0, 'algo');
    expect(field.value).toBe('nada');
  });
});

describe('bindTextarea while a composition is under way (dead keys, IME)', () => {
  /** A Spanish dead key: ´ then e makes é; the browser shows the accent first, then the letter replaces it. */
  function composeAcute(field: HTMLTextAreaElement, during?: () => void): void {
    const at = field.selectionStart;
    field.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    const before = field.value.slice(0, at);
    const after = field.value.slice(at);
    type(field, `${before}´${after}`);
    during?.();
    type(field, `${before}é${after}`);
    field.setSelectionRange(at + 1, at + 1);
    field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'é' }));
    type(field, field.value);
  }

  it('stores the composed letter once, never the half-composed accent', () => {
    const { field, text } = boundField(1, 'caf');
    field.focus();
    field.setSelectionRange(3, 3);
    const seen: string[] = [];
    text.observe(() => seen.push(text.toString()));
    composeAcute(field);
    expect(text.toString()).toBe('café');
    expect(field.value).toBe('café');
    expect(seen).toEqual(['café']);
  });

  it('keeps a remote change made meanwhile before the caret, and the caret after the composed letter', () => {
    const { field, doc, text } = boundField(1, 'caf');
    field.focus();
    field.setSelectionRange(3, 3);
    composeAcute(field, () =>
      Y.applyUpdate(
        doc,
        remoteEdit(text, (remote) => remote.insert(0, 'Un ')),
        'remote',
      ),
    );
    expect(text.toString()).toBe('Un café');
    expect(field.value).toBe('Un café');
    expect([field.selectionStart, field.selectionEnd]).toEqual([7, 7]);
  });
});

/** An update made by another replica of `text`'s document: a copy of it, edited by `edit`. */
function remoteEdit(text: Y.Text, edit: (remote: Y.Text) => void): Uint8Array {
  const remote = new Y.Doc();
  remote.clientID = 999;
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(text.doc!));
  const before = Y.encodeStateVector(remote);
  edit(remote.getText('t'));
  return Y.encodeStateAsUpdate(remote, before);
}
