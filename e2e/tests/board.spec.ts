import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { ADMIN_TOKEN, expect, startServer, test } from '../fixtures/cocrea';
import { publishBoard } from '../fixtures/publishedBoard';

/**
 * The public board on a phone (360 px): the summary, a search and its filters, pages of twenty, every activity's
 * progress and evidence in view with nothing wider than the screen (measured, not eyeballed), and a commitment's
 * own page with its cronograma and an evidence file to download.
 */

const COMMITMENTS = 25;
const ACTIVITIES = 10;
const SEED = Number(process.env.BOARD_SEED ?? 20_261_207);

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE });

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Every element that pokes out of the viewport sideways, as `tag.class (left–right)`, and whether the page itself
 * scrolls sideways. A table inside a scrolling region of its own (the cronograma) scrolls there, not the page, so
 * what it holds is measured by its region's box.
 */
async function sidewaysOverflow(page: Page): Promise<{ pageScrolls: boolean; offenders: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      if (element.closest('.table-scroll') && !element.classList.contains('table-scroll')) continue;
      const box = element.getBoundingClientRect();
      // Nothing to see: empty, or visually hidden text for screen readers (1 × 1 px).
      if (box.width <= 1 && box.height <= 1) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        offenders.push(`${element.tagName.toLowerCase()}.${element.className} (${box.left}–${box.right})`);
      }
    }
    return { pageScrolls: document.documentElement.scrollWidth > width, offenders };
  });
}

/** For each activity card: whether its progress and its evidence (or "no evidence yet") lie within the screen. */
async function activitiesInView(page: Page): Promise<{ cards: number; hidden: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const shown = (element: Element | null) => {
      if (!element) return false;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return (
        box.width > 0 &&
        box.height > 0 &&
        box.left >= -0.5 &&
        box.right <= width + 0.5 &&
        style.visibility === 'visible' &&
        style.display !== 'none'
      );
    };
    const cards = Array.from(document.querySelectorAll('.activity-card'));
    const hidden = cards
      .filter(
        (card) =>
          !shown(card.querySelector('.completion')) ||
          !shown(card.querySelector('.board-evidence, .board-evidence-none')) ||
          Array.from(card.querySelectorAll('.board-evidence a')).some((link) => !shown(link)),
      )
      .map((card) => card.querySelector('.activity-card-title')?.textContent ?? '?');
    return { cards: cards.length, hidden };
  });
}

/**
 * A server of the story's own: the worker's server is shared by the stories that run after this one, which expect
 * a board with nothing published on it.
 */
test.beforeAll(async () => {
  const { child, baseURL, dataDir } = await startServer();
  own = { baseURL, adminToken: ADMIN_TOKEN };
  stopOwn = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
});
test.afterAll(() => stopOwn());
let own: { baseURL: string; adminToken: string };
let stopOwn: () => Promise<void>;

