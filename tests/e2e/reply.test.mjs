// Meta's reply and the article this widget fact-checks, as a reader meets them in the rendered page,
// in both languages (issue 16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, widgetReady, useWidgetServer } from './harness.mjs';

const env = useWidgetServer();
const DATA = JSON.parse(readFileSync(new URL('../../data/departures.json', import.meta.url), 'utf8'));

for (const [lang, heading, quote, caption] of [
  ['en', "Meta's reply", /During an intense recruiting process, some people will decide to stay in their current job/, /Dave Arnold, Meta spokesperson/],
  ['zh', 'Meta的回应', /在激烈的招聘过程中，有些人会决定留在现有岗位/, /Meta发言人戴夫·阿诺德/],
]) {
  test(`?lang=${lang} shows Meta's reply near the top, with what it told The Verge and its source`, async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.server.origin}/?lang=${lang}`);
    await widgetReady(page);
    const reply = page.locator('[data-testid=meta-reply]');
    assert.ok(await reply.isVisible(), 'the reply is shown, not hidden in a closed detail');
    assert.equal(await reply.locator('h3').innerText(), heading);
    assert.match(await reply.locator('blockquote').innerText(), quote);
    assert.match(await reply.locator('figcaption').innerText(), caption);
    // What else he said, and the source: one click away, behind its fact-check status in words.
    const more = reply.locator('details');
    assert.equal(await more.evaluate((d) => d.open), false);
    assert.match(await more.locator('summary').innerText(), lang === 'en' ? /^Confirmed:/ : /^已证实：/);
    await more.locator('summary').click();
    assert.match(await reply.innerText(), lang === 'en' ? /The Verge.*Ethan Knight/s : /《The Verge》.*伊桑·奈特/s);
    const link = reply.locator('a');
    assert.equal(await link.getAttribute('href'), DATA.context.spokesperson.source.url);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    // Above the grid: the reply comes before the first card in the page.
    const before = await page.evaluate(() => {
      const r = document.querySelector('[data-testid=meta-reply]');
      const card = document.querySelector('[data-testid=person-card]');
      return Boolean(r.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(before, 'the reply precedes the cards');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the language switch translates the reply in place', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
  await widgetReady(page);
  await page.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=meta-reply] h3')?.textContent === 'Meta的回应');
  assert.match(await page.locator('[data-testid=meta-reply] blockquote').innerText(), /这很正常/);
  await context.close();
});

for (const [lang, label, reposted] of [
  ['en', /The article checked here/, /reposted Dec 26, 2025/],
  ['zh', /本页核查的文章/, /2025年12月26日转载/],
]) {
  test(`?lang=${lang}: about the data names and links the article it checks`, async () => {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=${lang}`);
    await widgetReady(page);
    await page.locator('[data-testid=about-data] summary').click();
    const line = page.locator('[data-testid=source-article]');
    assert.ok(await line.isVisible());
    const text = await line.innerText();
    assert.match(text, label);
    assert.match(text, reposted);
    assert.match(text, /主机测评网/);
    const link = line.locator('a');
    assert.equal(await link.getAttribute('href'), DATA.article.url);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    // The article has no headline: the link text is our description, set in italics.
    assert.equal(await link.locator('em').count(), 1);
    await context.close();
  });
}

test('without JavaScript the page still gives Meta\'s reply and links the article checked', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/`);
  const text = await page.locator('.mslw-noscript').innerText();
  assert.match(text, /Meta's reply/);
  assert.match(text, /这很正常/);
  assert.equal(await page.locator(`.mslw-noscript a[href="${DATA.article.url}"]`).count(), 1);
  await context.close();
});
