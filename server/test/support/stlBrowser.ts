import type { StlSession } from '@cocrea/shared';
import { ADMIN_TOKEN, type TestServer } from './testServer';

export const ANA = { email: 'ana.perez@infoem.org.mx', name: 'Ana Pérez', password: 'mesas abiertas 2026' };

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** Makes an STL member with the admin token, as the bootstrap script does. */
export async function bootstrapMember(t: TestServer, member = ANA): Promise<Answer<{ member: { id: string } }>> {
  const res = await fetch(`${t.baseUrl}/api/stl/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(member),
  });
  return { status: res.status, body: (await res.json()) as { member: { id: string } }, headers: res.headers };
}

/**
 * An STL member's browser, over fetch: it keeps the session cookie it is given and, like our pages, sends its own
 * Origin and the session's CSRF token with every change. Each can be left out to play a forged request.
 */
export class StlBrowser {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly t: TestServer) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    { csrf = true, origin = this.t.baseUrl }: { csrf?: boolean; origin?: string | null } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = `cocrea_stl=${this.cookie}`;
    if (method !== 'GET' && origin) headers.origin = origin;
    if (method !== 'GET' && csrf && this.csrf) headers['x-cocrea-csrf'] = this.csrf;
    const res = await fetch(`${this.t.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.keepCookie(res.headers);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  /** Logs in and keeps the CSRF token the answer carries. */
  async login(email = ANA.email, password = ANA.password): Promise<Answer<StlSession & ErrorBody>> {
    const answer = await this.call<StlSession & ErrorBody>('POST', '/api/stl/login', { email, password });
    if (answer.status === 200) this.csrf = answer.body.csrfToken;
    return answer;
  }

  private keepCookie(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const match = /^cocrea_stl=([^;]*)/.exec(line);
      if (!match) continue;
      this.cookie = match[1] && !/Expires=Thu, 01 Jan 1970/i.test(line) ? match[1] : null;
    }
  }
}
