import type * as Y from 'yjs';
import { moveItem, removeItem } from '@cocrea/shared';
import { t } from '../../i18n/t';

interface ItemControlsProps {
  doc: Y.Doc;
  itemId: string;
  /** Position in its list as shown, and the list's length: the first cannot go up, the last cannot go down. */
  index: number;
  count: number;
  /** "Línea de acción 2": names the item in the buttons' labels and in the removal question. */
  name: string;
  /** Ask before removing: the item holds text someone wrote. */
  confirmRemoval: boolean;
  readOnly: boolean;
}

/** Up, down and remove for one item of a shared list; a move writes one key, so concurrent edits survive it. */
export function ItemControls({ doc, itemId, index, count, name, confirmRemoval, readOnly }: ItemControlsProps) {
  if (readOnly) return null;
  const remove = () => {
    if (confirmRemoval && !window.confirm(t('commitment.item.confirmRemove', { name }))) return;
    removeItem(doc, itemId);
  };
  return (
    <div className="item-controls" role="group" aria-label={t('commitment.item.controls', { name })}>
      <button
        type="button"
        onClick={() => moveItem(doc, itemId, index - 1)}
        disabled={index === 0}
        aria-label={t('commitment.item.up', { name })}
        title={t('commitment.item.up', { name })}
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => moveItem(doc, itemId, index + 1)}
        disabled={index === count - 1}
        aria-label={t('commitment.item.down', { name })}
        title={t('commitment.item.down', { name })}
      >
        ↓
      </button>
      <button type="button" className="danger" onClick={remove}>
        {t('commitment.item.remove')}
        <span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}
