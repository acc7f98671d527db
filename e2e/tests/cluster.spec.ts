import type { Page } from '@playwright/test';
import { expect, test, through } from '../fixtures/cluster';
import { canvasNode, openNodeEditor, typeInNodeEditor } from '../fixtures/tree';

const banner = (page: Page) => page.getByRole('region', { name: 'Etapa actual de la agenda' });
const timer = (page: Page) => banner(page).getByRole('timer');
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' });

/** Adds a child of `kind` under the node with `parentText` via its button, and types its text. */
async function addUnder(page: Page, parentText: string, kind: 'causa' | 'efecto', text: string) {
  await canvasNode(page, parentText).click();
  await canvasNode(page, parentText)
    .getByRole('button', { name: new RegExp(`Agregar (${kind}|sub${kind})`) })
    .click();
  await typeInNodeEditor(page, text);
}

test.describe('una mesa atendida por dos instancias', () => {
  test('dos personas, cada una en una instancia, construyen un árbol bajo el mismo cronómetro', async ({
    cluster,
    actor,
  }) => {
    const [first, second] = cluster.baseURLs;
    const mesa = await cluster.createMesa({ title: 'Movilidad en el Valle de Toluca' });
    const [beto, ana] = await Promise.all([actor('Beto Ruiz'), actor('Ana López')]);
    await beto.join(through(first!, mesa.links.facilitator));
    await ana.join(through(second!, mesa.links.participant));

    // The facilitator starts the mesa on one instance; the other's screen counts the same stage down.
    await beto.page.getByRole('button', { name: 'Iniciar la mesa' }).click();
    for (const { page } of [beto, ana]) {
      await expect(banner(page)).toContainText('Etapa 0 · En curso');
      await expect(timer(page)).toHaveText(/^29:5\d$/);
    }

    // The agenda keeps the tree closed at registration: the facilitator opens it on one instance, for both.
    await beto.page.getByLabel('Árbol', { exact: true }).selectOption('open');
    await expect(ana.page.getByText('Árbol de problemas: abierto (por la facilitación)')).toBeVisible();

    // Each writes through their own instance; each sees what the other wrote, stored.
    await openNodeEditor(ana.page, 'Problema central');
    await typeInNodeEditor(ana.page, 'Transporte público inseguro');
    await expect(canvasNode(beto.page, 'Transporte público inseguro')).toBeVisible();
    const cause = 'Poca iluminación en las paradas';
    await addUnder(beto.page, 'Transporte público inseguro', 'causa', cause);
    await expect(canvasNode(ana.page, cause)).toBeVisible();
    const effect = 'Menos personas usan el transporte de noche';
    await addUnder(ana.page, 'Transporte público inseguro', 'efecto', effect);
    await expect(canvasNode(beto.page, effect)).toBeVisible();
    for (const { page } of [beto, ana]) await expect(saved(page)).toBeVisible();

    // One timer: both screens show the same second (retried across a tick, when one may be a second ahead).
    await expect
      .poll(async () => {
        const [shownByBeto, shownByAna] = await Promise.all([beto, ana].map((a) => timer(a.page).textContent()));
        return shownByBeto === shownByAna ? shownByBeto : `${shownByBeto} ≠ ${shownByAna}`;
      })
      .toMatch(/^29:\d\d$/);

    // Someone who arrives later, on the second instance, gets the whole tree and the same stage.
    const carla = await actor('Carla Díaz');
    await carla.join(through(second!, mesa.links.observer));
    for (const text of ['Transporte público inseguro', cause, effect]) {
      await expect(canvasNode(carla.page, text)).toBeVisible();
    }
    await expect(banner(carla.page)).toContainText('Etapa 0 · En curso');
  });
});
