import { useEffect, useId, useRef, type ReactNode } from 'react';
import { t } from '../../i18n/t';

/**
 * A modal dialog on the native `<dialog>`: focus moves in and back out, Escape closes it, the page behind is inert.
 */
export function AgendaDialog(props: { title: string; className?: string; onClose(): void; children: ReactNode }) {
  const { title, className, onClose, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className={`agenda-dialog ${className ?? ''}`} aria-labelledby={titleId} onClose={onClose}>
      <div className="agenda-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={() => ref.current?.close()}>
          {t('agenda.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
