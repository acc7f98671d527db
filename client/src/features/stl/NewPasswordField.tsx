import { t } from '../../i18n/t';
import { Field } from '../../ui/Field';

interface NewPasswordFieldProps {
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  autoFocus?: boolean;
}

/** A password being chosen, with the policy under its label and the hint password managers use to offer one. */
export function NewPasswordField({ value, onChange, error, autoFocus }: NewPasswordFieldProps) {
  return (
    <Field
      label={t('stl.newPassword')}
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="new-password"
      hint={t('stl.passwordHint')}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
