// The release build under the strict Content-Security-Policy from the README: zero
// securitypolicyviolation events while a reader uses every control, and a build whose markup needs no
// inline script or style. Also embed.js on a host page that has its own strict policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { DIST, serve, launch, widgetReady, tempDir, recordCspViolations, POLICY, POLICY_TEMPLATE, openFilters } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve(DIST, { headers: { 'content-security-policy': POLICY } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the README states the policy this test serves, which the build wrote with its stylesheet hash', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  assert.ok(readme.includes(POLICY_TEMPLATE), 'README gives the policy');
  const [before, after] = POLICY_TEMPLATE.split("'sha256-…'");
  assert.ok(POLICY.startsWith(before) && POLICY.endsWith(after), POLICY);
  assert.match(POLICY.slice(before.length, POLICY.length - after.length), /^'sha256-[A-Za-z0-9+/]{43}='$/);
});

test('the page carries the policy itself too, as a <meta> before any script (defence in depth)', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta\b[^>]*http-equiv="?content-security-policy"?[^>]*>/i);
  assert.ok(meta, 'a CSP <meta>');
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'before the first script');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  assert.equal(await page.$eval('meta[http-equiv=content-security-policy]', (m) => m.content), POLICY);
  await context.close();
});

test('dist/index.html has no inline script, one inline style whose hash the policy names, and every preload an integrity hash', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc=/, `external script: ${attrs}`);
    assert.equal(body.trim(), '', 'no inline code');
  }
  // The critical CSS, inlined by the build so that the first paint waits for no stylesheet request.
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)];
  assert.equal(styles.length, 1);
  assert.ok(POLICY.includes(`'sha256-${createHash('sha256').update(styles[0][1]).digest('base64')}'`), 'the policy allows this style');
  assert.ok(html.indexOf('<style') < html.indexOf('<body'), 'in the head');
  assert.doesNotMatch(html, /<link\b[^>]*rel="?stylesheet/, 'no stylesheet request');
  assert.doesNotMatch(html, /\sstyle=/);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  const preloads = [...html.matchAll(/<link\b[^>]*rel="?(?:modulepreload|preload)"?[^>]*>/g)].map((m) => m[0]);
  assert.ok(preloads.length >= 2, 'the glue and the wasm are preloaded');
  for (const link of preloads) assert.match(link, /integrity="?sha(256|384|512)-/, link);
});

test('no view writes a style="..." string (a strict style-src would block it)', () => {
  const dir = resolve(import.meta.dirname, '../../src');
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.rs'));
  assert.ok(files.length > 5);
  for (const f of files) assert.doesNotMatch(readFileSync(join(dir, f), 'utf8'), /\bstyle="/, f);
});

test('under the strict policy the page works with zero violations and only same-origin requests', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await recordCspViolations(context);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(`${server.origin}/?lang=en`);
  assert.equal(response.headers()['content-security-policy'], POLICY);
  await widgetReady(page);

  // Use everything: search, facets, sort, theme, language, details, show/hide, the embed dialog.
  await page.locator('[data-testid=search]').fill('openai');
  await page.locator('[data-testid=search]').fill('');
  await openFilters(page);
  await page.locator('[data-testid=filter-cohort-new_msl]').check();
  await page.locator('[data-testid=sort]').selectOption('name');
  await page.locator('[data-testid=theme-select]').selectOption('dark');
  await page.locator('[data-testid=clear-all]').click();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await page.locator('[data-testid=embed-button]').click();
  await page.locator('[data-testid=embed-dialog]').waitFor({ state: 'visible' });
  await page.locator('[data-testid=embed-copy]').click();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.querySelector('h2')?.textContent.includes('超级智能'));
  assert.equal(await page.locator('[data-testid=person-card]').count(), 9);
  // The stylesheet applied (a blocked stylesheet would leave the dark theme's background unset).
  const bg = await page.locator('[data-testid=msl-widget]').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(21, 23, 26)');
  await page.waitForTimeout(200);

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== server.origin), []);
  await context.close();
});

test('the policy is really enforced: an inline script on the same server is reported (the check can fail)', async () => {
  const dir = tempDir({ 'inline.html': '<!doctype html><title>x</title><script>document.title = "ran"</script>' });
  const strict = await serve(dir, { headers: { 'content-security-policy': POLICY } });
  const context = await browser.newContext();
  await recordCspViolations(context);
  const page = await context.newPage();
  await page.goto(`${strict.origin}/inline.html`);
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.equal(await page.title(), 'x');
  await context.close();
  await strict.close();
});

test('embed.js sizes the iframe on a host page with its own strict policy, with zero violations', async () => {
  const hostDir = tempDir();
  const host = await serve(hostDir, {
    host: '127.0.0.2',
    headers: {
      'content-security-policy': `default-src 'none'; script-src ${server.origin}; frame-src ${server.origin}; style-src 'self'; base-uri 'none'`,
    },
  });
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict host</title></head><body>` +
      `<div data-msl-departures-embed data-src="${server.origin}/?lang=en"></div>` +
      `<script src="${server.origin}/embed.js" async></script></body></html>`,
  );
  const context = await browser.newContext();
  await recordCspViolations(context);
  const page = await context.newPage();
  await page.goto(`${host.origin}/`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await widgetReady(frame);
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe');
    return f.style.height !== '3000px' && f.style.height !== '';
  });
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
  await context.close();
  await host.close();
});
