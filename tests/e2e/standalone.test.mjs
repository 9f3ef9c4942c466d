// The standalone release page as a reader meets it: nine cards in either language, no errors,
// nothing fetched from another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, widgetReady, useWidgetServer } from './harness.mjs';

const env = useWidgetServer();

for (const [lang, title, htmlLang] of [
  ['en', 'Who left Meta', 'en'],
  ['zh', '谁离开了Meta超级智能实验室', 'zh-Hans'],
]) {
  test(`?lang=${lang} shows nine cards in that language, with no console error and no foreign request`, async () => {
    const { page, context, requests, errors } = await openPage(env.browser, `${env.server.origin}/?lang=${lang}`);
    await widgetReady(page);
    assert.equal(await page.locator('[data-testid=person-card]').count(), 9);
    assert.match(await page.locator('h2').innerText(), new RegExp(title));
    assert.equal(await page.locator('[data-testid=msl-widget]').getAttribute('lang'), htmlLang);
    const maher = await page.locator('[data-person-id=bert-maher]').innerText();
    assert.match(maher, /Bert Maher/);
    assert.match(maher, /伯特·马赫/);
    const sourceLinks = await page.locator('[data-person-id] a[href^="https://"]').count();
    assert.ok(sourceLinks >= 9, `source links: ${sourceLinks}`);
    assert.deepEqual(errors, []);
    const foreign = requests.filter((u) => new URL(u).origin !== env.server.origin);
    assert.deepEqual(foreign, []);
    await context.close();
  });
}

test("without ?lang the reader's browser language decides", async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/`, { locale: 'zh-CN' });
  await widgetReady(page);
  assert.match(await page.locator('h2').innerText(), /超级智能实验室/);
  await context.close();
  const en = await openPage(env.browser, `${env.server.origin}/`, { locale: 'en-GB' });
  await widgetReady(en.page);
  assert.match(await en.page.locator('h2').innerText(), /Who left Meta/);
  await en.context.close();
});

test('the language switch translates the page in place', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
  await widgetReady(page);
  // Its spoken name starts with what it shows (WCAG 2.5.3 label in name), then says what it does.
  assert.equal(await page.getByRole('button', { name: '中文 (switch the page to Chinese)', exact: true }).count(), 1);
  await page.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.querySelector('h2')?.textContent.includes('超级智能'));
  assert.equal(
    // textContent: the card may be off screen, where content-visibility leaves innerText empty.
    await page.locator('[data-person-id=aram-markosyan] [data-testid=destination]').textContent(),
    '尚未公布',
  );
  assert.equal(await page.getByRole('button', { name: 'English （切换为英文）', exact: true }).count(), 1);
  await context.close();
});

test('a chosen theme colours the whole page, not only the widget, whatever the system prefers', async () => {
  for (const [scheme, theme, expected] of [['light', 'dark', 'rgb(21, 23, 26)'], ['dark', 'light', 'rgb(255, 255, 255)']]) {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en&theme=${theme}`, { colorScheme: scheme, viewport: { width: 1600, height: 900 } });
    await widgetReady(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), expected, `${theme} on a ${scheme} system`);
    await context.close();
  }
});
