import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { expect, test, type Actor } from '../fixtures/cocrea';
import { outlineEditorFocused } from '../fixtures/tree';

const c = seed004Commitment;

async function openCommitment(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Compromiso' }).click();
  await expect(page.getByRole('heading', { name: 'Compromiso y hoja de ruta' })).toBeVisible();
}

/** The agenda moved by the facilitator's link, as the facilitator's controls do. */
async function gotoStage(baseURL: string, mesaId: string, token: string, stage: number): Promise<void> {
  for (const command of [{ type: 'start' }, { type: 'goto', stage }]) {
    const res = await fetch(`${baseURL}/api/mesas/${mesaId}/agenda/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(command),
    });
    expect(res.status).toBe(200);
  }
}

const lines = (page: Page) => page.locator('li.line');
const lineTitle = (line: Locator) => line.locator(':scope > .field textarea');

/** Types seed 004's lines of action, activities and dates, as a participant would. */
async function fillLines(page: Page): Promise<void> {
  for (const [l, line] of c.linesOfAction.entries()) {
    await page.getByRole('button', { name: 'Agregar línea de acción' }).click();
    const item = lines(page).nth(l);
    await expect(lineTitle(item)).toBeFocused();
    await page.keyboard.type(line.title.slice(0, 12));
    await lineTitle(item).fill(line.title);
    for (const [a, activity] of line.activities.entries()) {
      await item.getByRole('button', { name: /^Agregar actividad/ }).click();
      const row = item.locator('li.activity').nth(a);
      await row.getByLabel('Enunciado').fill(activity.title);
      await row.getByLabel('Descripción / objetivo').fill(activity.objective);
      await row.getByLabel('Medio de verificación').fill(activity.verification);
      await row.getByLabel('Fecha de inicio').fill(activity.startDate);
      await row.getByLabel('Fecha de conclusión').fill(activity.endDate);
    }
  }
}

/** Types the roadmap, the alignment and the criteria, as a second participant would at the same time. */
async function fillRoadmap(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Agregar persona responsable' }).click();
  const person = c.responsibles[0]!;
  await page.getByLabel('Nombre', { exact: true }).fill(person.name);
  await page.getByLabel('Cargo').fill(person.position);
  await page.getByLabel('Institución', { exact: true }).fill(person.institution);
  await page.getByLabel('Organización', { exact: true }).fill(c.coResponsible.organization);
  await page.getByLabel('Persona', { exact: true }).fill(c.coResponsible.person);
  await page.getByLabel('Resultado final').fill(c.finalResult);
  for (const [i, product] of c.products.entries()) {
    await page.getByRole('button', { name: 'Agregar producto' }).click();
    await page.getByRole('textbox', { name: `Producto esperado ${i + 1}`, exact: true }).fill(product.text);
  }
  for (const [i, indicator] of c.indicators.entries()) {
    await page.getByRole('button', { name: 'Agregar indicador' }).click();
    const item = page.locator('.list-item').filter({ hasText: `Indicador ${i + 1}` });
    await item.getByLabel('Nombre').fill(indicator.name);
    await item.getByLabel('Fórmula o método de cálculo').fill(indicator.formula);
    await item.getByLabel('Meta').fill(indicator.goal);
  }
  await page.getByLabel('Fecha de inicio del compromiso').fill(c.startDate);
  await page.getByLabel('Fecha de conclusión del compromiso').fill(c.endDate);
  await page.getByLabel('Transparencia').check();
  await page.getByLabel('Participación ciudadana').check();
  for (const n of c.ods) await page.getByLabel(new RegExp(`^ODS ${n}:`)).check();
  await page.getByLabel(/^Perspectiva de igualdad de género/).fill(c.genderPerspective);
  await page.getByLabel(/^Alineación con las prioridades estatales/).fill(c.statePriorities);
  for (const id of ['I', 'II', 'III', 'IV', 'V', 'VI'] as const) {
    const criterion = page.getByRole('group', { name: `¿El compromiso cumple el criterio ${id}?` });
    await criterion.getByLabel('Sí').check();
    await page.getByLabel(`Nota sobre el criterio ${id}`, { exact: true }).fill(c.criteria[id].note);
  }
}

test('two participants draft the commitment together in Etapa 4, the facilitator saves it, and it prints', async ({
  cocrea,
  actor,
}) => {
  test.slow(); // the longest stories: three times the configured timeout
  const created = await cocrea.createMesa({ title: 'Mesa Infoem', theme: 'cultura de gobierno abierto' });
  const mesaId = created.mesa.id;
  await gotoStage(cocrea.baseURL, mesaId, created.tokens.facilitator, 4);

  const facilitator = await actor('Fernanda Facilitadora');
  const ana = await actor('Ana Participante');
  const beto = await actor('Beto Participante');
  await facilitator.join(created.links.facilitator, { sector: 'servidor-publico', organization: 'Infoem' });
  await ana.join(created.links.participant);
  await beto.join(created.links.participant, { sector: 'academia', organization: 'UAEMéx' });
  for (const a of [facilitator, ana, beto]) await openCommitment(a.page);

  // Both type into the same field at once: each keeps the other's letters.
  const field = (a: Actor) => a.page.getByLabel('Compromiso definitivo');
  await field(ana).click();
  await field(beto).click();
  await Promise.all([ana.page.keyboard.type('Ana escribe. '), beto.page.keyboard.type('Beto escribe. ')]);
  for (const a of [ana, beto, facilitator]) {
    await expect(field(a)).toHaveValue(/Ana escribe\./);
    await expect(field(a)).toHaveValue(/Beto escribe\./);
  }

  await ana.page.getByLabel('Título del compromiso').fill(c.title);
  await expect(ana.page.getByText('Tipo de compromiso: Compromiso de mesa')).toBeVisible();
  await ana.page.getByLabel('Institución responsable').fill(c.leadInstitution);
  await ana.page.getByLabel('Problema público').fill(c.problem);
  await ana.page.getByLabel('Objetivo de largo plazo').fill(c.longTermObjective);
  await field(ana).fill(c.commitment);
  await Promise.all([fillLines(ana.page), fillRoadmap(beto.page)]);

  // Everyone sees both people's work, and the live checklist has checked what it can.
  await expect(lines(facilitator.page)).toHaveCount(3);
  await expect(lineTitle(lines(facilitator.page).nth(2))).toHaveValue(c.linesOfAction[2]!.title);
  await expect(ana.page.getByLabel('Resultado final')).toHaveValue(c.finalResult);
  await expect(facilitator.page.locator('.check-missing')).toHaveCount(0);

  // Only the facilitator saves. A field emptied just before saving is named, linked, and keeps the save back.
  await expect(ana.page.getByRole('button', { name: 'Guardar compromiso' })).toHaveCount(0);
  await beto.page.getByLabel('Resultado final').fill('');
  const save = facilitator.page.getByRole('button', { name: 'Guardar compromiso' });
  await expect(facilitator.page.getByText('Falta para poder guardar (1)')).toBeVisible();
  await save.click();
  await facilitator.page.getByRole('link', { name: 'Resultado final' }).click();
  await expect(facilitator.page.getByLabel('Resultado final')).toBeFocused();
  await expect(facilitator.page.locator('.field-problem').filter({ hasText: 'Es obligatorio.' })).toBeVisible();
  await facilitator.page.keyboard.type(c.finalResult);
  await expect(facilitator.page.getByText('El compromiso está completo: se puede guardar.')).toBeVisible();
  await save.click();
  await expect(facilitator.page.getByText(/Se guardó la versión 1 \(Etapa 4 · /)).toBeVisible();
  await facilitator.page.screenshot({ path: 'test-results/commitment-form.png', fullPage: false });

  // The printable view of the saved version: seed 004's tables, and nobody's name but the responsibles'.
  const [print] = await Promise.all([
    facilitator.context.waitForEvent('page'),
    facilitator.page.getByRole('link', { name: 'Ver para imprimir' }).first().click(),
  ]);
  await expect(print.getByRole('heading', { level: 1 })).toHaveText(c.title);
  await expect(print.getByText('Compromiso de mesa · Institución responsable: Infoem')).toBeVisible();
  for (const [l, line] of c.linesOfAction.entries()) {
    await expect(print.getByRole('heading', { name: `Línea de acción ${l + 1}` })).toBeVisible();
    await expect(print.getByText(line.title, { exact: true })).toBeVisible();
    const table = print.locator('.print-line').nth(l).getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText([
      'Actividad',
      'Descripción / objetivo',
      'Medio de verificación',
      'Periodo',
    ]);
    await expect(table.locator('tbody tr')).toHaveCount(line.activities.length);
    await expect(table.locator('tbody tr').first().locator('td').nth(2)).toHaveText(line.activities[0]!.verification);
  }
  const text = await print.locator('.print-sheet').innerText();
  for (const name of [facilitator.name, ana.name, beto.name]) expect(text).not.toContain(name);
  expect(text).toContain(c.responsibles[0]!.name);
  expect(text).toContain('Versión 1');
  await print.screenshot({ path: 'test-results/commitment-print.png', fullPage: true });

  const axe = await new AxeBuilder({ page: print }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  const [csv] = await Promise.all([
    print.waitForEvent('download'),
    print.getByRole('button', { name: 'Descargar CSV' }).click(),
  ]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain(`"Línea de acción 2 › Actividad 2 › Medio de verificación","Relatoría del evento."`);
  const [json] = await Promise.all([
    print.waitForEvent('download'),
    print.getByRole('button', { name: 'Descargar JSON' }).click(),
  ]);
  const saved = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
    number: number;
    commitment: { linesOfAction: unknown[] };
  };
  expect(saved.number).toBe(1);
  expect(saved.commitment.linesOfAction).toHaveLength(3);
});

test('the objectives tree mirrors the problem tree, rewords it together and pre-fills lines of action', async ({
  cocrea,
  actor,
}) => {
  const created = await cocrea.createMesa({ title: 'Mesa de movilidad' });
  const ana = await actor('Ana');
  const beto = await actor('Beto');
  await ana.join(created.links.participant);
  await beto.join(created.links.participant);

  // Ana writes a small problem tree.
  await ana.page.getByRole('tab', { name: 'Árbol de problemas' }).click();
  const outline = ana.page.getByRole('tree');
  await outline.getByRole('treeitem').first().focus();
  await ana.page.keyboard.press('Enter');
  await outlineEditorFocused(ana.page);
  await ana.page.keyboard.type('Congestión vial');
  await ana.page.keyboard.press('Escape');
  await ana.page.keyboard.press('c');
  await outlineEditorFocused(ana.page);
  await ana.page.keyboard.type('Transporte público insuficiente');
  await ana.page.keyboard.press('Escape');
  await outline.getByRole('treeitem').first().focus();
  await ana.page.keyboard.press('e');
  await outlineEditorFocused(ana.page);
  await ana.page.keyboard.type('Horas perdidas');
  await ana.page.keyboard.press('Escape');

  for (const a of [ana, beto]) await a.page.getByRole('tab', { name: 'Árbol de objetivos' }).click();
  const objectives = (a: Actor) => a.page.getByRole('region', { name: 'Árbol de objetivos' });
  await expect(objectives(beto).getByText('de «Transporte público insuficiente»')).toBeVisible();
  await objectives(beto)
    .getByLabel(/^Objetivo de «Congestión vial»/)
    .fill('Movilidad fluida');
  await objectives(ana)
    .getByLabel(/^Medio de «Transporte público insuficiente»/)
    .fill('Transporte público suficiente');
  await objectives(ana)
    .getByLabel(/^Fin de «Horas perdidas»/)
    .fill('Tiempo ganado');
  await expect(objectives(beto).getByLabel(/^Medio de/)).toHaveValue('Transporte público suficiente');
  await expect(objectives(ana).getByLabel(/^Objetivo de/)).toHaveValue('Movilidad fluida');

  await objectives(beto).getByLabel('Elegir para una línea de acción').check();
  await objectives(beto).getByRole('button', { name: 'Crear una línea de acción con el medio elegido' }).click();
  await expect(objectives(ana).getByText('Ya es la línea de acción 1')).toBeVisible();
  await beto.page.screenshot({ path: 'test-results/objectives.png' });

  await ana.page.getByRole('tab', { name: 'Compromiso' }).click();
  await expect(lineTitle(lines(ana.page).first())).toHaveValue('Transporte público suficiente');
  await expect(
    ana.page.getByText('Viene del medio «Transporte público suficiente» del árbol de objetivos.'),
  ).toBeVisible();
  await ana.page.getByRole('button', { name: 'Usar el objetivo del árbol de objetivos' }).click();
  await expect(ana.page.getByLabel('Objetivo de largo plazo')).toHaveValue('Movilidad fluida');
});

test('the agenda’s lock closes the drafting for everyone, and the facilitator can open it again', async ({
  cocrea,
  actor,
}) => {
  const created = await cocrea.createMesa({ title: 'Mesa con candado' });
  // Etapa 6 works on the tree only: the commitment is locked.
  await gotoStage(cocrea.baseURL, created.mesa.id, created.tokens.facilitator, 6);
  const ana = await actor('Ana');
  await ana.join(created.links.participant);
  await openCommitment(ana.page);
  await expect(ana.page.getByText('La redacción del compromiso está cerrada en esta etapa.')).toBeVisible();
  await expect(ana.page.getByLabel('Problema público')).toHaveAttribute('readonly', '');
  await expect(ana.page.getByRole('button', { name: 'Agregar línea de acción' })).toHaveCount(0);

  const res = await fetch(`${cocrea.baseURL}/api/mesas/${created.mesa.id}/agenda/locks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${created.tokens.facilitator}` },
    body: JSON.stringify({ tool: 'commitment', mode: 'open' }),
  });
  expect(res.status).toBe(200);
  await expect(ana.page.getByLabel('Problema público')).not.toHaveAttribute('readonly');
  await ana.page.getByLabel('Problema público').fill('Ahora sí se puede escribir.');
  await expect(ana.page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();
});

test('the index of the form jumps to each section, on a phone and on a desktop', async ({ cocrea, actor }) => {
  const created = await cocrea.createMesa({ title: 'Mesa con índice' });
  const ana = await actor('Ana');
  await ana.page.setViewportSize({ width: 390, height: 844 });
  await ana.join(created.links.facilitator);
  await openCommitment(ana.page);
  const index = ana.page.getByRole('navigation', { name: 'Secciones del compromiso' });
  await expect(index.getByRole('link')).toHaveText([
    'Datos y problema',
    'Líneas de acción',
    'Hoja de ruta',
    'Ruta y cronograma',
    'Principios y ODS',
    'Criterios',
    'Guardar',
  ]);
  /** After a jump: the heading has the focus, is on screen, and is not under the index that stays at the top. */
  const jump = async (link: string, heading: string) => {
    await index.getByRole('link', { name: link }).click();
    const target = ana.page.getByRole('heading', { name: heading, exact: true });
    await expect(target).toBeFocused();
    await expect(target).toBeInViewport();
    await expect(index).toBeInViewport();
    const bar = (await index.boundingBox())!;
    const box = (await target.boundingBox())!;
    return { heading: box, bar };
  };
  const roadmap = await jump('Hoja de ruta', 'Hoja de ruta');
  expect(roadmap.heading.y).toBeGreaterThanOrEqual(roadmap.bar.y + roadmap.bar.height - 1);
  // The page scrolled well past the top: the section is far down the form.
  expect(await ana.page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  // Stuck to the top of the screen, where the page scrolled past it.
  const criteria = await jump('Criterios', 'Criterios del compromiso (I–VI)');
  expect(Math.abs(criteria.bar.y)).toBeLessThan(1);
  await jump('Guardar', 'Guardar compromiso');
  await jump('Datos y problema', 'Datos generales, problema y compromiso');

  // On a desktop the form scrolls in its own box beside the save panel, under the index.
  await ana.page.setViewportSize({ width: 1280, height: 800 });
  const desktop = await jump('Criterios', 'Criterios del compromiso (I–VI)');
  expect(desktop.heading.y).toBeGreaterThanOrEqual(desktop.bar.y + desktop.bar.height - 1);
  await expect(index).toBeInViewport();
  await ana.page.screenshot({ path: 'test-results/commitment-index.png' });
});
