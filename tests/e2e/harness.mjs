// Shared end-to-end harness: a static server for dist/ on loopback and Debian's Chromium via playwright-core.
// No browser is ever downloaded; every page records its requests and console errors for assertions.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const DIST = resolve(import.meta.dirname, '../../dist');
/** The npm package folder written by `make pkg`. */
export const PKG = resolve(import.meta.dirname, '../../pkg');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves `root` on `host` (a loopback address) at a free port; `headers` are added to every response, and
 *  `headersFor(path)`'s to the response for that path (e.g. `deployedHeaders()`, the README's deployment example).
 *  `maxHeaderSize` raises Node's 16 KB request-header limit (for very long URLs).
 *  `brotli: true` serves the types in TYPES (text, JSON, SVG, wasm) as a CDN does: each file is compressed once
 *  (brotli quality 11, on its first request, kept until the file changes; the build's `.br` copy when there is one) and sent with `content-encoding: br` to a
 *  request whose `accept-encoding` allows br (`vary: accept-encoding` either way). Off by default: bytes as on disk. */
export async function serve(root = DIST, { host = '127.0.0.1', headers = {}, headersFor = () => ({}), maxHeaderSize, brotli = false } = {}) {
  const compressed = new Map(); // file -> { version, body }
  const server = createServer(maxHeaderSize ? { maxHeaderSize } : {}, async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const head = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (brotli && TYPES[extname(file)]) {
        head.vary = 'accept-encoding';
        if (acceptsBrotli(req.headers['accept-encoding'])) {
          const { mtimeMs, size } = await stat(file);
          const version = `${mtimeMs}:${size}`;
          let hit = compressed.get(file);
          if (hit?.version !== version) {
            // The build's own copy (scripts/precompress.mjs, same parameters) when it is as new as the file.
            const copy = await stat(`${file}.br`).catch(() => null);
            const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length };
            const br = copy && copy.mtimeMs >= mtimeMs ? await readFile(`${file}.br`) : brotliCompressSync(body, { params });
            hit = { version, body: br };
            compressed.set(file, hit);
          }
          body = hit.body;
          head['content-encoding'] = 'br';
        }
      }
      res.writeHead(200, { ...head, ...headersFor(path), ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, host, ok));
  const origin = `http://${host}:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Whether an `accept-encoding` header allows br (listed, or `*`, without q=0). */
function acceptsBrotli(header = '') {
  const q = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q[name.trim()] = weight ? Number(weight.slice(2)) : 1;
  }
  return (q.br ?? q['*'] ?? 0) > 0;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records every request URL, console error and uncaught error. */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, context, requests, errors };
}

/** The strict policy as the README documents it: `'sha256-…'` stands for the hash of the page's inlined stylesheet. */
export const POLICY_TEMPLATE =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-…'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The policy the build wrote beside the page, with the stylesheet's hash (src/bake.rs); the CSP tests serve the page
 *  under it. Before a build, the template, which no page satisfies. */
export const POLICY = (() => {
  try {
    return readFileSync(join(DIST, 'content-security-policy.txt'), 'utf8').trim();
  } catch {
    return POLICY_TEMPLATE;
  }
})();

/** The README's `_headers` example (Deploying the static build) as rules: `{ path, pattern, headers: [[name, value]] }`
 *  for the build served under `/msl/`, as the README writes it. */
export function readmeHeaderRules() {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const block = readme.match(/`_headers` for Netlify[\s\S]*?```\n([\s\S]*?)```/)[1];
  return block.split(/\n(?=\/)/).map((rule) => {
    const [path, ...lines] = rule.trim().split('\n');
    const pattern = new RegExp(`^${path.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return { path, pattern, headers: lines.map((l) => l.trim().split(/: (.*)/s).slice(0, 2)) };
  });
}

/** For `serve()`'s `headersFor`: the headers the README's `_headers` example gives each file of the build served at
 *  the root (the example's `/msl/` folder), with the build's policy in place of its `'sha256-…'`. */
export function deployedHeaders() {
  const rules = readmeHeaderRules();
  return (path) => {
    const out = {};
    for (const r of rules) {
      if (!r.pattern.test(`/msl${path}`)) continue;
      for (const [name, value] of r.headers) out[name.toLowerCase()] = value === POLICY_TEMPLATE ? POLICY : value;
    }
    return out;
  };
}

