import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test, type CocreaServer } from '../fixtures/cocrea';

const PASSWORD = 'mesas abiertas 2026';
/** The kit's programme: a PDF, as the server decides from its bytes. */
const PROGRAMME = Buffer.from('%PDF-1.4\n% Programa del evento de cocreación\n%%EOF\n');

/** 23 people as the issue counts them: 11 public servants, 6 academics, 4 from civil society, 2 from the CPC. */
const PEOPLE: { name: string; sector: string }[] = [
  ...[
    'Adriana Solís',
    'Bruno Téllez',
    'Carmen Vega',
    'Darío Núñez',
    'Elena Robles',
    'Fausto Ibarra',
    'Gabriela Ortiz',
    'Héctor Luna',
    'Irene Cano',
    'Javier Mora',
    'Karla Peña',
  ].map((name) => ({ name, sector: 'servidor-publico' })),
  ...['Laura Ríos', 'Mario Salas', 'Nora Fuentes', 'Óscar Lima', 'Paula Reyes', 'Quique Durán'].map((name) => ({
    name,
    sector: 'academia',
  })),
  ...['Rosa Campos', 'Sergio Ávila', 'Tania Bravo', 'Ulises Mejía'].map((name) => ({ name, sector: 'sociedad-civil' })),
  ...['Valeria Gil', 'Walter Cruz'].map((name) => ({ name, sector: 'comite-participacion-ciudadana' })),
];

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The tables as the STL's API has them: each registrant's name to their table's number. */
async function tableOf(cocrea: CocreaServer, eventId: string): Promise<Map<string, number>> {
  const res = await fetch(`${cocrea.baseURL}/api/events/${eventId}/tables`, {
    headers: { authorization: `Bearer ${cocrea.adminToken}` },
  });
  expect(res.status).toBe(200);
  const seating = (await res.json()) as { tables: { number: number; seats: { name: string }[] }[] };
  return new Map(seating.tables.flatMap((table) => table.seats.map((seat) => [seat.name, table.number] as const)));
}

/**
 * One registrant in a browser of their own: registers from the link, sees their page, and leaves with what
 * the browser kept (the secret of their page), as a person closing the tab would.
 */
