import type * as Y from 'yjs';
import { localOrigin, replaceChangedSpan, wellFormed } from '@cocrea/shared';

type Field = HTMLTextAreaElement | HTMLInputElement;

/**
 * Binds a textarea or input to a Y.Text, both ways, so two people typing in one field both keep their letters.
 * Local input becomes the minimal delete + insert on the Y.Text (with the local origin, so undo sees it); remote
 * changes rewrite the field and put the caret back where it was relative to the text around it. Returns unbind.
 */
export function bindTextarea(field: Field, text: Y.Text): () => void {
  field.value = text.toString();

  /**
   * While a composition is under way (a dead key's accent, an IME's candidates), the field is the browser's: its
   * half-composed text goes nowhere, and remote changes wait, their deltas kept, since rewriting the field would end
   * the composition and lose or double the letter. At its end, the composed span goes into the Y.Text where the
   * remote changes moved it.
   */
  let composing: { base: string; deltas: Y.YTextEvent['delta'][] } | null = null;
  /** The composed span is being written: the field is brought up to date after, caret included. */
  let settling = false;
  const onCompositionStart = () => {
    composing = { base: text.toString(), deltas: [] };
  };
  const onCompositionEnd = () => {
    if (!composing) return;
    const { base, deltas } = composing;
    composing = null;
    const value = wellFormed(field.value);
    let start = 0;
    while (start < Math.min(base.length, value.length) && base[start] === value[start]) start++;
    let end = 0;
    while (end < Math.min(base.length, value.length) - start && base.at(-1 - end) === value.at(-1 - end)) end++;
    const inserted = value.slice(start, value.length - end);
    const from = deltas.reduce((index, delta) => mapIndex(index, delta), start);
    const to = Math.max(
      from,
      deltas.reduce((index, delta) => mapIndex(index, delta), base.length - end),
    );
    settling = true;
    try {
      text.doc!.transact(() => {
        if (to > from) text.delete(from, to - from);
        if (inserted) text.insert(from, inserted);
      }, localOrigin);
    } finally {
      settling = false;
    }
    // The field still shows the text as it was when the composition began: bring in what others typed meanwhile,
    // the caret right after the composed letters.
    if (field.value !== text.toString()) {
      field.value = text.toString();
      field.setSelectionRange(from + inserted.length, from + inserted.length);
    }
  };

  const onInput = () => {
    if (!composing) replaceChangedSpan(text, field.value);
  };

  const onChange = (event: Y.YTextEvent) => {
    if (settling) return;
    if (composing) {
      composing.deltas.push(event.delta);
      return;
    }
    const next = text.toString();
    // Our own input (or an undo that already matches the field) needs no rewrite.
    if (field.value === next) return;
    const caret = document.activeElement === field ? [field.selectionStart ?? 0, field.selectionEnd ?? 0] : null;
    field.value = next;
    // Observers run after the change, so the caret is carried through the change's delta.
    if (caret) field.setSelectionRange(mapIndex(caret[0]!, event.delta), mapIndex(caret[1]!, event.delta));
  };

  field.addEventListener('input', onInput);
  field.addEventListener('compositionstart', onCompositionStart);
  field.addEventListener('compositionend', onCompositionEnd);
  text.observe(onChange);
  return () => {
    field.removeEventListener('input', onInput);
    field.removeEventListener('compositionstart', onCompositionStart);
    field.removeEventListener('compositionend', onCompositionEnd);
    text.unobserve(onChange);
  };
}

/** Moves an index in the old text through a Yjs delta: inserts before it push it right, deletes pull it left. */
function mapIndex(index: number, delta: Y.YTextEvent['delta']): number {
  let oldPos = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPos >= index) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      shift += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      const removed = Math.min(op.delete, index - oldPos);
      shift -= removed;
      oldPos += op.delete;
    }
  }
  return Math.max(0, index + shift);
}
