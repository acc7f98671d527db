import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

const mesa = JSON.stringify({ title: 'Mesa comprimida', theme: 'movilidad', date: '2026-12-01' });
const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync } as const;

function post(body: Uint8Array | string, contentEncoding: string): Promise<Response> {
  return fetch(`${t.baseUrl}/api/mesas`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'content-type': 'application/json',
      'content-encoding': contentEncoding,
    },
    body,
  });
}

describe('a body that is not what its Content-Encoding says is the client’s error, not the server’s', () => {
  it.each(Object.keys(compress) as (keyof typeof compress)[])('%s: a matching body is read', async (name) => {
    const res = await post(compress[name](mesa), name);
    expect(res.status).toBe(201);
  });

  it.each(Object.keys(compress))('%s: a body that does not match answers 400 in Spanish, unlogged', async (name) => {
    const logged = vi.spyOn(console, 'error');
    const res = await post(mesa, name);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_body_encoding',
        message: 'No se pudo leer el cuerpo de la solicitud: no corresponde a su Content-Encoding o llegó incompleto.',
      },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('an unknown encoding answers 415 in Spanish, unlogged', async () => {
    const logged = vi.spyOn(console, 'error');
    const res = await post(mesa, 'compress');
    expect(res.status).toBe(415);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('unsupported_content_encoding');
    expect(json.error.message).toMatch(/^Codificación de contenido no admitida/);
    expect(logged).not.toHaveBeenCalled();
  });

  it('the larger commitment body, read by its own parser, is treated alike', async () => {
    const logged = vi.spyOn(console, 'error');
    const res = await fetch(`${t.baseUrl}/api/mesas/0123456789abcdef/commitment/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: '{"commitment":{}}',
    });
    expect(res.status).toBe(400);
    expect(logged).not.toHaveBeenCalled();
  });
});
