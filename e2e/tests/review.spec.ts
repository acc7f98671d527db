import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type CocreaServer } from '../fixtures/cocrea';

const PASSWORD = 'mesas abiertas 2026';

/** The people and texts of the story; distinctive, so that the board can be searched for what it must not show. */
const FACILITATOR = 'Fernanda Facilitadora Única';
const CO_RESPONSIBLE_PERSON = 'Lucía Corresponsable Reservada';
const OBSERVATION = 'Precise qué se entregará y a quién.';
const EVIDENCE = 'https://movilidad.edomex.gob.mx/informes/rutas-seguras-2027.pdf';

const commitment = {
  problem: 'Las personas usuarias del transporte público en Toluca viajan con inseguridad por las noches.',
  longTermObjective: 'Que viajar en transporte público en Toluca sea seguro a cualquier hora.',
  commitment: 'Publicar en datos abiertos las rutas nocturnas y sus incidentes, y revisarlas con la ciudadanía.',
  line: 'Abrir la información de las rutas nocturnas del transporte público.',
  activity: {
    title: 'Publicar el catálogo de rutas nocturnas en datos abiertos.',
    objective: 'Que la ciudadanía conozca las rutas, horarios y paradas nocturnas.',
    verification: 'Conjunto de datos publicado.',
    startDate: '2027-02-01',
    endDate: '2027-12-15',
  },
  responsible: {
    name: 'Mario Servidor Público',
    position: 'Director de Transporte',
    institution: 'Secretaría de Movilidad',
  },
  organization: 'Colectivo Movilidad Segura AC',
  finalResult: 'Rutas nocturnas abiertas y revisadas con la ciudadanía.',
  product: 'Catálogo de rutas nocturnas.',
  indicator: 'Rutas nocturnas publicadas',
  startDate: '2027-01-15',
  endDate: '2028-06-30',
  genderPerspective: 'Las rutas se revisan con colectivos de mujeres usuarias y personas con discapacidad.',
  statePriorities: 'Se alinea con el eje de movilidad segura del Plan Estatal de Desarrollo.',
};

async function bootstrapMember(cocrea: CocreaServer, email: string, name: string, role: string): Promise<void> {
  const res = await fetch(`${cocrea.baseURL}/api/stl/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cocrea.adminToken}` },
    body: JSON.stringify({ email, name, password: PASSWORD, role }),
  });
  expect(res.status).toBe(201);
}

async function logIn(page: Page, baseURL: string, email: string, landing: string): Promise<void> {
  await page.goto(`${baseURL}/stl`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: landing })).toBeVisible();
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A small but complete commitment, typed into the shared form as the mesa would. */
async function draftCommitment(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Compromiso' }).click();
  const c = commitment;
  // Named after its mesa, as the form offers while the title is empty.
  await page.getByRole('button', { name: /^Usar el título de la mesa/ }).click();
  await expect(page.getByLabel('Título del compromiso')).toHaveValue('Transporte nocturno seguro');
  await page.getByLabel('Institución responsable').fill(c.responsible.institution);
  await page.getByLabel('Problema público').fill(c.problem);
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
  await page.getByLabel('Institución', { exact: true }).fill(c.responsible.institution);
  await page.getByLabel('Organización', { exact: true }).fill(c.organization);
  await page.getByLabel('Persona', { exact: true }).fill(CO_RESPONSIBLE_PERSON);
  await page.getByLabel('Resultado final').fill(c.finalResult);
  await page.getByRole('button', { name: 'Agregar producto' }).click();
  await page.getByRole('textbox', { name: 'Producto esperado 1', exact: true }).fill(c.product);
  await page.getByRole('button', { name: 'Agregar indicador' }).click();
  await page.locator('.list-item').filter({ hasText: 'Indicador 1' }).getByLabel('Nombre').fill(c.indicator);
  await page.getByLabel('Fecha de inicio del compromiso').fill(c.startDate);
  await page.getByLabel('Fecha de conclusión del compromiso').fill(c.endDate);
  await page.getByLabel('Transparencia').check();
  await page.getByLabel(/^Perspectiva de igualdad de género/).fill(c.genderPerspective);
  await page.getByLabel(/^Alineación con las prioridades estatales/).fill(c.statePriorities);
  for (const id of ['I', 'II', 'III', 'IV', 'V', 'VI']) {
    await page
      .getByRole('group', { name: `¿El compromiso cumple el criterio ${id}?` })
      .getByLabel('Sí')
      .check();
  }
  await expect(page.getByText('El compromiso está completo: se puede guardar.')).toBeVisible();
}

async function save(page: Page, number: number): Promise<void> {
  await page.getByRole('button', { name: 'Guardar compromiso' }).click();
  await expect(page.getByText(new RegExp(`Se guardó la versión ${number} \\(`))).toBeVisible();
}

