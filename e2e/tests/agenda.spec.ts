import type { Page } from '@playwright/test';
import { expect, test, type Actor } from '../fixtures/cocrea';
import { openNodeEditor, typeInNodeEditor } from '../fixtures/tree';

const FIVE_MINUTES = 5 * 60_000;

const banner = (page: Page) => page.getByRole('region', { name: 'Etapa actual de la agenda' });
const timer = (page: Page) => banner(page).getByRole('timer');

/**
 * What each screen's countdown shows at one common instant. Each page reports its remaining time from its own
 * clock (`data-ends-at-local` is when the countdown reaches zero on that clock); the test process reads the pages
 * one after another and moves every reading to the instant of the first, using its own monotonic clock. A reading
 * is placed at the middle of its round trip to the page, so it may be off by up to half of it: `uncertaintyMs`,
 * a few milliseconds on a quiet machine, far more on a loaded one.
 */
async function shownRemaining(pages: Page[]): Promise<{ shown: number[]; uncertaintyMs: number }> {
  const origin = performance.now();
  const shown: number[] = [];
  let uncertaintyMs = 0;
  for (const page of pages) {
    const sentAt = performance.now();
    const remaining = await timer(page).evaluate((el) => Number((el as HTMLElement).dataset.endsAtLocal) - Date.now());
    const receivedAt = performance.now();
    shown.push(remaining + ((sentAt + receivedAt) / 2 - origin));
    uncertaintyMs = Math.max(uncertaintyMs, (receivedAt - sentAt) / 2);
  }
  return { shown, uncertaintyMs };
}

/** What the server says is left, at the test process's now (the server runs on this machine's clock). */
async function trueRemaining(baseURL: string, mesaId: string, token: string): Promise<{ at: number; ms: number }> {
  const res = await fetch(`${baseURL}/api/mesas/${mesaId}/agenda`, { headers: { authorization: `Bearer ${token}` } });
  const { state } = (await res.json()) as { state: { endsAt: number } };
  return { at: performance.now(), ms: state.endsAt - Date.now() };
}

