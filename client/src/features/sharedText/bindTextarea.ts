import type * as Y from 'yjs';
import { replaceChangedSpan } from '@cocrea/shared';

type Field = HTMLTextAreaElement | HTMLInputElement;

/**
 * Binds a textarea or input to a Y.Text, both ways, so two people typing in one field both keep their letters.
 * Local input becomes the minimal delete + insert on the Y.Text (with the local origin, so undo sees it); remote
 * changes rewrite the field and put the caret back where it was relative to the text around it. Returns unbind.
 */
export function bindTextarea(field: Field, text: Y.Text): () => void {
  field.value = text.toString();

  const onInput = () => replaceChangedSpan(text, field.value);

  const onChange = (event: Y.YTextEvent) => {
    const next = text.toString();
    // Our own input (or an undo that already matches the field) needs no rewrite.
    if (field.value === next) return;
    const caret = document.activeElement === field ? [field.selectionStart ?? 0, field.selectionEnd ?? 0] : null;
    field.value = next;
    // Observers run after the change, so the caret is carried through the change's delta.
    if (caret) field.setSelectionRange(mapIndex(caret[0]!, event.delta), mapIndex(caret[1]!, event.delta));
  };

  field.addEventListener('input', onInput);
  text.observe(onChange);
  return () => {
    field.removeEventListener('input', onInput);
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
