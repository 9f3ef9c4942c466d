// The widget in a realistic host article (issue 19): a second origin, a 71 px sticky masthead, long text above and
// below the README's snippet. Card → calculator lands below the masthead; a reader below the widget stays on the
// same text while the lazy frame loads and grows; printing the article never cuts the widget off silently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, launch, widgetReady, tempDir, axeResults, scrollSettled } from './harness.mjs';

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

const MASTHEAD = 71;
const paragraphs = (n, label) => Array.from({ length: n }, (_, i) =>
  `<p>${label} paragraph ${i + 1}. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p>`).join('');

/** An article page on 127.0.0.2 with a sticky masthead and the embed between two long runs of text. */
function article(name, query, attrs = '') {
  writeFileSync(join(hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>An article</title></head><body style="margin:0;font:18px/1.6 serif">
<header style="position:sticky;top:0;height:${MASTHEAD}px;background:#fff;border-bottom:1px solid #000;z-index:1"><p style="margin:0;padding:20px">The Daily Example</p></header>
<main style="max-width:40rem;margin:0 auto;padding:0 1rem"><h1>Departures</h1>${paragraphs(12, 'Before')}
<div data-msl-departures-embed data-src="${widget.origin}/?${query}" ${attrs}></div>
<script src="${widget.origin}/embed.js" async></script>
<h2 id="analysis">Analysis</h2>${paragraphs(30, 'After')}</main></body></html>`);
  return `${host.origin}/${name}`;
}

async function frameOf(page) {
  const handle = await page.waitForSelector('[data-msl-departures-embed] iframe');
  const frame = await handle.contentFrame();
  await widgetReady(frame);
  return { handle, frame };
}

/** Waits until the frame is as tall as its document (the latest height message has been applied). */
async function settled(page, frame) {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    const shown = await page.$eval('[data-msl-departures-embed] iframe', (f) => f.getBoundingClientRect().height);
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    if (Math.abs(shown - content) <= 1) return content;
  }
  throw new Error('the frame never took its content height');
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`card → calculator inside the host's iframe lands below its sticky masthead (${viewport.width} px)`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(article('sticky.html', 'lang=en', `data-scroll-margin="${MASTHEAD}"`));
    await page.locator('[data-msl-departures-embed] iframe').scrollIntoViewIfNeeded();
    const { handle, frame } = await frameOf(page);
    await settled(page, frame);
    const button = frame.locator('[data-person-id=chaya-nayak] [data-testid=card-to-calc]');
    await frame.locator('[data-person-id=chaya-nayak] [data-testid=card-detail] > summary').click();
    await button.focus();
    await page.keyboard.press('Enter');
    // The frame's scroll reaches the host page from another process: wait for it (up to 5 s), then for it to end.
    const where = async () => {
      const offset = (await handle.boundingBox()).y;
      const box = await frame.evaluate(() => {
        const r = document.querySelector('[data-testid=calc-result]');
        return {
          focused: document.activeElement === r,
          heading: r.querySelector('h4').getBoundingClientRect().top,
          amount: r.querySelector('[data-testid=calc-chosen]').getBoundingClientRect().bottom,
        };
      });
      return { focused: box.focused, heading: box.heading + offset, amount: box.amount + offset };
    };
    const landed = (w) => w.heading >= MASTHEAD && w.amount <= viewport.height;
    for (const deadline = Date.now() + 5_000; !landed(await where()) && Date.now() < deadline; await page.waitForTimeout(100));
    await scrollSettled(page);
    const { focused, heading, amount } = await where();
    assert.ok(focused, 'focus is on the result');
    assert.ok(landed({ heading, amount }), `heading at ${heading}, amount's bottom at ${amount}, masthead ${MASTHEAD}`);
    // And back to the card.
    await frame.locator('[data-testid=calc-back-to-card]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await frame.evaluate(() => document.activeElement.closest('[data-person-id]')?.dataset.personId), 'chaya-nayak');
    await context.close();
  });
}

test('a reader below the widget stays on the same text while the frame loads and grows (drift ≤ 50 px)', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Arriving at the analysis below the widget: the lazy frame is near the screen, loads, and grows from its placeholder.
    await page.goto(`${article('below.html', 'lang=en')}#analysis`);
    await page.waitForSelector('[data-msl-departures-embed] iframe');
    await page.evaluate(() => document.getElementById('analysis').scrollIntoView());
    const before = await page.evaluate(() => document.getElementById('analysis').getBoundingClientRect().top);
    // Scrolling up a little, as a reader does, brings the frame within lazy-loading distance.
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    const start = await page.evaluate(() => document.getElementById('analysis').getBoundingClientRect().top);
    assert.ok(Math.abs(start - (before + 300)) < 5, `scrolled up by 300: ${before} → ${start}`);
    const frame = await (await page.waitForSelector('[data-msl-departures-embed] iframe')).contentFrame();
    await widgetReady(frame);
    await settled(page, frame);
    await page.waitForTimeout(500);
    const end = await page.evaluate(() => document.getElementById('analysis').getBoundingClientRect().top);
    const height = await page.$eval('[data-msl-departures-embed] iframe', (f) => f.getBoundingClientRect().height);
    assert.ok(Math.abs(end - start) <= 50, `${viewport.width} px: the analysis moved ${end - start} px while the frame became ${height} px`);
    await context.close();
  }
});

