import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RefusedUpgrade, openRawSocket } from './support/clients';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;

beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa();
});
afterEach(() => t.close());

async function refusal(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const ws = await openRawSocket(url, headers);
    ws.close();
    return 101;
  } catch (error) {
    if (error instanceof RefusedUpgrade) return error.status;
    throw error;
  }
}

describe('every upgrade is authenticated before it is accepted', () => {
  it('an unknown mesa is refused with 404', async () => {
    expect(await refusal(`${t.wsUrl}/AAAAAAAAAAAAAAAA?token=${mesa.tokens.participant}`)).toBe(404);
    expect(await refusal(`${t.wsUrl}/no-es-un-id?token=${mesa.tokens.participant}`)).toBe(404);
  });

  it('a missing, malformed or foreign token is refused with 401', async () => {
    const other = await t.createMesa({ title: 'Otra' });
    expect(await refusal(`${t.wsUrl}/${mesa.mesa.id}`)).toBe(401);
    expect(await refusal(`${t.wsUrl}/${mesa.mesa.id}?token=abc`)).toBe(401);
    expect(await refusal(`${t.wsUrl}/${mesa.mesa.id}?token=${'A'.repeat(43)}`)).toBe(401);
    expect(await refusal(`${t.wsUrl}/${mesa.mesa.id}?token=${other.tokens.facilitator}`)).toBe(401);
  });

  it('a foreign Origin is refused with 403', async () => {
    const url = `${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.participant}`;
    expect(await refusal(url, { origin: 'https://malicioso.example' })).toBe(403);
    expect(await refusal(url, { origin: t.baseUrl })).toBe(101);
  });

  it('a path outside /sync is refused with 404', async () => {
    expect(await refusal(t.wsUrl.replace('/sync', '/otra'))).toBe(404);
  });

  it('allocates no room for a refused upgrade', async () => {
    for (let i = 0; i < 20; i++) await refusal(`${t.wsUrl}/${mesa.mesa.id}?token=mal`);
    expect(t.server.rooms.residentCount).toBe(0);
  });

  it('each role link connects', async () => {
    for (const role of ['facilitator', 'participant', 'observer'] as const) {
      expect(await refusal(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens[role]}`)).toBe(101);
    }
  });
});
