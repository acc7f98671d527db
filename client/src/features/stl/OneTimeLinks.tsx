import { useEffect, useId, useRef } from 'react';
import { t } from '../../i18n/t';
import { CopyField } from './CopyField';

export interface OneTime {
  title: string;
  /** Says plainly that the links are shown once. */
  notice: string;
  links: { label: string; url: string }[];
}

/** Links the server answered once and does not keep: shown with copy buttons, focused when they appear. */
export function OneTimeLinks({ shown, onDismiss }: { shown: OneTime; onDismiss(): void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [shown]);
  return (
    <section className="one-time" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {shown.title}
      </h2>
      <p className="one-time-notice">{shown.notice}</p>
      {shown.links.map((link) => (
        <CopyField key={link.url} label={link.label} value={link.url} />
      ))}
      <button type="button" onClick={onDismiss}>
        {t(shown.links.length === 1 ? 'stl.links.dismissOne' : 'stl.links.dismiss')}
      </button>
    </section>
  );
}