async function move(page: Page, button: string, status: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Estado: ${status}` })).toBeFocused();
}

test('the STL reviews a saved commitment, returns it, approves the answer and publishes it; follow-up shows on the public board', async ({
  cocrea,
  actor,
}) => {
  test.slow(); // the longest stories: three times the configured timeout
  const created = await cocrea.createMesa({ title: 'Transporte nocturno seguro', theme: 'movilidad' });
  await bootstrapMember(cocrea, 'rita.stl@infoem.org.mx', 'Rita Revisora', 'stl');
  await bootstrapMember(cocrea, 'sergio.seguimiento@infoem.org.mx', 'Sergio Seguimiento', 'seguimiento');

  // The mesa drafts its commitment and the facilitator saves it.
  const facilitator = await actor(FACILITATOR);
  await facilitator.join(created.links.facilitator, { sector: 'servidor-publico', organization: 'Semov' });
  await draftCommitment(facilitator.page);
  await save(facilitator.page, 1);

  // The STL finds it in the inbox, takes it into review, observes a field and returns it.
  const rita = await actor('Rita Revisora');
  await logIn(rita.page, cocrea.baseURL, 'rita.stl@infoem.org.mx', 'Mesas de cocreación');
  await rita.page
    .getByRole('navigation', { name: 'Secciones del STL' })
    .getByRole('link', { name: 'Revisión' })
    .click();
  await expect(rita.page.getByRole('heading', { level: 1, name: 'Revisión de compromisos' })).toBeFocused();
  await rita.page.getByLabel('Estado').selectOption({ label: 'Borrador' });
  const row = rita.page.getByRole('row', { name: /Transporte nocturno seguro/ });
  await expect(row).toContainText('Borrador');
  await expect(row).toContainText('Movilidad');
  await expectNoSeriousA11yViolations(rita.page);
  await rita.page.screenshot({ path: 'test-results/review-inbox.png', fullPage: true });
  await row.getByRole('link', { name: 'Revisar la versión 1 de «Transporte nocturno seguro»' }).click();
  await expect(
    rita.page.getByRole('heading', { level: 1, name: 'Versión 1 · Transporte nocturno seguro' }),
  ).toBeVisible();
  await expect(rita.page.getByText('✔').first()).toBeVisible();

  await move(rita.page, 'Iniciar revisión', 'En revisión');
  await rita.page.getByRole('button', { name: 'Observar: Resultado final' }).click();
  await expect(rita.page.getByLabel('Observación', { exact: true })).toBeFocused();
  await expect(rita.page.getByLabel('Campo')).toHaveValue('finalResult');
  await rita.page.keyboard.type(OBSERVATION);
  await rita.page.getByRole('button', { name: 'Agregar observación' }).click();
  await expect(rita.page.getByRole('status').filter({ hasText: 'Observación agregada.' })).toBeAttached();
  await expect(rita.page.getByRole('heading', { name: 'Observaciones (1)' })).toBeVisible();
  await expect(rita.page.locator('.review-field').filter({ hasText: 'Resultado final' })).toContainText(OBSERVATION);
  await expectNoSeriousA11yViolations(rita.page);
  await rita.page.screenshot({ path: 'test-results/review-version.png' });
  await move(rita.page, 'Devolver con observaciones', 'Con observaciones');
  await expect(
    rita.page.getByRole('list').filter({ hasText: 'De «En revisión» a «Con observaciones», por Rita Revisora.' }),
  ).toBeVisible();

  // The mesa sees the observation next to the field it names, answers it and saves a new version.
  await facilitator.page.reload();
  await facilitator.page.getByRole('tab', { name: 'Compromiso' }).click();
  const finalResult = facilitator.page.getByLabel('Resultado final');
  await expect(finalResult).toHaveAccessibleDescription(
    new RegExp(`Observación del STL \\(versión 1\\): ${OBSERVATION}`),
  );
  await expect(facilitator.page.getByRole('region', { name: 'Versión 1' })).toContainText(OBSERVATION);
  await expect(facilitator.page.locator('.versions')).toContainText('Estado: Con observaciones');
  await finalResult.scrollIntoViewIfNeeded();
  await facilitator.page.screenshot({ path: 'test-results/review-mesa-observation.png' });
  await finalResult.fill(`${commitment.finalResult} Se entrega a la ciudadanía en el portal de datos abiertos.`);
  await save(facilitator.page, 2);

  // The STL compares, approves and publishes the new version.
  await rita.page.getByRole('link', { name: '← Volver a la revisión' }).click();
  await rita.page.getByLabel('Estado').selectOption('');
  await rita.page.getByRole('link', { name: 'Revisar la versión 2 de «Transporte nocturno seguro»' }).click();
  await rita.page.getByLabel('Comparar con', { exact: true }).selectOption({ label: 'Versión 1' });
  const diff = rita.page.getByRole('table', { name: /De la versión 1 a la 2: 1 campo distinto/ });
  await expect(diff.getByRole('rowheader')).toContainText('Resultado final');
  await move(rita.page, 'Iniciar revisión', 'En revisión');
  await move(rita.page, 'Aprobar', 'Aprobado');
  rita.page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('¿Publicar la versión 2 de «Transporte nocturno seguro» en el tablero público?');
    void dialog.accept();
  });
  await move(rita.page, 'Publicar en el tablero', 'Publicado');

  // Anyone, without logging in, reads it on the board: lines of action yes, people of the mesa no.
  const visitor = await actor('Visitante');
  await visitor.page.goto(`${cocrea.baseURL}/tablero`);
  const theme = visitor.page.getByRole('region', { name: 'Movilidad' });
  const published = theme.getByRole('article', { name: 'Transporte nocturno seguro' });
  await expect(published).toContainText(
    'Compromiso de mesa · Secretaría de Movilidad · Mesa: Transporte nocturno seguro',
  );
  await expect(published).toContainText(commitment.line);
  await expect(published).toContainText(commitment.activity.title);
  await expect(published).toContainText('Avance del compromiso: Sin evidencia');
  const text = await visitor.page.locator('main').innerText();
  for (const secret of [FACILITATOR, CO_RESPONSIBLE_PERSON, OBSERVATION, 'Rita Revisora']) {
    expect(text).not.toContain(secret);
  }
  await expectNoSeriousA11yViolations(visitor.page);

  // The follow-up member records the activity's progress with its evidence; the board shows it.
  const sergio = await actor('Sergio Seguimiento');
  await logIn(sergio.page, cocrea.baseURL, 'sergio.seguimiento@infoem.org.mx', 'Seguimiento de compromisos');
  await expect(sergio.page.getByRole('navigation', { name: 'Secciones del STL' }).getByRole('link')).toHaveText([
    'Seguimiento',
    'Tablero público',
  ]);
  const form = sergio.page.getByRole('form', { name: `Actividad 1.1: ${commitment.activity.title}` });
  await form.getByLabel('Nivel de avance').selectOption({ label: 'Sustancial' });
  await form.getByLabel('Título de la evidencia 1').fill('Informe de rutas seguras');
  await form.getByLabel('Enlace de la evidencia 1').fill('no es un enlace');
  await form.getByRole('button', { name: 'Guardar avance de la actividad 1.1' }).click();
  await expect(form.getByText('Cada enlace de evidencia debe ser una dirección http(s) válida.')).toBeVisible();
  await form.getByLabel('Enlace de la evidencia 1').fill(EVIDENCE);
  // A file as well: uploaded at once, its type told by its bytes; published when the progress is saved.
  await form.getByLabel('Adjuntar un archivo (PDF o imagen, hasta 20 MB)').setInputFiles({
    name: 'acta de la sesión.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n% acta\n%%EOF\n'),
  });
  await expect(form.getByText('Archivo de la evidencia 2: acta de la sesión.pdf')).toBeVisible();
  await form.getByLabel('Título de la evidencia 2').fill('Acta de la sesión');
  await form.getByRole('button', { name: 'Guardar avance de la actividad 1.1' }).click();
  await expect(sergio.page.getByText('Avance registrado: Sustancial')).toBeVisible();
  await expectNoSeriousA11yViolations(sergio.page);
  await sergio.page.screenshot({ path: 'test-results/review-followup.png', fullPage: true });

  await visitor.page.reload();
  const activityCard = published
    .getByRole('list', { name: 'Actividades de la línea de acción 1' })
    .getByRole('listitem')
    .filter({ hasText: commitment.activity.title });
  await expect(activityCard).toContainText('Avance: Sustancial');
  await expect(activityCard.getByRole('link', { name: 'Informe de rutas seguras' })).toHaveAttribute('href', EVIDENCE);
  await expect(activityCard.getByRole('link', { name: 'Acta de la sesión' })).toHaveAttribute(
    'href',
    /^\/api\/tablero\/evidencias\/[A-Za-z0-9_-]{16}$/,
  );
  await expect(published).toContainText('Avance del compromiso: Sustancial');
  // Its own page has the whole commitment, the co-responsible organisation among it.
  await published.getByRole('link', { name: 'Transporte nocturno seguro' }).click();
  await expect(visitor.page.getByRole('heading', { level: 1, name: 'Transporte nocturno seguro' })).toBeVisible();
  await expect(visitor.page.locator('main')).toContainText(commitment.organization);
  await expectNoSeriousA11yViolations(visitor.page);
  await visitor.page.screenshot({ path: 'test-results/review-board.png', fullPage: true });
});
