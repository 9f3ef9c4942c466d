// axe-core (WCAG 2.0–2.2 A and AA tags, and its best practices) on every state of the grid a reader can reach; the
// page's headings.
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
  ['card → calculator, with its way back', async (page) => {
    await page.locator('[data-person-id=chaya-nayak] [data-testid=card-detail] > summary').click();
    await page.locator('[data-person-id=chaya-nayak] [data-testid=card-to-calc]').click();
    await page.waitForSelector('[data-testid=calc-back-to-card]:not([hidden])');
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

test('the page has one h1, and the filters, the people list and "About the data" their own headings', async () => {
  for (const [lang, names] of [['en', ['Find people', 'People who left', 'About the data']], ['zh', ['查找人员', '离职人员']]]) {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=${lang}`);
    await widgetReady(page);
    const headings = await page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => `${h.tagName} ${h.textContent.trim()}`));
    assert.equal(headings.filter((h) => h.startsWith('H1')).length, 1, headings.join('\n'));
    for (const name of names) assert.ok(headings.includes(`H3 ${name}`), `${name} in ${headings.join('\n')}`);
    assert.equal(await page.locator('[role=search]').getAttribute('aria-labelledby'), 'mslw-filters-heading');
    await context.close();
  }
});
