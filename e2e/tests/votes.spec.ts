import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/cocrea';
import { canvasNode, openNodeEditor, typeInNodeEditor } from '../fixtures/tree';

const panel = (page: Page) => page.getByRole('region', { name: /Votación/ });

/** Writes the central problem and its causes on the canvas, as the facilitator does before the vote. */
async function writeTree(page: Page, problem: string, causes: readonly string[]) {
  await openNodeEditor(page, 'Problema central');
  await typeInNodeEditor(page, problem);
  for (const cause of causes) {
    await canvasNode(page, problem).click();
    await canvasNode(page, problem).getByRole('button', { name: 'Agregar causa' }).click();
    await typeInNodeEditor(page, cause);
  }
}

const PROBLEM = 'Transporte público inseguro';
const CAUSES = ['Paradas sin luz', 'Unidades sin cámaras', 'Choferes sin capacitación'] as const;

test.describe('la votación por puntos', () => {
  test('la facilitación abre una votación sobre las causas, cinco personas votan en secreto y el resultado aparece al cerrarla', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa({ title: 'Movilidad segura' });
    const fabiola = await actor('Fabiola Facilitadora');
    const people = await Promise.all(['Ana Uno', 'Beto Dos', 'Carla Tres', 'Dora Cuatro', 'Eva Cinco'].map(actor));
    await fabiola.join(mesa.links.facilitator);
    for (const person of people) await person.join(mesa.links.participant);
    await writeTree(fabiola.page, PROBLEM, CAUSES);
    for (const { page } of people) await expect(canvasNode(page, CAUSES[2])).toBeVisible();

    // Participants have nothing to open; the facilitator opens a vote of two dots each, one per cause.
    for (const { page } of people) await expect(page.getByText('Abrir una votación')).toHaveCount(0);
    const controls = panel(fabiola.page);
    await controls.getByText('Abrir una votación').click();
    await controls.getByLabel('Qué se vota').selectOption({ label: 'Causas del árbol de problemas' });
    await controls.getByLabel('Votos por persona').fill('2');
    await controls.getByRole('button', { name: 'Abrir votación' }).click();
    await expect(controls.getByRole('heading', { name: 'Votación sobre las causas' })).toBeVisible();

    // Who puts which dots where: the first cause gets four, the other two three each.
    const choices = [
      [0, 1],
      [0, 1],
      [0, 2],
      [0, 2],
      [1, 2],
    ] as const;
    for (const [i, person] of people.entries()) {
      const ballot = panel(person.page);
      await expect(ballot.getByText('2 votos por persona, uno por elemento.')).toBeVisible();
      await expect(ballot.getByRole('status')).toHaveText('Le quedan 2 votos.');
      const [first, second] = choices[i]!;
      if (i === 0) {
        // From the keyboard: the dots are buttons.
        await ballot.getByRole('button', { name: `Votar por «${CAUSES[first]}»` }).focus();
        await person.page.keyboard.press('Enter');
      } else {
        await ballot.getByRole('button', { name: `Votar por «${CAUSES[first]}»` }).click();
      }
      await expect(ballot.getByRole('status')).toHaveText('Le queda 1 voto.');
      // One dot per cause: the same cause cannot take a second one.
      await expect(ballot.getByRole('button', { name: `Votar por «${CAUSES[first]}»` })).toBeDisabled();
      // The same dots are on the canvas's node.
      await canvasNode(person.page, CAUSES[second])
        .getByRole('button', { name: `Votar por «${CAUSES[second]}»` })
        .click();
      await expect(ballot.getByRole('status')).toHaveText('Ya usó todos sus votos.');
      for (const cause of CAUSES) {
        await expect(ballot.getByRole('button', { name: `Votar por «${cause}»` })).toBeDisabled();
      }
    }

    // While it is open nobody sees counts, the facilitator included: only how many have voted.
    await expect(controls).toContainText('5 personas han votado (10 votos).');
    await expect(controls.getByRole('heading', { name: 'Resultados de la votación' })).toHaveCount(0);
    await expect(canvasNode(fabiola.page, CAUSES[0]).locator('.vote-rank')).toHaveCount(0);
    const axe = await new AxeBuilder({ page: people[0]!.page }).include('.vote-panel').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await controls.getByRole('button', { name: 'Cerrar votación y mostrar resultados' }).click();
    for (const { page } of [fabiola, ...people]) {
      const results = panel(page).getByRole('list').last();
      await expect(panel(page).getByRole('heading', { name: 'Resultados de la votación' })).toBeVisible();
      await expect(results.getByRole('listitem')).toHaveText([
        `${CAUSES[0]} 4 votos`,
        `${CAUSES[1]} 3 votos`,
        `${CAUSES[2]} 3 votos`,
      ]);
      // The ranking on the canvas and in the outline.
      await expect(canvasNode(page, CAUSES[0])).toContainText('N.º 1 · 4 votos');
      await expect(canvasNode(page, CAUSES[2])).toContainText('N.º 2 · 3 votos');
      await expect(page.getByRole('treeitem', { name: new RegExp(CAUSES[1]) })).toContainText(
        'Lugar 2 en la votación: 3 votos',
      );
      // Counts, never who voted what: no name of anyone in the vote's panel.
      const text = await panel(page).innerText();
      for (const name of [fabiola, ...people].map((p) => p.name)) expect(text).not.toContain(name);
    }
    const closedAxe = await new AxeBuilder({ page: fabiola.page }).include('.vote-panel').analyze();
    expect(closedAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
