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

/** fetch for the JSON API: throws ApiFailure with a message a person can read. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
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
  return body as T;
}
