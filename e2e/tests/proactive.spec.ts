import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/cocrea';
import { openNodeEditor, typeInNodeEditor } from '../fixtures/tree';

const PASSWORD = 'mesas abiertas 2026';
const TITLE = 'Compromiso Proactivo del Infoem';
const STL_MEMBER = 'Irma Integrante del STL';
const ORGANIZATION_PERSON = 'Olga Organización Reservada';
const CO_RESPONSIBLE_PERSON = 'Pablo Corresponsable Reservado';

/** Seed 000: the Infoem's proposal in the axis «Cultura de gobierno abierto», completed as a commitment. */
const c = {
  institution: 'Infoem',
  problem: 'Las agendas local y municipal de gobierno abierto avanzan por separado y sin las organizaciones civiles.',
  cause: 'No hay un espacio común entre municipios y sociedad civil',
  longTermObjective: 'Una estrategia estatal de apertura institucional construida con las organizaciones civiles.',
  commitment: 'Articular las agendas local y municipal de gobierno abierto en una estrategia estatal con las OSC.',
  line: 'Articular las agendas local y municipal de gobierno abierto.',
  activity: {
    title: 'Elaborar el diagnóstico de apertura institucional municipal.',
    objective: 'Conocer las prácticas de apertura de los municipios.',
    verification: 'Diagnóstico publicado.',
    startDate: '2027-02-01',
    endDate: '2027-12-15',
  },
  responsible: { name: 'Responsable del Infoem', position: 'Coordinación de Gobierno Abierto' },
  organization: 'Red Ciudadana por la Apertura AC',
  finalResult: 'Una estrategia estatal de gobierno abierto publicada y en marcha.',
  product: 'Estrategia estatal de gobierno abierto.',
  indicator: 'Municipios con agenda articulada',
  startDate: '2027-01-15',
  endDate: '2028-06-30',
  genderPerspective: 'Las mesas de diálogo incluyen colectivos de mujeres y de personas con discapacidad.',
  statePriorities: 'Se alinea con el eje de gobierno abierto del Plan Estatal de Desarrollo.',
};

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const stepper = (page: Page) => page.getByRole('region', { name: /^Compromiso proactivo · fase/ });

/** The STL moves to the next phase; every page shows it. */
async function nextPhase(page: Page, phase: number, name: string): Promise<void> {
  await page.getByRole('button', { name: `Siguiente fase: ${name}` }).click();
  await expect(stepper(page).getByRole('heading')).toHaveText(`Compromiso proactivo · fase ${phase} de 5`);
  await expect(stepper(page).locator('[aria-current="step"]')).toContainText(name);
}