/** Sends an agenda command with the person's own link, from their browser, as a hand-made request would. */
function commandFrom(actor: Actor, mesaId: string, command: object) {
  return actor.page.evaluate(
    async ({ mesaId, command }) => {
      const { token } = JSON.parse(localStorage.getItem(`cocrea:mesa:${mesaId}`) ?? '{}') as { token: string };
      const res = await fetch(`/api/mesas/${mesaId}/agenda/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(command),
      });
      return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
    },
    { mesaId, command },
  );
}

test.describe('la agenda y su cronómetro compartido', () => {
  test('la facilitación conduce la mesa y todas las pantallas muestran el mismo tiempo, aun con el reloj mal puesto', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa({ title: 'Movilidad en el Valle de Toluca' });
    const beto = await actor('Beto Ruiz');
    const ana = await actor('Ana López');
    const carla = await actor('Carla Díaz');
    // Carla's computer is five minutes fast. The fake clock still runs in real time from there.
    await carla.context.clock.install({ time: Date.now() + FIVE_MINUTES });

    await beto.join(mesa.links.facilitator);
    await ana.join(mesa.links.participant);
    await carla.join(mesa.links.participant);
    const skew = await carla.page.evaluate(() => Date.now());
    expect(Math.abs(skew - Date.now() - FIVE_MINUTES)).toBeLessThan(2_000);

    const everyone = [beto, ana, carla];
    for (const { page } of everyone) {
      await expect(banner(page).getByRole('heading', { name: 'Registro' })).toBeVisible();
      await expect(banner(page)).toContainText('Etapa 0 · Sin iniciar');
      await expect(timer(page)).toHaveText('30:00');
    }

    // Participants see no controls, and the server refuses their commands whatever they send.
    for (const participant of [ana, carla]) {
      await expect(participant.page.getByRole('button', { name: 'Iniciar la mesa' })).toHaveCount(0);
      const refused = await commandFrom(participant, mesa.mesa.id, { type: 'start' });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.message).toBe('Solo la facilitación puede cambiar la agenda y el cronómetro.');
    }
    await expect(banner(beto.page)).toContainText('Sin iniciar');

    await beto.page.getByRole('button', { name: 'Iniciar la mesa' }).click();
    for (const { page } of everyone) await expect(banner(page)).toContainText('Etapa 0 · En curso');
    // The countdown ticks on every screen, Carla's fake clock included.
    for (const { page } of everyone) await expect(timer(page)).toHaveText(/^29:5\d$/);

    // Everybody within 250 ms of each other and of the server, give or take how precisely the test can tell.
    for (let round = 0; round < 3; round++) {
      const truth = await trueRemaining(cocrea.baseURL, mesa.mesa.id, mesa.tokens.participant);
      const origin = performance.now();
      const { shown, uncertaintyMs } = await shownRemaining(everyone.map((a) => a.page));
      expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(250 + 2 * uncertaintyMs);
      const expected = truth.ms - (origin - truth.at);
      for (const value of shown) expect(Math.abs(value - expected)).toBeLessThanOrEqual(250 + uncertaintyMs);
    }

    await beto.page.getByRole('button', { name: '+5 min' }).click();
    for (const { page } of everyone) await expect(timer(page)).toHaveText(/^34:\d\d$/);

    await beto.page.getByRole('button', { name: 'Etapa siguiente' }).click();
    for (const { page } of everyone) {
      await expect(banner(page).getByRole('heading', { name: 'Bienvenida, contexto y antecedentes' })).toBeVisible();
      await expect(timer(page)).toHaveText(/^(20:00|19:5\d)$/);
    }

    await beto.page.getByRole('button', { name: 'Pausar' }).click();
    for (const { page } of everyone) await expect(banner(page)).toContainText('Etapa 1 · En pausa');
    const paused = await timer(carla.page).textContent();
    // The one way to see that nothing moves is to let time pass: on Carla's clock, which runs her timers at once.
    await carla.context.clock.runFor(1_200);
    await expect(timer(carla.page)).toHaveText(paused ?? '');

    // The banner shows the stage's planned slot.
    await expect(banner(ana.page)).toContainText('10:00 a 10:20 · 20 min');

    // The mesa's record: planned and actual start and end of each stage, in Mexico City time, and the difference,
    // filled whatever the day the mesa runs on.
    await ana.page.getByRole('button', { name: 'Horario' }).click();
    const schedule = ana.page.getByRole('dialog', { name: 'Horario de la mesa' });
    const difference = '(a tiempo|\\d+ min (tarde|antes))';
    await expect(
      schedule.getByRole('row', {
        name: new RegExp(`^0\\. Registro 09:30 10:00 \\d\\d:\\d\\d \\d\\d:\\d\\d ${difference}$`),
      }),
    ).toBeVisible();
    await expect(
      schedule.getByRole('row', { name: new RegExp(`^1\\. Bienvenida.* 10:00 10:20 \\d\\d:\\d\\d — ${difference}$`) }),
    ).toBeVisible();
    await schedule.getByRole('button', { name: 'Cerrar' }).click();
    await expect(schedule).toBeHidden();
  });

  test('la facilitación dice quién lleva cada etapa, con qué dinámica, materiales y preguntas, y todos lo ven', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa();
    const beto = await actor('Beto Ruiz');
    const ana = await actor('Ana López');
    await beto.join(mesa.links.facilitator);
    await ana.join(mesa.links.participant);
    await beto.page.getByRole('button', { name: 'Editar agenda' }).click();
    const editor = beto.page.getByRole('dialog', { name: 'Agenda de la mesa' });
    await editor.getByText('Responsable, dinámica, materiales y preguntas guía de la etapa 0').click();
    const responsible = editor.getByRole('textbox', { name: 'Responsable' }).first();
    await responsible.fill('Lic. Marta Ibarra (INFOEM)');
    await responsible.press('Enter');
    await editor.getByRole('textbox', { name: 'Dinámica' }).first().fill('Registro en la entrada, por sector.');
    const materials = editor.getByRole('textbox', { name: 'Materiales' }).first();
    await materials.fill('Gafetes\n\n  Lista de asistencia  ');
    await materials.blur();
    // Each field is saved on leaving it: the list comes back as the server stored it, one material a line.
    await expect(materials).toHaveValue('Gafetes\nLista de asistencia');
    const questions = editor.getByRole('textbox', { name: 'Preguntas guía' }).first();
    await questions.fill('¿Quién falta en la mesa?\n¿Qué sector representa cada quien?');
    await questions.blur();
    await editor.getByRole('button', { name: 'Cerrar' }).click();

    const banner = ana.page.getByRole('region', { name: 'Etapa actual' });
    await expect(banner).toContainText('Responsable: Lic. Marta Ibarra (INFOEM)');
    await banner.getByText('Dinámica y materiales').click();
    await expect(banner).toContainText('Registro en la entrada, por sector.');
    await expect(banner.getByRole('region', { name: 'Preguntas guía' }).getByRole('listitem')).toHaveText([
      '¿Quién falta en la mesa?',
      '¿Qué sector representa cada quien?',
    ]);
    await expect(banner.getByRole('listitem')).toHaveText([
      '¿Quién falta en la mesa?',
      '¿Qué sector representa cada quien?',
      'Gafetes',
      'Lista de asistencia',
    ]);
  });

  test('el tiempo excedido se ve en negativo en todas las pantallas', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const beto = await actor('Beto Ruiz');
    const ana = await actor('Ana López');
    await beto.join(mesa.links.facilitator);
    await ana.join(mesa.links.participant);
    await beto.page.getByRole('button', { name: 'Editar agenda' }).click();
    const editor = beto.page.getByRole('dialog', { name: 'Agenda de la mesa' });
    await editor.getByLabel('Minutos de la etapa 0').fill('1');
    await editor.getByLabel('Minutos de la etapa 0').press('Enter');
    await expect(editor.getByRole('status')).toContainText('Duración total: 5 h 1 min');
    await editor.getByRole('button', { name: 'Cerrar' }).click();
    await expect(timer(ana.page)).toHaveText('01:00');

    await beto.page.getByRole('button', { name: 'Iniciar la mesa' }).click();
    await expect(timer(ana.page)).toHaveText(/^00:5\d$/);
    await beto.page.getByRole('button', { name: '−1 min' }).click();
    // The end of the stage is marked, for a few seconds, on every screen at once…
    await Promise.all(
      [beto, ana].map(({ page }) => expect(banner(page)).toContainText('¡Se acabó el tiempo de la etapa!')),
    );
    await Promise.all([beto, ana].map(({ page }) => expect(banner(page)).toHaveClass(/is-ending/)));
    for (const { page } of [beto, ana]) {
      // …and the overtime stays, in the warning colour.
      await expect(timer(page)).toHaveText(/^-00:\d\d$/);
      await expect(banner(page)).toHaveClass(/is-overtime/);
      await expect(banner(page)).toContainText('Tiempo excedido');
    }
  });

  test('un árbol cerrado no acepta cambios, y la facilitación puede abrirlo', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const beto = await actor('Beto Ruiz');
    const ana = await actor('Ana López');
    await beto.join(mesa.links.facilitator);
    await ana.join(mesa.links.participant);
    const problem = (page: Page) => page.locator('.react-flow__node').filter({ hasText: 'Problema central' });

    // Etapa 0 opens no tool: once the mesa starts, the tree is closed for everybody.
    await beto.page.getByRole('button', { name: 'Iniciar la mesa' }).click();
    await expect(ana.page.getByText('Árbol de problemas: cerrado')).toBeVisible();
    await expect(ana.page.getByRole('button', { name: 'Deshacer' })).toHaveCount(0);
    await problem(ana.page).dblclick();
    // No node editor opens (the page's one text box is for comments, which a locked tree still takes).
    await expect(ana.page.locator('.react-flow__node textarea')).toHaveCount(0);
    await expect(ana.page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();

    await beto.page.getByLabel('Árbol', { exact: true }).selectOption('open');
    await expect(ana.page.getByText('Árbol de problemas: abierto (por la facilitación)')).toBeVisible();
    await openNodeEditor(ana.page, 'Problema central');
    await typeInNodeEditor(ana.page, 'Transporte público inseguro');
    await expect(
      beto.page.locator('.react-flow__node').filter({ hasText: 'Transporte público inseguro' }),
    ).toBeVisible();
    await expect(ana.page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' })).toBeVisible();

    // Moving on hands the tree back to the agenda: Etapa 1 keeps it closed.
    await beto.page.getByRole('button', { name: 'Etapa siguiente' }).click();
    await expect(ana.page.getByText('Árbol de problemas: cerrado')).toBeVisible();
    await expect(ana.page.getByRole('button', { name: 'Deshacer' })).toHaveCount(0);
  });

  test('un cambio que llega con el árbol ya cerrado no se guarda, y se guarda al reabrirlo', async ({
    cocrea,
    actor,
  }) => {
    const mesa = await cocrea.createMesa();
    const beto = await actor('Beto Ruiz');
    const ana = await actor('Ana López');
    // Ana's frames to the server can be held back, so her edit is still on its way when the tree closes.
    let holding = false;
    const held: { send(): void }[] = [];
    await ana.page.routeWebSocket(/\/sync\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const forward = { send: () => server.send(message) };
        if (holding) held.push(forward);
        else forward.send();
      });
    });
    await beto.join(mesa.links.facilitator);
    await ana.join(mesa.links.participant);
    const node = (page: Page, text: string) => page.locator('.react-flow__node').filter({ hasText: text });
    const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /guardad|Guardando|sin guardar/ });

    await openNodeEditor(ana.page, 'Problema central');
    holding = true;
    await ana.page.keyboard.type('Baches');
    await ana.page.keyboard.press('Enter');
    await expect(saveState(ana.page)).toHaveText('Guardando…');
    await beto.page.getByLabel('Árbol', { exact: true }).selectOption('locked');
    await expect(ana.page.getByText('Árbol de problemas: cerrado (por la facilitación)')).toBeVisible();
    holding = false;
    for (const frame of held.splice(0)) frame.send();

    // Refused by the server: kept in Ana's browser, said plainly, seen by nobody else.
    await expect(saveState(ana.page)).toHaveText('Cambios sin guardar');
    await expect(node(ana.page, 'Baches')).toBeVisible();
    // (The tree is locked for the facilitator too: his empty problem does not invite him to write.)
    await expect(node(beto.page, 'Problema central')).toContainText('Sin texto todavía');

    // When the tree opens again, Ana's browser sends it once more and it is stored.
    await beto.page.getByLabel('Árbol', { exact: true }).selectOption('open');
    await expect(node(beto.page, 'Baches')).toBeVisible();
    await expect(saveState(ana.page)).toHaveText('Todos los cambios guardados');
  });

  test('las participantes siguen la vista de la facilitación y pueden dejar de seguirla', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const beto = await actor('Beto Ruiz');
    const ana = await actor('Ana López');
    await beto.join(mesa.links.facilitator);
    await ana.join(mesa.links.participant);
    const viewport = (page: Page) =>
      page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
    /** The canvas's transform once it has stopped moving (following glides over 300 ms). */
    async function still(page: Page): Promise<string> {
      let last = '';
      await expect
        .poll(
          async () => {
            const now = await viewport(page);
            const same = now === last;
            last = now;
            return same;
          },
          { intervals: [400] },
        )
        .toBe(true);
      return last;
    }

    const before = await still(ana.page);
    await beto.page.getByRole('button', { name: 'Presentar mi vista' }).click();
    await expect(ana.page.getByText('Siguiendo la vista de Beto Ruiz')).toBeVisible();
    await beto.page.getByRole('button', { name: 'Acercar' }).click();
    await beto.page.getByRole('button', { name: 'Acercar' }).click();
    await expect.poll(() => viewport(ana.page)).not.toBe(before);
    await still(ana.page);

    // Never moved while typing; caught up once done.
    await openNodeEditor(ana.page, 'Problema central');
    const typing = await still(ana.page);
    await beto.page.getByRole('button', { name: 'Alejar' }).click();
    await ana.page.keyboard.type('Calles sin banquetas');
    expect(await still(ana.page)).toBe(typing);
    await ana.page.keyboard.press('Enter');
    await expect.poll(() => viewport(ana.page)).not.toBe(typing);
    await still(ana.page);

    // A follower whose canvas changes size (a phone turned) is shown the presenter's view again, not the whole
    // tree: fitted without padding, one side of what she sees is the presenter's and the other at least as long.
    const visible = (page: Page) =>
      page.locator('.react-flow').evaluate((el) => {
        const m = new DOMMatrix(getComputedStyle(el.querySelector('.react-flow__viewport')!).transform);
        return { width: el.clientWidth / m.a, height: el.clientHeight / m.a };
      });
    await ana.page.setViewportSize({ width: 900, height: 700 });
    const followed = await still(ana.page);
    const [shown, presented] = [await visible(ana.page), await visible(beto.page)];
    expect(Math.min(Math.abs(shown.width - presented.width), Math.abs(shown.height - presented.height))).toBeLessThan(
      2,
    );
    expect(shown.width).toBeGreaterThan(presented.width - 2);
    expect(shown.height).toBeGreaterThan(presented.height - 2);

    await ana.page.getByRole('button', { name: 'Dejar de seguir' }).click();
    await expect(ana.page.getByRole('button', { name: 'Seguir al facilitador' })).toBeVisible();
    await beto.page.getByRole('button', { name: 'Alejar' }).click();
    expect(await still(ana.page)).toBe(followed);
  });
});
