import { useId, type ReactNode } from 'react';
import { t } from '../../i18n/t';

interface CardFormProps {
  title: string;
  intro: string;
  /** The form's own error, in Spanish (field errors go beside their fields). */
  failure: string | null | undefined;
  busy: boolean;
  /** The submit button's label, and what it says while the request runs. */
  submit: string;
  submitting: string;
  /** The submit button is off while the form cannot be sent (a link without its secret). */
  blocked?: boolean;
  onSubmit(): void;
  children: ReactNode;
  /** Below the submit button. */
  footer?: ReactNode;
}

/** A page that is one form on a card, outside the STL's area: logging in, an invitation, a new password. */
export function CardForm({
  title,
  intro,
  failure,
  busy,
  submit,
  submitting,
  blocked,
  onSubmit,
  children,
  footer,
}: CardFormProps) {
  const id = useId();
  return (
    <main className="page-center">
      <form
        className="card join"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
        aria-labelledby={id}
      >
        <p className="eyebrow">{t('stl.title')}</p>
        <h1 id={id}>{title}</h1>
        <p className="muted">{intro}</p>
        {children}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || blocked}>
          {busy ? submitting : submit}
        </button>
        {footer}
      </form>
    </main>
  );
}
