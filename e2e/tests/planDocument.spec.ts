import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { seed001Cronograma } from '@cocrea/shared/fixtures/seed001';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { ADMIN_TOKEN, expect, test } from '../fixtures/cocrea';
import { canvasNode, openNodeEditor, typeInNodeEditor } from '../fixtures/tree';

const PLAN_TITLE = 'Primer Plan de Acción Local de Gobierno Abierto';

const COMMITMENTS = [
  { title: 'Apertura institucional municipal', theme: 'cultura-de-gobierno-abierto', mesa: 'Mesa Infoem' },
  { title: 'Transporte público seguro en el Valle', theme: 'movilidad', mesa: 'Mesa de movilidad' },
  { title: 'Datos abiertos de calidad del aire', theme: 'medio-ambiente', mesa: 'Mesa de medio ambiente' },
] as const;

/** A cause longer than a node on the canvas shows: on paper every one of its words must be there. */
const LONG_CAUSE =
  'Los municipios no cuentan con diagnósticos de apertura institucional ni con personal capacitado para elaborarlos, ' +
  'y los pocos estudios existentes no se publican en formatos abiertos ni se actualizan desde hace años';

async function api(baseURL: string, method: string, path: string, token: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

/** Writes the mesa's tree on its canvas, as the facilitator would: the problem, a long cause and an effect. */
async function drawTree(page: Page): Promise<void> {
  await openNodeEditor(page, 'Problema central');
  await typeInNodeEditor(page, 'Baja apertura institucional en los municipios');
  for (const [button, text] of [
    [/Agregar causa/, LONG_CAUSE],
    [/Agregar efecto/, 'Desconfianza ciudadana en los gobiernos municipales'],
  ] as const) {
    await canvasNode(page, 'Baja apertura institucional').click();
    await canvasNode(page, 'Baja apertura institucional').getByRole('button', { name: button }).click();
    await typeInNodeEditor(page, text);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();
}

test('the Plan’s document of three published commitments prints with a header and page number on every page', async ({
  cocrea,
  actor,
}) => {
  test.slow();
  const { baseURL } = cocrea;
  const { plan } = (await api(baseURL, 'POST', '/api/plans', ADMIN_TOKEN, {
    title: PLAN_TITLE,
    period: '2026–2028',
    entity: 'Estado de México',
  })) as { plan: { id: string } };

  const fernanda = await actor('Fernanda Facilitadora');
  for (const [i, c] of COMMITMENTS.entries()) {
    const created = await cocrea.createMesa({ title: c.mesa, theme: c.theme, planId: plan.id });
    const mesaId = created.mesa.id;
    // The first carries seed 001's route (from September 2020): a cronograma of 24 months, in landscape.
    const route = i === 0 ? seed001Cronograma.map((step, s) => ({ id: `paso${s + 1}`, ...step })) : [];
    const commitment = { ...seed004Commitment, mesaId, title: c.title, theme: c.theme, route };
    await api(baseURL, 'POST', `/api/mesas/${mesaId}/commitment/versions`, created.tokens.facilitator, { commitment });
    let from = 'borrador';
    for (const status of ['en_revision', 'aprobado', 'publicado']) {
      await api(baseURL, 'POST', `/api/review/mesas/${mesaId}/versions/1/status`, ADMIN_TOKEN, { status, from });
      from = status;
    }
    if (i === 0) {
      await fernanda.join(created.links.facilitator, { sector: 'servidor-publico', organization: 'Infoem' });
      await drawTree(fernanda.page);
    }
  }

  // Anyone may open it: a browser that never joined anything.
  const reader = await actor('Lectora');
  const page = reader.page;
  await page.goto(`${baseURL}/planes/${plan.id}/documento`);
  const main = page.getByRole('main');
  await expect(main).toHaveAttribute('data-pages', /^\d+$/);
  const laidOut = Number(await main.getAttribute('data-pages'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN_TITLE);
  await expect(page.getByText('3 compromisos publicados')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('documento-1280.png'), fullPage: false });

  // The index: each commitment (sorted by theme as the board sorts them) and the page it starts on.
  const index = page.locator('.plan-doc-index tbody tr');
  await expect(index).toHaveCount(3);
  const entries = await index.evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return { title: cells[1]!.childNodes[0]!.textContent!, page: Number(cells[2]!.textContent) };
    }),
  );
  expect(entries.map((e) => e.title).sort()).toEqual(COMMITMENTS.map((c) => c.title).sort());
  const headings = await page.locator('.plan-doc-page').locator('h1, h2, h3, h4, caption').allInnerTexts();

  const pdf = test.info().outputPath('documento-del-plan.pdf');
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const sizes = [
    ...execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' }).matchAll(
      /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g,
    ),
  ].map(([, w, h]) => (Number(w) > Number(h) ? 'landscape' : 'portrait'));
  // One sheet per laid-out page: nothing spilled over onto a sheet of its own.
  expect(pages).toHaveLength(laidOut);
  expect(sizes).toHaveLength(laidOut);

  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  pages.forEach((text, i) => {
    const [header, ...rest] = lines(text);
    // The running header first, the page number last, on every page.
    expect(header, `page ${i + 1}`).toContain(PLAN_TITLE);
    expect(rest.at(-1), `page ${i + 1}`).toBe(`Página ${i + 1} de ${pages.length}`);
    // No heading ends a page: the last line before the page number is never one.
    expect(headings, `page ${i + 1} ends with a heading`).not.toContain(rest.at(-2));
  });

  // Each commitment starts on the page the index gives, and every page up to the next one is headed with it.
  const starts = [...entries].sort((a, b) => a.page - b.page);
  starts.forEach((entry, k) => {
    const first = entry.page - 1;
    const end = (starts[k + 1]?.page ?? pages.length + 1) - 1;
    // The kicker, in capitals on paper: «COMPROMISO 2 · MEDIO AMBIENTE».
    expect(pages[first], entry.title).toMatch(new RegExp(`Compromiso ${k + 1} ·`, 'i'));
    for (let p = first; p < end; p++) expect(lines(pages[p]!)[0], `page ${p + 1}`).toContain(entry.title);
  });
  expect(starts[0]!.page).toBeGreaterThan(2);

  // The tree of the first mesa, every word of its long cause, wrapped and never cut.
  const tree = starts.find((e) => e.title === COMMITMENTS[0].title)!.page - 1;
  const treeText = pages[tree]!.replace(/\s+/g, ' ');
  for (const word of LONG_CAUSE.split(' ')) expect(treeText).toContain(word);
  expect(treeText).toContain('Desconfianza ciudadana en los gobiernos municipales');
  // Its 24-month cronograma on landscape sheets; the rest portrait.
  const landscape = sizes.flatMap((size, i) => (size === 'landscape' ? [i] : []));
  expect(landscape.length).toBeGreaterThan(0);
  for (const i of landscape) expect(pages[i]).toContain('Cronograma del compromiso');
  expect(sizes[0]).toBe('portrait');
  // The co-responsible organisation, never its person (Chatham House and the open data's rule).
  const all = pages.join('\n');
  expect(all).toContain(seed004Commitment.coResponsible.organization);
  expect(all).not.toContain(seed004Commitment.coResponsible.person);
  expect(all).not.toContain('Fernanda Facilitadora');

  // On a phone the pages scroll sideways inside their region; the actions stay usable.
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('button', { name: 'Imprimir o guardar como PDF' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Descargar los datos (CSV, una fila por actividad)' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('documento-360.png') });
});
