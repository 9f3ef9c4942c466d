// For readers who dig: downloads checked against the dataset, about-the-data, print, no-script, share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, widgetReady, useWidgetServer, openFilters } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/departures.json', import.meta.url), 'utf8'));

const env = useWidgetServer();

async function downloadText(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=${testid}]`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Minimal RFC 4180 reader, enough to check our own output. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('the whole dataset downloads as CSV with BOM, all nine, sources and statuses, Chinese intact', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`, { acceptDownloads: true });
  await widgetReady(page);
  const { name, bytes } = await downloadText(page, 'download-csv-all');
  assert.equal(name, `msl-departures-${DATA.last_updated}.csv`);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = parseCsv(bytes.toString('utf8').slice(1));
  const header = rows[0];
  for (const col of ['id', 'name_en', 'name_zh', 'destination_en', 'source_urls', 'tenure_status', 'destination_status']) {
    assert.ok(header.includes(col), `column ${col}`);
  }
  assert.equal(rows.length, 1 + DATA.people.length);
  const col = (r, c) => r[header.indexOf(c)];
  for (const person of DATA.people) {
    const row = rows.find((r) => col(r, 'id') === person.id);
    assert.ok(row, person.id);
    assert.equal(col(row, 'name_zh'), person.name_zh.text);
    assert.equal(col(row, 'tenure_status'), person.tenure.status);
    for (const s of person.sources) assert.ok(col(row, 'source_urls').includes(s.url));
  }
  await context.close();
});

test('the filtered view downloads as CSV and JSON holding only the people shown', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=zh&dest=openai`, { acceptDownloads: true });
  await widgetReady(page);
  const expected = DATA.people.filter((p) => p.destination.org?.en === 'OpenAI').map((p) => p.id).sort();
  const csv = await downloadText(page, 'download-csv-shown');
  assert.equal(csv.name, `msl-departures-${DATA.last_updated}-filtered.csv`);
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  assert.deepEqual(rows.slice(1).map((r) => r[0]).sort(), expected);
  // Their rows as the whole dataset's file has them, byte for byte.
  const whole = readFileSync(new URL(`../../dist/msl-departures-${DATA.last_updated}.csv`, import.meta.url), 'utf8');
  for (const line of csv.bytes.toString('utf8').split('\r\n').filter(Boolean)) assert.ok(whole.includes(line), line);
  const json = await downloadText(page, 'download-json-shown');
  assert.equal(json.name, `msl-departures-${DATA.last_updated}-filtered.json`);
  const parsed = JSON.parse(json.bytes.toString('utf8'));
  assert.deepEqual(parsed.people.map((p) => p.id).sort(), expected);
  // Everything else as it is; each person whole.
  const byId = (a, b) => a.id.localeCompare(b.id);
  assert.deepEqual([...parsed.people].sort(byId), DATA.people.filter((p) => expected.includes(p.id)).sort(byId));
  assert.deepEqual({ ...parsed, people: [] }, { ...DATA, people: [] });
  const all = JSON.parse((await downloadText(page, 'download-json-all')).bytes.toString('utf8'));
  assert.deepEqual(all, DATA, 'the whole-dataset JSON is the dataset');
  await context.close();
});

test('a people-shown download whose file cannot be read says so, and the next one that works clears it', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en&dest=openai`, { acceptDownloads: true });
  await widgetReady(page);
  let fail = true;
  await page.route('**/*.csv', (route) => (fail ? route.abort() : route.continue()));
  const message = page.locator('[data-testid=footer-message]');
  await page.locator('[data-testid=download-csv-shown]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=footer-message]').textContent.includes('could not be started'));
  fail = false;
  const csv = await downloadText(page, 'download-csv-shown');
  assert.equal(csv.name, `msl-departures-${DATA.last_updated}-filtered.csv`);
  await page.waitForFunction(() => document.querySelector('[data-testid=footer-message]').textContent === '');
  assert.equal(await message.textContent(), '');
  await context.close();
});

test('the whole dataset downloads from the page before its WebAssembly has started: the files the build wrote', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.origin}/?lang=en`);
  await page.locator('[data-mslw-baked] [data-testid=download-csv-all]').waitFor();
  for (const [testid, extension] of [['download-csv-all', 'csv'], ['download-json-all', 'json']]) {
    const { name, bytes } = await downloadText(page, testid);
    assert.equal(name, `msl-departures-${DATA.last_updated}.${extension}`);
    assert.deepEqual(bytes, readFileSync(new URL(`../../dist/${name}`, import.meta.url)), `${name} is the build's file`);
  }
  assert.equal(await page.locator('[data-mslw-baked]:not(template)').count(), 1, 'still the baked page');
  release();
  await widgetReady(page);
  // The live view keeps the links.
  assert.equal(await page.locator('[data-testid=download-csv-all]').getAttribute('href'), `msl-departures-${DATA.last_updated}.csv`);
  await context.close();
});

