import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type CocreaServer } from '../fixtures/cocrea';

const PASSWORD = 'mesas abiertas 2026';

/** The first account, made with the admin token as the bootstrap script does. Each test has its own e-mail. */
async function bootstrapMember(cocrea: CocreaServer, email: string, name: string): Promise<void> {
  const res = await fetch(`${cocrea.baseURL}/api/stl/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cocrea.adminToken}` },
    body: JSON.stringify({ email, name, password: PASSWORD }),
  });
  expect(res.status).toBe(201);
}

async function logIn(page: Page, baseURL: string, email: string): Promise<void> {
  await page.goto(`${baseURL}/stl`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mesas de cocreación' })).toBeVisible();
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('el STL administra las mesas', () => {
  test('un miembro entra, crea una mesa, comparte sus enlaces y al final la cierra', async ({ cocrea, actor }) => {
    await bootstrapMember(cocrea, 'ana.stl@infoem.org.mx', 'Ana Pérez');
    const ana = await actor('Ana Pérez');
    await ana.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cocrea.baseURL });
    await ana.page.goto(`${cocrea.baseURL}/stl`);
    await expect(ana.page.getByRole('heading', { name: 'Entrar como miembro del STL' })).toBeVisible();
    await expectNoSeriousA11yViolations(ana.page);
    await logIn(ana.page, cocrea.baseURL, 'ana.stl@infoem.org.mx');
    await expect(ana.page.getByText('Sesión de Ana Pérez (ana.stl@infoem.org.mx)')).toBeVisible();

    await ana.page.getByLabel('Título').fill('Transporte seguro en Toluca');
    await ana.page.getByLabel('Tema').selectOption({ label: 'Movilidad' });
    await ana.page.getByLabel('Fecha').fill('2026-11-21');
    await ana.page.getByRole('button', { name: 'Crear mesa' }).click();

    const links = ana.page.getByRole('region', { name: 'Enlaces de «Transporte seguro en Toluca»' });
    await expect(links.getByRole('heading')).toBeFocused();
    await expect(links).toContainText('Estos enlaces se muestran una sola vez');
    for (const label of ['Enlace de facilitación', 'Enlace para participantes', 'Enlace para observadores']) {
      await expect(links.getByRole('textbox', { name: label })).toHaveValue(/\/mesa\/[A-Za-z0-9_-]{16}#k=[\w-]{43}$/);
    }
    await links.getByRole('button', { name: 'Copiar: Enlace para participantes' }).click();
    await expect(links.getByRole('status').filter({ hasText: 'Enlace copiado.' })).toBeVisible();
    const participantLink = await ana.page.evaluate(() => navigator.clipboard.readText());
    await expect(links.getByRole('textbox', { name: 'Enlace para participantes' })).toHaveValue(participantLink);
    const mesa = ana.page.getByRole('article', { name: 'Transporte seguro en Toluca' });
    await expect(mesa).toContainText('Abierta');
    await expect(mesa).toContainText('Nadie ha entrado todavía.');
    await expectNoSeriousA11yViolations(ana.page);

    const beto = await actor('Beto Ruiz');
    await beto.join(participantLink, { sector: 'academia' });
    await expect(beto.page.getByRole('heading', { name: 'Transporte seguro en Toluca' })).toBeVisible();

    // The links are shown once: after a reload the list has the mesa and its attendance, but no link.
    await ana.page.reload();
    await expect(mesa).toContainText('Asistencia: 1');
    await expect(mesa).toContainText('Por sector: Academia: 1');
    await expect(mesa).toContainText('Por rol: Participante: 1');
    await expect(ana.page.getByRole('textbox', { name: 'Enlace para participantes' })).toHaveCount(0);

    ana.page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('¿Cerrar la mesa «Transporte seguro en Toluca»?');
      void dialog.accept();
    });
    await mesa.getByRole('button', { name: 'Cerrar mesa «Transporte seguro en Toluca»' }).click();
    await expect(mesa).toContainText('Cerrada el');
    await expect(mesa.getByRole('heading')).toBeFocused();
    await expect(mesa.getByRole('button', { name: /Cerrar mesa/ })).toHaveCount(0);

    // The participant's open page turns read-only by itself.
    await expect(beto.page.getByText(/Mesa cerrada: solo lectura/)).toBeVisible();
    await expect(beto.page.getByText('Todos los cambios guardados')).toBeVisible();

    // Whoever arrives now learns before registering that the mesa can only be read.
    const dana = await actor('Dana');
    await dana.page.goto(participantLink);
    await expect(dana.page.getByText('Entrará como: Participante, solo para consultar')).toBeVisible();

    // A lost link is replaced, not recovered: the new one is shown once, the old one stops working.
    await mesa.getByText('Generar enlace nuevo').click();
    ana.page.once('dialog', (dialog) => void dialog.accept());
    await mesa.getByRole('button', { name: 'Nuevo enlace: Participante, mesa «Transporte seguro en Toluca»' }).click();
    const rotated = ana.page.getByRole('region', {
      name: 'Enlace nuevo de participante para «Transporte seguro en Toluca»',
    });
    await expect(rotated.getByRole('heading')).toBeFocused();
    const newLink = await rotated.getByRole('textbox', { name: 'Enlace para participantes' }).inputValue();
    expect(newLink).not.toBe(participantLink);
    await expectNoSeriousA11yViolations(ana.page);
    // Beto's page, still open, came in with the old link: it says why it went offline and what to do.
    await expect(beto.page.getByRole('alert')).toContainText('reemplazó el enlace con el que entró');
    await expect(beto.page.getByText('Sin conexión', { exact: true })).toBeVisible();
    const carlos = await actor('Carlos');
    await carlos.page.goto(participantLink);
    await expect(carlos.page.getByRole('alert')).toContainText('El enlace de acceso no es válido para esta mesa.');
  });

  test('un miembro invita a otra persona, que crea su cuenta y entra; luego le quita el acceso y se lo devuelve', async ({
    cocrea,
    actor,
  }) => {
    await bootstrapMember(cocrea, 'dora.stl@infoem.org.mx', 'Dora Méndez');
    const dora = await actor('Dora Méndez');
    await logIn(dora.page, cocrea.baseURL, 'dora.stl@infoem.org.mx');
    await dora.page.getByRole('link', { name: 'Equipo' }).click();
    await expect(dora.page.getByRole('heading', { level: 1, name: 'Equipo del STL' })).toBeVisible();
    await expect(dora.page.getByRole('listitem', { name: 'Dora Méndez' })).toContainText('(usted)');
    await dora.page.getByRole('textbox', { name: 'Correo electrónico' }).fill('carla@uaemex.mx');
    await dora.page.getByRole('button', { name: 'Crear invitación' }).click();
    const invitation = dora.page.getByRole('region', { name: 'Invitación para carla@uaemex.mx' });
    await expect(invitation).toContainText('Se muestra una sola vez');
    const link = await invitation.getByRole('textbox', { name: 'Enlace de invitación' }).inputValue();
    expect(link).toMatch(/\/stl\/invitacion#t=[\w-]{43}$/);
    // One more, to a wrong address: it is listed as pending, and taken back.
    const pending = dora.page.getByRole('region', { name: 'Invitaciones pendientes' });
    await dora.page.getByRole('textbox', { name: 'Correo electrónico' }).fill('equivocada@uaemex.mx');
    await dora.page.getByRole('button', { name: 'Crear invitación' }).click();
    await expect(pending.getByRole('listitem')).toHaveCount(2);
    await expect(pending.getByRole('listitem', { name: 'carla@uaemex.mx' })).toContainText('Invitó Dora Méndez');
    dora.page.once('dialog', (dialog) => void dialog.accept());
    await pending.getByRole('listitem', { name: 'equivocada@uaemex.mx' }).getByRole('button').click();
    await expect(pending.getByRole('listitem')).toHaveCount(1);
    await expect(
      dora.page.getByRole('status').filter({ hasText: 'Se retiró la invitación a equivocada@uaemex.mx.' }),
    ).toBeAttached();

    const carla = await actor('Carla Soto');
    await carla.page.goto(link);
    await expect(carla.page.getByRole('heading', { name: 'Crear su cuenta del STL' })).toBeVisible();
    await expect(carla.page).not.toHaveURL(/#t=/);
    await expectNoSeriousA11yViolations(carla.page);
    await carla.page.getByLabel('Nombre').fill('Carla Soto');
    await carla.page.getByLabel('Contraseña nueva').fill('corta');
    await carla.page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await expect(carla.page.getByText('La contraseña debe tener al menos 12 caracteres.')).toBeVisible();
    await expect(carla.page.getByLabel('Contraseña nueva')).toHaveAttribute('aria-invalid', 'true');
    await carla.page.getByLabel('Contraseña nueva').fill('compromisos abiertos');
    await carla.page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await expect(carla.page.getByText('Sesión de Carla Soto (carla@uaemex.mx)')).toBeVisible();
    expect(new URL(carla.page.url()).pathname).toBe('/stl/mesas');

    // Dora takes Carla's access away: Carla's open session ends, and logging in again tells her why.
    await dora.page.reload();
    await expect(pending).toContainText('No hay invitaciones sin usar.');
    const carlaItem = dora.page.getByRole('listitem', { name: 'Carla Soto' });
    await expect(carlaItem).toContainText('Con acceso');
    // Accepting the invitation signed her in: the team sees when, in central Mexico time.
    await expect(carlaItem).toContainText(/Último ingreso: \d{1,2} de \p{L}+ de \d{4} a las \d{1,2}:\d{2}/u);
    await expect(dora.page.getByRole('listitem', { name: 'Dora Méndez' }).getByRole('button')).toHaveCount(0);
    await expectNoSeriousA11yViolations(dora.page);
    dora.page.once('dialog', (dialog) => void dialog.accept());
    await carlaItem.getByRole('button', { name: 'Quitar acceso' }).click();
    await expect(carlaItem).toContainText(/Sin acceso desde el .+, por Dora Méndez/);
    await expect(dora.page.getByRole('status').filter({ hasText: 'Carla Soto ya no tiene acceso.' })).toBeAttached();
    await carla.page.reload();
    await expect(carla.page.getByRole('heading', { name: 'Entrar como miembro del STL' })).toBeVisible();
    await carla.page.getByLabel('Correo electrónico').fill('carla@uaemex.mx');
    await carla.page.getByLabel('Contraseña').fill('compromisos abiertos');
    await carla.page.getByRole('button', { name: 'Entrar' }).click();
    await expect(carla.page.getByRole('alert')).toContainText('Su cuenta del STL ya no tiene acceso.');

    // Given back, as a follow-up member: she enters, and sees only the follow-up.
    await carlaItem.getByRole('combobox', { name: 'Rol de Carla Soto' }).selectOption('seguimiento');
    await expect(
      dora.page.getByRole('status').filter({ hasText: 'Carla Soto ahora tiene el rol Seguimiento.' }),
    ).toBeAttached();
    await carlaItem.getByRole('button', { name: 'Devolver acceso' }).click();
    await expect(carlaItem).toContainText('Con acceso');
    await carla.page.getByRole('button', { name: 'Entrar' }).click();
    await expect(carla.page.getByText('Sesión de Carla Soto (carla@uaemex.mx)')).toBeVisible();
    expect(new URL(carla.page.url()).pathname).toBe('/stl/seguimiento');
    const sections = carla.page.getByRole('navigation', { name: 'Secciones del STL' });
    await expect(sections.getByRole('link')).toHaveText(['Seguimiento', 'Tablero público']);

    await carla.page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await expect(carla.page.getByRole('heading', { name: 'Entrar como miembro del STL' })).toBeVisible();
    await carla.page.goto(`${cocrea.baseURL}/stl/seguimiento`);
    await expect(carla.page.getByRole('heading', { name: 'Entrar como miembro del STL' })).toBeVisible();
  });

  test('quien olvidó su contraseña recibe de otro miembro un enlace para crear una nueva', async ({
    cocrea,
    actor,
  }) => {
    await bootstrapMember(cocrea, 'elena.stl@infoem.org.mx', 'Elena Ríos');
    await bootstrapMember(cocrea, 'fede.stl@infoem.org.mx', 'Fede Luna');
    const [elena, fede, fedePhone] = await Promise.all([actor('Elena Ríos'), actor('Fede Luna'), actor('Fede Luna')]);
    // Fede is still signed in on one device, and has forgotten the password on the other.
    await logIn(fede.page, cocrea.baseURL, 'fede.stl@infoem.org.mx');
    await fedePhone.page.goto(`${cocrea.baseURL}/stl`);
    await expect(fedePhone.page.getByText('¿Olvidó su contraseña?')).toBeVisible();

    await logIn(elena.page, cocrea.baseURL, 'elena.stl@infoem.org.mx');
    await elena.page.getByRole('link', { name: 'Equipo' }).click();
    await elena.page
      .getByRole('listitem', { name: 'Fede Luna' })
      .getByRole('button', { name: 'Enlace para contraseña nueva' })
      .click();
    const shown = elena.page.getByRole('region', { name: 'Contraseña nueva para Fede Luna' });
    await expect(shown).toContainText('Se muestra una sola vez');
    const link = await shown.getByRole('textbox', { name: 'Enlace para contraseña nueva' }).inputValue();
    expect(link).toMatch(/\/stl\/contrasena#t=[\w-]{43}$/);
    await shown.getByRole('button', { name: 'Ya lo copié' }).click();
    await expect(shown).toHaveCount(0);

    await fedePhone.page.goto(link);
    await expect(fedePhone.page.getByRole('heading', { name: 'Crear una contraseña nueva' })).toBeVisible();
    await expect(fedePhone.page).not.toHaveURL(/#t=/);
    await expectNoSeriousA11yViolations(fedePhone.page);
    await fedePhone.page.getByLabel('Contraseña nueva', { exact: true }).fill('una frase nueva y larga');
    await fedePhone.page.getByRole('button', { name: 'Guardar y entrar' }).click();
    await expect(fedePhone.page.getByText('Sesión de Fede Luna (fede.stl@infoem.org.mx)')).toBeVisible();
    // The other device's session ended with the old password.
    await fede.page.reload();
    await expect(fede.page.getByRole('heading', { name: 'Entrar como miembro del STL' })).toBeVisible();
    // The link served once.
    await fede.page.goto(link);
    await fede.page.getByLabel('Contraseña nueva', { exact: true }).fill('otra frase, también larga');
    await fede.page.getByRole('button', { name: 'Guardar y entrar' }).click();
    await expect(fede.page.getByRole('alert')).toContainText('ya se usó, venció o se pidió otro');
  });

  test('el inicio de sesión explica en español lo que falla', async ({ cocrea, actor }) => {
    await bootstrapMember(cocrea, 'eva.stl@infoem.org.mx', 'Eva');
    const eva = await actor('Eva');
    await eva.page.goto(`${cocrea.baseURL}/stl`);
    await eva.page.getByRole('button', { name: 'Entrar' }).click();
    await expect(eva.page.getByText('Escriba un correo electrónico válido (nombre@dominio.mx).')).toBeVisible();
    await eva.page.getByLabel('Correo electrónico').fill('eva.stl@infoem.org.mx');
    await eva.page.getByLabel('Contraseña').fill('no es la contraseña');
    await eva.page.getByRole('button', { name: 'Entrar' }).click();
    await expect(eva.page.getByRole('alert')).toHaveText('Correo electrónico o contraseña incorrectos.');
  });
});
