// The standalone page's wasm carries only what is interactive: its read-only blocks (cards, Meta's reply, the
// lead figure's rows, background, about, the calculator's example and sources) are the ones the build baked,
// in both languages (src/prerendered.rs). The npm package, which may be given a host's dataset, writes them itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PKG, openPage, widgetReady, useWidgetServer } from './harness.mjs';

const env = useWidgetServer();

/** Every read-only block in the live view, by slot (or card), as markup; without the empty comment Leptos leaves after
 *  a first `inner_html`, which says nothing about the block. */
function blocks(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-testid=msl-widget] [data-mslw-slot], [data-testid=msl-widget] li[data-person-id]')) {
      out[el.getAttribute('data-mslw-slot') ?? `card:${el.getAttribute('data-person-id')}`] = el.innerHTML.replaceAll('<!---->', '');
    }
    return out;
  });
}

async function liveBlocks(url, options = {}, switchTo = null) {
  const { page, context, errors } = await openPage(env.browser, url, options);
  await widgetReady(page);
  if (switchTo) {
    await page.locator('[data-testid=lang-switch]').click();
    await page.waitForFunction((lang) => document.querySelector('[data-testid=msl-widget]').lang === lang, switchTo);
  }
  const found = await blocks(page);
  assert.deepEqual(errors, []);
  await context.close();
  return found;
}

/** Asserts two sets of blocks are equal, naming the first block and place that differ. */
function sameBlocks(actual, expected, what) {
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), what);
  for (const [slot, html] of Object.entries(expected)) {
    const got = actual[slot];
    if (got === html) continue;
    let i = 0;
    while (got[i] === html[i]) i++;
    assert.fail(`${what}: ${slot} differs at ${i}:\n  got      …${got.slice(Math.max(0, i - 80), i + 80)}…\n  expected …${html.slice(Math.max(0, i - 80), i + 80)}…`);
  }
}

test('each language switch shows the same read-only blocks as a page opened in that language', async () => {
  const en = await liveBlocks(`${env.server.origin}/?lang=en`);
  const zh = await liveBlocks(`${env.server.origin}/?lang=zh`);
  // Nine cards, the reply, the lead figure, background, about, the calculator's example and three presets' notes.
  assert.ok(Object.keys(en).length >= 9 + 6, Object.keys(en).join(' '));
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const [slot, html] of Object.entries(en)) {
    assert.ok(html.length > 0, `${slot} is empty`);
    assert.notEqual(html, zh[slot], `${slot} is the same in both languages`);
  }
  // A Chinese reader's page (boot.js swapped the English view out before the first paint) switched to English, by
  // the URL and by the browser's language; and an English one switched to Chinese.
  sameBlocks(await liveBlocks(`${env.server.origin}/?lang=zh`, {}, 'en'), en, '?lang=zh switched to English');
  sameBlocks(await liveBlocks(`${env.server.origin}/`, { locale: 'zh-CN' }, 'en'), en, 'a Chinese browser switched to English');
  sameBlocks(await liveBlocks(`${env.server.origin}/?lang=en`, {}, 'zh-Hans'), zh, '?lang=en switched to Chinese');
});

/** The wasm file in `dir`. */
function wasmIn(dir) {
  const name = readdirSync(dir).find((f) => f.endsWith('.wasm'));
  assert.ok(name, `no .wasm in ${dir}`);
  return readFileSync(join(dir, name));
}

test("the page's wasm carries none of the code that writes the read-only blocks; the package's does", () => {
  const page = wasmIn(DIST);
  const pkg = wasmIn(PKG);
  // Class names written only by the markup of a card, Meta's reply, the background and "About the data".
  for (const marker of ['mslw-name-zh', 'mslw-check-summary', 'mslw-reply-title', 'mslw-figure-title', 'mslw-source-article']) {
    assert.equal(page.includes(marker), false, `the page's wasm writes ${marker}`);
    assert.equal(pkg.includes(marker), true, `the package's wasm lacks ${marker}: the marker no longer tells`);
  }
});

test("the page's wasm holds the data its interactive parts read, and no JSON parser, validator or CSV writer; the package's does", () => {
  const page = wasmIn(DIST);
  const pkg = wasmIn(PKG);
  const data = JSON.parse(readFileSync(new URL('../../data/departures.json', import.meta.url), 'utf8'));
  const absent = [
    "expected ',' or '}'", // the JSON parser's
    'must use only lower-case letters, digits and hyphens', // the validator's
    'source_publishers', // the CSV writer's header
    data.people[0].sources[0].url, // data only the baked cards show
    data.context.spokesperson.quote.en.slice(0, 40),
  ];
  for (const text of absent) {
    assert.equal(page.includes(text), false, `the page's wasm holds ${text}`);
    assert.equal(pkg.includes(text), true, `the package's wasm lacks ${text}: the check no longer tells`);
  }
  // What search and the calculator read: every name, and each tenure as reported.
  for (const p of data.people) {
    for (const text of [p.name_en, p.name_zh.text, p.tenure.reported.en, p.tenure.reported.zh]) {
      assert.equal(page.includes(text), true, `the page's wasm lacks ${text}`);
    }
  }
});

test('a page whose baked views are missing stays as it is and says so, with no error from the wasm', async () => {
  // The build's page, with the Chinese template taken out: the live view could not switch language.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const start = html.indexOf('<template data-mslw-baked="zh">');
  const end = html.indexOf('</template>', start) + '</template>'.length;
  assert.ok(start > 0 && end > start, 'the build bakes a Chinese template');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route((url) => url.pathname === '/', (route) => route.fulfill({ contentType: 'text/html', body: html.slice(0, start) + html.slice(end) }));
  // The wasm's refusal reaches loader.js, which says why on the console and shows the baked page's notice.
  const heard = page.waitForEvent('console', (m) => /lacks its baked views/.test(m.text()));
  await page.goto(`${env.server.origin}/?lang=en`);
  await heard;
  await page.locator('[data-mslw-baked] [data-testid=static-notice]').waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-mslw-baked] [data-testid=person-card]').count(), 9);
  assert.equal(await page.locator('[data-testid=msl-widget]').count(), 1, 'no live view beside the baked one');
  assert.ok(errors.every((e) => /lacks its baked views/.test(e)), errors.join('\n'));
  await context.close();
});
