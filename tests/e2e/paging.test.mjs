// A host's larger dataset as a reader meets it (the npm mount with 100 people and 30 destinations): one page
// of cards, "Show more" and "Show all" by keyboard with focus on the first card added, a new search back to
// one page, a new sort keeping what was opened up; a long facet lists its first options and "Show all".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PKG, serve, launch, tempDir, axeViolations, openFilters } from './harness.mjs';

const PAGE_SIZE = 24; // src/filter.rs
const PEOPLE = 100;

/** Presses a button by keyboard, as a keyboard reader would (and immune to layout moving it mid-click). */
async function press(page, testid) {
  await page.locator(`[data-testid=${testid}]`).focus();
  await page.keyboard.press('Enter');
}
const DESTINATIONS = 30;
const FACET_OPTIONS_SHOWN = 12; // src/filter.rs
const FACET_OPTIONS_LISTED = 100; // src/filter.rs
const DATA = readFileSync(new URL('../../data/departures.json', import.meta.url), 'utf8');

let host, browser;
before(async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PKG, join(dir, 'node_modules', 'msl-departures'), 'dir');
  writeFileSync(join(dir, 'data.json'), (() => {
    const d = JSON.parse(DATA);
    const employer = d.people.flatMap((p) => p.prior_employers)[0];
    d.people = Array.from({ length: PEOPLE }, (_, i) => ({
      ...d.people[i % d.people.length],
      id: `p${i}`,
      name_en: `Person ${i} Zq${i}`,
      destination: { ...d.people[i % d.people.length].destination, org: { en: `Org ${i % DESTINATIONS}`, zh: `机构${i % DESTINATIONS}` } },
      // Two employers of their own each: 200 distinct, more than a facet lists.
      prior_employers: [0, 1].map((k) => ({ ...employer, org: { en: `Employer ${i} ${k}`, zh: `雇主${i}-${k}` } })),
    }));
    d.corrections = d.corrections.map((c) => ({ ...c, people: [] }));
    return JSON.stringify(d);
  })());
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host with 100 people</title>` +
      `<link rel="stylesheet" href="node_modules/msl-departures/widget.css"></head>` +
      `<body><main><h1>A host page</h1><div id="slot"></div></main><script type="module">` +
      `import init, { mount } from './node_modules/msl-departures/msl_departures.js';` +
      `const [, dataset] = await Promise.all([init(), fetch('data.json').then((r) => r.text())]);` +
      `window.handle = mount(document.getElementById('slot'), { lang: 'en', dataset, state: location.search.slice(1) });` +
      `</script></body></html>`,
  );
  host = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
});

async function open(query = '') {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${host.origin}/${query}`);
  await page.waitForFunction(() => window.handle && document.querySelector('[data-testid=person-card]'));
  assert.deepEqual(await page.evaluate(() => window.handle.problems), []);
  return { context, page, errors };
}

const cards = (page) => page.locator('[data-testid=person-card]').count();
const waitForCards = (page, n) => page.waitForFunction((n) => document.querySelectorAll('[data-testid=person-card]').length === n, n);
/** The position in the grid of the card holding focus (its `<article>`), or null. */
const focusedCard = (page) =>
  page.evaluate(() => {
    const li = document.activeElement?.closest('[data-testid=person-card]');
    return li && document.activeElement.tagName === 'ARTICLE' ? [...li.parentElement.children].indexOf(li) : null;
  });

