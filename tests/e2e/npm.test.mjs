// The npm package as a host developer meets it: `npm pack` of pkg/, installed offline into a throwaway
// host folder with the example page from examples/npm-host, served on 127.0.0.2; two widgets mounted,
// independent, and unmount() of one leaves the other working with none of its listeners left behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PKG, serve, launch, openPage, packPkg, installTarball, openFilters } from './harness.mjs';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/npm-host');
let hostDir, host, browser, packed;

before(async () => {
  assert.ok(existsSync(join(PKG, 'package.json')), 'pkg/ missing: run make pkg');
  packed = packPkg();
  hostDir = installTarball(packed.tarball);
  for (const f of readdirSync(EXAMPLE)) copyFileSync(join(EXAMPLE, f), join(hostDir, f));
  host = await serve(hostDir, { host: '127.0.0.2' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
});

/** Tracks every listener added and removed, before any page script runs. */
const trackListeners = () => {
  const live = [];
  window.__listeners = live;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  const capture = (o) => (typeof o === 'boolean' ? o : !!o?.capture);
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    // The stack tells the widget's listeners (added through its glue module) from the test driver's own.
    const byWidget = /msl_departures/.test(new Error().stack);
    live.push({ target: this, type, fn, capture: capture(options), removed: false, byWidget });
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    for (const l of live) {
      if (l.target === this && l.type === type && l.fn === fn && l.capture === capture(options)) l.removed = true;
    }
    return remove.call(this, type, fn, options);
  };
};

test('the tarball holds exactly the module, the glue, the types, the stylesheet, the element, the README and both licences', () => {
  // npm pack --dry-run lists the same: nothing forgotten (a licence, the stylesheet), nothing extra (wasm-pack's
  // .gitignore, the wasm's internal .d.ts, a stray build file).
  const files = packed.files;
  assert.deepEqual(files, ['LICENSE', 'LICENSE-DATA', 'README.md', 'element.d.ts', 'element.js', 'msl_departures.d.ts', 'msl_departures.js', 'msl_departures_bg.wasm', 'package.json', 'widget.css']);
  const dryRun = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: PKG, encoding: 'utf8' }))[0];
  assert.deepEqual(dryRun.files.map((f) => f.path).sort(), files);
  assert.equal(packed.name, 'msl-departures');
  const installed = join(hostDir, 'node_modules/msl-departures');
  const types = readFileSync(join(installed, 'msl_departures.d.ts'), 'utf8');
  assert.match(types, /export function mount\(element: HTMLElement, options\??: MslDeparturesOptions[^)]*\): WidgetHandle;/);
  for (const name of ['interface MslDeparturesOptions', 'onChange?: (query: string, state: MslDeparturesState) => void', 'unmount(): void', 'readonly problems: MslDeparturesProblem[]']) {
    assert.ok(types.includes(name), `types declare ${name}`);
  }
  assert.match(readFileSync(join(installed, 'README.md'), 'utf8'), /mount\(/);
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.match(readFileSync(join(installed, 'LICENSE-DATA'), 'utf8'), /data\/departures\.json[\s\S]*Attribution 4\.0 International Public License/);
});

test('package.json carries what a registry page shows', () => {
  const manifest = JSON.parse(readFileSync(join(hostDir, 'node_modules/msl-departures/package.json'), 'utf8'));
  assert.equal(manifest.license, 'MIT AND CC-BY-4.0');
  assert.match(manifest.description, /Meta Superintelligence Labs/);
  assert.ok(manifest.keywords.includes('webassembly') && manifest.keywords.length >= 5, manifest.keywords);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.exports['.'].default, './msl_departures.js');
  assert.equal(manifest.exports['./element'].default, './element.js');
  // Its import is its effect (registering the element): a bundler must not drop it as unused.
  assert.ok(manifest.sideEffects.includes('./element.js'), manifest.sideEffects);
});

