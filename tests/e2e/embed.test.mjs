// The iframe embed as a news site uses it: a host page on a second loopback origin (127.0.0.2) with the
// copy-paste snippet; the height follows the content; hostile messages change nothing; the Embed
// dialog's snippet reproduces the view it was copied from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, widgetReady, tempDir, openFilters } from './harness.mjs';

let widget, host, hostDir, browser;
before(async () => {
  widget = await serve(DIST);
  hostDir = tempDir();
  host = await serve(hostDir, { host: '127.0.0.2' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
});

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const snippet = (query) =>
  `<div data-msl-departures-embed data-src="${widget.origin}/?${query}"></div>\n<script src="${widget.origin}/embed.js" async></script>`;

/** Writes a host page on 127.0.0.2 and returns its URL. */
function hostPage(name, body) {
  writeFileSync(
    join(hostDir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A news site</title></head><body>` +
      `<h1>A news site</h1>${body}<p>After the widget.</p></body></html>`,
  );
  return `${host.origin}/${name}`;
}

/** Counts the message listeners the page adds to window (embed.js must add exactly one, however often it loads). */
const countMessageListeners = () => {
  window.__messageListeners = 0;
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (this === window && type === 'message') window.__messageListeners++;
    return add.call(this, type, ...rest);
  };
};

const heightOf = (page, sel) => page.$eval(sel, (f) => f.style.height);
const cardIds = (frame) => frame.$$eval('[data-testid=person-card]', (cards) => cards.map((c) => c.dataset.personId));

async function widgetFrame(page, selector) {
  const handle = await page.waitForSelector(`${selector} iframe`);
  const frame = await handle.contentFrame();
  await widgetReady(frame);
  return frame;
}

/** Waits until the iframe's height equals its document's height (as the widget measures it), i.e. the
 *  latest message has sized it; returns that height. Both sides are re-read on every poll. */
async function sizedToContent(page, frame, selector) {
  // Chromium pauses rendering (and so ResizeObserver) in a cross-origin iframe that is off screen: the
  // widget reports its height once the reader scrolls to it, so the test scrolls there as a reader would.
  // (When #one grew first, #two was pushed below the fold and kept its placeholder height.)
  await page.locator(`${selector} iframe`).scrollIntoViewIfNeeded();
  let last;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    const shown = await page.$eval(`${selector} iframe`, (f) => f.style.height);
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    last = { shown, content };
    if (shown === `${Math.min(20000, Math.max(100, content))}px`) return content;
  }
  throw new Error(`${selector}: iframe never sized to its content: ${JSON.stringify(last)}`);
}

test('embed.js is plain, small, and ships minified', () => {
  const code = readFileSync(join(DIST, 'embed.js'));
  // The frame, its print summary, the reader's place kept while it resizes, the host's sticky-header margin: a
  // host page pays for this on every article, so it grows only for a reason.
  assert.ok(code.length < 2880, `embed.js is ${code.length} bytes`);
  assert.doesNotMatch(code.toString(), /\bimport\b|\brequire\(|https?:\/\/(?!www\.w3)/, 'no dependency, no hard-coded URL');
  assert.doesNotMatch(code.toString(), /location\s*(\.href)?\s*=|\.assign\(|\.replace\(|window\.open|eval\(|Function\(/);
});

test('a host page on another origin embeds two widgets whose heights follow their content', async () => {
  const url = hostPage(
    'two.html',
    `<section id="one">${snippet('lang=en')}</section><section id="two">${snippet('lang=zh&dest=openai')}</section>`,
  );
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  await context.addInitScript(countMessageListeners);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  const one = await widgetFrame(page, '#one');
  const two = await widgetFrame(page, '#two');
  assert.equal(await one.locator('[data-testid=person-card]').count(), 9);
  assert.equal(await two.locator('[data-testid=person-card]').count(), 4);

  // The iframe as the issue specifies it.
  for (const sel of ['#one iframe', '#two iframe']) {
    const attrs = await page.$eval(sel, (f) => ({ title: f.title, loading: f.getAttribute('loading'), sandbox: f.getAttribute('sandbox'), src: f.src }));
    assert.match(attrs.title, /Meta Superintelligence Labs/);
    assert.equal(attrs.loading, 'lazy');
    assert.equal(attrs.sandbox, SANDBOX);
    assert.equal(new URL(attrs.src).origin, widget.origin);
  }

  const full = await sizedToContent(page, one, '#one');
  await sizedToContent(page, two, '#two');
  // Filtering in the first widget shrinks its iframe; clearing grows it back; the other does not move.
  const twoBefore = await heightOf(page, '#two iframe');
  await one.locator('[data-testid=search]').fill('maher');
  await one.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 1);
  const filtered = await sizedToContent(page, one, '#one');
  assert.ok(filtered < full - 200, `height ${filtered} should be well below ${full}`);
  await one.locator('[data-testid=search]').fill('');
  await one.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 9);
  assert.equal(await sizedToContent(page, one, '#one'), full);
  assert.equal(await heightOf(page, '#two iframe'), twoBefore);
  // Nothing is cut off: the frame shows its whole document without an inner scrollbar.
  const inner = await one.evaluate(() => ({ sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight }));
  assert.ok(inner.sh <= inner.ch, `inner scroll ${inner.sh} > ${inner.ch}`);

  // A second load of embed.js changes nothing: no new iframe, no new listener, same sources.
  const before = await page.$$eval('iframe', (fs) => fs.map((f) => f.src));
  assert.equal(await page.evaluate(() => window.__messageListeners), 1);
  await page.evaluate((src) => new Promise((ok) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = ok;
    document.body.append(s);
  }), `${widget.origin}/embed.js`);
  assert.deepEqual(await page.$$eval('iframe', (fs) => fs.map((f) => f.src)), before);
  assert.equal(await page.evaluate(() => window.__messageListeners), 1);

  // Apart from the host's own page, every request goes to the widget's origin: nothing third-party.
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== widget.origin), [url]);
  assert.ok(requests.length >= 5, 'embed.js, page, loader, glue and wasm come from the widget origin');
  await context.close();
});

test('wrong origin, wrong source, bad shape, absurd height and navigation requests change nothing', async () => {
  // A page on the host's origin that, once it replaces the widget inside the iframe, sends a
  // perfectly shaped message: right window, wrong origin.
  writeFileSync(
    join(hostDir, 'rogue.html'),
    `<!doctype html><link rel="icon" href="data:,"><title>rogue</title><script>parent.postMessage({type: 'msl-departures:height', v: 1, id: 'msl1', height: 678}, '*');` +
      `parent.postMessage({type: 'msl-departures:error', v: 1, id: 'msl1'}, '*');</script>`,
  );
  const url = hostPage('hostile.html', `<div id="one">${snippet('lang=en')}</div><div id="spare"></div>`);
  const { page, context, errors } = await openPage(browser, url);
  const popups = [];
  context.on('page', (p) => popups.push(p.url()));
  let mainNavigations = 0;
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) mainNavigations++;
  });
  const one = await widgetFrame(page, '#one');
  await sizedToContent(page, one, '#one');
  const id = await one.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('embed-id'));
  assert.equal(id, 'msl1');
  const widgetUrl = one.url();

  const settle = () => page.waitForTimeout(250);
  const post = (frame, message) => frame.evaluate((m) => parent.postMessage(m, '*'), message);
  const height = () => heightOf(page, '#one iframe');

  // Control: the real frame, the real shape, a sane height: the iframe follows. So the checks below can fail.
  await post(one, { type: 'msl-departures:height', v: 1, id, height: 345 });
  await page.waitForFunction(() => document.querySelector('#one iframe').style.height === '345px');
  await post(one, { type: 'msl-departures:height', v: 1, id, height: 40 });
  await page.waitForFunction(() => document.querySelector('#one iframe').style.height === '100px'); // clamped up
  await post(one, { type: 'msl-departures:height', v: 1, id, height: 345 });
  await page.waitForFunction(() => document.querySelector('#one iframe').style.height === '345px');

  // Wrong source: the host page itself, and a second frame on the widget's own origin.
  await page.evaluate((m) => window.postMessage(m, '*'), { type: 'msl-departures:height', v: 1, id, height: 777 });
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.querySelector('#spare').append(f);
  }, `${widget.origin}/?lang=en`);
  const spare = await (await page.waitForSelector('#spare iframe')).contentFrame();
  await widgetReady(spare);
  await post(spare, { type: 'msl-departures:height', v: 1, id, height: 777 });
  await settle();
  assert.equal(await height(), '345px', 'wrong source');

  // Bad shapes and absurd heights, from the right frame and origin.
  const bad = [
    'msl-departures:height',
    null,
    [345],
    { type: 'msl-departures:height', v: 1, id, height: '500' },
    { type: 'msl-departures:height', v: 2, id, height: 500 },
    { type: 'msl-departures:width', v: 1, id, height: 500 },
    { type: 'msl-departures:height', v: 1, id: 'msl2', height: 500 },
    { type: 'msl-departures:height', v: 1, height: 500 },
    { type: 'msl-departures:height', v: 1, id },
    { type: 'msl-departures:height', v: 1, id, height: NaN },
    { type: 'msl-departures:height', v: 1, id, height: Infinity },
    { type: 'msl-departures:height', v: 1, id, height: -5 },
    { type: 'msl-departures:height', v: 1, id, height: 1e9 },
    { type: 'msl-departures:height', v: 1, id, height: 1e300 },
  ];
  for (const m of bad) await post(one, m);
  await settle();
  assert.equal(await height(), '345px', 'bad shapes');

  // The failure notice (sent once by the widget's panic fallback): embed.js turns only a well-formed
  // one from the right frame into a bubbling DOM event on the placeholder.
  await page.evaluate(() => {
    window.__failures = 0;
    document.querySelector('#one').addEventListener('msl-departures:error', () => window.__failures++);
  });
  const failure = { type: 'msl-departures:error', v: 1, id };
  await page.evaluate((m) => window.postMessage(m, '*'), failure);
  await post(spare, failure);
  for (const m of [{ ...failure, v: 2 }, { ...failure, id: 'msl2' }, { type: 'msl-departures:error', v: 1 }]) await post(one, m);
  await settle();
  assert.equal(await page.evaluate(() => window.__failures), 0, 'malformed or foreign failure messages');
  await post(one, failure);
  await page.waitForFunction(() => window.__failures === 1);

  // Navigation requests, to the host (pym.js's CVE) and to the widget: no window moves.
  const hostUrl = page.url();
  for (const m of [
    { type: 'msl-departures:navigate', v: 1, id, url: 'javascript:document.title="pwned"' },
    { navigateTo: `${host.origin}/pwned` },
    { type: 'msl-departures:height', v: 1, id, height: 'javascript:alert(1)', url: 'javascript:alert(1)' },
  ]) {
    await post(one, m);
    await page.evaluate((msg) => document.querySelector('#one iframe').contentWindow.postMessage(msg, '*'), m);
  }
  await settle();
  assert.equal(await height(), '345px', 'navigation messages');
  assert.equal(page.url(), hostUrl);
  assert.equal(one.url(), widgetUrl);
  assert.equal(await page.title(), 'A news site');
  assert.equal(mainNavigations, 0, 'the host page never navigated after loading');
  assert.deepEqual(popups, []);

  // Wrong origin: the iframe's window now holds a page of the host's origin, sending a valid message.
  await one.evaluate((u) => { location.href = u; }, `${host.origin}/rogue.html`);
  await page.waitForFunction(() => {
    try {
      return document.querySelector('#one iframe').contentDocument?.title === 'rogue';
    } catch {
      return false;
    }
  });
  await settle();
  assert.equal(await height(), '345px', 'wrong origin');
  assert.equal(await page.evaluate(() => window.__failures), 1, 'a failure message from the wrong origin');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the Embed dialog's snippet reproduces the current view on another site", async () => {
  const { page, context } = await openPage(browser, `${widget.origin}/?lang=zh&theme=dark`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: widget.origin });
  await widgetReady(page);
  await openFilters(page);
  await page.locator('[data-testid=filter-dest-openai]').check();
  await page.locator('[data-testid=sort]').selectOption('name');
  await page.locator('[data-testid=search]').fill('a');
  await page.waitForFunction(() => location.search.includes('sort=name') && location.search.includes('q=a'));
  const expected = await page.$$eval('[data-testid=person-card]', (cards) => cards.map((c) => c.dataset.personId));
  assert.ok(expected.length > 1 && expected.length < 9, `a narrowed, sorted view: ${expected}`);

  // An accessible modal: focus moves in, it is labelled, Escape closes it, focus returns to the button.
  const button = page.locator('[data-testid=embed-button]');
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('[data-testid=embed-dialog]');
  await dialog.waitFor({ state: 'visible' });
  assert.ok(await dialog.evaluate((d) => d.open && d.matches(':modal')));
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus inside the dialog');
  const title = await dialog.evaluate((d) => document.getElementById(d.getAttribute('aria-labelledby'))?.textContent);
  assert.equal(title, '嵌入当前视图');
  const snippetField = page.locator('[data-testid=embed-snippet]');
  assert.equal(await snippetField.evaluate((t) => t.labels.length), 1, 'the snippet field is labelled');
  const code = await snippetField.inputValue();
  assert.match(code, /^<div data-msl-departures-embed data-src="[^"]+"><\/div>\n<script src="[^"]+\/embed\.js" async><\/script>$/);

  await page.locator('[data-testid=embed-copy]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=embed-copy-status]').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'embed-button');
  await context.close();

  // Pasted into a page on another origin, the snippet shows the same people in the same order.
  const url = hostPage('pasted.html', code);
  const pasted = await openPage(browser, url);
  const frame = await widgetFrame(pasted.page, 'body');
  assert.deepEqual(await cardIds(frame), expected);
  assert.equal(await frame.locator('[data-testid=msl-widget]').getAttribute('data-theme'), 'dark');
  assert.equal(await frame.locator('[data-testid=msl-widget]').getAttribute('lang'), 'zh-Hans');
  assert.equal(await frame.locator('[data-testid=search]').inputValue(), 'a');
  await pasted.context.close();
});

test('inside the sandboxed iframe a source link opens a new tab (allow-popups), and nothing leaves the machine', async () => {
  const url = hostPage('links.html', snippet('lang=en'));
  const context = await browser.newContext();
  // Any request off loopback is answered here, never sent: the test only needs to see the tab open.
  await context.route((u) => !['127.0.0.1', '127.0.0.2'].includes(new URL(u).hostname), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' }),
  );
  const page = await context.newPage();
  await page.goto(url);
  const frame = await widgetFrame(page, 'body');
  await frame.locator('[data-person-id=bert-maher] summary').click();
  const link = frame.locator('[data-person-id=bert-maher] a[href^="https://"]').first();
  const href = await link.getAttribute('href');
  assert.equal(await link.getAttribute('target'), '_blank');
  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await popup.waitForLoadState('domcontentloaded');
  assert.equal(popup.url(), href);
  assert.equal(await popup.title(), 'stub', 'served by the test, not the network');
  assert.equal(page.url(), url, 'the host page stays where it is');
  await context.close();
});

test('inside the iframe: the Embed dialog opens where its button is, downloads go to the full page, Share gives a clean link', async () => {
  const url = hostPage('framed-ui.html', snippet('lang=en&dest=openai'));
  const context = await browser.newContext();
  // What Share hands to the browser, in every frame: the share sheet is refused (as a reader may cancel it), and
  // the clipboard, which the iframe may now write (allow="clipboard-write"), records the text.
  await context.addInitScript(() => {
    window.__copied = null;
    if (window.top === window) return;
    Object.defineProperty(navigator, 'share', { value: () => Promise.reject(new DOMException('cancelled', 'AbortError')) });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: (t) => { window.__copied = t; return Promise.resolve(); } } });
  });
  const page = await context.newPage();
  await page.goto(url);
  const frame = await widgetFrame(page, 'body');
  await sizedToContent(page, frame, 'body');
  const iframe = page.locator('iframe');
  assert.ok((await iframe.boundingBox()).height > 2 * (await page.evaluate(() => innerHeight)), 'the iframe is taller than two screens');

  // The dialog: inside the host's visible area, not in the middle of the tall iframe.
  const button = frame.locator('[data-testid=embed-button]');
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const dialog = frame.locator('[data-testid=embed-dialog]');
  await dialog.waitFor({ state: 'visible' });
  const box = await dialog.boundingBox(); // in the host page's viewport coordinates
  const viewport = await page.evaluate(() => innerHeight);
  assert.ok(box.y >= 0 && box.y + Math.min(box.height, viewport) <= viewport + 1, `dialog at ${box.y}..${box.y + box.height} of a ${viewport}px viewport`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // Downloads: the sandbox blocks them, so the buttons give way to the same view's full page in a new tab.
  for (const id of ['download-csv-shown', 'download-csv-all', 'download-json-shown', 'download-json-all']) {
    assert.equal(await frame.locator(`[data-testid=${id}]`).isVisible(), false, id);
  }
  const link = frame.locator('[data-testid=download-full-page]');
  assert.ok(await link.isVisible());
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('href'), `${widget.origin}/?lang=en&dest=openai`);

  // Share: the link is copied, without embed.js's fragment.
  await frame.locator('[data-testid=share]').click();
  const message = frame.locator('[data-testid=footer-message]');
  await message.filter({ hasText: /copied/i }).waitFor();
  const shared = await frame.evaluate(() => window.__copied);
  assert.equal(shared, `${widget.origin}/?lang=en&dest=openai`);
  await context.close();
});

test('the standalone page (not framed) keeps its download buttons and no full-page link', async () => {
  const { page, context } = await openPage(browser, `${widget.origin}/?lang=en`);
  await widgetReady(page);
  assert.ok(await page.locator('[data-testid=download-csv-all]').isVisible());
  assert.equal(await page.locator('[data-testid=download-full-page]').isVisible(), false);
  await context.close();
});
