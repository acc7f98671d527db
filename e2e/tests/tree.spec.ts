import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/cocrea';
import { canvasNode, openNodeEditor, typeInNodeEditor } from '../fixtures/tree';

const outlineItem = (page: Page, label: string | RegExp) => page.getByRole('treeitem', { name: label });

/** Writes the central problem on the canvas: double-click, type, Enter. */
async function writeProblem(page: Page, text: string) {
  await openNodeEditor(page, 'Problema central');
  await typeInNodeEditor(page, text);
}

/** Adds a cause under the node with `parentText` via its button, and types its text. */
async function addCause(page: Page, parentText: string, text: string) {
  await canvasNode(page, parentText).click();
  await canvasNode(page, parentText)
    .getByRole('button', { name: /Agregar (causa|subcausa)/ })
    .click();
  await typeInNodeEditor(page, text);
}

/** Adds an effect under the node with `parentText` via its button, and types its text. */
async function addEffect(page: Page, parentText: string, text: string) {
  await canvasNode(page, parentText).click();
  await canvasNode(page, parentText)
    .getByRole('button', { name: /Agregar (efecto|subefecto)/ })
    .click();
  await typeInNodeEditor(page, text);
}

/** Clicks an export button of the tree's toolbar; returns the downloaded file's name and bytes. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test.describe('el árbol de problemas compartido', () => {
  test('lo que una agrega lo ven las otras dos personas', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto, carla] = await Promise.all([actor('Ana'), actor('Beto'), actor('Carla')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    await carla.join(mesa.links.observer);
    // The observer is not invited to write what she cannot, nor told keys that would do nothing.
    await expect(canvasNode(carla.page, 'Problema central')).toContainText('Sin texto todavía');
    await expect(carla.page.getByText('Teclas: ↑ ↓ recorrer · → ← abrir y cerrar ramas')).toBeVisible();
    await expect(canvasNode(ana.page, 'Problema central')).toContainText('Escriba el problema público…');

    const cause = 'Poca iluminación en las paradas que usan de noche quienes salen del mercado y de las escuelas';
    await writeProblem(ana.page, 'Transporte público inseguro');
    await addCause(ana.page, 'Transporte público inseguro', cause);

    for (const other of [beto, carla]) {
      await expect(canvasNode(other.page, cause)).toBeVisible();
      await expect(outlineItem(other.page, `Causa: ${cause}`)).toBeVisible();
    }
    await expect(ana.page.getByText('Todos los cambios guardados')).toBeVisible();

    // A text longer than its node shows three whole lines there (then an ellipsis), and is whole in its tooltip.
    const text = canvasNode(beto.page, cause).locator('.tree-node-text');
    await expect(text).toHaveAttribute('title', cause);
    const lines = await text.evaluate((p) => p.clientHeight / parseFloat(getComputedStyle(p).lineHeight));
    expect(lines).toBeGreaterThanOrEqual(2.95);
  });

  test('dos personas escriben en el mismo nodo y se conservan las letras de ambas', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto] = await Promise.all([actor('Ana'), actor('Beto')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    await writeProblem(ana.page, 'inicio');
    await expect(canvasNode(beto.page, 'inicio')).toBeVisible();

    await Promise.all([openNodeEditor(ana.page, 'inicio'), openNodeEditor(beto.page, 'inicio')]);
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
    await expect(beto.page.getByText('Sin conexión')).toBeVisible();
    await addCause(beto.page, 'Contaminación del río', 'Descargas industriales');
    await addCause(ana.page, 'Contaminación del río', 'Basura en las orillas');
    await beto.context.setOffline(false);

    for (const page of [ana.page, beto.page]) {
      await expect(canvasNode(page, 'Descargas industriales')).toBeVisible();
      await expect(canvasNode(page, 'Basura en las orillas')).toBeVisible();
    }
    await expect(beto.page.getByText('Todos los cambios guardados')).toBeVisible();

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
      'Subcausa: Promesas incumplidas',
    ];
    for (const p of [page, beto.page]) {
      await expect(p.getByRole('treeitem')).toHaveCount(4);
      for (const label of expected) await expect(outlineItem(p, label)).toBeVisible();
      // The canvas shows the same four nodes.
      await expect(p.locator('.react-flow__node')).toHaveCount(4);
      for (const label of expected) await expect(canvasNode(p, label.split(': ')[1]!)).toBeVisible();
    }
    await expect(outlineItem(page, 'Subcausa: Promesas incumplidas')).toHaveAttribute('aria-level', '3');
    // A cause of a cause is a sub-cause on the canvas too (shown in capitals by the stylesheet).
    await expect(canvasNode(page, 'Promesas incumplidas')).toContainText('Subcausa');
    await expect(canvasNode(page, 'Desconfianza en las instituciones').locator('.tree-node-kind')).toHaveText('Causa');
  });

  test('el árbol se exporta en PNG, SVG y JSON sin decir quién escribió qué', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    // Surnames that appear nowhere else, so finding one in a file can only mean a name leaked into it.
    const [ana, beto] = await Promise.all([actor('Ana Quintanilla'), actor('Beto Zamudio')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    // The effect is longer than the three lines a node shows on screen: the images must still show every word.
    const texts = [
      'Inundaciones en la colonia',
      'Drenaje tapado por basura',
      'Casas con humedad y moho, enfermedades respiratorias de niñas, niños y personas mayores, pérdida de muebles y de días de escuela y de trabajo cada temporada de lluvias',
    ];
    await writeProblem(ana.page, texts[0]!);
    await addCause(ana.page, texts[0]!, texts[1]!);
    await addEffect(ana.page, texts[0]!, texts[2]!);

    // Beto's cursor and "Beto Zamudio está editando" are on Ana's canvas when she exports: they must stay out.
    await openNodeEditor(beto.page, texts[1]!);
    await expect(ana.page.locator('.remote-cursor')).toContainText('Beto Zamudio');
    await expect(canvasNode(ana.page, texts[1]!)).toContainText('Beto Zamudio está editando');
    const leaks = (content: string) => ['Quintanilla', 'Zamudio'].filter((name) => content.includes(name));

    const png = await download(ana.page, 'Imagen PNG');
    expect(png.name).toBe('arbol-de-problemas.png');
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // The IHDR chunk comes first: length (4 bytes), type, then width and height as 32-bit big-endian integers.
    expect(png.bytes.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(800);
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(600);
    expect(leaks(png.bytes.toString('latin1'))).toEqual([]);

    const svg = await download(ana.page, 'Imagen SVG');
    expect(svg.name).toBe('arbol-de-problemas.svg');
    const parsed = await ana.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const edges = Array.from(doc.querySelectorAll<SVGPathElement>('path.tree-edge'));
      return {
        root: doc.documentElement.localName,
        errors: doc.getElementsByTagName('parsererror').length,
        text: doc.documentElement.textContent ?? '',
        // The SVG carries no stylesheet: an edge is visible only if its stroke came along with it.
        strokedEdges: edges.filter((path) => path.style.stroke !== '').length,
        // Every node's text whole: as tall as it needs, never clamped to the screen's three lines.
        clipped: Array.from(doc.querySelectorAll<HTMLElement>('.tree-node-text')).filter(
          (text) => text.style.webkitLineClamp === '3' || text.style.overflow === 'hidden',
        ).length,
        nodeHeights: Array.from(doc.querySelectorAll<HTMLElement>('.tree-node'), (node) =>
          parseFloat(node.style.height),
        ),
        // Nor filled: an SVG path is filled black unless told otherwise.
        filledEdges: edges.filter((path) => path.getAttribute('fill') !== 'none').length,
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed).toMatchObject({ root: 'svg', errors: 0, strokedEdges: 2, filledEdges: 0, clipped: 0 });
    expect(Math.min(...parsed.nodeHeights)).toBeGreaterThan(84);
    // Back on screen, the canvas is as it was: three lines per node.
    await expect(canvasNode(ana.page, texts[2]!).locator('.tree-node')).toHaveCSS('height', '84px');
    for (const text of texts) expect(parsed.text).toContain(text);
    expect(leaks(svg.bytes.toString('utf8'))).toEqual([]);
    // Nor the cursor, the "está editando" label or the editor's colour around the node.
    expect(svg.bytes.toString('utf8')).not.toMatch(/remote-cursor|tree-node-editor/);

    const json = await download(ana.page, 'Datos JSON');
    expect(json.name).toBe('arbol-de-problemas.json');
    // Kinds, texts and structure only: no ids, positions or authors.
    expect(JSON.parse(json.bytes.toString('utf8'))).toEqual({
      kind: 'problema',
      text: texts[0],
      children: [
        { kind: 'causa', text: texts[1], children: [] },
        { kind: 'efecto', text: texts[2], children: [] },
      ],
    });
    expect(leaks(json.bytes.toString('utf8'))).toEqual([]);
  });

  test('en un teléfono el lienzo ocupa el ancho, el esquema queda debajo y el árbol se reacomoda al girarlo', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto] = await Promise.all([actor('Ana'), actor('Beto')]);
    await ana.page.setViewportSize({ width: 390, height: 844 });
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    const box = async (selector: string) => (await ana.page.locator(selector).first().boundingBox())!;

    const canvas = await box('.tree-canvas');
    expect(canvas.width).toBeGreaterThan(350);
    expect((await box('.tree-side')).y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    // The hint for an empty tree sits between the (wrapped) toolbar and the canvas, over neither.
    const toolbar = await box('.tree-toolbar');
    const hint = await box('.tree-empty');
    expect(hint.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
    // The stage guide opens under the tabs, where it is seen, not after the canvas and the outline.
    await ana.page.getByRole('button', { name: 'Preguntas y fichas' }).click();
    const guide = (await ana.page.getByRole('complementary', { name: 'Guía de la etapa' }).boundingBox())!;
    expect(guide.y).toBeLessThan((await box('.tree-canvas')).y);
    await ana.page.getByRole('button', { name: 'Preguntas y fichas' }).click();

    await writeProblem(beto.page, 'Transporte público inseguro');
    await addCause(beto.page, 'Transporte público inseguro', 'Poca iluminación en paradas');
    const inside = async () => {
      const area = await box('.tree-canvas');
      const node = (await canvasNode(ana.page, 'Poca iluminación en paradas').boundingBox())!;
      return (
        node.x >= area.x &&
        node.y >= area.y &&
        node.x + node.width <= area.x + area.width &&
        node.y + node.height <= area.y + area.height
      );
    };
    await expect.poll(inside).toBe(true);
    // Turned sideways, the canvas changes size and the tree is fitted to it again.
    await ana.page.setViewportSize({ width: 844, height: 390 });
    await expect.poll(inside).toBe(true);
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
