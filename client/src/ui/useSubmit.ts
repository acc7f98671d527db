import { useState } from 'react';
import { fieldErrors } from '@cocrea/shared';
import { ApiFailure } from '../api/request';
import { t } from '../i18n/t';

/** What the hook needs of a shared zod schema. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] };
}

/**
 * A form's submission: checks the input with the shared schema first (the same messages the server would give),
 * then calls the server; keeps the errors per field, the form's own error and whether it is busy.
 */
export function useSubmit<T, R>(schema: Schema<T>, send: (input: T) => Promise<R>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(value: unknown): Promise<R | null> {
    setFailure(null);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return null;
    }
    setErrors({});
    setBusy(true);
    try {
      return await send(parsed.data);
    } catch (error) {
      if (error instanceof ApiFailure) {
        setErrors(error.fields);
        setFailure(error.message);
      } else setFailure(t('error.generic'));
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { errors, failure, busy, submit };
}
