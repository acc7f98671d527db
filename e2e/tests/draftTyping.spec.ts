import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/cocrea';

async function openCommitment(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Compromiso' }).click();
  await expect(page.getByRole('heading', { name: 'Compromiso y hoja de ruta' })).toBeVisible();
}

const field = (page: Page) => page.getByLabel('Compromiso definitivo');

test.describe('escribir en el borrador del compromiso', () => {
  test('Ctrl+Z deshace lo propio, paso a paso y nunca lo de otra persona; Ctrl+Shift+Z y Ctrl+Y lo rehacen', async ({
    cocrea,
    actor,
  }) => {
    // The outside scenario of issue 22: Ana "ANA1 ", Beto "BETO1 ", Ana "ANA2 ".
    const mesa = await cocrea.createMesa();
    const [ana, beto] = await Promise.all([actor('Ana'), actor('Beto')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    for (const a of [ana, beto]) await openCommitment(a.page);

    await field(ana.page).click();
    await ana.page.keyboard.type('ANA1 ');
    await expect(field(beto.page)).toHaveValue('ANA1 ');
    await field(beto.page).click();
    await beto.page.keyboard.press('End');
    await beto.page.keyboard.type('BETO1 ');
    await expect(field(ana.page)).toHaveValue('ANA1 BETO1 ');
    await field(ana.page).press('End');
    await ana.page.keyboard.type('ANA2 ');
    await expect(field(beto.page)).toHaveValue('ANA1 BETO1 ANA2 ');

    await ana.page.keyboard.press('Control+z');
    await expect(field(ana.page)).toHaveValue('ANA1 BETO1 ');
    await ana.page.keyboard.press('Control+z');
    await expect(field(ana.page)).toHaveValue('BETO1 ');
    await expect(field(beto.page)).toHaveValue('BETO1 ');
    // Nothing of Ana's is left to undo: Beto's words stay.
    await ana.page.keyboard.press('Control+z');
    await expect(field(ana.page)).toHaveValue('BETO1 ');

    await ana.page.keyboard.press('Control+Shift+z');
    await expect(field(ana.page)).toHaveValue('ANA1 BETO1 ');
    await ana.page.keyboard.press('Control+y');
    await expect(field(ana.page)).toHaveValue('ANA1 BETO1 ANA2 ');
    await expect(field(beto.page)).toHaveValue('ANA1 BETO1 ANA2 ');
  });

  test('una tecla muerta (acento) compone una sola letra, sin perderla ni duplicarla', async ({ cocrea, actor }) => {
    const mesa = await cocrea.createMesa();
    const [ana, beto] = await Promise.all([actor('Ana'), actor('Beto')]);
    await ana.join(mesa.links.participant);
    await beto.join(mesa.links.participant);
    for (const a of [ana, beto]) await openCommitment(a.page);

    await field(ana.page).click();
    await ana.page.keyboard.type('caf');
    // What a Spanish keyboard's dead key does: a composition shows «´», then commits «é».
    const cdp = await ana.page.context().newCDPSession(ana.page);
    await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'é', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: 'é' });
    await ana.page.keyboard.type(' de olla');
    await expect(field(ana.page)).toHaveValue('café de olla');
    await expect(field(beto.page)).toHaveValue('café de olla');
    // Beto types before Ana's word while she composes the next one: her letters land where her caret was.
    await field(beto.page).press('Home');
    await beto.page.keyboard.type('Un ');
    await expect(field(ana.page)).toHaveValue('Un café de olla');
    await cdp.send('Input.imeSetComposition', { text: '~', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: 'ñ' });
    await expect(field(ana.page)).toHaveValue('Un café de ollañ');
    await expect(field(beto.page)).toHaveValue('Un café de ollañ');
  });
});
