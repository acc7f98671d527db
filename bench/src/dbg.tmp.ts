import { killChildren } from './childProcesses';
import { startHocuspocusServer } from './sync/hocuspocusServer';
import { startStockServer } from './sync/stockServer';
import { connectWireClient } from './sync/wireClient';
import { sleep, now } from './clock';
try {
  for (const server of [await startStockServer(), await startHocuspocusServer()]) {
    const [room] = await server.openRooms(1);
    const seen = new Map<string, number>();
    const clients = Array.from({ length: 4 }, (_, i) =>
      connectWireClient(
        { address: room!, serverUrl: room!.serverUrl, client: i },
        {
          onRemoteEdit(e) {
            const k = `${i}<-${e.client}@${e.t}`;
            seen.set(k, (seen.get(k) ?? 0) + 1);
          },
          onPresence() {},
        },
      ),
    );
    await Promise.all(clients.map((c) => c.synced));
    for (let k = 0; k < 10; k++) {
      clients.forEach((c, i) => {
        c.edit({ client: i, instance: 0, t: now(), measured: true });
        c.moveCursor();
      });
      await sleep(100);
    }
    await sleep(500);
    const dup = [...seen.values()].filter((n) => n > 1).length;
    console.log(server.name, 'distinct', seen.size, 'expected', 4 * 3 * 10, 'dups', dup);
    clients.forEach((c) => c.destroy());
    await server.stop();
  }
} finally {
  killChildren();
}
