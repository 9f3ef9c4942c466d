// The packed npm package in the hosts people really build (issue 17, item 3): the `npm pack` tarball installed into
// throwaway projects outside the repository, then served by Vite's dev server, built by `vite build`, built by webpack 5
// (production) and loaded by a plain <script type="module"> page with no bundler. Every project uses its tool's
// defaults (no config file); the tools are the repository's pinned devDependencies, run on the project folder as their
// command lines would. In each, two widgets mount, one is searched and unmounted, the other keeps working, and the
// README's <msl-departures> element, registered by `import 'msl-departures/element'`, mounts in its shadow root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build as viteBuild, createServer as viteServer } from 'vite';
import webpack from 'webpack';
import { PKG, serve, launch, packPkg, installTarball } from './harness.mjs';

const README = resolve(import.meta.dirname, '../../README.md');
const NPM_README = resolve(import.meta.dirname, '../../npm/README.md');

/** The ```lang blocks of a Markdown file. */
const blocks = (file, lang) => [...readFileSync(file, 'utf8').matchAll(new RegExp(`\`\`\`${lang}\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]);
// The element as both READMEs show it, pasted as it is.
const ELEMENT_HTML = blocks(README, 'html').find((b) => b.includes('<msl-departures'));
assert.ok(ELEMENT_HTML && blocks(NPM_README, 'html').includes(ELEMENT_HTML), 'both READMEs show the same element snippet');

// One app for every consumer, importing the package by its bare name (the plain page maps it with an import map).
// `init().then(…)`, not top-level await, which `vite build`'s default targets refuse.
const MAIN = `import 'msl-departures/element';
import init, { mount } from 'msl-departures';
init().then(() => {
  const a = mount(document.getElementById('a'), { lang: 'en' });
  const b = mount(document.getElementById('b'), { lang: 'zh', state: 'dest=openai' });
  window.consumer = { a, b };
});
`;
const page = (head, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,">${head}</head>
<body><div id="a"></div><div id="b"></div>${ELEMENT_HTML}${script}</body></html>
`;

let browser, packed;
const servers = [];
const consumers = {};

before(async () => {
  assert.ok(existsSync(join(PKG, 'package.json')), 'pkg/ missing: run make pkg');
  packed = packPkg();
  browser = await launch();
}, { timeout: 60_000 });
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** The page at `url` with both widgets mounted: a searched and unmounted, b still answering; no error on the way. */
async function exercise(url) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const p = await context.newPage();
  const errors = [];
  const failed = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await p.goto(url);
  try {
    await p.waitForFunction(() => window.consumer, null, { timeout: 30_000 });
  } catch (e) {
    throw new Error(`no widget mounted at ${url}: ${JSON.stringify({ errors, failed })}`, { cause: e });
  }
  const cards = (id) => p.locator(`#${id} [data-testid=person-card]`).count();
  assert.equal(await cards('a'), 9);
  assert.equal(await cards('b'), 4, 'b starts on dest=openai');
  await p.locator('#a [data-testid=search]').fill('maher');
  await p.waitForFunction(() => document.querySelectorAll('#a [data-testid=person-card]').length === 1);
  assert.equal(await cards('b'), 4, "a's search is not b's");
  await p.evaluate(() => window.consumer.a.unmount());
  assert.equal(await p.locator('#a *').count(), 0);
  await p.locator('#b [data-testid=search]').fill('afroz');
  await p.waitForFunction(() => document.querySelectorAll('#b [data-testid=person-card]').length === 1);
  // The element: in its own shadow root, on the README's attributes (Chinese, OpenAI destinations).
  await p.waitForFunction(() => document.querySelector('msl-departures')?.shadowRoot?.querySelectorAll('[data-testid=person-card]').length === 4, null, { timeout: 10_000 });
  assert.match(await p.locator('msl-departures h2').innerText(), /超级智能实验室/);
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
  await context.close();
}

const bundled = { 'index.html': page('', '<script type="module" src="/src/main.js"></script>'), 'src/main.js': MAIN };

test('Vite dev server, no configuration: the pre-bundled package finds its wasm', { timeout: 120_000 }, async () => {
  const dir = installTarball(packed.tarball, bundled);
  const server = await viteServer({ root: dir, logLevel: 'error', clearScreen: false, server: { host: '127.0.0.2', port: 0 } });
  await server.listen();
  servers.push(server);
  const origin = `http://127.0.0.2:${server.httpServer.address().port}`;
  await exercise(`${origin}/`);
  // It really was pre-bundled (the case that broke): the module ran from Vite's dependency cache.
  assert.ok(existsSync(join(dir, 'node_modules/.vite/deps/msl-departures.js')), 'pre-bundled into node_modules/.vite/deps');
});

test('vite build, default settings: the wasm is emitted as an asset beside the bundle', { timeout: 120_000 }, async () => {
  const dir = installTarball(packed.tarball, bundled);
  await viteBuild({ root: dir, logLevel: 'error' });
  const assets = readdirSync(join(dir, 'dist/assets'));
  assert.ok(assets.some((f) => /^msl_departures_bg-.+\.wasm$/.test(f)), assets.join(', '));
  const server = await serve(join(dir, 'dist'), { host: '127.0.0.2' });
  servers.push(server);
  await exercise(`${server.origin}/`);
});

test('webpack 5 production build, default settings (entry src/index.js, output dist/main.js)', { timeout: 120_000 }, async () => {
  const dir = installTarball(packed.tarball, { 'src/index.js': MAIN, 'dist/index.html': page('', '<script src="main.js"></script>') });
  // webpack-cli with no config: mode production, context and output in the project folder.
  const stats = await new Promise((ok, fail) =>
    webpack({ mode: 'production', context: dir, output: { path: join(dir, 'dist') } }, (e, s) => (e ? fail(e) : ok(s))),
  );
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  const out = readdirSync(join(dir, 'dist'));
  assert.ok(out.some((f) => f.endsWith('.wasm')), out.join(', '));
  // The build folder does not leak the builder's file system (webpack inlines a bare import.meta.url as file://).
  assert.doesNotMatch(readFileSync(join(dir, 'dist/main.js'), 'utf8'), /file:\/\//);
  const server = await serve(join(dir, 'dist'), { host: '127.0.0.2' });
  servers.push(server);
  await exercise(`${server.origin}/`);
});

test('a plain <script type="module"> page, no bundler (an import map names the package)', { timeout: 60_000 }, async () => {
  const importMap = '<script type="importmap">{"imports":{"msl-departures":"./node_modules/msl-departures/msl_departures.js","msl-departures/element":"./node_modules/msl-departures/element.js"}}</script>';
  const dir = installTarball(packed.tarball, { 'index.html': page(importMap, '<script type="module" src="main.js"></script>'), 'main.js': MAIN });
  const server = await serve(dir, { host: '127.0.0.2' });
  servers.push(server);
  await exercise(`${server.origin}/`);
});

/** The ```js blocks of a Markdown file that import the package or its element. */
const examplesIn = (file) => blocks(file, 'js').filter((c) => /(from|import) 'msl-departures(\/element)?'/.test(c));

test("the READMEs' npm examples build as written with vite build and webpack's defaults", { timeout: 120_000 }, async () => {
  const examples = [...examplesIn(README), ...examplesIn(NPM_README)];
  assert.ok(examples.length >= 4, `${examples.length} examples`);
  for (const code of examples) {
    const dir = installTarball(packed.tarball, { 'index.html': page('', '<div id="departures"></div><script type="module" src="/src/index.js"></script>'), 'src/index.js': code });
    await viteBuild({ root: dir, logLevel: 'silent' }).catch((e) => assert.fail(`vite build of\n${code}\n${e.message}`));
    const stats = await new Promise((ok, fail) =>
      webpack({ mode: 'production', context: dir, output: { path: join(dir, 'dist-webpack') } }, (e, s) => (e ? fail(e) : ok(s))),
    );
    assert.ok(!stats.hasErrors(), `webpack of\n${code}\n${stats.toString('errors-only')}`);
  }
});
