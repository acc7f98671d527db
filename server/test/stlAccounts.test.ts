import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  CreatedInvitation,
  CreatedPasswordReset,
  PendingInvitation,
  StlSession,
  TeamMember,
} from '@cocrea/shared';
import { ANA, StlBrowser, bootstrapMember, type ErrorBody } from './support/stlBrowser';
import { startTestServer, type TestServer } from './support/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await t.close();
});

const DAY = 24 * 60 * 60 * 1000;

/** Moves the clock every Date of the server reads (it runs in this process); timers keep running. */
function travel(ms: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
}

async function loggedIn(): Promise<StlBrowser> {
  await bootstrapMember(t);
  const browser = new StlBrowser(t);
  expect((await browser.login()).status).toBe(200);
  return browser;
}

async function invite(by: StlBrowser, email: string): Promise<string> {
  const answer = await by.call<CreatedInvitation>('POST', '/api/stl/invitations', { email });
  expect(answer.status).toBe(201);
  return new URL(answer.body.link).hash.replace('#t=', '');
}

describe('the first account', () => {
  it('is made with the admin token, and shows no password hash', async () => {
    const answer = await bootstrapMember(t);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      member: { id: expect.any(String), email: ANA.email, name: ANA.name, role: 'stl', createdAt: expect.any(String) },
    });
  });

  it('is refused without the admin token, and a second account for the same e-mail in any case', async () => {
    const browser = new StlBrowser(t);
    expect((await browser.call('POST', '/api/stl/members', ANA)).status).toBe(401);
    await bootstrapMember(t);
    const again = await bootstrapMember(t, { ...ANA, email: ANA.email.toUpperCase() });
    expect(again.status).toBe(409);
    expect((again.body as unknown as ErrorBody).error.message).toBe(
      'Ese correo electrónico ya tiene una cuenta del STL.',
    );
  });

  it('needs a password of at least 12 characters and a valid e-mail, said in Spanish', async () => {
    const answer = await bootstrapMember(t, { ...ANA, email: 'ana@', password: 'corta' });
    expect(answer.status).toBe(400);
    expect((answer.body as unknown as ErrorBody).error.fields).toEqual({
      email: 'Escriba un correo electrónico válido (nombre@dominio.mx).',
      password: 'La contraseña debe tener al menos 12 caracteres.',
    });
  });

  it('keeps the password as a scrypt hash with its parameters and a 16-byte salt', async () => {
    await bootstrapMember(t);
    const db = new Database(join(t.dataDir, 'cocrea.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT password_hash FROM stl_members').pluck().get() as string;
    db.close();
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain(ANA.password);
  });
});