test('two widgets from the installed package work independently; unmount() leaves the other working', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.addInitScript(trackListeners);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${host.origin}/index.html`);
  await page.waitForFunction(() => window.mslExample, null, { timeout: 20_000 });
  const a = page.locator('#widget-a');
  const b = page.locator('#widget-b');
  const cards = (w) => w.locator('[data-testid=person-card]').count();
  assert.equal(await cards(a), 4, 'a starts on dest=openai');
  assert.equal(await cards(b), 9);
  assert.match(await b.locator('h2').innerText(), /超级智能实验室/);
  assert.equal(await b.locator('[data-testid=sort]').inputValue(), 'name');

  // No duplicate ids; every label names an input inside its own widget.
  const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  const labelsOk = await page.evaluate(() =>
    [...document.querySelectorAll('.mslw label[for]')].every((l) => {
      const target = document.getElementById(l.htmlFor);
      return target && l.closest('.mslw') === target.closest('.mslw') && target.labels[0] === l;
    }),
  );
  assert.ok(labelsOk, 'labels are bound to their own inputs');
  // Styles injected once, every selector under the .mslw prefix.
  const styles = await page.evaluate(() => {
    const sheets = [...document.querySelectorAll('style#mslw-styles')];
    const selectors = [];
    const walk = (rules) => {
      for (const r of rules) {
        if (r.selectorText) selectors.push(r.selectorText);
        if (r.cssRules) walk(r.cssRules);
      }
    };
    walk(sheets[0].sheet.cssRules);
    return { count: sheets.length, selectors };
  });
  assert.equal(styles.count, 1);
  assert.ok(styles.selectors.length > 20);
  for (const s of styles.selectors) {
    for (const part of s.split(',')) assert.match(part.trim(), /^\.mslw/, `unprefixed selector: ${s}`);
  }

  // Independent state; a's changes reach the host through onChange (and so into the host's URL).
  await a.locator('[data-testid=search]').fill('afroz');
  await page.waitForFunction(() => document.querySelectorAll('#widget-a [data-testid=person-card]').length === 1);
  assert.equal(await cards(b), 9);
  await page.waitForFunction(() => location.search === '?lang=en&q=afroz&dest=openai');
  const lastChange = await page.evaluate(() => window.mslExample.changes.at(-1));
  assert.deepEqual(lastChange, { query: 'lang=en&q=afroz&dest=openai', state: { lang: 'en', q: 'afroz', dest: 'openai' } });
  await openFilters(b);
  await b.locator('[data-testid=filter-cohort-new_msl]').check();
  await page.waitForFunction(() => document.querySelectorAll('#widget-b [data-testid=person-card]').length === 2);
  assert.equal(await cards(a), 1);
  assert.equal(await page.evaluate(() => location.search), '?lang=en&q=afroz&dest=openai', "b's change is not a's");

  // A second mount on the same element is refused with a clear error, and changes nothing.
  const refusal = await page.evaluate(() => {
    try {
      window.mslExample.mount(document.getElementById('widget-a'), {});
      return null;
    } catch (e) {
      return `${e.constructor.name}: ${e.message}`;
    }
  });
  assert.match(refusal, /^Error: msl-departures mount\(\): this element already holds a widget/);
  assert.equal(await page.locator('#widget-a section.mslw').count(), 1);

  // Unmount a: its DOM goes, every listener it added is removed, nothing is left on window/document.
  const added = await page.evaluate(() =>
    window.__listeners.filter((l) => l.byWidget && l.target instanceof Node && document.getElementById('widget-a').contains(l.target)).length,
  );
  assert.ok(added > 10, `a added ${added} listeners`);
  await page.evaluate(() => {
    window.__aNodes = new Set(document.querySelectorAll('#widget-a *'));
  });
  await page.locator('#unmount-a').click();
  assert.equal(await page.locator('#widget-a *').count(), 0);
  const leftovers = await page.evaluate(() =>
    window.__listeners
      .filter((l) => !l.removed && (window.__aNodes.has(l.target) || (l.byWidget && !(l.target instanceof Element))))
      .map((l) => `${l.target.nodeName ?? 'window'} ${l.type}`),
  );
  assert.deepEqual(leftovers, []);
  assert.equal(await page.evaluate(() => window.mslExample.handles.a.mounted), false);
  assert.equal(await page.evaluate(() => document.getElementById('widget-a').hasAttribute('data-msl-departures-mounted')), false);
  await page.evaluate(() => window.mslExample.handles.a.unmount()); // twice is harmless

  // b still works.
  await b.locator('[data-testid=clear-all]').click();
  await page.waitForFunction(() => document.querySelectorAll('#widget-b [data-testid=person-card]').length === 9);
  await b.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.querySelector('#widget-b h2').textContent.includes('Who left'));

  // The freed element takes a new widget; a rejected host dataset mounts on bundled data and says why.
  const problems = await page.evaluate(() => {
    const h = window.mslExample.mount(document.getElementById('widget-a'), { lang: 'en', dataset: { schema_version: 1, people: 'nobody' } });
    return h.problems;
  });
  assert.ok(problems.length > 0 && problems.every((p) => typeof p.path === 'string' && p.en && p.zh), JSON.stringify(problems));
  assert.equal(await cards(a), 9);
  assert.equal(await a.locator('[data-testid=data-problems]').count(), 1);

  assert.deepEqual(errors, []);
  // Every request goes to the page's own origin (the package is served by the host itself).
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== host.origin), []);
  await context.close();
});

// The package writes its cards from the dataset it was given (the standalone page shows the ones its build baked): a
// new card's detail body comes just after the frame that shows the card, or at once when the reader opens it.
test("the package writes a card's detail body just after the card shows, or at once when the reader opens it", async () => {
  const { page, context, errors } = await openPage(browser, `${host.origin}/index.html`);
  await page.waitForFunction(() => window.mslExample, null, { timeout: 20_000 });
  const b = '#widget-b';
  const sources = (n) => page.waitForFunction(({ b, n }) => document.querySelectorAll(`${b} [data-testid=person-card] .mslw-sources > li`).length === n, { b, n });
  const people = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/departures.json'), 'utf8')).people;
  const all = people.reduce((n, p) => n + p.sources.length, 0);
  await sources(all);
  const opened = await page.evaluate((b) => new Promise((resolve) => {
    document.querySelector(`${b} [data-testid=lang-switch]`).click();
    requestAnimationFrame(() => {
      const card = document.querySelector(`${b} [data-testid=person-card][data-person-id=tony-liu]`);
      const pendingBefore = card.querySelector('.mslw-sources') === null;
      card.querySelector('summary').click();
      resolve({ pendingBefore, sources: card.querySelectorAll('.mslw-sources > li').length, lang: document.querySelector(`${b} [data-testid=msl-widget]`).lang });
    });
  }), b);
  assert.equal(opened.pendingBefore, true, 'the body was not written before the frame');
  assert.equal(opened.lang, 'en');
  assert.equal(opened.sources, people.find((p) => p.id === 'tony-liu').sources.length, 'opening the card wrote its body at once');
  await sources(all);
  assert.deepEqual(errors, []);
  await context.close();
});

test('invalid options are refused with a readable error', async () => {
  const { page, context } = await openPage(browser, `${host.origin}/index.html`);
  await page.waitForFunction(() => window.mslExample);
  const messages = await page.evaluate(() => {
    const el = document.createElement('div');
    document.body.append(el);
    return [{ lang: 'klingon' }, { onChange: 42 }, { colour: 'red' }, { state: [1] }].map((o) => {
      try {
        window.mslExample.mount(el, o);
        return 'mounted';
      } catch (e) {
        return e.message;
      }
    });
  });
  assert.match(messages[0], /`lang` must be "zh" or "en"/);
  assert.match(messages[1], /`onChange` must be a function/);
  assert.match(messages[2], /unknown option `colour`/);
  assert.match(messages[3], /`state` must be a query string or an object/);
  await context.close();
});
