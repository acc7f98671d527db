import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface Labelled {
  label: string;
  /** Shown under the control and announced with it. */
  error?: string | undefined;
  hint?: string;
}

/** What ties a control to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A label, a hint above the control and an error under it, tied to the control for assistive technology. */
function Labelled({ label, error, hint, control }: Labelled & { control(props: ControlProps): ReactNode }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {control({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled input. */
export function Field({ label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return <Labelled label={label} error={error} hint={hint} control={(tie) => <input {...tie} {...input} />} />;
}

/** A labelled multi-line text. */
export function TextAreaField({
  label,
  error,
  hint,
  ...textarea
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Labelled label={label} error={error} hint={hint} control={(tie) => <textarea {...tie} {...textarea} />} />;
}
