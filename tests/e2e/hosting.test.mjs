// Where newsrooms put it (issue 17, item 1): the release build hosted in a dated folder, not at a domain root, with no
// rebuild. The standalone page (baked, then live), the strict CSP, the iframe embed from another origin, the data
// files and the Embed dialog's snippet all work there, and nothing is requested outside the folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, POLICY, serve, launch, widgetReady, tempDir, recordCspViolations } from './harness.mjs';

const BASE = '/2025/graphics/msl-departures/';

let widget, strict, host, hostDir, browser;
before(async () => {
  const root = tempDir();
  mkdirSync(join(root, '2025/graphics'), { recursive: true });
  symlinkSync(DIST, join(root, BASE.slice(1, -1)), 'dir');
  widget = await serve(root);
  strict = await serve(root, { headers: { 'content-security-policy': POLICY } });
  hostDir = tempDir();
  host = await serve(hostDir, { host: '127.0.0.2' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [widget, strict, host]) await s?.close();
});

/** A page that records every response of the widget's origin, to check none failed or left the folder. */
async function openRecorded(context, url) {
  const page = await context.newPage();
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  await page.goto(url);
  return { page, responses };
}

function assertAllInFolder(responses, origin) {
  const ours = responses.filter((r) => r.url.startsWith(origin));
  assert.ok(ours.length >= 5, JSON.stringify(ours));
  for (const r of ours) {
    assert.ok(r.status < 400, `${r.status} ${r.url}`);
    assert.ok(new URL(r.url).pathname.startsWith(BASE), `outside the folder: ${r.url}`);
  }
}

test('the standalone page works from a nested folder: baked, then live, every file from the folder', async () => {
  const context = await browser.newContext();
  const { page, responses } = await openRecorded(context, `${widget.origin}${BASE}?lang=zh`);
  await widgetReady(page);
  assert.equal(await page.locator('[data-testid=person-card]').count(), 9);
  assert.equal(await page.$eval('[data-testid=msl-widget]', (w) => w.lang), 'zh-Hans');
  assertAllInFolder(responses, widget.origin);
  // The data files the baked notice links to resolve in the folder too.
  const html = await (await context.request.get(`${widget.origin}${BASE}`)).text();
  const links = [...html.matchAll(/href="(msl-departures-[0-9-]+\.(?:csv|json))"/g)].map((m) => m[1]);
  assert.equal(new Set(links).size, 2, 'the baked notice links both files, relative to the page');
  for (const link of new Set(links)) assert.equal((await context.request.get(`${widget.origin}${BASE}${link}`)).status(), 200, link);
  await context.close();
});

test('the strict CSP holds in a nested folder: zero violations, the people-shown download included', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await recordCspViolations(context);
  const { page, responses } = await openRecorded(context, `${strict.origin}${BASE}`);
  await widgetReady(page);
  await page.locator('[data-testid=search]').fill('maher');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 1);
  // Cut from the build's CSV file beside the page, read from the folder under the policy's connect-src.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=download-csv-shown]').click()]);
  const rows = readFileSync(await download.path(), 'utf8').split('\r\n').filter(Boolean);
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.ok(rows[1].startsWith('bert-maher,'), rows[1]);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assertAllInFolder(responses, strict.origin);
  await context.close();
});

test('the iframe embed and the Embed dialog snippet point into the folder, and the embed sizes itself there', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const { page: standalone } = await openRecorded(context, `${widget.origin}${BASE}?dest=openai`);
  await widgetReady(standalone);
  await standalone.locator('[data-testid=embed-button]').click();
  const snippet = await standalone.locator('[data-testid=embed-snippet]').inputValue();
  assert.ok(snippet.includes(`data-src="${widget.origin}${BASE}?`) && snippet.includes('dest=openai'), snippet);
  assert.ok(snippet.includes(`<script src="${widget.origin}${BASE}embed.js" async></script>`), snippet);

  // The snippet, pasted as is into an article on another origin.
  writeFileSync(join(hostDir, 'article.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news site</title></head>` +
    `<body><h1>A news site</h1><div id="slot">${snippet}</div><p>After the widget.</p></body></html>`);
  const { page, responses } = await openRecorded(context, `${host.origin}/article.html`);
  const frame = await (await page.waitForSelector('#slot iframe')).contentFrame();
  await widgetReady(frame);
  assert.equal(await frame.locator('[data-testid=person-card]').count(), 4);
  await page.locator('#slot iframe').scrollIntoViewIfNeeded();
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('#slot iframe').style.height === `${h}px`, Math.min(20000, content), { timeout: 15_000 });
  assertAllInFolder(responses, widget.origin);
  await context.close();
});
