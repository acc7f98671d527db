import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Actor, type CreatedMesa } from '../fixtures/cocrea';
import { openNodeEditor } from '../fixtures/tree';

/** One agenda command with the facilitator's link, as the facilitator's controls send it. */
async function command(baseURL: string, created: CreatedMesa, body: { type: string; stage?: number }): Promise<void> {
  const res = await fetch(`${baseURL}/api/mesas/${created.mesa.id}/agenda/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${created.tokens.facilitator}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

/** The agenda started and moved to `stage`. */
async function gotoStage(baseURL: string, created: CreatedMesa, stage: number): Promise<void> {
  await command(baseURL, created, { type: 'start' });
  await command(baseURL, created, { type: 'goto', stage });
}

async function openCommitment(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Compromiso' }).click();
  await expect(page.getByRole('heading', { name: 'Compromiso y hoja de ruta' })).toBeVisible();
}

/** The comment button of the draft's "Problema público" field, whatever its count. */
const problemComments = (a: Actor) =>
  a.page.getByRole('button', { name: /^(Comentar|\d+ comentarios? sobre) «Problema público»$/ });
/** What that button shows on screen ("Comentar", "2 comentarios"); its name also says which field. */
const problemCount = (a: Actor) => problemComments(a).locator('[aria-hidden="true"]');
/** The open threads of that field: the region right after its button. */
const problemPanel = (a: Actor) =>
  a.page
    .locator('.field-comments')
    .filter({ has: problemComments(a) })
    .getByRole('region', { name: 'Comentarios', exact: true });

/** Writes in the panel's last text box labelled `label` and sends it with Ctrl+Intro. */
async function comment(panel: ReturnType<typeof problemPanel>, label: string, text: string): Promise<void> {
  await panel.getByLabel(label).last().fill(text);
  await panel.getByLabel(label).last().press('Control+Enter');
}

test.describe('la deliberación (Etapa 5)', () => {
  test('comentan un campo en vivo, responden, marcan «Resuelto» y la facilitación oculta uno', async ({
    cocrea,
    actor,
  }) => {
    test.slow();
    const created = await cocrea.createMesa({ title: 'Mesa de movilidad de Toluca' });
    await gotoStage(cocrea.baseURL, created, 5);
    const [fernanda, ana, beto] = await Promise.all([
      actor('Fernanda Facilitadora'),
      actor('Ana López'),
      actor('Beto Ruiz'),
    ]);
    await fernanda.join(created.links.facilitator, { sector: 'servidor-publico', organization: 'Infoem' });
    await ana.join(created.links.participant);
    await beto.join(created.links.participant, { sector: 'academia', organization: 'UAEMéx' });
    for (const a of [fernanda, ana, beto]) await openCommitment(a.page);

    // Ana opens the field's comments from the keyboard and writes; Ctrl+Intro sends.
    await expect(problemCount(ana)).toHaveText('Comentar');
    await problemComments(ana).focus();
    await ana.page.keyboard.press('Enter');
    await expect(problemComments(ana)).toHaveAttribute('aria-expanded', 'true');
    await expect(problemPanel(ana).getByText('Todavía no hay comentarios.')).toBeVisible();
    await comment(problemPanel(ana), 'Nuevo comentario', '¿Quién mide el tiempo de traslado?');
    await expect(problemPanel(ana).getByText('Usted')).toBeVisible();

    // Beto sees the count change live, and Ana's name, shown from presence.
    await expect(problemCount(beto)).toHaveText('1 comentario');
    await problemComments(beto).click();
    const betoThread = problemPanel(beto).locator('.comment-thread').first();
    await expect(betoThread.getByText('Ana López')).toBeVisible();
    await betoThread.getByRole('button', { name: 'Responder' }).click();
    await expect(betoThread.getByLabel('Su respuesta')).toBeFocused();
    await beto.page.keyboard.type('La Secretaría de Movilidad, con la encuesta origen-destino.');
    await beto.page.keyboard.press('Control+Enter');

    // Ana sees the reply come in and marks the thread resolved; Beto sees it resolved.
    const anaThread = problemPanel(ana).locator('.comment-thread').first();
    await expect(anaThread.getByRole('list', { name: '1 respuesta' })).toContainText('Beto Ruiz');
    await expect(problemCount(ana)).toHaveText('2 comentarios');
    await anaThread.getByRole('button', { name: 'Marcar como resuelto' }).click();
    await expect(betoThread.getByText('Resuelto', { exact: true })).toBeVisible();
    await expect(betoThread.getByRole('button', { name: 'Reabrir' })).toBeVisible();

    // Beto writes something out of place; only the facilitator can hide it, and it disappears for everyone else.
    await comment(problemPanel(beto), 'Nuevo comentario', 'Comentario fuera de lugar');
    await expect(problemCount(fernanda)).toHaveText('3 comentarios');
    await expect(problemPanel(ana).getByRole('button', { name: 'Ocultar' })).toHaveCount(0);
    await problemComments(fernanda).click();
    const offTopic = problemPanel(fernanda).locator('.comment').filter({ hasText: 'Comentario fuera de lugar' });
    await offTopic.getByRole('button', { name: 'Ocultar' }).click();
    for (const a of [ana, beto]) {
      await expect(problemPanel(a).getByText('Comentario oculto por la facilitación.')).toBeVisible();
      await expect(problemPanel(a).getByText('Comentario fuera de lugar')).toHaveCount(0);
      await expect(problemCount(a)).toHaveText('2 comentarios');
    }
    await expect(offTopic).toContainText('oculto para las demás personas');
    await expect(offTopic.getByRole('button', { name: 'Mostrar' })).toBeVisible();
    for (const a of [fernanda, ana, beto]) {
      await expect(a.page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();
    }

    // A node of the tree: its comments sit beside the outline, and its count shows on the canvas and the outline.
    await ana.page.getByRole('tab', { name: 'Árbol de problemas' }).click();
    const nodePanel = ana.page.getByRole('region', { name: 'Comentarios del elemento seleccionado' });
    await comment(
      nodePanel.getByRole('region', { name: 'Comentarios', exact: true }),
      'Nuevo comentario',
      'Falta el dato de 2025.',
    );
    await beto.page.getByRole('tab', { name: 'Árbol de problemas' }).click();
    await expect(beto.page.getByRole('treeitem', { name: /1 comentario$/ })).toBeVisible();
    await expect(
      beto.page.locator('.react-flow__node').getByRole('button', { name: /^1 comentario sobre/ }),
    ).toBeVisible();

    // Names are for the screen only: the tree's JSON export has the tree, and nothing of the deliberation.
    const [json] = await Promise.all([
      beto.page.waitForEvent('download'),
      beto.page.getByRole('button', { name: 'Datos JSON' }).click(),
    ]);
    const exported = await readFile(await json.path(), 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ kind: 'problema' });
    for (const trace of ['Ana López', 'Beto Ruiz', 'Fernanda', 'Falta el dato de 2025', 'comentario']) {
      expect(exported).not.toContain(trace);
    }

    // On a phone, with the threads open: nothing wider than the screen, and no serious accessibility problem.
    await ana.page.getByRole('tab', { name: 'Compromiso' }).click();
    await ana.page.setViewportSize({ width: 360, height: 740 });
    await problemComments(ana).click();
    await expect(problemPanel(ana)).toBeVisible();
    const overflow = await problemPanel(ana).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const axe = await new AxeBuilder({ page: ana.page }).include('.field-comments').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('un editor abierto cuando la agenda cierra el árbol se cierra o queda de solo lectura al momento, y dice por qué', async ({
    cocrea,
    actor,
  }) => {
    const created = await cocrea.createMesa();
    await gotoStage(cocrea.baseURL, created, 2);
    const ana = await actor('Ana López');
    await ana.join(created.links.participant);
    const problem = ana.page.locator('.react-flow__node').filter({ hasText: 'Problema central' });
    await openNodeEditor(ana.page, 'Problema central');
    await ana.page.keyboard.type('Transporte público inseguro');
    await expect(problem.getByRole('textbox')).toBeVisible();
    const saved = ana.page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' });
    await expect(saved).toBeVisible();

    // Etapa 5 locks the tree.
    await command(cocrea.baseURL, created, { type: 'goto', stage: 5 });
    await expect(problem.getByRole('textbox')).toHaveCount(0);
    await expect(ana.page.getByRole('status').filter({ hasText: 'Se cerró la edición del árbol' })).toBeVisible();
    // What was typed before the lock stays.
    await expect(problem).toContainText('Transporte público inseguro');
    await expect(saved).toBeVisible();

    // The same in the objectives tree: the field being typed in turns read-only at once, and the page says why.
    await command(cocrea.baseURL, created, { type: 'goto', stage: 4 });
    await ana.page.getByRole('tab', { name: 'Árbol de objetivos' }).click();
    const objective = ana.page
      .getByRole('region', { name: 'Árbol de objetivos' })
      .getByLabel(/^Objetivo de «Transporte público inseguro»/);
    await objective.click();
    await ana.page.keyboard.type('Transporte público seguro');
    await expect(saved).toBeVisible();
    await command(cocrea.baseURL, created, { type: 'goto', stage: 5 });
    await expect(objective).toHaveAttribute('readonly', '');
    await expect(
      ana.page.getByRole('status').filter({ hasText: 'el texto que escribía quedó de solo lectura' }),
    ).toBeVisible();
    await expect(objective).toHaveValue('Transporte público seguro');
  });
});
