import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../src/http/clientAddress';
import { UPGRADE_LIMIT, UpgradeLimiter } from '../src/sync/UpgradeLimiter';
import { RefusedUpgrade, openRawSocket } from './support/clients';
import { StlBrowser, bootstrapMember } from './support/stlBrowser';
import { startTestServer, type TestServer, type TestServerOptions } from './support/testServer';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function start(options: TestServerOptions = {}): Promise<TestServer> {
  t = await startTestServer(undefined, options);
  return t;
}

/** A failed login that claims, in `X-Forwarded-For`, to come from `forwardedFor`. */
async function failedLogin(server: TestServer, i: number, forwardedFor: string): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/stl/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: `persona${i}@ejemplo.mx`, password: 'una contraseña cualquiera' }),
  });
  return res.status;
}

/** The status of an upgrade (101 if it opened), claiming to come from `forwardedFor`. */
async function upgrade(server: TestServer, forwardedFor: string): Promise<number> {
  try {
    // An unknown mesa: refused with 404 after the limiter counted it, without loading any room.
    const ws = await openRawSocket(`${server.wsUrl}/AAAAAAAAAAAAAAAA?token=mal`, { 'x-forwarded-for': forwardedFor });
    ws.close();
    return 101;
  } catch (error) {
    if (error instanceof RefusedUpgrade) return error.status;
    throw error;
  }
}

/** How many upgrades in a row pass the limiter before the first 429 (at most `max`). */
async function upgradesUntilRefused(server: TestServer, forwardedFor: (i: number) => string, max: number) {
  for (let i = 0; i < max; i++) {
    const status = await upgrade(server, forwardedFor(i));
    if (status === 429) return i;
    expect(status).toBe(404);
  }
  return max;
}

describe('the client is the socket’s peer unless COCREA_TRUST_PROXY says which proxies to believe', () => {
  it('without the setting, a forged X-Forwarded-For does not dodge the login limit', async () => {
    const server = await start();
    await bootstrapMember(server);
    for (let i = 0; i < 20; i++) expect(await failedLogin(server, i, `203.0.113.${i}`)).toBe(401);
    expect(await failedLogin(server, 20, '198.51.100.7')).toBe(429);
    expect((await new StlBrowser(server).login()).status).toBe(429);
  });

  it('with the proxy on loopback believed, each forwarded client has its own budget', async () => {
    const server = await start({ trustProxy: parseTrustProxy('loopback') });
    await bootstrapMember(server);
    for (let i = 0; i < 20; i++) expect(await failedLogin(server, i, '203.0.113.1')).toBe(401);
    expect(await failedLogin(server, 20, '203.0.113.1')).toBe(429);
    expect(await failedLogin(server, 21, '203.0.113.2')).toBe(401);
  });

  it('a hop count believes that many proxies, and no more', async () => {
    const server = await start({ trustProxy: parseTrustProxy('1') });
    await bootstrapMember(server);
    // The nearest forwarded address is the client; what it claims before it is not believed.
    for (let i = 0; i < 20; i++) expect(await failedLogin(server, i, `10.9.9.${i}, 203.0.113.1`)).toBe(401);
    expect(await failedLogin(server, 20, '10.9.9.99, 203.0.113.1')).toBe(429);
  });

  it('refuses a setting that is neither a hop count nor addresses, at start-up', () => {
    expect(() => parseTrustProxy('no-es-una-ip')).toThrow(/COCREA_TRUST_PROXY/);
    expect(parseTrustProxy('')('127.0.0.1', 0)).toBe(false);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')('10.1.2.3', 0)).toBe(true);
  });
});

describe('WebSocket upgrades are limited per client address', () => {
  // The limiter runs on the test's clock: on a starved host the requests can be far apart, and a real clock would
  // refill the budget between them.
  let clockMs = 0;
  const upgrades = () => new UpgradeLimiter(() => clockMs);

  it('a plenary of 250 joins from one address in a minute; past the burst, 429 in Spanish', async () => {
    const server = await start({ upgrades: upgrades() });
    expect(UPGRADE_LIMIT.burst).toBeGreaterThanOrEqual(250);
    expect(await upgradesUntilRefused(server, () => '203.0.113.1', UPGRADE_LIMIT.burst + 50)).toBe(UPGRADE_LIMIT.burst);
    expect(await refusal(server)).toEqual({
      status: 429,
      body: {
        error: { code: 'upgrade_429', message: 'Demasiadas conexiones desde esta dirección; espere un momento.' },
      },
    });
    // Without COCREA_TRUST_PROXY, another forwarded address is the same client.
    expect(await upgrade(server, '198.51.100.7')).toBe(429);
    // A second later, five more.
    clockMs += 1_000;
    expect(await upgradesUntilRefused(server, () => '203.0.113.1', 50)).toBe(UPGRADE_LIMIT.perSecond);
  });

  it('counts the forwarded client when the proxy is believed, as the HTTP limits do', async () => {
    const server = await start({ trustProxy: parseTrustProxy('loopback'), upgrades: upgrades() });
    expect(await upgradesUntilRefused(server, () => '203.0.113.1', UPGRADE_LIMIT.burst + 50)).toBe(UPGRADE_LIMIT.burst);
    expect(await upgrade(server, '198.51.100.7')).toBe(404);
  });
});

function refusal(server: TestServer): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.wsUrl.replace('ws:', 'http:')}/AAAAAAAAAAAAAAAA?token=mal`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('upgrade', () => reject(new Error('the upgrade was accepted')));
    req.on('error', reject);
    req.end();
  });
}
