import { apiErrorSchema } from '@cocrea/shared';
import { t } from '../i18n/t';

/** An API failure with the server's Spanish message (or ours, when the network failed). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What `request` needs of a shared zod schema: a parse that reports instead of throwing. */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** fetch for the JSON API: the body of a success, or an ApiFailure with a message a person can read. */
async function send(path: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  } catch {
    throw new ApiFailure(0, t('error.network'));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw parsed.success
      ? new ApiFailure(res.status, parsed.data.error.message, parsed.data.error.fields)
      : new ApiFailure(res.status, t('error.generic'));
  }
  return body;
}

/**
 * Calls the JSON API and parses its answer with the shared schema of that answer. An answer of another shape (a
 * server of another version, a proxy's page) is an ApiFailure too, said in Spanish, never data of the wrong type.
 */
export async function request<T>(schema: ResponseSchema<T>, path: string, init: RequestInit = {}): Promise<T> {
  const body = await send(path, init);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiFailure(0, t('error.unexpectedAnswer'));
  return parsed.data;
}

/** Calls the JSON API for a change whose answer has no content (204). */
export async function requestNoContent(path: string, init: RequestInit = {}): Promise<void> {
  await send(path, init);
}
