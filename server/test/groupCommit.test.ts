import { afterEach, describe, expect, it } from 'vitest';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startTestServer, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
const clients: StockClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await t.close();
});

describe('group commit: a room whose store takes a round trip per append', () => {
  it('stores a burst from 25 people in a few appends, each edit once, each acknowledged and relayed', async () => {
    const appends: number[] = [];
    // 40 ms an append: one append per edit would hold a room to 25 edits a second.
    t = await startTestServer(undefined, { appends: { latencyMs: 40, onAppend: (n) => appends.push(n) } });
    const { mesa, tokens } = await t.createMesa();
    for (let i = 0; i < 25; i++) clients.push(connectStockClient(t.wsUrl, mesa.id, tokens.participant));
    await Promise.all(clients.map(whenSynced));
    const reader = connectStockClient(t.wsUrl, mesa.id, tokens.observer);
    clients.push(reader);
    await whenSynced(reader);
    appends.length = 0;

    // Eight rounds in which each of the 25 makes one edit, all in the same moment (a sender's second edit in one
    // batch goes on its own: its check needs the first applied).
    for (let round = 0; round < 8; round++) {
      for (const [i, client] of clients.slice(0, 25).entries()) client.doc.getMap('notas').set(`${i}-${round}`, round);
      for (const client of clients.slice(0, 25)) await waitFor(() => expect(client.stored()).toBe(client.sent()));
    }

    await waitFor(() => expect(reader.doc.getMap('notas').size).toBe(200));
    // Every edit stored exactly once, in far fewer appends than edits.
    expect(appends.reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(appends.length).toBeLessThanOrEqual(40);
    const fresh = connectStockClient(t.wsUrl, mesa.id, tokens.observer);
    clients.push(fresh);
    await whenSynced(fresh);
    expect(fresh.doc.getMap('notas').size).toBe(200);
  });
});