test('un integrante del STL propone un compromiso proactivo en el plan, lo lleva por sus cinco fases con las organizaciones y llega al tablero', async ({
  cocrea,
  actor,
}) => {
  test.slow(); // a whole commitment typed, and a review: as long as the review story
  const member = await fetch(`${cocrea.baseURL}/api/stl/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cocrea.adminToken}` },
    body: JSON.stringify({ email: 'irma.stl@infoem.org.mx', name: STL_MEMBER, password: PASSWORD }),
  });
  expect(member.status).toBe(201);
  const plan = await fetch(`${cocrea.baseURL}/api/plans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cocrea.adminToken}` },
    body: JSON.stringify({ title: 'Primer Plan de Acción Local', period: '2026-2028', entity: 'Estado de México' }),
  });
  expect(plan.status).toBe(201);

  // Phase 1, in the plan: the STL member proposes it, without a mesa de cocreación.
  const irma = await actor(STL_MEMBER);
  await irma.page.goto(`${cocrea.baseURL}/stl`);
  await irma.page.getByLabel('Correo electrónico').fill('irma.stl@infoem.org.mx');
  await irma.page.getByLabel('Contraseña').fill(PASSWORD);
  await irma.page.getByRole('button', { name: 'Entrar' }).click();
  await irma.page.getByRole('link', { name: 'Planes de acción' }).click();
  await irma.page.getByRole('link', { name: 'Primer Plan de Acción Local', exact: true }).click();
  await irma.page.getByRole('button', { name: 'Nuevo compromiso proactivo' }).click();
  const form = irma.page.getByRole('form', { name: 'Nuevo compromiso proactivo' });
  await form.getByRole('button', { name: 'Proponer compromiso' }).click();
  await expect(form.getByText('El título debe tener al menos 3 caracteres.')).toBeVisible();
  await expectNoSeriousA11yViolations(irma.page);
  await form.getByLabel('Título del compromiso').fill(TITLE);
  await form.getByLabel('Eje').selectOption({ label: 'Cultura de gobierno abierto' });
  await form.getByLabel('Fecha de la propuesta').fill('2026-12-07');
  await form.getByRole('button', { name: 'Proponer compromiso' }).click();
  const links = irma.page.getByRole('region', { name: `Enlaces de «${TITLE}»` });
  await expect(links.getByRole('heading')).toBeFocused();
  const own = await links.getByRole('textbox', { name: 'Su enlace para conducir el compromiso (STL)' }).inputValue();
  const invitation = await links
    .getByRole('textbox', { name: 'Enlace de invitación para organizaciones (fase 3)' })
    .inputValue();
  await expect(
    irma.page.getByText('Compromiso proactivo · fase 1 de 5: Propuesta de un integrante del STL'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(irma.page);
  await irma.page.screenshot({ path: 'test-results/proactive-plan.png', fullPage: true });

  // In the compromiso, with the STL's own link: the stepper instead of the agenda, the proposal in the draft.
  await irma.join(own, { sector: 'organismo-autonomo', organization: 'Infoem' });
  await expect(stepper(irma.page).getByRole('heading')).toHaveText('Compromiso proactivo · fase 1 de 5');
  await expect(irma.page.getByRole('region', { name: 'Agenda y cronómetro' })).toHaveCount(0);
  await expect(irma.page.getByRole('button', { name: 'Fase anterior' })).toHaveCount(0);
  await irma.page.getByRole('tab', { name: 'Compromiso' }).click();
  await expect(irma.page.getByText('Tipo de compromiso: Compromiso proactivo')).toBeVisible();
  await irma.page.getByRole('button', { name: /^Usar el título de la propuesta/ }).click();
  await irma.page.getByLabel('Institución responsable').fill(c.institution);
  await irma.page.getByLabel('Problema público').fill(c.problem);
  await expectNoSeriousA11yViolations(irma.page);
  await irma.page.screenshot({ path: 'test-results/proactive-phase1.png' });

  // Phase 2: the problem tree.
  await nextPhase(irma.page, 2, 'Árbol de problemas');
  await irma.page.getByRole('tab', { name: 'Árbol de problemas' }).click();
  const node = (page: Page, text: string) => page.locator('.react-flow__node').filter({ hasText: text });
  await openNodeEditor(irma.page, 'Problema central');
  await typeInNodeEditor(irma.page, 'Agendas de gobierno abierto desarticuladas');

  // Phase 3: an organisation comes in with the invitation link, under Chatham House, and adds to the live tree.
  await nextPhase(irma.page, 3, 'Diálogo abierto con organizaciones');
  const olga = await actor(ORGANIZATION_PERSON);
  await olga.join(invitation, { sector: 'sociedad-civil', organization: c.organization });
  await expect(stepper(olga.page).getByRole('heading')).toHaveText('Compromiso proactivo · fase 3 de 5');
  await expect(stepper(olga.page).getByRole('button')).toHaveCount(0);
  await olga.page.getByRole('tab', { name: 'Árbol de problemas' }).click();
  await node(olga.page, 'Agendas de gobierno abierto desarticuladas').click();
  await node(olga.page, 'Agendas de gobierno abierto desarticuladas')
    .getByRole('button', { name: /Agregar causa/ })
    .click();
  await typeInNodeEditor(olga.page, c.cause);
  await expect(node(irma.page, c.cause)).toBeVisible();
  await expectNoSeriousA11yViolations(olga.page);

  // Phase 4: the roadmap; the organisation's page follows the STL's click at once.
  await nextPhase(irma.page, 4, 'Hoja de ruta');
  await expect(stepper(olga.page).getByRole('heading')).toHaveText('Compromiso proactivo · fase 4 de 5');
  await expect(olga.page.getByRole('status').filter({ hasText: 'pasó a la fase 4: Hoja de ruta' })).toBeAttached();
  const page = irma.page;
  await page.getByRole('tab', { name: 'Compromiso' }).click();
  await page.getByLabel('Objetivo de largo plazo').fill(c.longTermObjective);
  await page.getByLabel('Compromiso definitivo').fill(c.commitment);
  await page.getByRole('button', { name: 'Agregar línea de acción' }).click();
  const line = page.locator('li.line').first();
  await line.locator(':scope > .field textarea').fill(c.line);
  await line.getByRole('button', { name: /^Agregar actividad/ }).click();
  const activity = line.locator('li.activity').first();
  await activity.getByLabel('Enunciado').fill(c.activity.title);
  await activity.getByLabel('Descripción / objetivo').fill(c.activity.objective);
  await activity.getByLabel('Medio de verificación').fill(c.activity.verification);
  await activity.getByLabel('Fecha de inicio', { exact: true }).fill(c.activity.startDate);
  await activity.getByLabel('Fecha de conclusión', { exact: true }).fill(c.activity.endDate);
  await page.getByRole('button', { name: 'Agregar persona responsable' }).click();
  await page.getByLabel('Nombre', { exact: true }).fill(c.responsible.name);
  await page.getByLabel('Cargo').fill(c.responsible.position);
  await page.getByLabel('Institución', { exact: true }).fill(c.institution);
  await page.getByLabel('Organización', { exact: true }).fill(c.organization);
  await page.getByLabel('Persona', { exact: true }).fill(CO_RESPONSIBLE_PERSON);
  await page.getByLabel('Resultado final').fill(c.finalResult);
  await page.getByRole('button', { name: 'Agregar producto' }).click();
  await page.getByRole('textbox', { name: 'Producto esperado 1', exact: true }).fill(c.product);
  await page.getByRole('button', { name: 'Agregar indicador' }).click();
  await page.locator('.list-item').filter({ hasText: 'Indicador 1' }).getByLabel('Nombre').fill(c.indicator);
  await page.getByLabel('Fecha de inicio del compromiso').fill(c.startDate);
  await page.getByLabel('Fecha de conclusión del compromiso').fill(c.endDate);
  await page.getByLabel('Participación ciudadana', { exact: true }).check();
  await page.getByLabel(/^Perspectiva de igualdad de género/).fill(c.genderPerspective);
  await page.getByLabel(/^Alineación con las prioridades estatales/).fill(c.statePriorities);
  for (const id of ['I', 'II', 'III', 'IV', 'V', 'VI']) {
    await page
      .getByRole('group', { name: `¿El compromiso cumple el criterio ${id}?` })
      .getByLabel('Sí')
      .check();
  }
  await expect(page.getByText('El compromiso está completo: se puede guardar.')).toBeVisible();

  // Phase 5: the STL saves it for its review, as any commitment.
  await nextPhase(page, 5, 'Publicación');
  await expect(page.getByRole('button', { name: /^Siguiente fase/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/proactive-phase5.png' });
  await page.getByRole('button', { name: 'Guardar compromiso' }).click();
  await expect(page.getByText(/Se guardó la versión 1 \(/)).toBeVisible();
  await expect(page.locator('.versions')).toContainText('Compromiso proactivo · fase 5: Publicación');

  // Reviewed, approved and published like any other commitment; its type shows in the inbox.
  await page.goto(`${cocrea.baseURL}/stl/revision`);
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  await expect(row).toContainText('Compromiso proactivo · fase 5: Publicación');
  await row.getByRole('link', { name: `Revisar la versión 1 de «${TITLE}»` }).click();
  for (const [button, status] of [
    ['Iniciar revisión', 'En revisión'],
    ['Aprobar', 'Aprobado'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Estado: ${status}` })).toBeFocused();
  }
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Publicar en el tablero', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Estado: Publicado' })).toBeFocused();

  // On the board, for anyone: a proactive commitment of the Infoem, from no mesa, naming nobody of the dialogue.
  const visitor = await actor('Visitante');
  await visitor.page.goto(`${cocrea.baseURL}/tablero`);
  const published = visitor.page
    .getByRole('region', { name: 'Cultura de gobierno abierto' })
    .getByRole('article', { name: TITLE });
  await expect(published.locator('.board-identity')).toHaveText('Compromiso proactivo · Infoem');
  await expect(published).toContainText(c.line);
  const text = await visitor.page.locator('main').innerText();
  for (const secret of [STL_MEMBER, ORGANIZATION_PERSON, CO_RESPONSIBLE_PERSON]) expect(text).not.toContain(secret);
  await expectNoSeriousA11yViolations(visitor.page);
  await visitor.page.screenshot({ path: 'test-results/proactive-board.png', fullPage: true });
});
