/**
 * Deliberation on a field of the draft, between two browsers whose documents are wired together: the count beside
 * the field, threads, replies, "resuelto", the facilitator hiding a comment, and names shown only from presence.
 */
import { act, cleanup, fireEvent, render, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SharedTextField } from '../commitment/SharedTextField';
import { CommentsContext, type CommentsModel } from './CommentsContext';
import { useComments } from './useComments';

afterEach(cleanup);

/** Two documents that pass every update to each other at once, as two browsers on one server do. */
function wiredDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
  return [a, b];
}

const NAMES = new Map([
  ['ana', 'Ana López'],
  ['beto', 'Beto Ruiz'],
]);

function Browser({ doc, self, ...rest }: { doc: Y.Doc; self: string | null; canWrite: boolean; moderates: boolean }) {
  const byTarget = useComments(doc);
  const model: CommentsModel = { doc, byTarget, names: NAMES, selfId: self, ...rest };
  return (
    <CommentsContext value={model}>
      <SharedTextField doc={doc} path="problem" label="Problema público" readOnly={!rest.canWrite} />
    </CommentsContext>
  );
}

/** One browser's own page: each render has its own container in the shared body. */
function show(element: ReactElement) {
  return within(render(element).container);
}
type View = ReturnType<typeof show>;

function open(view: View, name: RegExp) {
  fireEvent.click(view.getByRole('button', { name }));
  return view.getByRole('region', { name: 'Comentarios' });
}

function write(panel: HTMLElement, label: string, text: string) {
  const box = within(panel).getAllByLabelText(label).at(-1)!;
  fireEvent.change(box, { target: { value: text } });
  act(() => void fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true }));
}

describe('comments on a field', () => {
  it('go live between two people: count, thread, reply, resuelto, and names only from presence', async () => {
    const [anaDoc, betoDoc] = wiredDocs();
    const ana = show(<Browser doc={anaDoc} self="ana" canWrite moderates={false} />);
    const beto = show(<Browser doc={betoDoc} self="beto" canWrite moderates={false} />);

    const anaPanel = open(ana, /^Comentar «Problema público»$/);
    expect(within(anaPanel).getByText('Todavía no hay comentarios.')).toBeTruthy();
    write(anaPanel, 'Nuevo comentario', '¿Quién mide el tiempo de traslado?');
    expect(within(anaPanel).getByText('Usted')).toBeTruthy();

    const betoPanel = open(beto, /^1 comentario sobre «Problema público»$/);
    expect(within(betoPanel).getByText('Ana López')).toBeTruthy();
    fireEvent.click(within(betoPanel).getByRole('button', { name: 'Responder' }));
    write(betoPanel, 'Su respuesta', 'La Secretaría de Movilidad.');
    // The reply box closes and the keyboard is back on "Responder".
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(within(betoPanel).getByRole('button', { name: 'Responder' })),
    );
    fireEvent.click(within(betoPanel).getByRole('button', { name: 'Marcar como resuelto' }));

    expect(ana.getByRole('button', { name: '2 comentarios sobre «Problema público»' })).toBeTruthy();
    const replies = within(anaPanel).getByRole('list', { name: '1 respuesta' });
    expect(within(replies).getByText('Beto Ruiz')).toBeTruthy();
    expect(within(replies).getByText('La Secretaría de Movilidad.')).toBeTruthy();
    expect(within(anaPanel).getByText('Resuelto')).toBeTruthy();
    fireEvent.click(within(anaPanel).getByRole('button', { name: 'Reabrir' }));
    expect(within(betoPanel).queryByText('Resuelto')).toBeNull();
  });

  it('hidden by the facilitator: the others see that it was hidden, out of the count; the facilitator can show it', () => {
    const [facilitatorDoc, anaDoc] = wiredDocs();
    const facilitator = show(<Browser doc={facilitatorDoc} self="f" canWrite moderates />);
    const ana = show(<Browser doc={anaDoc} self="ana" canWrite moderates={false} />);
    const anaPanel = open(ana, /^Comentar/);
    write(anaPanel, 'Nuevo comentario', 'Un comentario fuera de lugar');
    expect(within(anaPanel).queryByRole('button', { name: 'Ocultar' })).toBeNull();

    const panel = open(facilitator, /^1 comentario/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Ocultar' }));
    expect(within(anaPanel).getByText('Comentario oculto por la facilitación.')).toBeTruthy();
    expect(within(anaPanel).queryByText('Un comentario fuera de lugar')).toBeNull();
    expect(ana.getByRole('button', { name: 'Comentar «Problema público»' })).toBeTruthy();
    // A field's label finds the field alone, never its comment button.
    expect(ana.getAllByLabelText(/Problema público/)).toHaveLength(1);
    expect(within(panel).getByText('Un comentario fuera de lugar')).toBeTruthy();
    expect(within(panel).getByText(/oculto para las demás personas/)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Mostrar' }));
    expect(within(anaPanel).getByText('Un comentario fuera de lugar')).toBeTruthy();
  });

  it('says in Spanish why an empty comment is not sent, and offers nothing to write to an observer', () => {
    const [doc, observerDoc] = wiredDocs();
    const view = show(<Browser doc={doc} self="ana" canWrite moderates={false} />);
    const panel = open(view, /^Comentar/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Comentar' }));
    expect(within(panel).getByRole('alert').textContent).toBe('Escriba el comentario.');

    const observer = show(<Browser doc={observerDoc} self={null} canWrite={false} moderates={false} />);
    expect(observer.queryByRole('button', { name: /Comentar/ })).toBeNull();
    write(panel, 'Nuevo comentario', 'Ahora sí');
    const observed = open(observer, /^1 comentario/);
    expect(within(observed).queryByLabelText('Nuevo comentario')).toBeNull();
    expect(within(observed).queryByRole('button', { name: 'Responder' })).toBeNull();
    expect(within(observed).getByText('Ana López')).toBeTruthy();
  });
});