describe('logging in', () => {
  it('with e-mail (in any case) and password answers the member and the CSRF token, as /me does', async () => {
    await bootstrapMember(t);
    const browser = new StlBrowser(t);
    const login = await browser.login(` ${ANA.email.toUpperCase()} `);
    expect(login.status).toBe(200);
    expect(login.body.member.email).toBe(ANA.email);
    expect(login.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const me = await browser.call<StlSession>('GET', '/api/stl/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(login.body);
  });

  it('gives a wrong password and an unknown e-mail the same answer', async () => {
    await bootstrapMember(t);
    const wrongPassword = await new StlBrowser(t).login(ANA.email, 'no es la contraseña');
    const unknownEmail = await new StlBrowser(t).login('nadie@infoem.org.mx', ANA.password);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.message).toBe('Correo electrónico o contraseña incorrectos.');
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie for the API only, whose secret is not stored', async () => {
    const browser = await loggedIn();
    const me = await browser.call('GET', '/api/stl/me');
    expect(me.status).toBe(200);
    const login = await fetch(`${t.baseUrl}/api/stl/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ANA.email, password: ANA.password }),
    });
    const [cookie] = login.headers.getSetCookie();
    expect(cookie).toMatch(/^cocrea_stl=[A-Za-z0-9_-]{43};/);
    const attributes = cookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api', 'max-age=43200']));
    // Plain HTTP here: Secure is set when the request came over HTTPS (through the proxy).
    expect(attributes).not.toContain('secure');
    await t.server.close();
    const files = ['cocrea.sqlite', 'cocrea.sqlite-wal'].map((f) => {
      try {
        return readFileSync(join(t.dataDir, f));
      } catch {
        return Buffer.alloc(0);
      }
    });
    for (const file of files) expect(file.includes(browser.cookie!)).toBe(false);
    t = await startTestServer(t.dataDir);
  });

  it('is throttled after five failures for one e-mail, in Spanish, even with the right password then', async () => {
    await bootstrapMember(t);
    for (let i = 0; i < 5; i++) expect((await new StlBrowser(t).login(ANA.email, `intento ${i}`)).status).toBe(401);
    const blocked = await new StlBrowser(t).login();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toBe('Demasiados intentos fallidos. Espere 15 minutos e intente de nuevo.');
  });

  it('is throttled after twenty failures from one address, whatever the e-mail', async () => {
    await bootstrapMember(t);
    for (let i = 0; i < 20; i++) {
      expect((await new StlBrowser(t).login(`persona${i}@ejemplo.mx`, 'una contraseña cualquiera')).status).toBe(401);
    }
    expect((await new StlBrowser(t).login()).status).toBe(429);
  });

  it('successful logins do not count toward the throttle', async () => {
    await bootstrapMember(t);
    for (let i = 0; i < 8; i++) expect((await new StlBrowser(t).login()).status).toBe(200);
  });

  it('from another site’s form is refused', async () => {
    await bootstrapMember(t);
    const answer = await new StlBrowser(t).call<ErrorBody>(
      'POST',
      '/api/stl/login',
      { email: ANA.email, password: ANA.password },
      { origin: 'https://malicioso.example' },
    );
    expect(answer.status).toBe(403);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });
});

describe('a session', () => {
  it('ends at logout: the cookie is cleared and the old one opens nothing', async () => {
    const browser = await loggedIn();
    const cookie = browser.cookie;
    const logout = await browser.call('POST', '/api/stl/logout');
    expect(logout.status).toBe(204);
    expect(browser.cookie).toBeNull();
    browser.cookie = cookie;
    const me = await browser.call<ErrorBody>('GET', '/api/stl/me');
    expect(me.status).toBe(401);
    expect(me.body.error.message).toBe('Inicie sesión con su cuenta del STL.');
  });

  it('expires after 12 hours', async () => {
    const browser = await loggedIn();
    travel(12 * 60 * 60 * 1000 - 60_000);
    expect((await browser.call('GET', '/api/stl/me')).status).toBe(200);
    travel(60_000);
    expect((await browser.call('GET', '/api/stl/me')).status).toBe(401);
  });

  it('refuses a change carried by the cookie alone (CSRF) with 403, and one from another origin', async () => {
    const browser = await loggedIn();
    const mesa = { title: 'Mesa con sesión', theme: 'movilidad', date: '2026-11-21' };
    const noToken = await browser.call<ErrorBody>('POST', '/api/mesas', mesa, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf');
    const csrf = browser.csrf;
    browser.csrf = 'A'.repeat(43);
    expect((await browser.call('POST', '/api/mesas', mesa)).status).toBe(403);
    browser.csrf = csrf;
    const foreign = await browser.call<ErrorBody>('POST', '/api/mesas', mesa, { origin: 'https://malicioso.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden_origin');
    expect((await browser.call('POST', '/api/stl/logout', undefined, { csrf: false })).status).toBe(403);
    expect((await browser.call('POST', '/api/mesas', mesa)).status).toBe(201);
  });

  it('of another member has another CSRF token', async () => {
    const ana = await loggedIn();
    const token = await invite(ana, 'beto@uaemex.mx');
    const beto = new StlBrowser(t);
    await beto.call('POST', '/api/stl/invitations/accept', { token, name: 'Beto', password: 'otra contraseña larga' });
    beto.csrf = ana.csrf;
    const mesa = { title: 'Mesa cruzada', theme: 'movilidad', date: '2026-11-21' };
    expect((await beto.call('POST', '/api/mesas', mesa)).status).toBe(403);
  });
});

describe('invitations', () => {
  it('a member invites; the invitee sets name and password with the one-time link and is logged in', async () => {
    const ana = await loggedIn();
    const before = Date.now();
    const created = await ana.call<CreatedInvitation>('POST', '/api/stl/invitations', { email: 'Beto@UAEMex.mx' });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe('beto@uaemex.mx');
    expect(created.body.link).toMatch(new RegExp(`^${t.baseUrl}/stl/invitacion#t=[A-Za-z0-9_-]{43}$`));
    const expiresAt = Date.parse(created.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * DAY);

    const beto = new StlBrowser(t);
    const token = new URL(created.body.link).hash.slice('#t='.length);
    const accepted = await beto.call<StlSession>('POST', '/api/stl/invitations/accept', {
      token,
      name: 'Beto Ruiz',
      password: 'compromisos 2026',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.member).toMatchObject({ email: 'beto@uaemex.mx', name: 'Beto Ruiz' });
    expect(beto.cookie).not.toBeNull();
    expect((await beto.call<StlSession>('GET', '/api/stl/me')).body.member.name).toBe('Beto Ruiz');
    expect((await new StlBrowser(t).login('beto@uaemex.mx', 'compromisos 2026')).status).toBe(200);
  });

  it('need a member’s session: not the admin token, not a cookie-only request', async () => {
    await bootstrapMember(t);
    const admin = await fetch(`${t.baseUrl}/api/stl/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token-que-nadie-adivina' },
      body: JSON.stringify({ email: 'beto@uaemex.mx' }),
    });
    expect(admin.status).toBe(401);
    const ana = new StlBrowser(t);
    await ana.login();
    expect((await ana.call('POST', '/api/stl/invitations', { email: 'b@x.mx' }, { csrf: false })).status).toBe(403);
  });

  it('work once', async () => {
    const token = await invite(await loggedIn(), 'beto@uaemex.mx');
    const body = { token, name: 'Beto', password: 'compromisos 2026' };
    expect((await new StlBrowser(t).call('POST', '/api/stl/invitations/accept', body)).status).toBe(201);
    const again = await new StlBrowser(t).call<ErrorBody>('POST', '/api/stl/invitations/accept', {
      ...body,
      name: 'Intruso',
    });
    expect(again.status).toBe(410);
    expect(again.body.error.message).toBe(
      'La invitación no es válida: ya se usó, venció o el enlace está incompleto. Pida una nueva.',
    );
  });

  it('expire after 7 days', async () => {
    const token = await invite(await loggedIn(), 'beto@uaemex.mx');
    travel(7 * DAY + 1000);
    const late = await new StlBrowser(t).call('POST', '/api/stl/invitations/accept', {
      token,
      name: 'Beto',
      password: 'compromisos 2026',
    });
    expect(late.status).toBe(410);
    expect((await new StlBrowser(t).login('beto@uaemex.mx', 'compromisos 2026')).status).toBe(401);
  });

  it('pending ones are listed with who made them, and a revoked one opens nothing', async () => {
    const ana = await loggedIn();
    const token = await invite(ana, 'beto@uaemex.mx');
    const listed = await ana.call<{ invitations: PendingInvitation[] }>('GET', '/api/stl/invitations');
    expect(listed.status).toBe(200);
    expect(listed.body.invitations).toEqual([
      {
        id: expect.any(String),
        email: 'beto@uaemex.mx',
        role: 'stl',
        invitedBy: ANA.name,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const id = listed.body.invitations[0]!.id;
    expect((await ana.call('DELETE', `/api/stl/invitations/${id}`)).status).toBe(204);
    expect((await ana.call('DELETE', `/api/stl/invitations/${id}`)).status).toBe(404);
    const late = await new StlBrowser(t).call('POST', '/api/stl/invitations/accept', {
      token,
      name: 'Beto',
      password: 'compromisos 2026',
    });
    expect(late.status).toBe(410);
    expect(
      (await ana.call<{ invitations: PendingInvitation[] }>('GET', '/api/stl/invitations')).body.invitations,
    ).toEqual([]);
  });

  it('are refused for an e-mail that has an account', async () => {
    const ana = await loggedIn();
    const answer = await ana.call<ErrorBody>('POST', '/api/stl/invitations', { email: ANA.email });
    expect(answer.status).toBe(409);
  });

  it('need the new password to have 12 characters, and a real token', async () => {
    const token = await invite(await loggedIn(), 'beto@uaemex.mx');
    const short = await new StlBrowser(t).call<ErrorBody>('POST', '/api/stl/invitations/accept', {
      token,
      name: 'Beto',
      password: 'corta',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields?.password).toBe('La contraseña debe tener al menos 12 caracteres.');
    const forged = await new StlBrowser(t).call('POST', '/api/stl/invitations/accept', {
      token: 'A'.repeat(43),
      name: 'Beto',
      password: 'compromisos 2026',
    });
    expect(forged.status).toBe(410);
  });
});

describe('the team', () => {
  interface Team {
    members: TeamMember[];
  }

  /** Ana (logged in) and Beto, who joined by her invitation and is logged in too. */
  async function anaAndBeto(): Promise<{ ana: StlBrowser; beto: StlBrowser; betoId: string }> {
    const ana = await loggedIn();
    const beto = new StlBrowser(t);
    const token = await invite(ana, 'beto@uaemex.mx');
    const body = { token, name: 'Beto Ruiz', password: 'compromisos 2026' };
    const accepted = await beto.call<StlSession>('POST', '/api/stl/invitations/accept', body);
    beto.csrf = accepted.body.csrfToken;
    return { ana, beto, betoId: accepted.body.member.id };
  }

  it('lists every member, with whether the account may sign in and when it last did', async () => {
    const before = new Date().toISOString();
    const { ana } = await anaAndBeto();
    const team = await ana.call<Team>('GET', '/api/stl/members');
    expect(team.status).toBe(200);
    expect(
      team.body.members.map(({ name, role, disabledAt, disabledBy }) => ({ name, role, disabledAt, disabledBy })),
    ).toEqual([
      { name: ANA.name, role: 'stl', disabledAt: null, disabledBy: null },
      { name: 'Beto Ruiz', role: 'stl', disabledAt: null, disabledBy: null },
    ]);
    expect(JSON.stringify(team.body)).not.toMatch(/scrypt|password/i);
    // Ana logged in, Beto signed in by accepting the invitation.
    for (const { lastSignedInAt } of team.body.members) expect(lastSignedInAt! >= before).toBe(true);
  });

  it('a member takes away another’s access: the open session ends, logging in is refused, and it comes back', async () => {
    const { ana, beto, betoId } = await anaAndBeto();
    const away = await ana.call<{ member: TeamMember }>('PATCH', `/api/stl/members/${betoId}`, { active: false });
    expect(away.status).toBe(200);
    expect(away.body.member.disabledAt).not.toBeNull();
    expect(away.body.member.disabledBy).toBe(ANA.name);
    expect((await beto.call('GET', '/api/stl/me')).status).toBe(401);
    const refused = await new StlBrowser(t).login('beto@uaemex.mx', 'compromisos 2026');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Su cuenta del STL ya no tiene acceso. Pida a otra persona del STL que se lo devuelva.',
    );
    // A wrong password is told nothing about the account.
    expect((await new StlBrowser(t).login('beto@uaemex.mx', 'otra contraseña larga')).status).toBe(401);

    const back = await ana.call<{ member: TeamMember }>('PATCH', `/api/stl/members/${betoId}`, { active: true });
    expect(back.body.member.disabledAt).toBeNull();
    expect((await new StlBrowser(t).login('beto@uaemex.mx', 'compromisos 2026')).status).toBe(200);
  });

  it('a role change applies to the open session at its next request', async () => {
    const { ana, beto, betoId } = await anaAndBeto();
    expect((await beto.call('GET', '/api/mesas')).status).toBe(200);
    const changed = await ana.call<{ member: TeamMember }>('PATCH', `/api/stl/members/${betoId}`, {
      role: 'seguimiento',
    });
    expect(changed.body.member.role).toBe('seguimiento');
    expect((await beto.call('GET', '/api/mesas')).status).toBe(403);
    expect((await beto.call<StlSession>('GET', '/api/stl/me')).body.member.role).toBe('seguimiento');
  });

  it('nobody changes their own account, a follow-up member none, and an unknown one is 404', async () => {
    const { ana, beto, betoId } = await anaAndBeto();
    const anaId = (await ana.call<StlSession>('GET', '/api/stl/me')).body.member.id;
    const own = await ana.call<ErrorBody>('PATCH', `/api/stl/members/${anaId}`, { role: 'seguimiento' });
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own_account');
    await ana.call('PATCH', `/api/stl/members/${betoId}`, { role: 'seguimiento' });
    expect((await beto.call('PATCH', `/api/stl/members/${anaId}`, { active: false })).status).toBe(403);
    expect((await beto.call('GET', '/api/stl/members')).status).toBe(403);
    expect((await ana.call('PATCH', '/api/stl/members/nadie', { active: false })).status).toBe(404);
    const empty = await ana.call<ErrorBody>('PATCH', `/api/stl/members/${betoId}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBeTruthy();
    // Ana is untouched by all of it.
    expect((await ana.call<StlSession>('GET', '/api/stl/me')).body.member.role).toBe('stl');
  });

  it('a member who forgot the password gets a one-time link from another, which sets a new one and signs in', async () => {
    const { ana, beto, betoId } = await anaAndBeto();
    const before = Date.now();
    const made = await ana.call<CreatedPasswordReset>('POST', `/api/stl/members/${betoId}/password-reset`);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Beto Ruiz', email: 'beto@uaemex.mx' });
    expect(made.body.link).toMatch(new RegExp(`^${t.baseUrl}/stl/contrasena#t=[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(made.body.expiresAt)).toBeGreaterThanOrEqual(before + DAY);
    const token = new URL(made.body.link).hash.slice('#t='.length);

    const fresh = new StlBrowser(t);
    const used = await fresh.call<StlSession>('POST', '/api/stl/password-reset/accept', {
      token,
      password: 'una frase nueva y larga',
    });
    expect(used.status).toBe(200);
    expect(used.body.member.name).toBe('Beto Ruiz');
    expect((await fresh.call<StlSession>('GET', '/api/stl/me')).status).toBe(200);
    // The sessions Beto had before end; the old password opens nothing, the new one does.
    expect((await beto.call('GET', '/api/stl/me')).status).toBe(401);
    expect((await new StlBrowser(t).login('beto@uaemex.mx', 'compromisos 2026')).status).toBe(401);
    expect((await new StlBrowser(t).login('beto@uaemex.mx', 'una frase nueva y larga')).status).toBe(200);

    const again = await new StlBrowser(t).call<ErrorBody>('POST', '/api/stl/password-reset/accept', {
      token,
      password: 'otra frase más, larga',
    });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('reset_invalid');
  });

  it('a password link expires after a day, is not made for one’s own account nor one without access', async () => {
    const { ana, betoId } = await anaAndBeto();
    const anaId = (await ana.call<StlSession>('GET', '/api/stl/me')).body.member.id;
    const own = await ana.call<ErrorBody>('POST', `/api/stl/members/${anaId}/password-reset`);
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own_account');
    const made = await ana.call<CreatedPasswordReset>('POST', `/api/stl/members/${betoId}/password-reset`);
    const token = new URL(made.body.link).hash.slice('#t='.length);
    travel(DAY + 1000);
    const late = await new StlBrowser(t).call('POST', '/api/stl/password-reset/accept', {
      token,
      password: 'una frase nueva y larga',
    });
    expect(late.status).toBe(410);
    vi.useRealTimers();
    await ana.login();
    await ana.call('PATCH', `/api/stl/members/${betoId}`, { active: false });
    const away = await ana.call<ErrorBody>('POST', `/api/stl/members/${betoId}/password-reset`);
    expect(away.status).toBe(409);
    expect(away.body.error.code).toBe('account_disabled');
    const short = await new StlBrowser(t).call<ErrorBody>('POST', '/api/stl/password-reset/accept', {
      token,
      password: 'corta',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields?.password).toBe('La contraseña debe tener al menos 12 caracteres.');
  });
});
