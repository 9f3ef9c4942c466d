// Keyboard and screen-reader manners (issue 19): a keyboard walkthrough that operates every control and never
// leaves focus on <body>, card → calculator landing on the answer's first line, clearing buttons that hand focus on,
// live regions that speak once per pause, and every text marked with its own language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, widgetReady, useWidgetServer, scrollSettled } from './harness.mjs';

const env = useWidgetServer();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** What has focus, in a form the walkthrough can act on and report. */
function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const lost = !a || a === document.body || a === document.documentElement;
    return {
      lost,
      tag: a?.tagName.toLowerCase(),
      type: a?.getAttribute('type') ?? '',
      testid: a?.getAttribute('data-testid') ?? a?.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
      open: a?.tagName === 'SUMMARY' ? a.parentElement.open : null,
      inWidget: !!a?.closest('[data-testid=msl-widget]'),
      dialog: !!document.querySelector('dialog[open]'),
      text: (a?.innerText ?? a?.value ?? '').slice(0, 40),
    };
  });
}

async function assertKept(page, action) {
  const f = await focused(page);
  assert.ok(!f.lost, `focus fell to <body> after ${action}`);
  return f;
}

/** The result's heading and first line lie inside the reader's screen, below `top` px (a host's sticky header). */
async function resultTopInView(page, frameOffset = 0, top = 0) {
  const box = await (frameOffset ? page.frames()[1] : page.mainFrame()).evaluate(() => {
    const r = document.querySelector('[data-testid=calc-result]');
    const h = r.querySelector('h4').getBoundingClientRect();
    const line = r.querySelector('[data-testid=calc-summary] p').getBoundingClientRect();
    return { heading: h.top, line: line.bottom, amount: r.querySelector('[data-testid=calc-chosen]').getBoundingClientRect().bottom };
  });
  return { heading: box.heading + frameOffset, line: box.line + frameOffset, amount: box.amount + frameOffset, top };
}

for (const lang of ['en', 'zh']) {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`keyboard walkthrough, ${lang} at ${viewport.width} px: every control operated, focus never on <body>`, async () => {
      const { page, context, errors } = await openPage(env.browser, `${env.server.origin}/?lang=${lang}`, { viewport });
      await widgetReady(page);
      const seen = new Set();
      let stops = 0;
      for (let i = 0; i < 700; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f.lost || !f.inWidget) {
          if (stops > 0) break; // past the widget's last stop
          continue; // the page before the widget
        }
        stops++;
        seen.add(f.testid || f.tag);
        const act = async (key, what) => {
          await page.keyboard.press(key);
          return assertKept(page, `${what} on ${f.tag}[${f.testid}] "${f.text}"`);
        };
        if (f.tag === 'summary') {
          if (!f.open) await act('Enter', 'opening');
        } else if (f.tag === 'input' && f.type === 'checkbox') {
          await act('Space', 'ticking');
          await act('Space', 'unticking');
        } else if (f.tag === 'input' && f.type === 'radio') {
          await act('ArrowDown', 'choosing the next option');
          await act('ArrowUp', 'choosing back');
        } else if (f.tag === 'input' && f.type === 'range') {
          await act('ArrowRight', 'a slider step');
          await act('ArrowLeft', 'a slider step back');
        } else if (f.tag === 'input' || f.tag === 'textarea') {
          await act('End', 'moving to the end');
          await page.keyboard.type('9');
          await act('Backspace', 'typing and deleting');
        } else if (f.tag === 'select') {
          await act('ArrowDown', 'choosing the next option');
          await act('ArrowUp', 'choosing back');
        } else if (f.tag === 'button' && f.testid === 'lang-switch') {
          await act('Enter', 'switching language');
          await act('Enter', 'switching back');
        } else if (f.tag === 'button' && f.testid === 'card-to-calc') {
          await act('Enter', 'card → calculator');
          await page.waitForTimeout(300);
          await scrollSettled(page);
          assert.equal((await focused(page)).testid, 'calc-result');
          const box = await resultTopInView(page);
          assert.ok(box.heading >= 0 && box.line <= viewport.height, `result's heading and first line on screen: ${JSON.stringify(box)}`);
          await act('Tab', 'tabbing to the way back');
          assert.equal((await focused(page)).testid, 'calc-back-to-card');
          seen.add('calc-back-to-card');
          await act('Enter', 'going back to the card');
          const back = await focused(page);
          assert.equal(back.testid, 'card-to-calc', 'focus is back on the button the reader pressed');
        } else if (f.tag === 'button') {
          await act('Enter', 'pressing');
          if ((await focused(page)).dialog) await act('Escape', 'closing the dialog');
        }
        // Links are reached, not followed: they leave the page.
      }
      assert.ok(stops >= 60, `${stops} stops`);
      for (const id of ['lang-switch', 'theme-select', 'search', 'filter-disclosure', 'sort', 'card-detail', 'card-to-calc',
        'calc-weeks-text', 'calc-weeks-range', 'calc-use-example', 'calc-back-to-card', 'embed-button']) {
        assert.ok(seen.has(id), `reached ${id}: ${[...seen].join(' ')}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('Clear all and Clear search and filters hand focus to the count, not <body>', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en&cohort=new_msl`, { viewport: PHONE });
  await widgetReady(page);
  await page.locator('[data-testid=clear-all]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=clear-all]').disabled);
  assert.equal((await focused(page)).testid, 'result-count', 'after Clear all');
  assert.match(await page.locator('[data-testid=result-count]').innerText(), /All 9/);

  await page.locator('[data-testid=search]').fill('nobody-matches');
  await page.locator('[data-testid=empty-clear]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=empty-state]').hidden);
  assert.equal((await focused(page)).testid, 'result-count', 'after Clear search and filters');
  // The next Tab goes on to the cards.
  await page.keyboard.press('Tab');
  assert.ok((await focused(page)).testid.startsWith('card'), 'then the cards');
  await context.close();
});

