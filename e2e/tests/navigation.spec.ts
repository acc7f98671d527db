import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/cocrea';

const PASSWORD = 'mesas abiertas 2026';

/** Set on the page's window: it survives moves within the app and is gone after any full page load. */
const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { cocreaMarker: 'sin recargar' }));

/** Whether the page is still the one document loaded first: the marker is there and no other load happened. */
const sameDocument = (page: Page) =>
  page.evaluate(
    () =>
      (window as { cocreaMarker?: string }).cocreaMarker === 'sin recargar' &&
      performance.getEntriesByType('navigation').length === 1,
  );

test.describe('moverse por la aplicación sin recargarla', () => {
  test('del área del STL al tablero público y de regreso, sin recargar la página', async ({ cocrea, actor }) => {
    const res = await fetch(`${cocrea.baseURL}/api/stl/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cocrea.adminToken}` },
      body: JSON.stringify({ email: 'nora.stl@infoem.org.mx', name: 'Nora Díaz', password: PASSWORD }),
    });
    expect(res.status).toBe(201);
    const nora = await actor('Nora Díaz');
    const { page } = nora;

    await page.goto(`${cocrea.baseURL}/stl/revision`);
    await page.getByLabel('Correo electrónico').fill('nora.stl@infoem.org.mx');
    await page.getByLabel('Contraseña').fill(PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    // The page asked for before logging in is the one shown after.
    await expect(page.getByRole('heading', { level: 1, name: 'Revisión de compromisos' })).toBeVisible();
    await markWindow(page);

    const nav = page.getByRole('navigation', { name: 'Secciones del STL' });
    await nav.getByRole('link', { name: 'Equipo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Equipo del STL' })).toBeFocused();
    await expect(page).toHaveURL(`${cocrea.baseURL}/stl/equipo`);

    await nav.getByRole('link', { name: 'Tablero público' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tablero Público de Seguimiento' })).toBeVisible();
    await expect(page).toHaveURL(`${cocrea.baseURL}/tablero`);
    await expect(page.getByText('Todavía no hay compromisos publicados.')).toBeVisible();
    expect(await sameDocument(page)).toBe(true);

    // The browser's back button returns to the STL's page, still signed in and still without a load.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Equipo del STL' })).toBeVisible();
    await expect(page).toHaveURL(`${cocrea.baseURL}/stl/equipo`);
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1, name: 'Tablero Público de Seguimiento' })).toBeVisible();
    await page.goBack();
    await page.getByRole('navigation', { name: 'Secciones del STL' }).getByRole('link', { name: 'Mesas' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mesas de cocreación' })).toBeVisible();
    expect(await sameDocument(page)).toBe(true);

    // A review page's address with an id that cannot be a mesa's is no page, for a member too.
    await page.goto(`${cocrea.baseURL}/stl/revision/x/1`);
    await expect(page.getByRole('heading', { level: 1, name: 'Página no encontrada' })).toBeVisible();
  });

  test('de la página de inicio al tablero, y una dirección que no existe dice que no se encontró', async ({
    cocrea,
    actor,
  }) => {
    const { page } = await actor('Visitante');
    await page.goto(`${cocrea.baseURL}/`);
    await markWindow(page);
    await page.getByRole('link', { name: 'Tablero Público de Seguimiento' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tablero Público de Seguimiento' })).toBeVisible();
    expect(await sameDocument(page)).toBe(true);

    // Ids are checked with the shared schemas: one that cannot be a mesa's, or a version 0, is no page.
    for (const path of [
      '/mesa/corto',
      '/mesa/AAAAAAAAAAAAAAAA/compromiso/0',
      '/mesa/AAAAAAAAAAAAAAAA/compromiso/07',
      '/otra-cosa',
    ]) {
      await page.goto(`${cocrea.baseURL}${path}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Página no encontrada' })).toBeVisible();
    }
    await page.getByRole('link', { name: 'Ir a la página de inicio' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenida a Cocrea' })).toBeVisible();
  });
});