test('el tablero en un teléfono: resumen, búsqueda, filtros, páginas y la página de un compromiso', async ({
  actor,
}) => {
  const cocrea = own;
  console.log(`board story seed: ${SEED}`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  const board = await publishBoard({
    baseURL: cocrea.baseURL,
    adminToken: cocrea.adminToken,
    commitments: COMMITMENTS,
    activitiesPerCommitment: ACTIVITIES,
    seed: SEED,
    today,
  });

  const visitor = await actor('Visitante');
  const { page } = visitor;
  // The actor's context is made by hand (fixtures/cocrea.ts): set the phone's width on the page itself.
  await page.setViewportSize(PHONE);
  await page.goto(`${cocrea.baseURL}/tablero`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tablero Público de Seguimiento' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'El tablero de un vistazo' });
  await expect(summary.getByText(/^Movilidad: \d+ compromisos?$/)).toBeVisible();
  await expect(
    summary.getByText(/\d+ actividades: \d+ concluidas?, \d+ en curso, \d+ atrasadas?, \d+ por iniciar\./).first(),
  ).toBeVisible();
  const results = page.getByRole('status').filter({ hasText: /compromiso/ });
  await expect(results).toHaveText(`Se encontraron ${COMMITMENTS} compromisos. Página 1 de 2.`);

  // Twenty commitments on the first page, every activity's progress and evidence within the screen.
  await expect(page.getByRole('article')).toHaveCount(20);
  const firstPage = await activitiesInView(page);
  expect(firstPage).toEqual({ cards: 20 * ACTIVITIES, hidden: [] });
  expect(await sidewaysOverflow(page)).toEqual({ pageScrolls: false, offenders: [] });
  // Each commitment says its progress in words beside its bar.
  await expect(page.getByRole('article').first()).toContainText(/\d+ de 10 actividades concluidas/);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/board-360.png', fullPage: false });

  // A cronograma opens inside its card, scrolling in its own region, never the page.
  const card = page.getByRole('article').first();
  await card.getByText('Cronograma del compromiso').click();
  await expect(card.getByRole('table', { name: /Cronograma del compromiso/ })).toBeVisible();
  expect((await sidewaysOverflow(page)).pageScrolls).toBe(false);

  // The second page: the other five.
  await page.getByRole('navigation', { name: 'Páginas de resultados' }).getByRole('link', { name: 'Página 2' }).click();
  await expect(results).toHaveText(`Se encontraron ${COMMITMENTS} compromisos. Página 2 de 2.`);
  await expect(page.getByRole('article')).toHaveCount(COMMITMENTS - 20);
  expect(await activitiesInView(page)).toEqual({ cards: (COMMITMENTS - 20) * ACTIVITIES, hidden: [] });

  // A search by words, accents and case aside; the address keeps it, so it can be shared.
  const search = page.getByRole('search', { name: 'Buscar y filtrar' });
  await search.getByLabel('Buscar', { exact: true }).fill('COMPROMISO 17');
  await search.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(results).toHaveText('Se encontró 1 compromiso. Página 1 de 1.');
  await expect(page).toHaveURL(/\/tablero\?q=COMPROMISO\+17$/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article')).toHaveAccessibleName(board.titles.get(board.mesaIds[16]!)!);

  // Filters: theme n % 6 and institution n % 8 of the story's board (publishedBoard.ts).
  await search.getByRole('button', { name: 'Quitar la búsqueda y los filtros' }).click();
  await expect(results).toHaveText(`Se encontraron ${COMMITMENTS} compromisos. Página 1 de 2.`);
  await search.getByLabel('Tema').selectOption({ label: 'Movilidad' });
  await search.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(results).toHaveText('Se encontraron 4 compromisos. Página 1 de 1.');
  await search.getByLabel('Institución responsable').selectOption('Secretaría de Movilidad');
  await search.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(results).toHaveText('Se encontró 1 compromiso. Página 1 de 1.');
  await expect(page.getByRole('article')).toHaveAccessibleName(board.titles.get(board.mesaIds[23]!)!);
  await search.getByRole('button', { name: 'Quitar la búsqueda y los filtros' }).click();
  await search.getByLabel('Avance del compromiso').selectOption({ label: 'Sustancial' });
  await search.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(results).not.toHaveText(`Se encontraron ${COMMITMENTS} compromisos. Página 1 de 2.`);
  for (const found of await page.getByRole('article').all()) {
    await expect(found).toContainText('Avance del compromiso: Sustancial');
  }
  await expectNoSeriousA11yViolations(page);

  // A commitment's own page, from its title: a link to share, every activity, the cronograma with today's month.
  await search.getByRole('button', { name: 'Quitar la búsqueda y los filtros' }).click();
  const mesaId = board.mesaIds[0]!;
  const title = board.titles.get(mesaId)!;
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page).toHaveURL(`${cocrea.baseURL}/tablero/compromisos/${mesaId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByLabel('Enlace para compartir este compromiso')).toHaveValue(
    `${cocrea.baseURL}/tablero/compromisos/${mesaId}`,
  );
  expect(await activitiesInView(page)).toEqual({ cards: ACTIVITIES, hidden: [] });
  expect(await sidewaysOverflow(page)).toEqual({ pageScrolls: false, offenders: [] });
  const cronograma = page.getByRole('table', { name: /Cronograma del compromiso/ });
  await expect(cronograma).toBeVisible();
  await expect(cronograma.locator('th[aria-current="date"]')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/board-commitment-360.png', fullPage: false });

  // An evidence file downloads as what its bytes are, never sniffed.
  const file = page.getByRole('link', { name: 'Acta de la sesión' });
  if ((await file.count()) > 0) {
    const href = await file.first().getAttribute('href');
    const answer = await page.request.get(`${cocrea.baseURL}${href}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    expect(answer.headers()['x-content-type-options']).toBe('nosniff');
  }

  // The address works by itself, as a shared link does.
  const other = await actor('Otra visitante');
  await other.page.setViewportSize(PHONE);
  await other.page.goto(`${cocrea.baseURL}/tablero/compromisos/${board.mesaIds[1]!}`);
  await expect(other.page.getByRole('heading', { level: 1, name: board.titles.get(board.mesaIds[1]!)! })).toBeVisible();
});
