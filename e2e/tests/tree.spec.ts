import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/cocrea';

const canvasNode = (page: Page, text: string) => page.locator('.react-flow__node').filter({ hasText: text });
const outlineItem = (page: Page, label: string | RegExp) => page.getByRole('treeitem', { name: label });

/** Writes the central problem on the canvas: double-click, type, Enter. */
async function writeProblem(page: Page, text: string) {
  await canvasNode(page, 'Problema central').dblclick();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Adds a cause under the node with `parentText` via its button, and types its text. */
async function addCause(page: Page, parentText: string, text: string) {
  await canvasNode(page, parentText).click();
  await canvasNode(page, parentText)
    .getByRole('button', { name: /Agregar (causa|subcausa)/ })
    .click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test.describe('el árbol de problemas compartido', () => {
  test('lo que una agrega lo ven las otras dos personas', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto, carla] = await Promise.all([actor('Ana'), actor('Beto'), actor('Carla')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    await carla.join(mesa.links.observer);

    await writeProblem(ana.page, 'Transporte público inseguro');
    await addCause(ana.page, 'Transporte público inseguro', 'Poca iluminación en paradas');

    for (const other of [beto, carla]) {
      await expect(canvasNode(other.page, 'Poca iluminación en paradas')).toBeVisible();
      await expect(outlineItem(other.page, 'Causa: Poca iluminación en paradas')).toBeVisible();
    }
    await expect(ana.page.getByText('Todos los cambios guardados')).toBeVisible();
  });

  test('dos personas escriben en el mismo nodo y se conservan las letras de ambas', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto] = await Promise.all([actor('Ana'), actor('Beto')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    await writeProblem(ana.page, 'inicio');
    await expect(canvasNode(beto.page, 'inicio')).toBeVisible();

    await canvasNode(ana.page, 'inicio').dblclick();
    await canvasNode(beto.page, 'inicio').dblclick();
    await ana.page.keyboard.press('End');
    await beto.page.keyboard.press('Home');
    await Promise.all([
      ana.page.keyboard.type(' AAAA', { delay: 15 }),
      beto.page.keyboard.type('BBBB ', { delay: 15 }),
    ]);
    await ana.page.keyboard.press('Enter');
    await beto.page.keyboard.press('Enter');

    for (const page of [ana.page, beto.page]) {
      await expect(outlineItem(page, 'Problema central: BBBB inicio AAAA')).toBeVisible();
    }
  });

  test('sin conexión se sigue editando y todo se une al volver', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto] = await Promise.all([actor('Ana'), actor('Beto')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    await writeProblem(ana.page, 'Contaminación del río');
    await expect(canvasNode(beto.page, 'Contaminación del río')).toBeVisible();

    await beto.context.setOffline(true);
    await expect(beto.page.getByText('Sin conexión')).toBeVisible({ timeout: 15_000 });
    await addCause(beto.page, 'Contaminación del río', 'Descargas industriales');
    await addCause(ana.page, 'Contaminación del río', 'Basura en las orillas');
    await beto.context.setOffline(false);

    for (const page of [ana.page, beto.page]) {
      await expect(canvasNode(page, 'Descargas industriales')).toBeVisible({ timeout: 20_000 });
      await expect(canvasNode(page, 'Basura en las orillas')).toBeVisible();
    }
    await expect(beto.page.getByText('Todos los cambios guardados')).toBeVisible({ timeout: 20_000 });

    // A reload keeps everything, from the server.
    await ana.page.reload();
    await expect(canvasNode(ana.page, 'Descargas industriales')).toBeVisible();
    await expect(canvasNode(ana.page, 'Basura en las orillas')).toBeVisible();
  });

  test('un árbol de tres niveles se construye solo con el teclado, y esquema y lienzo coinciden', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto] = await Promise.all([actor('Ana'), actor('Beto')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    const page = ana.page;

    await outlineItem(page, /^Problema central/).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Baja participación ciudadana');
    await page.keyboard.press('Enter');
    await page.keyboard.press('c');
    await page.keyboard.type('Desconfianza en las instituciones');
    await page.keyboard.press('Enter');
    await page.keyboard.press('c');
    await page.keyboard.type('Promesas incumplidas');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('e');
    await page.keyboard.type('Políticas sin legitimidad');
    await page.keyboard.press('Enter');

    const expected = [
      'Problema central: Baja participación ciudadana',
      'Efecto: Políticas sin legitimidad',
      'Causa: Desconfianza en las instituciones',
      'Causa: Promesas incumplidas',
    ];
    for (const p of [page, beto.page]) {
      await expect(p.getByRole('treeitem')).toHaveCount(4);
      for (const label of expected) await expect(outlineItem(p, label)).toBeVisible();
      // The canvas shows the same four nodes.
      await expect(p.locator('.react-flow__node')).toHaveCount(4);
      for (const label of expected) await expect(canvasNode(p, label.split(': ')[1]!)).toBeVisible();
    }
    await expect(outlineItem(page, 'Causa: Promesas incumplidas')).toHaveAttribute('aria-level', '3');
  });

  test('la página de la mesa no tiene fallas de accesibilidad graves', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const ana = await actor('Ana');
    await ana.join(mesa.links.participant);
    await writeProblem(ana.page, 'Inseguridad en el transporte');
    await addCause(ana.page, 'Inseguridad en el transporte', 'Falta de vigilancia');
    const results = await new AxeBuilder({ page: ana.page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