test('about the data lists the ten corrections, the method, the licence and the last update', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
  await widgetReady(page);
  await page.locator('[data-testid=about-data] summary').click();
  assert.equal(await page.locator('[data-testid=corrections] > li').count(), DATA.corrections.length);
  assert.equal(DATA.corrections.length, 10);
  const text = await page.locator('[data-testid=about-data]').innerText();
  assert.match(text, /The article says/);
  assert.match(text, /CC BY 4\.0|Creative Commons/);
  assert.match(text, /Nov 28, 2026/);
  await context.close();
});

test('print shows every card expanded and no controls', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
  await widgetReady(page);
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    ['search', 'sort', 'clear-all', 'lang-switch', 'theme-select', 'share', 'download-csv-all'].filter((id) => {
      const el = document.querySelector(`[data-testid=${id}]`);
      return el && el.getBoundingClientRect().height > 0;
    }),
  );
  assert.deepEqual(hidden, [], 'controls visible in print');
  const collapsedSources = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=person-card] .mslw-sources')].filter((ul) => ul.getBoundingClientRect().height === 0).length,
  );
  assert.equal(collapsedSources, 0, 'every card detail is expanded in print');
  assert.equal(await page.locator('[data-testid=person-card] .mslw-sources').count(), 9, 'every card has its sources');
  assert.equal(await page.locator('[data-testid=person-card]').count(), 9);
  await context.close();
});

test('a filtered printout says it is filtered and what the calculator used; its hints keep their width', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en&dest=openai&pkg=wired-300m&weeks=8`, { viewport: { width: 794, height: 1123 } });
  await widgetReady(page);
  await page.emulateMedia({ media: 'print' });
  const count = page.locator('[data-testid=result-count]');
  assert.ok(await count.isVisible(), 'the count is printed');
  assert.match(await count.innerText(), /^4 of 9/);
  // The weeks typed, and only the chosen package and model, with their hints at a readable width.
  assert.equal(await page.locator('[data-testid=calc-weeks-text]').inputValue(), '8');
  assert.ok(await page.locator('[data-testid=calc-weeks-text]').isVisible(), 'the weeks field prints with its value');
  const options = await page.locator('.mslw-calc-option').evaluateAll((os) =>
    os.filter((o) => o.getBoundingClientRect().height > 0).map((o) => ({ text: o.innerText, hintWidth: o.querySelector('.mslw-calc-hint')?.getBoundingClientRect().width ?? null })),
  );
  assert.equal(options.length, 2, JSON.stringify(options));
  assert.match(options[0].text, /^Up to \$300M over four years/);
  for (const o of options) assert.ok(o.hintWidth === null || o.hintWidth > 200, `hint squeezed: ${JSON.stringify(o)}`);
  assert.match(await page.locator('[data-testid=calc-summary]').innerText(), /on up to \$300M over four years, over \$100M in the first year \[Unverified\]/);
  await context.close();
});

test('with JavaScript disabled the page lists all nine people with their sources', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/`);
  const table = page.locator('.mslw-noscript table');
  assert.equal(await table.locator('tbody tr').count(), 9);
  const text = await table.innerText();
  for (const p of DATA.people) {
    assert.ok(text.includes(p.name_en), p.name_en);
    for (const s of p.sources) assert.ok(await table.locator(`a[href="${s.url}"]`).count() > 0, s.url);
  }
  await context.close();
});

test('share copies a link that reproduces the view', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/?lang=en`);
  await widgetReady(page);
  // Headless Chromium has no share sheet; make sure the copy path is taken.
  await page.evaluate(() => { delete Navigator.prototype.share; });
  await page.locator('[data-testid=search]').fill('openai');
  await openFilters(page);
  await page.locator('[data-testid=filter-cohort-new_msl]').check();
  await page.locator('[data-testid=share]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=footer-message]').textContent.includes('copied'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const shownBefore = await page.$$eval('[data-testid=person-card]', (c) => c.map((x) => x.dataset.personId));
  const other = await context.newPage();
  await other.goto(link);
  await widgetReady(other);
  assert.deepEqual(await other.$$eval('[data-testid=person-card]', (c) => c.map((x) => x.dataset.personId)), shownBefore);
  assert.equal(await other.locator('[data-testid=search]').inputValue(), 'openai');
  await context.close();
});
