// The departures grid as a reader uses it: search, filters, deep links, history, keyboard, layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, widgetReady, useWidgetServer, openFilters } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/departures.json', import.meta.url), 'utf8'));

const env = useWidgetServer();

const cardIds = (page) => page.$$eval('[data-testid=person-card]', (cards) => cards.map((c) => c.dataset.personId));
const countText = (page) => page.locator('[data-testid=result-count]').innerText();

for (const query of ['maher', '马赫', 'ＭＡＨＥＲ', '  Mâher ']) {
  test(`searching ${JSON.stringify(query)} finds Bert Maher`, async () => {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
    await widgetReady(page);
    await page.locator('[data-testid=search]').fill(query);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 1);
    assert.deepEqual(await cardIds(page), ['bert-maher']);
    assert.equal(await countText(page), '1 of 9 people shown');
    await context.close();
  });
}

test('destination OpenAI shows exactly the people the data sends there', async () => {
  const expected = DATA.people.filter((p) => p.destination.org?.en === 'OpenAI').map((p) => p.id).sort();
  assert.ok(expected.length > 0);
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
  await widgetReady(page);
  await openFilters(page);
  await page.locator('[data-testid=filter-dest-openai]').check();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=person-card]').length === n, expected.length);
  assert.deepEqual((await cardIds(page)).sort(), expected);
  assert.match(await countText(page), new RegExp(`^${expected.length} of 9`));
  assert.match(page.url(), /dest=openai/);
  await context.close();
});

test('a card that leaves the grid and comes back is the same card, its open detail still open', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
  await widgetReady(page);
  const card = (id) => `[data-testid=person-card][data-person-id="${id}"]`;
  await page.locator(`${card('tony-liu')} summary`).click();
  // Marks the card's content node, so the test can tell a moved node from a rebuilt one.
  await page.$eval(`${card('tony-liu')} article`, (a) => { a.__kept = true; });
  await page.locator('[data-testid=search]').fill('maher');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 1);
  await page.locator('[data-testid=search]').fill('');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 9);
  assert.equal(await page.$eval(`${card('tony-liu')} article`, (a) => a.__kept === true), true);
  assert.equal(await page.$eval(`${card('tony-liu')} details`, (d) => d.open), true);
  // Each language has its own card: switching shows the other language's, and back brings this one.
  await page.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=msl-widget]').lang === 'zh-Hans');
  assert.equal(await page.$eval(`${card('tony-liu')} article`, (a) => a.__kept === true), false);
  assert.match(await page.locator(`${card('tony-liu')} h3`).innerText(), /托尼/);
  await page.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=msl-widget]').lang === 'en');
  assert.equal(await page.$eval(`${card('tony-liu')} article`, (a) => a.__kept === true), true);
  // One node per card id, ids unique.
  const ids = await page.$$eval('[data-testid=msl-widget] [id]', (els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(errors, []);
  await context.close();
});

// The page shows the cards the build baked (src/prerendered.rs), detail bodies included; the npm package writes a
// body just after its card shows (npm.test.mjs).
test("after a language switch each card's detail is whole in the frame it appears, and opens at once", async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.server.origin}/?lang=en`);
  await widgetReady(page);
  const expected = DATA.people.reduce((n, p) => n + p.sources.length, 0);
  const sourceCount = () => page.$$eval('[data-testid=person-card] .mslw-sources > li', (li) => li.length);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=person-card] .mslw-sources > li').length === n, expected);
  // Chinese cards are new: open one in the frame they first appear.
  const opened = await page.evaluate(() => new Promise((resolve) => {
    document.querySelector('[data-testid=lang-switch]').click();
    requestAnimationFrame(() => {
      const card = document.querySelector('[data-testid=person-card][data-person-id=tony-liu]');
      const wholeBefore = card.querySelectorAll('.mslw-sources > li').length;
      card.querySelector('summary').click();
      resolve({ wholeBefore, lang: document.querySelector('[data-testid=msl-widget]').lang, checks: card.querySelectorAll('[data-testid=fact-check]').length, sources: card.querySelectorAll('.mslw-sources > li').length });
    });
  }));
  assert.equal(opened.wholeBefore, DATA.people.find((p) => p.id === 'tony-liu').sources.length, 'the body is there in the first frame');
  assert.equal(opened.lang, 'zh-Hans');
  assert.ok(opened.checks > 0 && opened.sources === DATA.people.find((p) => p.id === 'tony-liu').sources.length, JSON.stringify(opened));
  assert.equal(await page.$eval('[data-person-id=tony-liu] details', (d) => d.open), true);
  assert.equal(await sourceCount(), expected);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link reproduces its view, and again after reload', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?sort=name&dest=openai&lang=zh&theme=dark&bogus=1`);
  await widgetReady(page);
  const check = async () => {
    assert.deepEqual(await cardIds(page), ['afroz-mohiuddin', 'avi-verma', 'chaya-nayak', 'ethan-knight']);
    assert.equal(await countText(page), '显示4人，共9人');
    assert.equal(await page.locator('[data-testid=msl-widget]').getAttribute('data-theme'), 'dark');
    assert.equal(await page.locator('[data-testid=sort]').inputValue(), 'name');
    assert.ok(await page.locator('[data-testid=filter-dest-openai]').isChecked());
  };
  await check();
  // Rewritten to canonical form, unknown keys dropped.
  await page.waitForFunction(() => location.search === '?lang=zh&theme=dark&dest=openai&sort=name');
  await page.reload();
  await widgetReady(page);
  await check();
  await context.close();
});

