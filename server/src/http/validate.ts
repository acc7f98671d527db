import { z } from 'zod';
import { fieldErrors } from '@cocrea/shared';
import { HttpError } from './HttpError';

/**
 * zod's own messages in Spanish, for what a schema does not word itself: a wrong type, an unknown key. A schema's
 * own message still wins.
 */
const spanish = { error: z.locales.es().localeError };

/** Parses `value` with a shared zod schema, or throws a 400 naming each bad field in Spanish. */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value, spanish);
  if (!result.success) {
    throw new HttpError(400, 'invalid_body', 'La solicitud tiene datos inválidos.', fieldErrors(result.error));
  }
  return result.data;
}

/** Parses a query string (`req.query`) with a shared zod schema, or throws a 400 naming each bad parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value, spanish);
  if (!result.success) {
    throw new HttpError(400, 'invalid_query', 'La consulta tiene filtros inválidos.', fieldErrors(result.error));
  }
  return result.data;
}