async function registerInOwnBrowser(browser: Browser, link: string, person: { name: string; sector: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Nombre').fill(person.name);
  await page.getByLabel('Sector').selectOption(person.sector);
  await page.getByLabel('Organización o institución').fill('Organización de prueba');
  await page.getByLabel(/Acepto la regla de Chatham House/).check();
  await page.getByLabel('He leído y acepto el aviso de privacidad.').check();
  await page.getByRole('button', { name: 'Registrarme' }).click();
  await expect(page.getByRole('heading', { name: 'Su mesa: todavía sin asignar' })).toBeVisible();
  const storage = await context.storageState();
  await context.close();
  return storage;
}

test.describe('el plan de acción local y su evento de cocreación', () => {
  test('el STL crea un plan y un evento, 23 personas se registran, se forman las mesas y cada quien entra a la suya', async ({
    cocrea,
    actor,
    browser,
  }) => {
    // 23 browsers one after the other, twice, on a shared and busy CI host.
    test.setTimeout(900_000);
    const res = await fetch(`${cocrea.baseURL}/api/stl/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cocrea.adminToken}` },
      body: JSON.stringify({ email: 'lia.stl@infoem.org.mx', name: 'Lía Herrera', password: PASSWORD }),
    });
    expect(res.status).toBe(201);

    // The STL's plan.
    const lia = await actor('Lía Herrera');
    await lia.page.goto(`${cocrea.baseURL}/stl`);
    await lia.page.getByLabel('Correo electrónico').fill('lia.stl@infoem.org.mx');
    await lia.page.getByLabel('Contraseña').fill(PASSWORD);
    await lia.page.getByRole('button', { name: 'Entrar' }).click();
    await lia.page.getByRole('link', { name: 'Planes de acción' }).click();
    await expect(lia.page.getByRole('heading', { level: 1, name: 'Planes de Acción Local' })).toBeVisible();
    await expectNoSeriousA11yViolations(lia.page);
    await lia.page.getByLabel('Título del plan').fill('Plan de Acción Local del Estado de México');
    await lia.page.getByLabel('Periodo').fill('2026-2028');
    await lia.page.getByLabel('Entidad').fill('Estado de México');
    await expect(lia.page.getByLabel('Aviso de privacidad')).toHaveValue(/Aviso de privacidad simplificado/);
    await lia.page.getByRole('button', { name: 'Crear plan' }).click();
    await expect(
      lia.page.getByRole('heading', { level: 1, name: 'Plan de Acción Local del Estado de México' }),
    ).toBeVisible();
    await expect(lia.page.getByText('Periodo 2026–2028 · Estado de México')).toBeVisible();
    await expect(lia.page.getByText('Este plan todavía no tiene eventos.')).toBeVisible();
    await expectNoSeriousA11yViolations(lia.page);

    // Its event: a bad field is said in Spanish before anything is sent.
    await lia.page.getByRole('button', { name: 'Nuevo evento de cocreación' }).click();
    const form = lia.page.getByRole('form', { name: 'Nuevo evento de cocreación' });
    await form.getByRole('button', { name: 'Crear evento' }).click();
    await expect(form.getByText('El título debe tener al menos 3 caracteres.')).toBeVisible();
    await form.getByLabel('Título del evento').fill('Movilidad segura en el Valle de Toluca');
    await form.getByLabel('Tema').selectOption({ label: 'Movilidad' });
    await form.getByLabel('Fecha').fill('2027-03-18');
    await form.getByLabel('Hora de inicio').fill('09:30');
    await form.getByLabel('Lugar').fill('Palacio Municipal de Toluca');
    await expect(form.getByLabel('Mínimo')).toHaveValue('5');
    await expect(form.getByLabel('Máximo')).toHaveValue('10');
    await expectNoSeriousA11yViolations(lia.page);
    await form.getByRole('button', { name: 'Crear evento' }).click();
    await expect(
      lia.page.getByRole('heading', { level: 1, name: 'Movilidad segura en el Valle de Toluca' }),
    ).toBeVisible();
    await expect(lia.page.getByText('Registro abierto')).toBeVisible();
    const eventId = /\/stl\/eventos\/([\w-]{16})$/.exec(lia.page.url())![1]!;
    const link = await lia.page.getByRole('textbox', { name: 'Enlace de registro' }).inputValue();
    expect(link).toBe(`${cocrea.baseURL}/evento/${eventId}/registro`);
    await expect(lia.page.getByText('Nadie se ha registrado todavía.')).toBeVisible();
    await expectNoSeriousA11yViolations(lia.page);

    // The participant kit: the event's programme, a PDF.
    const upload = lia.page.getByRole('form', { name: 'Agregar un documento' });
    await upload.getByLabel('Archivo').setInputFiles({
      name: 'programa.pdf',
      mimeType: 'application/pdf',
      buffer: PROGRAMME,
    });
    await upload.getByLabel('Título').fill('Programa del evento');
    await upload.getByRole('button', { name: 'Subir documento' }).click();
    await expect(
      lia.page.getByRole('status').filter({ hasText: 'Se agregó «Programa del evento» al kit.' }),
    ).toBeAttached();

    // The first registrant meets the form's errors, then registers with an e-mail.
    const first = await actor(PEOPLE[0]!.name);
    await first.page.goto(link);
    await expect(
      first.page.getByRole('heading', { level: 1, name: 'Movilidad segura en el Valle de Toluca' }),
    ).toBeVisible();
    await expect(first.page.getByText(/Aviso de privacidad simplificado/)).toBeVisible();
    await expectNoSeriousA11yViolations(first.page);
    await first.page.getByRole('button', { name: 'Registrarme' }).click();
    await expect(first.page.getByText('Debe aceptar el aviso de privacidad para registrarse.')).toBeVisible();
    await expect(first.page.getByText('Elija su sector.')).toBeVisible();
    await first.page.getByLabel('Nombre').fill(PEOPLE[0]!.name);
    await first.page.getByLabel('Sector').selectOption(PEOPLE[0]!.sector);
    await first.page.getByLabel('Organización o institución').fill('Secretaría de Movilidad');
    await first.page.getByLabel('Correo electrónico (opcional)').fill('adriana@edomex.gob.mx');
    await first.page.getByLabel(/Acepto la regla de Chatham House/).check();
    await first.page.getByLabel('He leído y acepto el aviso de privacidad.').check();
    await expectNoSeriousA11yViolations(first.page);
    await first.page.getByRole('button', { name: 'Registrarme' }).click();
    await expect(first.page.getByRole('heading', { name: 'Su mesa: todavía sin asignar' })).toBeVisible();
    await expect(first.page).toHaveURL(`${cocrea.baseURL}/evento/${eventId}/mi-registro`);
    await expect(first.page.getByText('adriana@edomex.gob.mx')).toBeVisible();
    await expectNoSeriousA11yViolations(first.page);

    // Before the event starts, she downloads the programme from her page: sent as a PDF, saved as its own bytes
    // (the page reads the answer into a blob, so the bytes are checked in the file saved).
    const [kitResponse, download] = await Promise.all([
      first.page.waitForResponse((r) => /\/kit\/files\//.test(r.url())),
      first.page.waitForEvent('download'),
      first.page.getByRole('button', { name: 'Programa del evento' }).click(),
    ]);
    expect(kitResponse.status()).toBe(200);
    expect(kitResponse.headers()['content-type']).toBe('application/pdf');
    expect(kitResponse.headers()['content-length']).toBe(String(PROGRAMME.length));
    expect(download.suggestedFilename()).toBe('programa.pdf');
    expect(Buffer.compare(await readFile((await download.path())!), PROGRAMME)).toBe(0);

    // The same e-mail again: a clear message, nothing stored.
    const twice = await actor('Otra persona');
    await twice.page.goto(link);
    await twice.page.getByLabel('Nombre').fill('Otra persona');
    await twice.page.getByLabel('Sector').selectOption('academia');
    await twice.page.getByLabel('Organización o institución').fill('UAEMéx');
    await twice.page.getByLabel('Correo electrónico (opcional)').fill('adriana@edomex.gob.mx');
    await twice.page.getByLabel(/Acepto la regla de Chatham House/).check();
    await twice.page.getByLabel('He leído y acepto el aviso de privacidad.').check();
    await twice.page.getByRole('button', { name: 'Registrarme' }).click();
    await expect(twice.page.getByRole('alert')).toBeVisible();
    await expect(twice.page.getByLabel('Correo electrónico (opcional)')).toHaveAttribute('aria-invalid', 'true');
    await expect(twice.page).toHaveURL(link);

    // Everyone else, each in a browser of their own.
    const kept = new Map<string, Awaited<ReturnType<typeof registerInOwnBrowser>>>();
    kept.set(PEOPLE[0]!.name, await first.context.storageState());
    for (const person of PEOPLE.slice(1)) kept.set(person.name, await registerInOwnBrowser(browser, link, person));

    // The STL seats them: 23 people, tables of at most 10, so three tables, each sector spread over them.
    await lia.page.getByRole('button', { name: 'Actualizar registro y mesas' }).click();
    await expect(lia.page.getByRole('heading', { name: '23 personas registradas' })).toBeVisible();
    await lia.page.getByRole('button', { name: 'Formar mesas' }).click();
    await expect(lia.page.getByRole('status').filter({ hasText: 'Se formaron 3 mesas.' })).toBeAttached();
    await expect(lia.page.getByText('Cada mesa tiene una parte equilibrada de cada sector.')).toBeVisible();
    const tables = lia.page.getByRole('region', { name: /^Mesa \d$/ });
    await expect(tables).toHaveCount(3);
    await expectNoSeriousA11yViolations(lia.page);

    // One person moves to another table, with the keyboard's list.
    const before = await tableOf(cocrea, eventId);
    const moved = PEOPLE[22]!.name;
    const from = before.get(moved)!;
    const to = from === 1 ? 2 : 1;
    await lia.page
      .getByRole('combobox', { name: `Mover a ${moved} a otra mesa` })
      .selectOption({ label: `Mesa ${to}` });
    await expect(lia.page.getByRole('status').filter({ hasText: `${moved} pasó a la Mesa ${to}.` })).toBeAttached();
    await expect(lia.page.getByRole('region', { name: `Mesa ${to}` })).toContainText(moved);
    // And someone else by dragging, back the other way: the drag's events as a browser fires them, one data
    // transfer from start to drop (Playwright's mouse drag did not reach these handlers in our headless runs).
    const dragged = [...before].find(([name, table]) => table === to && name !== moved)![0];
    const transfer = await lia.page.evaluateHandle(() => new DataTransfer());
    const seat = lia.page
      .getByRole('region', { name: `Mesa ${to}` })
      .getByRole('listitem')
      .filter({ hasText: dragged });
    const target = lia.page.getByRole('region', { name: `Mesa ${from}` });
    await seat.dispatchEvent('dragstart', { dataTransfer: transfer });
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(lia.page.getByRole('region', { name: `Mesa ${from}` })).toContainText(dragged);
    // A locked seat, and a facilitator for the first table.
    const locked = [...before].find(([name, table]) => table === 1 && name !== moved && name !== dragged)![0];
    await lia.page.getByRole('button', { name: `Fijar lugar de ${locked}` }).click();
    await expect(lia.page.getByRole('button', { name: `Fijar lugar de ${locked}` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(lia.page.getByRole('combobox', { name: `Mover a ${locked} a otra mesa` })).toBeDisabled();
    await lia.page
      .getByRole('region', { name: 'Mesa 1' })
      .getByRole('combobox', { name: 'Facilitación' })
      .selectOption({ label: locked });
    await expect(lia.page.getByRole('status').filter({ hasText: `${locked} facilitará la Mesa 1.` })).toBeAttached();
    await expectNoSeriousA11yViolations(lia.page);

    const after = await tableOf(cocrea, eventId);
    expect(after.get(moved)).toBe(to);
    expect(after.get(dragged)).toBe(from);

    // Each person opens their page again, sees their table and goes into its mesa with no second form. The first
    // keeps her mesa open for the plenary.
    let openMesa: Page | null = null;
    const enter = async (person: { name: string }, keepOpen = false) => {
      const context = await browser.newContext({ storageState: kept.get(person.name)! });
      const page = await context.newPage();
      await page.goto(`${cocrea.baseURL}/evento/${eventId}/mi-registro`);
      const table = after.get(person.name)!;
      await expect(page.getByRole('heading', { name: `Su mesa: Mesa ${table}` })).toBeVisible();
      if (person === PEOPLE[0]) await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: 'Entrar a mi mesa' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: `Movilidad segura en el Valle de Toluca — Mesa ${table}` }),
      ).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Entrar a la mesa' })).toHaveCount(0);
      if (keepOpen) openMesa = page;
      else await context.close();
    };
    for (const person of PEOPLE) await enter(person, person === PEOPLE[0]);

    // The attendance counts who went in, by table.
    await lia.page.getByRole('button', { name: 'Actualizar registro y mesas' }).click();
    await expect(lia.page.getByText('Presentes: 23')).toBeVisible();

    // The lead's plenary view: every table live, without names.
    const mesa = openMesa! as Page;
    const seatedAt = (table: number) => [...after.values()].filter((t) => t === table).length;
    const hers = after.get(PEOPLE[0]!.name)!;
    await lia.page.getByRole('link', { name: 'Vista de la plenaria' }).click();
    await expect(
      lia.page.getByRole('heading', { level: 1, name: 'Plenaria: Movilidad segura en el Valle de Toluca' }),
    ).toBeVisible();
    await expect(lia.page.getByText('En vivo: cada cambio de las mesas aparece aquí.')).toBeVisible();
    const cards = lia.page.getByRole('article');
    await expect(cards).toHaveCount(3);
    const herCard = lia.page.getByRole('article', { name: `Mesa ${hers}` });
    await expect(herCard).toContainText('Sin iniciar');
    await expect(herCard).toContainText(`Presentes: 1 de ${seatedAt(hers)}`);
    await expect(herCard).toContainText('Servidor público: 1');
    await expect(herCard).toContainText(/Todo guardado/);
    await expect(herCard).toContainText('Sin versiones del compromiso');
    await expect(cards.filter({ hasText: 'Sin nadie conectado: todo guardado' })).toHaveCount(2);
    await expect(lia.page.getByText(PEOPLE[0]!.name)).toHaveCount(0);
    await expectNoSeriousA11yViolations(lia.page);

    // Someone else opens their mesa: the plenary counts them, with no reload.
    const second = PEOPLE[11]!;
    const theirs = after.get(second.name)!;
    const theirCard = lia.page.getByRole('article', { name: `Mesa ${theirs}` });
    const context = await browser.newContext({ storageState: kept.get(second.name)! });
    const page = await context.newPage();
    await page.goto(`${cocrea.baseURL}/evento/${eventId}/mi-registro`);
    await page.getByRole('button', { name: 'Entrar a mi mesa' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();
    await expect(theirCard).toContainText(`Presentes: ${theirs === hers ? 2 : 1} de ${seatedAt(theirs)}`);
    await expect(theirCard).toContainText('Academia: 1');

    // One command starts every table's agenda; the plenary and the tables' pages show it live.
    await lia.page.getByRole('button', { name: 'Iniciar todas las mesas' }).click();
    await expect(lia.page.getByRole('status').filter({ hasText: 'Se iniciaron 3 mesas.' })).toBeAttached();
    await expect(cards.filter({ hasText: 'En curso' })).toHaveCount(3);
    await expect(herCard).toContainText(/Tiempo restante \d{2}:\d{2}/);
    await expect(mesa.getByRole('region', { name: 'Etapa actual de la agenda' })).toContainText('En curso');

    // A notice from the lead appears on the tables' open pages, as the plenary's.
    await lia.page.getByLabel('Aviso a todas las mesas').fill('Quedan 10 minutos para cerrar la etapa.');
    await lia.page.getByRole('button', { name: 'Enviar aviso' }).click();
    await expect(lia.page.getByRole('status').filter({ hasText: 'Se envió el aviso a 3 mesas.' })).toBeAttached();
    for (const open of [mesa, page]) {
      await expect(open.getByText('Aviso de la plenaria: Quedan 10 minutos para cerrar la etapa.')).toBeVisible();
    }
    // On a phone's screen too.
    await lia.page.setViewportSize({ width: 360, height: 780 });
    await expectNoSeriousA11yViolations(lia.page);
    await context.close();
  });

  test('con el cupo lleno o el registro cerrado, la página de registro lo dice en español y no muestra el formulario', async ({
    cocrea,
    actor,
  }) => {
    const admin = async (path: string, body: unknown) => {
      const res = await fetch(`${cocrea.baseURL}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cocrea.adminToken}` },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { plan: { id: string }; event: { id: string }; registrationLink: string };
    };
    const { plan } = await admin('/api/plans', { title: 'Plan', period: '2026-2028', entity: 'Estado de México' });
    const hour = 3_600_000;
    const event = (title: string, opens: number, closes: number, capacity: number | null) =>
      admin(`/api/plans/${plan.id}/events`, {
        title,
        theme: 'movilidad',
        date: '2027-03-18',
        startTime: '09:30',
        modality: 'virtual',
        videoLink: 'https://meet.example.mx/mesa',
        registrationOpensAt: new Date(Date.now() + opens).toISOString(),
        registrationClosesAt: new Date(Date.now() + closes).toISOString(),
        capacity,
      });
    const full = await event('Evento con cupo de una persona', -hour, hour, 1);
    const res = await fetch(`${cocrea.baseURL}/api/events/${full.event.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Primera persona',
        sector: 'academia',
        organization: 'UAEMéx',
        acceptsChathamHouse: true,
        acceptsPrivacyNotice: true,
      }),
    });
    expect(res.status).toBe(201);
    const closed = await event('Evento con el registro cerrado', -2 * hour, -hour, null);

    const late = await actor('Persona tardía');
    await late.page.goto(full.registrationLink);
    await expect(late.page.getByRole('alert')).toHaveText('El cupo del evento está lleno: ya no se reciben registros.');
    await expect(late.page.getByRole('button', { name: 'Registrarme' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(late.page);
    await late.page.goto(closed.registrationLink);
    await expect(late.page.getByRole('alert')).toHaveText(/^El registro cerró el /);
    await expect(late.page.getByRole('button', { name: 'Registrarme' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(late.page);
  });
});
