// The page arrives as finished HTML (src/bake.rs): what a reader sees before the WebAssembly runs, what stays when
// it never does (standalone and embedded), the first paint in the reader's language and theme, a deep link that
// never paints cards the live view removes, and the takeover that keeps what the reader already did.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, widgetReady, tempDir, POLICY } from './harness.mjs';

const data = JSON.parse(readFileSync(join(DIST, '..', 'data', 'departures.json'), 'utf8'));
const NAMES = data.people.map((p) => p.name_en);
const SOURCE_COUNT = data.people.reduce((n, p) => n + p.sources.length, 0);
const NO_WASM_POLICY = POLICY.replace(" 'wasm-unsafe-eval'", '');

let widget, noWasmWidget, host, hostDir, browser;
before(async () => {
  widget = await serve(DIST);
  noWasmWidget = await serve(DIST, { headers: { 'content-security-policy': NO_WASM_POLICY } });
  hostDir = tempDir();
  host = await serve(hostDir, { host: '127.0.0.2' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await widget?.close();
  await noWasmWidget?.close();
  await host?.close();
});

/** A context whose .wasm responses wait until `release()` is called: the baked page, before the takeover. */
async function heldContext(options = {}) {
  const context = await browser.newContext(options);
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await context.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  return { context, release };
}

const isBaked = (target) => target.evaluate(() => !!document.querySelector('[data-mslw-baked]'));
const visibleCards = (target) => target.$$eval('[data-testid=person-card]', (cards) =>
  cards.filter((c) => c.checkVisibility({ visibilityProperty: true })).map((c) => c.querySelector('h3 span[lang=en]').textContent));

/** What a reader without the live widget must still get: every name, every source link, and the notice. */
async function assertReadableWithoutWasm(target, label) {
  await target.waitForSelector('[data-testid=static-notice]:not([hidden])', { timeout: 20_000 });
  assert.ok(await isBaked(target), `${label}: the baked view stays`);
  assert.deepEqual((await visibleCards(target)).sort(), [...NAMES].sort(), `${label}: all nine cards`);
  const sourceLinks = await target.$$eval('[data-testid=person-card] .mslw-sources a[href^="https://"]', (a) => a.length);
  assert.equal(sourceLinks, SOURCE_COUNT, `${label}: every source link`);
  const notice = await target.locator('[data-testid=static-notice]').innerText();
  assert.match(notice, /could not start/, `${label}: ${notice}`);
  const files = await target.$$eval('[data-testid=static-file]', (a) => a.map((l) => l.getAttribute('href')));
  assert.equal(files.length, 2, label);
  // The build wrote the files the notice links to.
  for (const file of files) assert.ok(readFileSync(join(DIST, file), 'utf8').length > 1000, file);
  // Controls that cannot respond are not offered.
  assert.equal(await target.locator('[data-testid=search]').isVisible(), false, `${label}: no dead search box`);
}

const WITHOUT_WASM = [
  ['WebAssembly removed before any script', async (context) => context.addInitScript(() => { delete globalThis.WebAssembly; }), () => widget],
  ['the .wasm download aborted', async (context) => context.route('**/*.wasm', (r) => r.abort()), () => widget],
  ["a CSP without 'wasm-unsafe-eval'", async () => {}, () => noWasmWidget],
];

for (const [name, block, server] of WITHOUT_WASM) {
  test(`standalone, ${name}: the baked page stays readable and says so`, async () => {
    const context = await browser.newContext();
    await block(context);
    const page = await context.newPage();
    await page.goto(`${server().origin}/`);
    await assertReadableWithoutWasm(page, name);
    await context.close();
  });

  test(`embedded, ${name}: the host gets the height and the error event`, async () => {
    const context = await browser.newContext();
    await block(context);
    const page = await context.newPage();
    const file = `host-${WITHOUT_WASM.findIndex((w) => w[0] === name)}.html`;
    writeFileSync(join(hostDir, file), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>` +
      `<div id="slot" data-msl-departures-embed data-src="${server().origin}/"></div>` +
      `<script>window.__errors = 0; document.addEventListener('msl-departures:error', () => window.__errors++);</script>` +
      `<script src="${server().origin}/embed.js"></script></body></html>`);
    await page.goto(`${host.origin}/${file}`);
    const frame = await (await page.waitForSelector('#slot iframe')).contentFrame();
    await assertReadableWithoutWasm(frame, `${name} (embedded)`);
    await page.waitForFunction(() => window.__errors === 1, null, { timeout: 10_000 });
    // Sized to the baked page (not the embed's placeholder), so nothing is cut off.
    const docHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction((h) => document.querySelector('#slot iframe').style.height === `${Math.min(20000, h)}px`, docHeight, { timeout: 10_000 });
    // The whole page, not the embed's placeholder.
    assert.ok(docHeight > 1000, `${docHeight}`);
    await context.close();
  });
}

test('the first paint is in the language the URL or the browser asks for, before the wasm runs', async () => {
  for (const [url, options, lang] of [['/?lang=zh', {}, 'zh-Hans'], ['/', { locale: 'zh-CN' }, 'zh-Hans'], ['/?lang=en', { locale: 'zh-CN' }, 'en'], ['/', {}, 'en']]) {
    const { context, release } = await heldContext(options);
    const page = await context.newPage();
    await page.goto(`${widget.origin}${url}`);
    assert.ok(await isBaked(page), 'still the baked page');
    const shown = await page.$$eval('[data-testid=msl-widget]', (s) => s.map((w) => w.lang));
    assert.deepEqual(shown, [lang], `${url} ${options.locale ?? ''}`);
    const title = await page.locator('[data-testid=msl-widget] h2').innerText();
    assert.equal(/超级智能/.test(title), lang === 'zh-Hans', title);
    release();
    await widgetReady(page);
    assert.equal(await page.$eval('[data-testid=msl-widget]', (w) => w.lang), lang);
    await context.close();
  }
});

test('a chosen theme is painted first, and the pay chart starts open on a wide screen as the live view opens it', async () => {
  const { context, release } = await heldContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${widget.origin}/?theme=dark`);
  assert.ok(await isBaked(page));
  assert.equal(await page.$eval('[data-testid=msl-widget]', (w) => w.dataset.theme), 'dark');
  assert.equal(await page.$eval('[data-testid=calc-chart-details]', (d) => d.open), true);
  release();
  await widgetReady(page);
  assert.equal(await page.$eval('[data-testid=msl-widget]', (w) => w.dataset.theme), 'dark');
  assert.equal(await page.$eval('[data-testid=calc-chart-details]', (d) => d.open), true);
  await context.close();
});

test("a deep link's first paint shows no card that the live view removes", async () => {
  const { context, release } = await heldContext();
  const page = await context.newPage();
  await page.goto(`${widget.origin}/?dest=openai`);
  assert.ok(await isBaked(page));
  assert.deepEqual(await visibleCards(page), [], 'the baked cards wait for the live view');
  // The link chose a facet: its filters are shown from the first paint, as the live view shows them.
  const filtersOpen = () => page.$eval('[data-testid=filter-disclosure]', (d) => d.open);
  assert.equal(await filtersOpen(), true);
  release();
  await widgetReady(page);
  const live = await visibleCards(page);
  const openai = data.people.filter((p) => p.destination.org?.en === 'OpenAI').map((p) => p.name_en);
  assert.deepEqual(live.sort(), openai.sort());
  assert.equal(await filtersOpen(), true);
  await context.close();
});

test('the takeover keeps the focused search box, its text, and an opened detail', async () => {
  const { context, release } = await heldContext();
  const page = await context.newPage();
  await page.goto(`${widget.origin}/`);
  assert.ok(await isBaked(page));
  await page.locator('[data-person-id=tony-liu] [data-testid=card-detail] summary').click();
  await page.locator('[data-testid=search]').click();
  await page.keyboard.type('maher');
  const before = await page.evaluate(() => scrollY);
  release();
  await widgetReady(page);
  assert.equal(await page.$eval('[data-testid=search]', (s) => s.value), 'maher');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'search');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 1);
  await page.keyboard.type(' bert');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'maher bert');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 9);
  assert.equal(await page.$eval('[data-person-id=tony-liu] [data-testid=card-detail]', (d) => d.open), true, 'the opened detail stays open');
  assert.ok(await page.$eval('[data-person-id=tony-liu] [data-testid=card-detail]', (d) => d.querySelectorAll('.mslw-sources a').length > 0));
  assert.equal(await page.evaluate(() => scrollY), before);
  await context.close();
});

test('nothing moves when the live view takes over (CLS) and nothing is shown twice', async () => {
  for (const viewport of [{ width: 412, height: 915 }, { width: 1280, height: 900 }]) {
    for (const url of ['/', '/?lang=zh']) {
      const { context, release } = await heldContext({ viewport });
      await context.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${widget.origin}${url}`);
      await page.waitForTimeout(300);
      release();
      await widgetReady(page);
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls <= 0.01, `${viewport.width} ${url}: CLS ${cls}`);
      assert.equal(await page.$$eval('[data-testid=msl-widget]', (w) => w.length), 1);
      assert.equal(await page.$$eval('[data-testid=person-card]', (c) => c.length), 9);
      await context.close();
    }
  }
});

test('with JavaScript off, the page is the baked view and the no-script table', async () => {
  const { page, context } = await openPage(browser, `${widget.origin}/`, { javaScriptEnabled: false });
  assert.deepEqual((await visibleCards(page)).sort(), [...NAMES].sort());
  assert.ok(await page.locator('.mslw-noscript table').isVisible());
  await context.close();
});