/** Has the frame report a new height, as the widget does when its content changes, through the same protocol. */
const reportHeight = (frame, height) => frame.evaluate((height) => {
  const hash = new URLSearchParams(location.hash.slice(1));
  parent.postMessage({ type: 'msl-departures:height', v: 1, id: hash.get('embed-id'), height }, hash.get('embed-origin'));
}, height);

test('a frame that changes height while the reader scrolls up into it keeps the reader\'s text in place, unless the reader is using the widget', async () => {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    await page.goto(article('change.html', 'lang=en'));
    await page.locator('[data-msl-departures-embed] iframe').scrollIntoViewIfNeeded();
    const { handle, frame } = await frameOf(page);
    const content = await settled(page, frame);
    const analysis = () => page.evaluate(() => document.getElementById('analysis').getBoundingClientRect().top);
    await page.evaluate(() => document.getElementById('analysis').scrollIntoView());
    await page.waitForTimeout(300);
    const before = await analysis();
    // The change lands while the wheel's smooth scroll is under way and the frame's bottom has come on screen.
    const wheel = page.mouse.wheel(0, -300);
    await page.waitForTimeout(60);
    await reportHeight(frame, content + 1600);
    await wheel;
    await page.waitForTimeout(600);
    assert.ok(Math.abs(await analysis() - (before + 300)) <= 50, `${width} px: the analysis went from ${before} to ${await analysis()}`);
    // A reader working inside the widget sees the frame's own top stay put: what they act on does not jump.
    await frame.locator('[data-testid=search]').focus();
    const top = (await handle.boundingBox()).y;
    await reportHeight(frame, content);
    await page.waitForTimeout(300);
    assert.ok(Math.abs((await handle.boundingBox()).y - top) <= 1, `${width} px: the frame's top moved while the reader was in it`);
    await context.close();
  }
});

test('printing the host article shows a labelled summary with the link in the frame\'s place, never a cut widget', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const url = article('print.html', 'lang=en&dest=openai');
  await page.goto(url);
  await page.locator('[data-msl-departures-embed] iframe').scrollIntoViewIfNeeded();
  const { frame } = await frameOf(page);
  await settled(page, frame);
  const iframe = page.locator('[data-msl-departures-embed] iframe');
  const summary = page.locator('[data-msl-departures-embed] > p');
  assert.ok(await summary.isHidden(), 'no summary on screen');
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(100);
  assert.ok(await iframe.isHidden(), 'the frame, which would print at its screen height, is not printed');
  assert.ok(await summary.isVisible(), 'the summary is printed instead');
  assert.match(await summary.innerText(), /Who left Meta Superintelligence Labs.*not printed here/);
  assert.equal(await summary.locator('a').getAttribute('href'), `${widget.origin}/?lang=en&dest=openai`);
  // The printed PDF holds the summary's link.
  const pdf = (await page.pdf()).toString('latin1');
  assert.ok(pdf.includes(`${widget.origin}/?lang=en&dest=openai`) || pdf.includes('/URI'), 'the link is in the PDF');
  await page.emulateMedia({ media: 'screen' });
  await page.waitForTimeout(100);
  assert.ok(await iframe.isVisible() && await summary.isHidden(), 'back on screen after printing');
  // The host page with the widget passes axe, best practices included, inside the frame too.
  const { violations } = await axeResults(page, { frames: [frame], allowedOrigins: [host.origin, widget.origin] });
  assert.deepEqual(violations, []);
  await context.close();
});

test('the Embed dialog inside the host\'s iframe at 390 px is wholly on the host\'s screen', async () => {
  const viewport = { width: 390, height: 844 };
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(article('dialog.html', 'lang=en', `data-scroll-margin="${MASTHEAD}"`));
  await page.locator('[data-msl-departures-embed] iframe').scrollIntoViewIfNeeded();
  const { handle, frame } = await frameOf(page);
  await settled(page, frame);
  const button = frame.locator('[data-testid=embed-button]');
  // The button at the foot of the host's screen, as a reader reaching it by scrolling has it.
  await button.evaluate((b) => b.scrollIntoView({ block: 'end' }));
  await button.focus();
  await page.keyboard.press('Enter');
  await frame.waitForSelector('[data-testid=embed-dialog][open]');
  await page.waitForTimeout(300);
  const offset = (await handle.boundingBox()).y;
  const box = await frame.locator('[data-testid=embed-dialog]').evaluate((d) => ({ top: d.getBoundingClientRect().top, bottom: d.getBoundingClientRect().bottom }));
  assert.ok(box.top + offset >= 0 && box.bottom + offset <= viewport.height + 1, `dialog from ${box.top + offset} to ${box.bottom + offset}`);
  await context.close();
});
