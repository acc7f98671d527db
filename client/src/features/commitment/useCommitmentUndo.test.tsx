/**
 * Undo in the commitment draft, from the keyboard, with another person typing in the same field: the outside
 * scenario of issue 22 (Ana "ANA1 ", Beto "BETO1 ", Ana "ANA2 "), on the real field binding, in happy-dom.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitmentText, replaceChangedSpan } from '@cocrea/shared';
import { SharedTextField } from './SharedTextField';
import { useCommitmentUndo } from './useCommitmentUndo';

afterEach(cleanup);

function Draft({ doc }: { doc: Y.Doc }) {
  const undo = useCommitmentUndo(doc, false);
  return (
    <div onKeyDown={undo.onKeyDown} onFocus={undo.onFocus}>
      <SharedTextField doc={doc} path="problem" label="Problema público" readOnly={false} />
    </div>
  );
}

/** Two replicas joined directly, each applying the other's updates as a provider does (a remote origin). */
function connect(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
}

describe('undo in the commitment draft', () => {
  it('takes back one’s own typing, step by step, never another person’s, and redoes it', () => {
    const ana = new Y.Doc();
    const beto = new Y.Doc();
    connect(ana, beto);
    render(<Draft doc={ana} />);
    const field = screen.getByLabelText('Problema público') as HTMLTextAreaElement;
    field.focus();
    const anaTypes = (added: string) => {
      field.value += added;
      fireEvent.input(field);
    };
    const betoText = commitmentText(beto, 'problem');
    anaTypes('ANA1 ');
    replaceChangedSpan(betoText, `${betoText.toString()}BETO1 `);
    anaTypes('ANA2 ');
    expect(field.value).toBe('ANA1 BETO1 ANA2 ');

    const undo = () => fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(undo()).toBe(false); // the browser's own undo is prevented
    expect(field.value).toBe('ANA1 BETO1 ');
    undo();
    expect(field.value).toBe('BETO1 ');
    expect(betoText.toString()).toBe('BETO1 ');
    fireEvent.keyDown(field, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(field.value).toBe('ANA1 BETO1 ');
    fireEvent.keyDown(field, { key: 'y', ctrlKey: true });
    expect(field.value).toBe('ANA1 BETO1 ANA2 ');
    expect(betoText.toString()).toBe('ANA1 BETO1 ANA2 ');
  });
});