test('a large dataset shows one page, then "Show more" and "Show all" by keyboard, focus on the first card added', async () => {
  const { context, page, errors } = await open();
  assert.equal(await cards(page), PAGE_SIZE);
  const more = page.locator('[data-testid=show-more]');
  const all = page.locator('[data-testid=show-all]');
  assert.equal(await more.innerText(), `Show more (+${PAGE_SIZE})`);
  assert.equal(await all.innerText(), `Show all (${PEOPLE})`);

  await more.focus();
  await page.keyboard.press('Enter');
  await waitForCards(page, 2 * PAGE_SIZE);
  await page.waitForFunction(() => document.activeElement?.tagName === 'ARTICLE');
  assert.equal(await focusedCard(page), PAGE_SIZE, 'focus moves to the first card added');
  // Its name is what a screen reader announces (the article is labelled by the card's heading).
  const [label, heading] = await page.evaluate(() => [
    document.getElementById(document.activeElement.getAttribute('aria-labelledby'))?.textContent,
    document.activeElement.querySelector('h3')?.textContent,
  ]);
  assert.match(label, /^Person \d+ Zq\d+/);
  assert.equal(label, heading);
  // Tab continues from that card into its own controls, not from the top of the page.
  const focusedId = await page.evaluate(() => document.activeElement.closest('[data-testid=person-card]').dataset.personId);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid=person-card]')?.dataset.personId), focusedId);

  await all.focus();
  await page.keyboard.press('Enter');
  await waitForCards(page, PEOPLE);
  await page.waitForFunction((n) => document.activeElement?.closest('[data-testid=person-card]') === document.querySelectorAll('[data-testid=person-card]')[n], 2 * PAGE_SIZE);
  assert.equal(await focusedCard(page), 2 * PAGE_SIZE);
  assert.ok(await more.isHidden(), 'nothing left to show');
  assert.ok(await all.isHidden());
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new search starts again at one page; a new sort keeps what was opened up', async () => {
  const { context, page, errors } = await open();
  const search = page.locator('[data-testid=search]');
  // By keyboard (focus + Enter): a pointer click aimed while cards above are still being laid out
  // (content-visibility) can land beside the moved button; this timed out once in a full run.
  await press(page, 'show-all');
  await waitForCards(page, PEOPLE);
  await search.fill('person');
  await waitForCards(page, PAGE_SIZE);
  await press(page, 'show-more');
  await waitForCards(page, 2 * PAGE_SIZE);
  // Re-sorting the same people keeps both pages, in the new order.
  const ids = () => page.$$eval('[data-testid=person-card]', (cs) => cs.map((c) => c.dataset.personId).join());
  const before = await ids();
  await openFilters(page);
  await page.locator('[data-testid=sort]').selectOption('name');
  await page.waitForFunction((before) => [...document.querySelectorAll('[data-testid=person-card]')].map((c) => c.dataset.personId).join() !== before, before);
  assert.equal(await cards(page), 2 * PAGE_SIZE);
  assert.match(await ids(), /^p0,p10,p11,/, 'by name');
  // Clearing the search is a new selection: one page, although "Show all" was pressed for it before.
  await search.fill('');
  await waitForCards(page, PAGE_SIZE);
  await search.fill('zq1'); // Zq1 and Zq10–Zq19: under a page
  await waitForCards(page, 11);
  assert.ok(await page.locator('[data-testid=show-more]').isHidden());
  await search.fill('');
  await waitForCards(page, PAGE_SIZE);
  await page.waitForTimeout(100);
  assert.equal(await cards(page), PAGE_SIZE, 'and it stays one page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long facet shows 12 options and "More options"; past 100 it says how many are unlisted; a linked choice further down shows', async () => {
  const { context, page, errors } = await open();
  await openFilters(page);
  const dest = page.locator('[data-testid=facet-dest]');
  const visibleBoxes = () => dest.locator('input[type=checkbox]:visible');
  assert.equal(await visibleBoxes().count(), FACET_OPTIONS_SHOWN);
  const more = page.locator('[data-testid=facet-dest-more]');
  assert.equal(await more.locator('summary').innerText(), `More options (${DESTINATIONS - FACET_OPTIONS_SHOWN})`);
  assert.equal(await page.locator('[data-testid=facet-cohort-more]').count(), 0, 'a short facet is listed whole');
  // By keyboard: open the disclosure, and the next Tab reaches the first option it holds.
  await more.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await visibleBoxes().count(), DESTINATIONS);
  await page.keyboard.press('Tab');
  const firstExtra = await more.locator('input[type=checkbox]').first().getAttribute('id');
  assert.equal(await page.evaluate(() => document.activeElement.id), firstExtra);
  // It works like the first ones: checking it filters the grid.
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /^\d+ of 100 people shown$/.test(document.querySelector('[data-testid=result-count]').textContent));
  // 200 employers: 100 listed (12 shown, 88 behind "More options"), the rest named in a note.
  const prior = page.locator('[data-testid=facet-prior]');
  assert.equal(await prior.locator('input[type=checkbox]').count(), FACET_OPTIONS_LISTED);
  assert.equal(await prior.locator('summary').innerText(), `More options (${FACET_OPTIONS_LISTED - FACET_OPTIONS_SHOWN})`);
  assert.equal(await page.locator('[data-testid=facet-prior-unlisted]').innerText(), '100 more not listed: type one in the search box to find its people.');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();

  // A shared link that selects an option past the first twelve shows it checked among the first.
  const linked = await open('?dest=org-29');
  const linkedDest = linked.page.locator('[data-testid=facet-dest]');
  assert.equal(await linkedDest.locator('input[type=checkbox]:visible').count(), FACET_OPTIONS_SHOWN + 1);
  assert.ok(await linked.page.locator('[data-testid=filter-dest-org-29]').isChecked());
  assert.ok(await linked.page.locator('[data-testid=filter-dest-org-29]').isVisible());
  assert.match(await linked.page.locator('[data-testid=result-count]').innerText(), /^\d+ of 100 people shown$/);
  assert.deepEqual(linked.errors, []);
  await linked.context.close();
});

test('the lead figure pages like the grid: one page of rows, then "Show all", every row a link to its card', async () => {
  const { context, page, errors } = await open();
  const rows = page.locator('[data-testid=lead-row]');
  assert.equal(await rows.count(), PAGE_SIZE);
  assert.equal(await page.locator('[data-testid=lead-show-all]').innerText(), `Show all (${PEOPLE})`);
  await press(page, 'lead-show-all');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=lead-row]').length === n, PEOPLE);
  // The last row's card is not on the grid's first page: following the row brings it back and focuses it.
  const last = await rows.nth(PEOPLE - 1).getAttribute('data-lead-person');
  await rows.nth(PEOPLE - 1).locator('a').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.closest('[data-testid=person-card]')?.dataset.personId === id, last);
  assert.deepEqual(errors, []);
  await context.close();
});