/** Records every text the calculator's live regions take (consecutive duplicates are one announcement). */
async function recordAnnouncements(page) {
  await page.evaluate(() => {
    window.__said = [];
    const regions = document.querySelectorAll('[data-testid=calculator] [role=status], [data-testid=calculator] [aria-live], [data-testid=calculator] [role=alert]');
    const observer = new MutationObserver(() => {
      for (const r of regions) {
        const text = r.textContent.trim();
        if (text && r.__last !== text) window.__said.push(text);
        r.__last = text;
      }
    });
    for (const r of regions) {
      r.__last = r.textContent.trim();
      observer.observe(r, { childList: true, subtree: true, characterData: true });
    }
  });
}

test('live regions: typing "12 weeks" says the result once and no error; a slider step says one short line', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=${lang}`, { viewport: PHONE });
    await widgetReady(page);
    await recordAnnouncements(page);
    const weeks = page.locator('[data-testid=calc-weeks-text]');
    await weeks.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('12 weeks', { delay: 120 });
    await page.waitForTimeout(1500);
    let said = await page.evaluate(() => window.__said);
    assert.equal(said.length, 1, `${lang}: one announcement: ${JSON.stringify(said)}`);
    assert.doesNotMatch(said[0], /fix|修正/i);
    assert.match(said[0], /\$23\.1M|2308万/);

    await page.evaluate(() => { window.__said = []; });
    const slider = page.locator('[data-testid=calc-weeks-range]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(1500);
    // Whole weeks: one press is one week.
    assert.equal(await weeks.inputValue(), '13');
    said = await page.evaluate(() => window.__said);
    assert.equal(said.length, 1, `${lang}: ${JSON.stringify(said)}`);
    assert.ok(said[0].length <= 24, `short: ${said[0]}`);
    // A year in 52 presses, then months.
    assert.equal(await slider.getAttribute('max'), '280');
    await context.close();
  }
});

/** Text nodes written in one script that is not their element's language: Latin-only phrases (no Han, 3+ words: a
 *  title or a sentence, not a proper name such as "OpenAI", which WCAG 3.1.2 exempts) under zh, and CJK-only texts (Han,
 *  no Latin word) under en. Mixed sentences (an English note quoting 吴志浩) are outside this check. */
function mislabelled(page) {
  return page.evaluate(() => {
    const bad = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('script, style, template, noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      if (!text) continue;
      const lang = n.parentElement.closest('[lang]')?.getAttribute('lang') ?? '';
      const han = /[\u3400-\u9fff]/.test(text);
      const words = text.match(/[A-Za-z]{2,}/g) ?? [];
      // A phrase, not a run of names ("Meta → Memories.ai"): 3+ words, one of them a lowercase word ("reporting").
      if (lang.startsWith('zh') && !han && words.length >= 3 && /\b[a-z]{3,}\b/.test(text)) bad.push(`zh: ${text.slice(0, 60)}`);
      if (lang.startsWith('en') && han && words.length === 0) bad.push(`en: ${text.slice(0, 60)}`);
    }
    return bad;
  });
}

test('every text whose language differs from its surroundings carries lang; <html lang> follows the switch', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=${lang}`, { viewport: DESKTOP });
    await widgetReady(page);
    const tag = lang === 'zh' ? 'zh-Hans' : 'en';
    assert.equal(await page.evaluate(() => document.documentElement.lang), tag);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.waitForTimeout(300);
    assert.deepEqual(await mislabelled(page), [], `${lang} view`);
    // Switched in place: the page's language follows, and the other view is as well marked.
    await page.locator('[data-testid=lang-switch]').click();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'en' : 'zh-Hans');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.waitForTimeout(300);
    assert.deepEqual(await mislabelled(page), [], `${lang} view switched`);
    await context.close();
  }
});

test('the language switch keeps opened card details open; each disclosure names its person', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`, { viewport: PHONE });
  await widgetReady(page);
  const names = await page.$$eval('[data-testid=card-detail] > summary', (s) => s.map((x) => x.textContent));
  assert.equal(new Set(names).size, names.length, `distinct names: ${names}`);
  await page.locator('[data-person-id=ethan-knight] [data-testid=card-detail] > summary').click();
  await page.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=msl-widget]').lang === 'zh-Hans');
  await page.waitForFunction(() => document.querySelector('[data-person-id=ethan-knight] [data-testid=card-detail]')?.open, null, { timeout: 3000 });
  assert.equal(await page.locator('[data-testid=card-detail][open]').count(), 1);
  assert.ok(await page.locator('[data-person-id=ethan-knight] [data-testid=fact-check]').first().isVisible(), 'with its body');
  const zh = await page.$$eval('[data-testid=card-detail] > summary', (s) => s.map((x) => x.textContent));
  assert.equal(new Set(zh).size, zh.length, `distinct names: ${zh}`);
  await context.close();
});

test('the pay chart is named as a chart and its text alternative names the people it marks', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.origin}/?lang=en`, { viewport: DESKTOP });
  await widgetReady(page);
  const figure = page.locator('[data-testid=calc-chart-figure]');
  const name = await figure.getAttribute('aria-label');
  assert.match(name, /^Chart: pre-tax amount/);
  const desc = await page.locator('[data-testid=calc-chart] desc').textContent();
  const table = await page.locator('[data-testid=calc-chart-table]').textContent();
  for (const person of ['Avi Verma', 'Ethan Knight', 'Rishabh Agarwal']) {
    assert.ok(desc.includes(person), `${person} in the description: ${desc}`);
    assert.ok(table.includes(person), `${person} in the table`);
  }
  await context.close();
});