/** Opens the filters' disclosure (closed by default on every screen, filter_bar.rs) as a reader does: its summary. */
export async function openFilters(target) {
  const disclosure = target.locator('[data-testid=filter-disclosure]');
  if (!(await disclosure.evaluate((d) => d.open))) await disclosure.locator(':scope > summary').click();
}

/** Waits for the live widget: its cards mounted and the view baked at build time taken over (bake.rs). */
export async function widgetReady(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid=result-count]') && !document.querySelector('[data-mslw-baked]'),
    null,
    { timeout: 20_000 },
  );
}

// best-practice too (page-has-heading-one, landmark-unique, heading-order, region, …): issue 19.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const AXE_PATH = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** Runs axe-core on the page (or a frame) and returns its violations, summarised for assertion messages.
 *  `frames` (Playwright Frames inside `target`) get axe too, so the run also checks those documents; a
 *  cross-origin frame is only asked when its origin is in `allowedOrigins` (axe's default is same-origin only). */
export async function axeViolations(target, options = {}) {
  return (await axeResults(target, options)).violations;
}

/** As axeViolations, plus `framed`: how many checked nodes (passing or not) lay inside a child frame,
 *  which shows whether the run really reached into the frames. */
export async function axeResults(target, { frames = [], allowedOrigins } = {}) {
  const source = await readFile(AXE_PATH, 'utf8');
  // Evaluated rather than added as a <script> tag so a page's CSP cannot block the checker.
  for (const t of [...frames, target]) {
    // Cards off screen skip layout (content-visibility: auto), so axe would measure empty boxes (target
    // sizes, contrast): render them all, as a reader scrolling through would see them. Set through the
    // CSSOM, which a style-src CSP does not block.
    await t.evaluate(() => document.querySelectorAll('.mslw-card').forEach((c) => { c.style.contentVisibility = 'visible'; }));
    await t.evaluate(source);
    if (allowedOrigins) await t.evaluate((origins) => globalThis.axe.configure({ allowedOrigins: origins }), allowedOrigins);
  }
  const result = await target.evaluate(async (tags) => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const nodes = [...r.passes, ...r.violations, ...r.incomplete].flatMap((rule) => rule.nodes);
    return {
      violations: r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) })),
      framed: nodes.filter((n) => n.target.length > 1).length,
    };
  }, AXE_TAGS);
  return {
    violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.targets.length}) ${v.targets.slice(0, 3).map((t) => t.join(' ')).join(' | ')}`),
    framed: result.framed,
  };
}

/** A throwaway folder (removed when the test process exits) holding `files` ({path: text}; folders are made). */
export function tempDir(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mslw-e2e-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Records `securitypolicyviolation` events of every document in `context` on `window.__cspViolations`
 *  (an init script runs before any page script and is not itself subject to the page's CSP). */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/** Waits until `target` (a page or a frame) has stopped scrolling: its scroll position the same at three checks
 *  100 ms apart. A smooth scroll on a loaded machine can outlast any fixed wait. */
export async function scrollSettled(target, timeoutMs = 10_000) {
  let last = null;
  let same = 0;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((ok) => setTimeout(ok, 100))) {
    const now = await target.evaluate(() => `${scrollX},${scrollY}`);
    same = now === last ? same + 1 : 0;
    last = now;
    if (same >= 3) return;
  }
  throw new Error(`still scrolling after ${timeoutMs} ms`);
}

/** One static server for dist/ and one browser per test file, closed after its tests. */
export function useWidgetServer() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** `npm pack` of pkg/ into a throwaway folder: `{ tarball, files }` (the packed paths, sorted). */
export function packPkg() {
  const dir = tempDir();
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: PKG, encoding: 'utf8' }));
  return { ...packed, tarball: join(dir, packed.filename), files: packed.files.map((f) => f.path).sort() };
}

/** A throwaway host project holding `files` with the tarball installed into its node_modules, as a host developer
 *  installs a release. --offline: the package has no dependencies, so nothing may be fetched. */
export function installTarball(tarball, files = {}) {
  const dir = tempDir({ 'package.json': JSON.stringify({ name: 'throwaway-host', private: true, type: 'module' }), ...files });
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir, stdio: 'pipe' });
  return dir;
}