test('a hostile query string loads with its valid parts applied', async () => {
  const long = 'x'.repeat(10_000);
  const { page, context, errors } = await openPage(
    env.browser,
    `${env.server.origin}/?q=%E9%A9%AC%E8%B5%AB&sort=%3Cscript%3E&dest=anthropic,%FF,nowhere&x=${long}&lang=%E0%A4`,
  );
  await widgetReady(page);
  assert.deepEqual(await cardIds(page), ['bert-maher']);
  assert.equal(await page.locator('[data-testid=search]').inputValue(), '马赫');
  await page.waitForFunction(() => !location.search.includes('xxxx') && !location.search.includes('nowhere'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing adds no history entry: Back leaves the page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/first-page`);
  await page.goto(`${env.server.origin}/?lang=en`);
  await widgetReady(page);
  await page.locator('[data-testid=search]').pressSequentially('openai', { delay: 20 });
  await openFilters(page);
  await page.locator('[data-testid=filter-cohort-new_msl]').check();
  await page.waitForFunction(() => location.search.includes('q=openai'));
  await page.goBack();
  await page.waitForURL(`${env.server.origin}/first-page`);
  await context.close();
});

test('a keyboard-only journey reaches every control in visual order and operates them', async () => {
  // Start filtered, so "Clear all" is enabled (a disabled button is rightly not a Tab stop).
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en&dest=openai`);
  await widgetReady(page);
  const reached = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate((n) => {
      const el = document.activeElement;
      if (el === document.body) return null;
      el.dataset.tabStep = String(n);
      return el.dataset.testid ?? el.tagName.toLowerCase();
    }, i);
    if (!id) break;
    reached.push(id);
    if (id === 'clear-all') break;
  }
  for (const id of ['lang-switch', 'theme-select', 'search', 'filter-cohort-long_time', 'filter-dest-openai', 'filter-prior-google', 'sort', 'clear-all']) {
    assert.ok(reached.includes(id), `Tab reaches ${id}: ${reached.join(' ')}`);
  }
  // Focus follows document order (no positive tabindex), and no CSS reorders the controls, so focus
  // order is reading order: down each column of options, then the next column.
  const inDocumentOrder = await page.evaluate(() => {
    const steps = [...document.querySelectorAll('[data-tab-step]')];
    return steps.every((el, i) => i === 0 || Number(steps[i - 1].dataset.tabStep) < Number(el.dataset.tabStep));
  });
  assert.ok(inDocumentOrder, 'focus order follows document order');
  assert.equal(await page.locator('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').count(), 0);
  // Operate: check a filter with Space, change sort with the keyboard, open a card's detail with Enter.
  await page.locator('[data-testid=filter-dest-openai]').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 9);
  await page.locator('[data-testid=filter-cohort-new_msl]').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 2);
  await page.locator('[data-testid=sort]').focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => location.search.includes('sort=tenure-asc'));
  await page.locator('[data-testid=clear-all]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 9);
  const summary = page.locator('[data-person-id=chi-hao-wu] summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('[data-person-id=chi-hao-wu] details').evaluate((d) => d.open));
  // A visible focus indicator: the outline is drawn.
  const outline = await summary.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  await context.close();
});

for (const [name, options, setup] of [
  ['dark mode at 320 px', { colorScheme: 'dark', viewport: { width: 320, height: 640 } }, null],
  ['light mode at 320 px with 200% text size', { viewport: { width: 320, height: 640 } }, () => {
    document.documentElement.style.fontSize = '200%';
  }],
]) {
  test(`${name} shows no horizontal scroll`, async () => {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`, options);
    await widgetReady(page);
    if (setup) await page.evaluate(setup);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > ${clientWidth}`);
    if (options.colorScheme === 'dark') {
      const bg = await page.locator('[data-testid=msl-widget]').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(bg, 'rgb(21, 23, 26)', 'dark theme follows prefers-color-scheme');
    }
    await context.close();
  });
}

test('?theme=light overrides a dark system preference', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en&theme=light`, { colorScheme: 'dark' });
  await widgetReady(page);
  const bg = await page.locator('[data-testid=msl-widget]').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(255, 255, 255)');
  await context.close();
});

test('the empty state offers a way back', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en&q=nobody-matches-this`);
  await widgetReady(page);
  await page.waitForSelector('[data-testid=empty-state]');
  assert.equal(await countText(page), 'No one shown of 9 people');
  await page.locator('[data-testid=empty-clear]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 9);
  await context.close();
});

test('with prefers-reduced-motion nothing in the widget animates or transitions', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`, { reducedMotion: 'reduce' });
  await widgetReady(page);
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('.mslw, .mslw *')].filter((el) => {
      const s = getComputedStyle(el);
      const secs = (v) => v.split(',').some((t) => parseFloat(t) > 0);
      return (s.animationName !== 'none' && secs(s.animationDuration)) || secs(s.transitionDuration);
    }).length,
  );
  assert.equal(moving, 0);
  await context.close();
});
