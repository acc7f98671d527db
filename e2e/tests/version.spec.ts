import { expect, test } from '../fixtures/cocrea';

/**
 * Makes the page's sync socket claim the protocol version stored in localStorage's `e2e:protocolVersion`, as a tab
 * still running an older build after a deploy would. Runs before the page's own scripts, on every load.
 */
function claimStoredProtocolVersion(): void {
  const claimed = localStorage.getItem('e2e:protocolVersion');
  if (claimed === null) return;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(String(url).replace(/([?&]v=)\d+/, `$1${claimed}`), protocols);
    }
  };
}

test('una página de una versión anterior pide recargar y deja de reconectarse', async ({ cocrea, actor }) => {
  const mesa = await cocrea.createMesa({ title: 'Mesa tras una actualización' });
  const ana = await actor('Ana López');
  await ana.context.addInitScript(claimStoredProtocolVersion);
  await ana.join(mesa.links.participant);

  const sockets: string[] = [];
  ana.page.on('websocket', (ws) => sockets.push(ws.url()));
  await ana.page.evaluate(() => localStorage.setItem('e2e:protocolVersion', '0'));
  await ana.page.clock.install();
  await ana.page.reload();

  const banner = ana.page
    .getByRole('alert')
    .filter({ hasText: 'Hay una versión nueva de Cocrea: recargue la página.' });
  await expect(banner).toBeVisible();
  expect(sockets).toHaveLength(1);
  expect(sockets[0]).toContain('v=0');
  // A minute of the page's timers later (y-websocket backs off at most 2.5 s), still one socket.
  await ana.page.clock.runFor('01:00');
  await expect(banner).toBeVisible();
  expect(sockets).toHaveLength(1);

  // The reload button loads the server's own client, which connects.
  await ana.page.evaluate(() => localStorage.removeItem('e2e:protocolVersion'));
  await banner.getByRole('button', { name: 'Recargar la página' }).click();
  await expect(ana.page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();
  await expect(ana.page.getByRole('alert')).toHaveCount(0);
});
