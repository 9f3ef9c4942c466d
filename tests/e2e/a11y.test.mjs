// axe-core (WCAG 2.0–2.2 A and AA tags) on every state of the grid a reader can reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, widgetReady, axeViolations, useWidgetServer } from './harness.mjs';

const env = useWidgetServer();

const STATES = [
  ['English', '/?lang=en', {}, null],
  ['Chinese', '/?lang=zh', {}, null],
  ['dark (system)', '/?lang=en', { colorScheme: 'dark' }, null],
  ['dark (forced), Chinese', '/?lang=zh&theme=dark', {}, null],
  ['no results', '/?lang=en&q=nobody-matches', {}, null],
  ['filtered with disabled options', '/?lang=en&cohort=new_msl', {}, null],
  ['every detail open', '/?lang=en', {}, () => document.querySelectorAll('details').forEach((d) => (d.open = true))],
  ['every detail open, dark', '/?lang=zh&theme=dark', {}, () => document.querySelectorAll('details').forEach((d) => (d.open = true))],
];

/** States reached by acting like a reader, not by URL. */
const ACTED = [
  ['calculator field error', async (page) => {
    await page.locator('[data-testid=calc-weeks-text]').fill('abc');
    await page.waitForSelector('[data-testid=calc-weeks-text][aria-invalid=true]');
  }],
  ['calculator field error, Chinese dark', async (page) => {
    await page.locator('[data-testid=lang-switch]').click();
    await page.locator('[data-testid=theme-select]').selectOption('dark');
    await page.locator('[data-testid=calc-weeks-text]').fill('-5');
    await page.waitForSelector('[data-testid=calc-weeks-text][aria-invalid=true]');
  }],
  ['embed dialog open', async (page) => {
    await page.locator('[data-testid=embed-button]').click();
    await page.waitForSelector('[data-testid=embed-dialog][open]');
  }],
];

for (const [name, act] of ACTED) {
  test(`axe finds no WCAG 2.2 AA violation: ${name}`, async () => {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
    await widgetReady(page);
    await act(page);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}

for (const [name, path, options, setup] of STATES) {
  test(`axe finds no WCAG 2.2 AA violation: ${name}`, async () => {
    const { page, context } = await openPage(env.browser, env.server.origin + path, options);
    await widgetReady(page);
    if (setup) await page.evaluate(setup);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}
