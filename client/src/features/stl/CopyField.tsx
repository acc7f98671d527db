import { useId, useRef, useState } from 'react';
import { t } from '../../i18n/t';

/** A link to hand on: read-only, selected on focus, with a button that copies it and says so. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t('stl.copied'));
    } catch {
      // No clipboard (an insecure context, a refused permission): the person copies it by hand.
      input.current?.focus();
      input.current?.select();
      setStatus(t('stl.copy.manual'));
    }
  }

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()} aria-label={t('stl.copy.label', { label })}>
          {t('stl.copy')}
        </button>
      </div>
      <p className="copy-status" role="status">
        {status}
      </p>
    </div>
  );
}
