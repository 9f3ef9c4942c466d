// embed.js on a host page that shows user HTML (issue 18, items 1, 6 and 9): only widgets from the folder embed.js
// was loaded from are framed, whatever a sanitiser lets through in data-* attributes; an element that shadows
// embed.js's global cannot break it; the iframe may share and copy; a data-src that redirects is said to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { DIST, serve, launch, tempDir } from './harness.mjs';

let widget, host, hostDir, browser;
before(async () => {
  const root = tempDir();
  // The same build in two folders: embed.js from one frames only that folder's widget.
  symlinkSync(DIST, join(root, 'msl'), 'dir');
  mkdirSync(join(root, 'graphics'));
  symlinkSync(DIST, join(root, 'graphics', 'other'), 'dir');
  widget = await serve(root);
  hostDir = tempDir();
  host = await serve(hostDir, { host: '127.0.0.2' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
});

/** Opens a host page with `body`; returns the page and the console warnings embed.js wrote. */
async function hostPage(name, body) {
  writeFileSync(join(hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Comments</title></head><body>${body}</body></html>`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().includes('embed.js')) warnings.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${host.origin}/${name}`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  return { page, context, warnings, errors };
}

const placeholder = (src, id) => `<div id="${id}" data-msl-departures-embed data-src="${src}"></div>`;

test('only data-src in the folder embed.js came from becomes an iframe; each other one warns once', async () => {
  const hostile = {
    foreign: 'https://evil.example/',
    protocolRelative: '//evil.example/msl/',
    script: 'javascript:alert(1)',
    relative: 'msl/',
    sameOriginOutside: `${widget.origin}/graphics/other/`,
  };
  const body = placeholder(`${widget.origin}/msl/?lang=en`, 'ok') +
    Object.entries(hostile).map(([id, src]) => placeholder(src, id)).join('') +
    `<script src="${widget.origin}/msl/embed.js"></script>`;
  const { page, context, warnings, errors } = await hostPage('comments.html', body);
  assert.equal(await page.locator('#ok iframe').count(), 1, 'the widget from the folder is framed');
  for (const id of Object.keys(hostile)) assert.equal(await page.locator(`#${id} iframe`).count(), 0, id);
  assert.equal(await page.locator('iframe').count(), 1);
  assert.equal(warnings.length, Object.keys(hostile).length, warnings.join('\n'));
  for (const src of Object.values(hostile)) assert.equal(warnings.filter((w) => w.endsWith(`: ${src}`)).length, 1, src);
  assert.deepEqual(errors, []);
  // What the widget needs for Share and Copy inside the frame.
  assert.equal(await page.$eval('#ok iframe', (f) => f.getAttribute('allow')), 'clipboard-write; web-share');
  await context.close();
});

test('a second copy of embed.js, from another folder, frames that folder\'s widget too', async () => {
  const body = placeholder(`${widget.origin}/msl/`, 'one') + placeholder(`${widget.origin}/graphics/other/?lang=zh`, 'two') +
    `<script src="${widget.origin}/msl/embed.js"></script><script src="${widget.origin}/graphics/other/embed.js"></script>`;
  const { page, context, errors } = await hostPage('two-folders.html', body);
  assert.equal(await page.locator('#one iframe').count(), 1);
  assert.equal(await page.locator('#two iframe').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an element named like embed.js\'s global (an id shadows window) does not stop it', async () => {
  const body = `<div id="__mslDeparturesEmbed">user content</div>` + placeholder(`${widget.origin}/msl/`, 'ok') +
    `<script src="${widget.origin}/msl/embed.js"></script><script src="${widget.origin}/msl/embed.js"></script>`;
  const { page, context, errors } = await hostPage('shadow.html', body);
  assert.deepEqual(errors, []);
  assert.equal(await page.locator('#ok iframe').count(), 1);
  await context.close();
});

// Issue 18, item 9: a data-src that redirects to another origin framed a widget whose every message was rejected
// (its origin is not data-src's), so the iframe stayed at its placeholder height with nothing said.
test('a data-src that redirects to another origin is said so in the console, once; the iframe keeps its 3000 px placeholder', async () => {
  // Another origin serving this embed.js, whose widget address redirects to the widget server's.
  const moved = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/msl/embed.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync(join(DIST, 'embed.js')));
    } else {
      res.writeHead(302, { location: `${widget.origin}${url.pathname}${url.search}` });
      res.end();
    }
  });
  await new Promise((ok) => moved.listen(0, '127.0.0.3', ok));
  const origin = `http://127.0.0.3:${moved.address().port}`;
  try {
    const body = placeholder(`${origin}/msl/?lang=en`, 'moved') + `<script src="${origin}/msl/embed.js"></script>`;
    const { page, context, warnings, errors } = await hostPage('redirect.html', body);
    assert.equal(await page.locator('#moved iframe').count(), 1, 'the address is in the folder, so it is framed');
    // The widget behind the redirect reports its height (boot.js, then the wasm): more than one message, one warning.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && !warnings.length; ) await page.waitForTimeout(100);
    await page.waitForTimeout(1_000);
    const frame = page.frames().find((f) => f.url().startsWith(widget.origin));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], new RegExp(`ignored messages from ${widget.origin}, not ${origin}: does data-src redirect\\? Use the final URL`));
    assert.ok(frame, 'the iframe followed the redirect');
    assert.equal(await page.$eval('#moved iframe', (f) => f.style.height), '3000px');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    moved.closeAllConnections();
    await new Promise((ok) => moved.close(ok));
  }
});
