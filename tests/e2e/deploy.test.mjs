// Deploying the static build (issue 17, item 2): the precompressed copies `make build` writes (scripts/precompress.mjs)
// unpack to their files and are what a brotli server sends; `make size` does not count them; and the README's nginx
// and `_headers` examples, applied to the real file names of dist/, give the hashed files a year and every other file
// none, with the CSP the README documents (its 'sha256-…' stands for the build's hash, as in the README's own section).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, POLICY, POLICY_TEMPLATE, deployedHeaders, readmeHeaderRules, serve, launch, widgetReady } from './harness.mjs';
import { isCompressible, isCopy } from '../../scripts/precompress.mjs';
import { measureDir } from '../../scripts/size.mjs';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
const names = readdirSync(DIST).filter((f) => !f.startsWith('.'));
const originals = names.filter((f) => !isCopy(f));

test('every compressible file has a .br and a .gz copy that unpack to it; no copy without its file', () => {
  const compressible = originals.filter(isCompressible);
  for (const ext of ['.html', '.js', '.wasm', '.csv', '.json']) assert.ok(compressible.some((f) => f.endsWith(ext)), `a ${ext} file`);
  for (const f of compressible) {
    const body = readFileSync(join(DIST, f));
    for (const [ext, unpack] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
      if (!names.includes(f + ext)) {
        assert.ok(body.length < 100, `${f}${ext} missing (only a tiny file may go without)`);
        continue;
      }
      const copy = readFileSync(join(DIST, f + ext));
      assert.ok(copy.length < body.length, `${f}${ext} is smaller`);
      assert.ok(unpack(copy).equals(body), `${f}${ext} unpacks to ${f}`);
    }
  }
  for (const f of names.filter(isCopy)) assert.ok(originals.includes(f.slice(0, -3)), `${f} has its file`);
});

test('make size counts each file once: the copies are not in its rows', () => {
  const { files, downloads } = measureDir(DIST);
  const listed = [...files, ...downloads].map((r) => r.file).sort();
  assert.deepEqual(listed, [...originals].sort());
});

test("the README's nginx and _headers examples: a year for hashed files only, and the documented policy", () => {
  // Trunk writes its hash as hex without leading zeros: 1 to 16 digits (this build's may be 15).
  const hashed = (f) => /^msl-departures-[0-9a-f]{1,16}(_bg\.wasm|\.js)$/.test(f);
  assert.ok(originals.filter(hashed).length >= 2, originals.join(', '));
  const nginx = README.match(/```nginx\n([\s\S]*?)```/)[1];
  const location = new RegExp(nginx.match(/location ~ (\S+) \{/)[1]);
  const policies = [...nginx.matchAll(/Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(policies, [POLICY_TEMPLATE]);
  for (const f of originals) assert.equal(location.test(`/msl/${f}`), hashed(f), `nginx: ${f}`);
  // The early request for the page's first script: the page only, whichever of its two URLs is asked for.
  const firstScript = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<script src="?([^\s">]+)/)[1];
  const link = `<${firstScript}>; rel=preload; as=script`;
  const [, preloadFor, preload] = nginx.match(/map \$uri \$msl_preload \{\s*~(\S+) "([^"]+)";/);
  assert.equal(preload, link);
  for (const f of ['', ...originals]) assert.equal(new RegExp(preloadFor).test(`/msl/${f}`), f === '' || f === 'index.html', `nginx Link: /msl/${f}`);
  assert.match(nginx, /add_header Link \$msl_preload always;/);

  const rules = readmeHeaderRules();
  const sent = (f) => rules.filter((r) => r.pattern.test(`/msl/${f}`)).flatMap((r) => r.headers);
  for (const f of originals) {
    const h = sent(f);
    const cache = h.filter(([k]) => k === 'Cache-Control');
    // One rule at most per header: two would be joined into one value.
    assert.ok(cache.length <= 1, `${f}: ${JSON.stringify(cache)}`);
    assert.equal(cache[0]?.[1] === 'public, max-age=31536000, immutable', hashed(f), `_headers: ${f}`);
    assert.deepEqual(h.filter(([k]) => k === 'Content-Security-Policy'), [['Content-Security-Policy', POLICY_TEMPLATE]]);
    assert.deepEqual(h.filter(([k]) => k === 'Link'), f === 'index.html' ? [['Link', link]] : [], `_headers Link: ${f}`);
  }
  assert.deepEqual(sent('').filter(([k]) => k === 'Link'), [['Link', link]], '_headers Link: /msl/');
});

test("served from the precompressed copies with the _headers example's headers, the page goes live and fetches boot.js once", async () => {
  const server = await serve(DIST, { brotli: true, headersFor: deployedHeaders() });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const encodings = {};
    const requested = [];
    const warnings = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    page.on('response', (r) => (encodings[new URL(r.url()).pathname] = r.headers()['content-encoding']));
    page.on('console', (m) => m.type() !== 'log' && warnings.push(m.text()));
    const response = await page.goto(`${server.origin}/`);
    await widgetReady(page);
    const wasm = Object.keys(encodings).find((p) => p.endsWith('.wasm'));
    assert.equal(encodings[wasm], 'br');
    assert.equal(encodings['/'], 'br');
    assert.equal(response.headers()['content-security-policy'], POLICY);
    assert.equal(response.headers().link, '<boot.js>; rel=preload; as=script');
    // The preloaded response is the one the page's <script> runs: one request, and no "preloaded but not used".
    assert.deepEqual(requested.filter((p) => p === '/boot.js'), ['/boot.js']);
    assert.deepEqual(warnings.filter((w) => /boot\.js/.test(w)), []);
    await page.locator('[data-testid=search]').fill('maher');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=person-card]').length === 1);
  } finally {
    await browser.close();
    await server.close();
  }
});
