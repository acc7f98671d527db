import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { seed001Cronograma } from '@cocrea/shared/fixtures/seed001';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { expect, test } from '../fixtures/cocrea';

/** The agenda moved by the facilitator's link to Etapa 4, where the mesa drafts its commitment. */
async function toStage4(baseURL: string, mesaId: string, token: string): Promise<void> {
  for (const command of [{ type: 'start' }, { type: 'goto', stage: 4 }]) {
    const res = await fetch(`${baseURL}/api/mesas/${mesaId}/agenda/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(command),
    });
    expect(res.status).toBe(200);
  }
}

/** Each body row of a cronograma grid as its marks, seed 001's way: "x" where it happens, " " where not. */
async function marks(grid: Locator): Promise<string[]> {
  return grid.locator('tbody tr:not(.cronograma-group)').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('td'))
        .map((cell) => (cell.classList.contains('cronograma-on') ? 'x' : ' '))
        .join(''),
    ),
  );
}

const SEED_001_MARKS = ['x     ', ' x    ', ' x    ', '  x   ', '  x   ', 'xxxx  ', '   x  ', '   xx ', '     x'];

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('seed 001’s cronograma, entered as it is, is a month-by-month grid for everyone, live', async ({
  cocrea,
  actor,
}) => {
  test.slow();
  const created = await cocrea.createMesa({ title: 'Mesa Infoem', theme: 'cultura de gobierno abierto' });
  await toStage4(cocrea.baseURL, created.mesa.id, created.tokens.facilitator);
  const ana = await actor('Ana Participante');
  const beto = await actor('Beto Participante');
  await ana.join(created.links.participant);
  await beto.join(created.links.participant);
  for (const a of [ana, beto]) await a.page.getByRole('tab', { name: 'Compromiso' }).click();

  // The commitment's period bounds the months a step can take: September 2020 to February 2021.
  await ana.page.getByLabel('Fecha de inicio del compromiso').fill('2020-09-01');
  await ana.page.getByLabel('Fecha de conclusión del compromiso').fill('2021-02-28');
  for (const [i, step] of seed001Cronograma.entries()) {
    await ana.page.getByRole('button', { name: 'Agregar paso a la ruta' }).click();
    const item = ana.page.locator('li.route-step').nth(i);
    await expect(item.getByLabel('Descripción')).toBeFocused();
    await item.getByLabel('Descripción').fill(step.text);
    await item.getByLabel('Mes de inicio').selectOption({ label: monthName(step.startMonth) });
    await item.getByLabel('Mes de conclusión').selectOption({ label: monthName(step.endMonth) });
  }

  // Beto sees the grid as the seed draws it: nine actions, Sept to Feb, the same marks.
  const grid = beto.page.getByRole('table', { name: /^Cronograma del compromiso/ });
  await expect(grid.locator('tbody tr:not(.cronograma-group)')).toHaveCount(9);
  await expect.poll(() => marks(grid)).toEqual(SEED_001_MARKS);
  await expect(grid.locator('thead th')).toHaveText([
    'Acción',
    'sept2020septiembre de 2020',
    'octoctubre de 2020',
    'novnoviembre de 2020',
    'dicdiciembre de 2020',
    'ene2021enero de 2021',
    'febfebrero de 2021',
  ]);
  await expect(grid.getByRole('rowheader', { name: /^8\. Firma convenio/ })).toContainText(
    'de diciembre de 2020 a enero de 2021',
  );
  await expect(grid.getByRole('columnheader', { name: 'septiembre de 2020' })).toBeVisible();

  // A step moved up moves in the grid too.
  await ana.page.getByRole('button', { name: 'Bajar Paso 1' }).click();
  await expect.poll(async () => (await marks(grid)).slice(0, 2)).toEqual([' x    ', 'x     ']);
  await ana.page.getByRole('button', { name: 'Subir Paso 2' }).click();
  await expect.poll(() => marks(grid)).toEqual(SEED_001_MARKS);

  await expectNoSeriousA11yViolations(beto.page);
  await beto.page.setViewportSize({ width: 1280, height: 800 });
  await grid.scrollIntoViewIfNeeded();
  await beto.page.screenshot({ path: 'test-results/cronograma-form-1280.png' });
  await beto.page.setViewportSize({ width: 390, height: 844 });
  await grid.scrollIntoViewIfNeeded();
  await beto.page.screenshot({ path: 'test-results/cronograma-form-390.png' });
});

test('a saved version prints its route and its cronograma, landscape when wide, every page numbered', async ({
  cocrea,
  actor,
}) => {
  test.slow();
  const created = await cocrea.createMesa({ title: 'Mesa Infoem', theme: 'cultura de gobierno abierto' });
  const mesaId = created.mesa.id;
  const route = seed001Cronograma.map((step, i) => ({ id: `paso${i + 1}`, ...step }));
  const commitment = { ...seed004Commitment, mesaId, route };
  const saved = await fetch(`${cocrea.baseURL}/api/mesas/${mesaId}/commitment/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${created.tokens.facilitator}` },
    body: JSON.stringify({ commitment }),
  });
  expect(saved.status).toBe(201);

  const fernanda = await actor('Fernanda Facilitadora');
  await fernanda.join(created.links.facilitator, { sector: 'servidor-publico', organization: 'Infoem' });
  await fernanda.page.goto(`${cocrea.baseURL}/mesa/${mesaId}/compromiso/1`);
  const sheet = fernanda.page.locator('.print-sheet');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(seed004Commitment.title);
  await expect(sheet.getByRole('heading', { name: 'Ruta para el cumplimiento' })).toBeVisible();
  const grid = sheet.getByRole('table', { name: /^Cronograma del compromiso/ });
  // Seed 001's route (from September 2020) and seed 004's activities (to August 2022): 24 months.
  await expect(grid.locator('thead th')).toHaveCount(1 + 24);
  expect((await marks(grid)).slice(0, 9).map((row) => row.slice(0, 6))).toEqual(SEED_001_MARKS);
  await expectNoSeriousA11yViolations(fernanda.page);
  await fernanda.page.setViewportSize({ width: 1280, height: 800 });
  await grid.scrollIntoViewIfNeeded();
  await fernanda.page.screenshot({ path: 'test-results/cronograma-print-1280.png' });

  const pdf = test.info().outputPath('compromiso.pdf');
  await fernanda.page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await fernanda.page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const sizes = [
    ...execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' }).matchAll(
      /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g,
    ),
  ].map(([, w, h]) => (Number(w) > Number(h) ? 'landscape' : 'portrait'));
  expect(pages.length).toBeGreaterThan(1);
  expect(sizes).toHaveLength(pages.length);
  pages.forEach((text, i) => expect(text).toContain(`Página ${i + 1} de ${pages.length}`));
  // The cronograma's pages are landscape; the rest, portrait.
  const cronogramaPages = pages.flatMap((text, i) => (text.includes('Acción') ? [i] : []));
  expect(cronogramaPages.length).toBeGreaterThan(0);
  for (const i of cronogramaPages) expect(sizes[i]).toBe('landscape');
  expect(sizes[0]).toBe('portrait');
  // No page ends with a heading: the last line before the page number is never one.
  const headings = await sheet.locator('h2').allInnerTexts();
  for (const text of pages) {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^Página \d+ de \d+$/.test(line));
    expect(headings).not.toContain(lines.at(-1));
  }
  for (const step of seed001Cronograma) expect(pages.join('\n')).toContain(step.text.slice(0, 9));
});

/** "2020-09" → "septiembre de 2020", as the month pickers word it. */
function monthName(month: string): string {
  const names = [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ];
  return `${names[Number(month.slice(5)) - 1]} de ${month.slice(0, 4)}`;
}
