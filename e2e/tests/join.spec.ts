import type { Page } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import { MessageType } from '@cocrea/shared';
import { expect, test } from '../fixtures/cocrea';
import { outlineEditorFocused } from '../fixtures/tree';

/** The client ids of every awareness message a page sends on its sync socket. */
function presenceSent(page: Page): number[][] {
  const messages: number[][] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') return;
      const frame = decoding.createDecoder(payload);
      if (decoding.readVarUint(frame) !== MessageType.awareness) return;
      const update = decoding.createDecoder(decoding.readVarUint8Array(frame));
      const ids: number[] = [];
      for (let count = decoding.readVarUint(update); count > 0; count--) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update); // clock
        decoding.readVarString(update); // state
      }
      messages.push(ids);
    }),
  );
  return messages;
}

test.describe('entrar a una mesa', () => {
  test('una participante se registra, ve a los demás y sigue dentro al recargar', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa({ title: 'Movilidad en el Valle de Toluca' });
    const ana = await actor('Ana López');
    const beto = await actor('Beto Ruiz');

    await ana.join(mesa.links.participant, { sector: 'academia', organization: 'UAEMéx' });
    await beto.join(mesa.links.facilitator);

    await expect(ana.page.getByRole('heading', { name: 'Movilidad en el Valle de Toluca' })).toBeVisible();
    await expect(ana.page.getByText('Beto Ruiz · Facilitación')).toBeAttached();
    await expect(beto.page.getByText('Ana López · Participante')).toBeAttached();
    // The link's secret leaves the address bar once it is remembered.
    expect(ana.page.url()).not.toContain('#k=');

    await ana.page.reload();
    await expect(ana.page.getByRole('heading', { name: 'Movilidad en el Valle de Toluca' })).toBeVisible();
    await expect(ana.page.getByText('Todos los cambios guardados')).toBeVisible();
    await expect(ana.page.getByLabel('Nombre')).toHaveCount(0);
  });

  test('un observador ve «Todos los cambios guardados» también después de recargar, una y otra vez', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa({ title: 'Mesa observada' });
    const ana = await actor('Ana López');
    const olga = await actor('Olga Observadora');
    await ana.join(mesa.links.participant);
    await ana.page.getByRole('treeitem').first().focus();
    await ana.page.keyboard.press('Enter');
    await outlineEditorFocused(ana.page);
    await ana.page.keyboard.type('Congestión vial');
    await ana.page.keyboard.press('Escape');
    await olga.join(mesa.links.observer);
    // The observer's browser keeps a copy; reloaded, that copy must not go out as an edit the server drops
    // unanswered (the indicator would stay on "Guardando…").
    for (let i = 0; i < 3; i++) {
      await olga.page.reload();
      await expect(olga.page.getByText('Congestión vial').first()).toBeVisible();
      await expect(olga.page.getByText('Todos los cambios guardados')).toBeVisible();
    }
  });

  test('con muchas personas el encabezado muestra unas caras y «+N» abre la lista de todas', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa();
    const ana = await actor('Ana López');
    await ana.join(mesa.links.participant);
    const others = await Promise.all(
      ['Beto', 'Carla', 'Dora', 'Elena', 'Fer', 'Gabo', 'Hugo', 'Iris', 'Juan'].map(actor),
    );
    for (const person of others) await person.join(mesa.links.participant);
    // A second tab of Beto's is one more connection, not one more person.
    await (await others[0]!.context.newPage()).goto(others[0]!.page.url());

    const more = ana.page.getByRole('button', { name: 'Ver a las 10 personas en la mesa' });
    await expect(more).toHaveText('+3');
    await expect(ana.page.locator('.presence > ul > li')).toHaveCount(7);
    expect(await ana.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await more.click();
    const everyone = ana.page.locator('.presence-directory li');
    await expect(everyone).toHaveCount(10);
    await expect(everyone.first()).toHaveText('ALAna López (usted) · Participante');
    await expect(everyone.filter({ hasText: 'Beto · Participante' })).toHaveCount(1);
    await ana.page.keyboard.press('Escape');
    await expect(everyone.first()).toBeHidden();
    await expect(more).toBeFocused();
  });

  test('cada navegador envía solo su propia presencia, no la de los demás de vuelta', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const ana = await actor('Ana López');
    const beto = await actor('Beto Ruiz');
    const [fromAna, fromBeto] = [presenceSent(ana.page), presenceSent(beto.page)];
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);

    const pane = async (page: Page) => (await page.locator('.react-flow__pane').boundingBox())!;
    const betoPane = await pane(beto.page);
    for (let x = 0; x < 100; x += 20) await beto.page.mouse.move(betoPane.x + 100 + x, betoPane.y + 100);
    await expect(ana.page.locator('.remote-cursor')).toContainText('Beto Ruiz');
    // Ana's own move goes out after whatever her page sent on receiving Beto's: frames are seen in order.
    const before = fromAna.length;
    const anaPane = await pane(ana.page);
    await ana.page.mouse.move(anaPane.x + 50, anaPane.y + 50);
    await expect.poll(() => fromAna.length).toBeGreaterThan(before);

    const betoIds = new Set(fromBeto.flat());
    expect(betoIds.size).toBeGreaterThan(0);
    expect(fromAna.flat().filter((id) => betoIds.has(id))).toEqual([]);
  });

  test('el registro explica en español lo que falta', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const carla = await actor('Carla');
    await carla.page.goto(mesa.links.participant);
    await carla.page.getByRole('button', { name: 'Entrar a la mesa' }).click();
    await expect(carla.page.getByText('Escriba su nombre (al menos 2 caracteres).')).toBeVisible();
    await expect(carla.page.getByText('Elija su sector.')).toBeVisible();
    await expect(carla.page.getByText('Debe aceptar la regla de Chatham House para participar.')).toBeVisible();
  });

  test('un enlace inválido dice por qué no se puede entrar', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const intruso = await actor('Intruso');
    await intruso.page.goto(`${cocrea.baseURL}/mesa/${mesa.mesa.id}#k=${'x'.repeat(43)}`);
    await expect(intruso.page.getByRole('alert')).toContainText('El enlace de acceso no es válido para esta mesa.');
    await intruso.page.goto(`${cocrea.baseURL}/mesa/${mesa.mesa.id}`);
    await intruso.page.reload();
    await expect(intruso.page.getByRole('alert')).toContainText('El enlace de acceso no es válido para esta mesa.');
  });
});
