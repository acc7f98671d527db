import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_REQUESTS_PER_MINUTE } from '../src/http/app';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

function post(body: unknown, token: string | null = ADMIN_TOKEN, raw?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${t.baseUrl}/api/mesas`, { method: 'POST', headers, body: raw ?? JSON.stringify(body) });
}

describe('REST API', () => {
  it('answers the health check', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('sends security headers', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('creates a mesa with three distinct capability links', async () => {
    const res = await post({ title: 'Movilidad segura', theme: 'Medio ambiente', date: '2026-12-01' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      mesa: { id: string; theme: string };
      links: Record<string, string>;
      tokens: Record<string, string>;
    };
    expect(body.mesa.theme).toBe('medio-ambiente');
    expect(Object.keys(body.links).sort()).toEqual(['facilitator', 'observer', 'participant']);
    const tokens = Object.values(body.tokens);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(body.links.participant).toBe(`${t.baseUrl}/mesa/${body.mesa.id}#k=${body.tokens.participant}`);
  });

  it('stores tokens only as hashes', async () => {
    const res = await post({ title: 'Tokens', theme: 'seguridad', date: '2026-12-01' });
    const { tokens } = (await res.json()) as { tokens: Record<string, string> };
    await t.server.close();
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(`${t.dataDir}/cocrea.sqlite`);
    const wal = (() => {
      try {
        return readFileSync(`${t.dataDir}/cocrea.sqlite-wal`);
      } catch {
        return Buffer.alloc(0);
      }
    })();
    for (const token of Object.values(tokens)) {
      expect(file.includes(token)).toBe(false);
      expect(wal.includes(token)).toBe(false);
    }
    // Reopen so afterEach can close it again.
    t = await startTestServer(t.dataDir);
  });

  it('refuses mesa creation without the admin token', async () => {
    const body = { title: 'Sin permiso', theme: 'seguridad', date: '2026-12-01' };
    for (const token of [null, 'otro-token']) {
      const res = await post(body, token);
      expect(res.status).toBe(401);
      const json = (await res.json()) as { error: { message: string } };
      expect(json.error.message).toMatch(/token/);
    }
  });

  it.each([
    [{ title: 'x', theme: 'movilidad', date: '2026-12-01' }, 'title'],
    [{ title: 'Mesa', theme: 'deportes', date: '2026-12-01' }, 'theme'],
    [{ title: 'Mesa', theme: 'movilidad', date: '2026-02-30' }, 'date'],
    [{ title: 'Mesa', theme: 'movilidad' }, 'date'],
    [{ title: 'Mesa', theme: 'movilidad', date: '2026-12-01', extra: 1 }, '_'],
    [[], '_'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(json.error.code).toBe('invalid_body');
    expect(Object.keys(json.error.fields)).toContain(field);
  });

  it("names what is wrong in Spanish, zod's own checks too", async () => {
    const res = await post({ title: 'Mesa', theme: 'movilidad', date: '2026-12-01', extra: 1 });
    const json = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(json.error.fields._).toBe('Llave desconocida: "extra"');
    const list = (await (await post([])).json()) as { error: { fields: Record<string, string> } };
    expect(list.error.fields._).toBe('Entrada inválida: se esperaba objeto, recibido arreglo');
  });

  it('answers 415 for a body that is not JSON, rather than as if it were empty', async () => {
    const res = await fetch(`${t.baseUrl}/api/mesas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ title: 'Mesa', theme: 'movilidad', date: '2026-12-01' }),
    });
    expect(res.status).toBe(415);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error).toEqual({
      code: 'unsupported_media_type',
      message: 'Envíe el cuerpo como JSON (Content-Type: application/json).',
    });
  });

  it('limits the requests of one address, but never its clock samples', async () => {
    const status = async (path: string) => (await fetch(`${t.baseUrl}${path}`)).status;
    for (let sent = 0; sent < API_REQUESTS_PER_MINUTE; sent += 100) {
      const batch = Array.from({ length: Math.min(100, API_REQUESTS_PER_MINUTE - sent) }, () =>
        status('/api/mesas/0123456789abcdef/session'),
      );
      expect(new Set(await Promise.all(batch))).toEqual(new Set([404]));
    }
    const over = await fetch(`${t.baseUrl}/api/mesas/0123456789abcdef/session`);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { message: string } }).error.message).toBe(
      'Demasiadas solicitudes; espere un momento.',
    );
    expect(await status('/api/time')).toBe(200);
    expect(await status('/api/health')).toBe(200);
  });

  it('answers 400 for JSON that does not parse and 413 above 64 kB', async () => {
    expect((await post(null, ADMIN_TOKEN, '{"title": ')).status).toBe(400);
    const big = await post({ title: 'x'.repeat(70 * 1024), theme: 'movilidad', date: '2026-12-01' });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/64 kB/);
  });

  it('tells a capability holder its role, and nobody else', async () => {
    const created = (await (await post({ title: 'Roles', theme: 'seguridad', date: '2026-12-01' })).json()) as {
      mesa: { id: string };
      tokens: Record<string, string>;
    };
    for (const [role, token] of Object.entries(created.tokens)) {
      const res = await fetch(`${t.baseUrl}/api/mesas/${created.mesa.id}/session`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { role: string }).role).toBe(role);
    }
    const bad = await fetch(`${t.baseUrl}/api/mesas/${created.mesa.id}/session`, {
      headers: { authorization: 'Bearer nada' },
    });
    expect(bad.status).toBe(401);
    const missing = await fetch(`${t.baseUrl}/api/mesas/AAAAAAAAAAAAAAAA/session`);
    expect(missing.status).toBe(404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await fetch(`${t.baseUrl}/api/nada`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Ruta no encontrada.');
  });
});

describe('joining a mesa', () => {
  async function newMesa() {
    const res = await post({ title: 'Unirse', theme: 'seguridad', date: '2026-12-01' });
    return (await res.json()) as { mesa: { id: string }; tokens: Record<string, string> };
  }
  function join(mesaId: string, token: string, body: unknown): Promise<Response> {
    return fetch(`${t.baseUrl}/api/mesas/${mesaId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  }
  const ana = { name: 'Ana López', sector: 'academia', organization: 'UAEMéx', acceptsChathamHouse: true };

  it('records the join and recognises the seat on the next visit', async () => {
    const m = await newMesa();
    const res = await join(m.mesa.id, m.tokens.participant!, ana);
    expect(res.status).toBe(201);
    const { participant, seat } = (await res.json()) as { participant: { name: string; color: string }; seat: string };
    expect(participant.name).toBe('Ana López');
    expect(participant.color).toMatch(/^#[0-9a-f]{6}$/);
    const session = await fetch(`${t.baseUrl}/api/mesas/${m.mesa.id}/session`, {
      headers: { authorization: `Bearer ${m.tokens.participant}`, 'x-cocrea-seat': seat },
    });
    expect(((await session.json()) as { participant: { name: string } }).participant.name).toBe('Ana López');
  });

  it('refuses a join without accepting the Chatham House rule, in Spanish', async () => {
    const m = await newMesa();
    const res = await join(m.mesa.id, m.tokens.participant!, { ...ana, acceptsChathamHouse: false });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.acceptsChathamHouse).toMatch(/Chatham House/);
  });

  it('gives the socket the joined name and colour, and refuses a seat from another role', async () => {
    const m = await newMesa();
    const { seat } = (await (await join(m.mesa.id, m.tokens.participant!, ana)).json()) as { seat: string };
    const { openRawSocket, RefusedUpgrade } = await import('./support/clients');
    const ok = await openRawSocket(`${t.wsUrl}/${m.mesa.id}?token=${m.tokens.participant}&seat=${seat}`);
    ok.close();
    const refused = await openRawSocket(`${t.wsUrl}/${m.mesa.id}?token=${m.tokens.facilitator}&seat=${seat}`).then(
      () => 101,
      (e: unknown) => (e instanceof RefusedUpgrade ? e.status : 0),
    );
    expect(refused).toBe(401);
  });
});
