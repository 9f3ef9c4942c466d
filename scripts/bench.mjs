// `make bench`: the widget beside a hand-written vanilla page (bench/vanilla/) doing the same job, measured in one
// run: bytes, time to first card, filter keystroke latency, calculator input latency and memory. Prints a table and
// writes every raw number to bench/results.json. Timings are printed, never asserted. Method: bench/README.md.
//
// Usage: node scripts/bench.mjs [--out FILE] [--dist DIR] [--quick] [--naive-10k] [--phone-only]
//   --quick: 3 loads and 8 keystrokes, for trying changes; --naive-10k: also the render-everything vanilla at 10,000;
//   --dist DIR (or BENCH_DIST=DIR): the release build to measure instead of dist/ (e.g. a snapshot of another build);
//   --phone-only: only the phone profile (section 6), whose numbers replace the `phone` key of the --out file.
//
// Everything is served from loopback by tests/e2e/harness.mjs's serve() and driven in Debian's Chromium
// (/usr/bin/chromium) through playwright-core; no browser is downloaded and every request is checked to be loopback.
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DIST, PKG, deployedHeaders, serve } from '../tests/e2e/harness.mjs';
import { measureDir, measureFile, sizeTable, sumRows, wasmComposition } from './size.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const PHONE_ONLY = args.includes('--phone-only');
const OUT = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : join(ROOT, 'bench/results.json');
/** The release build measured: --dist DIR, else $BENCH_DIST, else the harness's dist/. */
const DIST_DIR = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : (process.env.BENCH_DIST ?? DIST));

const THROTTLE = 4;
const LOADS = QUICK ? 3 : 7;
const FIRST_CARD_10K_BUDGET_S = 90; // see firstCardSeries()
const SIZES = [9, 1_000, 10_000];
const PAGE_SIZE = 24; // src/filter.rs PAGE_SIZE: cards rendered before "Show more"
const KB = 1024;
const CARD = '[data-testid=person-card]';

// The typing sequence: the search box's value after each keystroke. It narrows to one person ("maher", grid flips),
// adds keystrokes that change nothing (a trailing space, a term every match already has), narrows by a copy number
// (synthetic names end in their index), clears (flips back to everyone), then narrows to a destination ("openai").
// Whether a keystroke flipped the grid or changed nothing is measured, not assumed (see classify()).
const TYPING = ['m', 'ma', 'mah', 'mahe', 'maher', 'maher ', 'maher 7', 'maher 77', 'maher 7', 'maher ', 'maher', '', 'o', 'op', 'ope', 'open', 'opena', 'openai', 'openai ', ''];
// The calculator's weeks field, value after each keystroke (plain numbers, which both pages accept).
const WEEKS = ['4', '40', '4', '', '5', '52', '5', '0', '0.', '0.5', '1', '10', '104', '10', '1', '', '8', '80', '8', '4'];
const typing = QUICK ? TYPING.slice(0, 8) : TYPING;
const weeksTyping = QUICK ? WEEKS.slice(0, 8) : WEEKS;
const LEAK_QUERY = ['m', 'ma', 'mah', 'mahe', 'maher', ''];

const t0 = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}\n`);

// ---------- statistics ----------
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile (p95 of 20 samples is the 19th smallest). */
const pct = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] : null;
};
const max = (xs) => (xs.length ? Math.max(...xs) : null);
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---------- data ----------
const REAL = JSON.parse(readFileSync(join(ROOT, 'data/departures.json'), 'utf8'));

/** N people cloned round-robin from the 9 real ones, each with a unique id and a numbered name. */
function synthetic(n) {
  const base = REAL.people;
  const people = [];
  for (let i = 0; i < n; i++) {
    const p = structuredClone(base[i % base.length]);
    p.id = `${p.id}-${i}`;
    p.name_en = `${p.name_en} ${i}`;
    p.name_zh.text = `${p.name_zh.text}${i}`;
    people.push(p);
  }
  // Corrections may name people by id: point them at the first copy (index = the original's index).
  const corrections = REAL.corrections.map((c) => ({ ...c, people: c.people.map((id) => `${id}-${base.findIndex((p) => p.id === id)}`) }));
  return { ...REAL, people, corrections };
}

// A throwaway root served on loopback: the package, this folder, the data, and the synthetic datasets.
const root = mkdtempSync(join(tmpdir(), 'mslw-bench-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));
symlinkSync(PKG, join(root, 'pkg'));
symlinkSync(join(ROOT, 'bench'), join(root, 'bench'));
symlinkSync(join(ROOT, 'data'), join(root, 'data'));
mkdirSync(join(root, 'synthetic'));
const datasetUrl = {};
const datasetBytes = {};
for (const n of PHONE_ONLY ? [] : SIZES) {
  if (n === REAL.people.length) {
    datasetUrl[n] = '/data/departures.json';
    datasetBytes[n] = readFileSync(join(ROOT, 'data/departures.json')).length;
  } else {
    const text = JSON.stringify(synthetic(n));
    writeFileSync(join(root, 'synthetic', `${n}.json`), text);
    datasetUrl[n] = `/synthetic/${n}.json`;
    datasetBytes[n] = Buffer.byteLength(text);
  }
}

// ---------- 1. bytes ----------
function measureBytes() {
  log('bytes');
  const dist = measureDir(DIST_DIR);
  const standaloneFiles = dist.files.filter((r) => r.file !== 'embed.js');
  const embedRow = dist.files.find((r) => r.file === 'embed.js');
  const vanillaFiles = [
    measureFile(join(ROOT, 'bench/vanilla/index.html'), ROOT),
    measureFile(join(ROOT, 'bench/vanilla/app.js'), ROOT),
    measureFile(join(ROOT, 'data/departures.json'), ROOT),
  ];
  const wasmFile = standaloneFiles.find((r) => r.file.endsWith('.wasm'));
  return {
    widget: {
      files: dist.files,
      standalone: { files: standaloneFiles.map((r) => r.file), total: sumRows(standaloneFiles) },
      embed: embedRow ?? null,
      wasm: wasmFile ? wasmComposition(join(DIST_DIR, wasmFile.file), join(ROOT, 'data/departures.json')) : null,
    },
    vanilla: { files: vanillaFiles, total: sumRows(vanillaFiles), note: 'index.html + app.js + data/departures.json (the widget bundles the dataset in its wasm)' },
  };
}
const bytes = PHONE_ONLY ? null : measureBytes();

// ---------- browser ----------
const origins = new Set();
const offLoopback = [];
const isLoopback = (url) => {
  if (/^(data|blob|about):/.test(url)) return true;
  const h = new URL(url).hostname;
  return h === '127.0.0.1' || h === 'localhost' || h === '[::1]';
};

const widgetServer = await serve(DIST_DIR);
const benchServer = await serve(root);
origins.add(widgetServer.origin).add(benchServer.origin);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // Precise performance.memory (otherwise bucketed); no host name resolves, so nothing can leave loopback.
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

const URLS = {
  widgetStandalone: `${widgetServer.origin}/?lang=en`,
  vanillaStandalone: `${benchServer.origin}/bench/vanilla/index.html`,
  widgetNpm: (n) => `${benchServer.origin}/bench/host.html?src=${encodeURIComponent(datasetUrl[n])}`,
  vanillaN: (n, all = false) => `${benchServer.origin}/bench/vanilla/index.html?src=${encodeURIComponent(datasetUrl[n])}${all ? '&all=1' : ''}`,
};

/** Records the moment the first card enters the DOM (a MutationObserver, from navigation start = performance.now()
 *  origin) and the next animation frame after it. */
function firstCardObserver() {
  const mo = new MutationObserver(() => {
    if (window.__firstCard === undefined && document.querySelector('[data-testid=person-card]')) {
      window.__firstCard = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => {
        window.__firstCardFrame = performance.now();
      });
    }
  });
  mo.observe(document, { childList: true, subtree: true });
}

/** A fresh context (empty cache) with `init` (and its `arg`) as an init script, and its page, which records page
 *  errors and every request that leaves loopback; a CDP session on it. Nothing is navigated yet. */
async function recordedPage(contextOptions, init, arg) {
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(init, arg);
  const page = await context.newPage();
  const errors = [];
  page.on('request', (r) => {
    if (!isLoopback(r.url())) offLoopback.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  return { context, page, errors, cdp };
}

/** A fresh context (empty cache) and page, CPU throttled before navigating when `throttle` > 1. */
async function open(url, { throttle = 1, waitFor = CARD } = {}) {
  const { context, page, errors, cdp } = await recordedPage({ viewport: { width: 1280, height: 900 } }, firstCardObserver);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url);
  await page.waitForSelector(waitFor, { timeout: 180_000 });
  await page.waitForFunction(() => window.__firstCardFrame !== undefined, null, { timeout: 180_000 });
  if (url.includes('/bench/host.html')) {
    await page.waitForFunction(() => window.__bench, null, { timeout: 180_000 });
    const problems = await page.evaluate(() => window.__bench.problems);
    if (problems.length) throw new Error(`the widget rejected the bench dataset (${url}): ${JSON.stringify(problems.slice(0, 5))}`);
  }
  if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
  return { context, page, cdp, errors, close: () => context.close() };
}

/** The widget must show the dataset it was given: "All N people shown" on both pages. */
async function checkTotal(page, n) {
  const text = await page.locator('[data-testid=result-count]').first().textContent();
  if (!text.includes(`All ${n} people shown`)) throw new Error(`expected "All ${n} people shown", got "${text}"`);
}

/** Whether CPU throttling set before navigation is in force in the loaded page: a fixed loop, timed, ×1 vs ×4. */
async function throttleCheck() {
  const loop = () => {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 3e6; i++) x = (x + i * 7) % 1_000_003;
    return [performance.now() - t, x];
  };
  const times = {};
  for (const rate of [1, THROTTLE]) {
    const p = await open(URLS.vanillaStandalone, { throttle: rate });
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await p.page.evaluate(loop))[0]);
    times[rate] = median(runs);
    await p.close();
  }
  return { loopMsUnthrottled: round(times[1], 2), loopMsThrottled: round(times[THROTTLE], 2), measuredRate: round(times[THROTTLE] / times[1], 2) };
}

// ---------- 2. time to first card ----------
async function firstCard(url, n) {
  const p = await open(url, { throttle: THROTTLE });
  await checkTotal(p.page, n);
  const r = await p.page.evaluate(() => ({
    firstCard: window.__firstCard,
    firstCardFrame: window.__firstCardFrame,
    mountStart: window.__bench?.mountStart ?? null,
    mountEnd: window.__bench?.mountEnd ?? null,
  }));
  await p.close();
  return r;
}

/** LOADS fresh loads of each page, interleaved so drift in the machine's load hits both pages alike. With a
 *  `budgetMs`, the series stops early (after at least 3 loads each) once that much time is spent: at 10,000 people
 *  one throttled widget load takes 10–20 s on this machine, and 7 of them would take `make bench` past 5 minutes. */
async function firstCardSeries(pairs, budgetMs = Infinity) {
  const out = Object.fromEntries(pairs.map(([name]) => [name, []]));
  const start = Date.now();
  for (let i = 0; i < LOADS; i++) {
    if (i >= 3 && Date.now() - start > budgetMs) break;
    for (const [name, url, n] of pairs) out[name].push(await firstCard(url, n));
  }
  const summary = (samples) => ({
    loads: samples.length,
    samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 1)]))),
    median: round(median(samples.map((s) => s.firstCard)), 1),
    medianFrame: round(median(samples.map((s) => s.firstCardFrame)), 1),
    medianMountStart: samples[0].mountStart == null ? null : round(median(samples.map((s) => s.mountStart)), 1),
    medianMountCall: samples[0].mountStart == null ? null : round(median(samples.map((s) => s.mountEnd - s.mountStart)), 1),
  });
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, summary(v)]));
}

// ---------- 3 + 4. input latency ----------
/** In-page: set the field's value, dispatch `input`, then (a) one macrotask (setTimeout 0: Leptos runs its effects
 *  in microtasks, so they have run) and a forced layout = "work"; (b) the next requestAnimationFrame and a forced
 *  layout = "frame" (includes the wait for the next vsync, 0–16.7 ms). 30 ms later the page is read again to check
 *  nothing changed after the measurement ("late"). */
async function installTyper(page) {
  await page.evaluate(() => {
    const ids = () => Array.from(document.querySelectorAll('[data-testid=person-card]'), (c) => c.getAttribute('data-person-id'));
    const count = () => document.querySelector('[data-testid=result-count]')?.textContent ?? '';
    const calc = () => document.querySelector('[data-testid=calc-chosen]')?.textContent ?? '';
    window.__type = async (selector, value, { readCards = true } = {}) => {
      const el = document.querySelector(selector);
      await new Promise((r) => setTimeout(r, 40)); // a typist's pause; lets the previous frame settle
      const before = readCards ? ids() : [];
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(r));
      void document.body.offsetHeight;
      const t2 = performance.now();
      const after = readCards ? ids() : [];
      const seen = count() + calc();
      await new Promise((r) => setTimeout(r, 30));
      const late = count() + calc() !== seen || (readCards && ids().join() !== after.join());
      return { work: t1 - t0, frame: t2 - t0, before, after, count: count(), calc: calc(), late };
    };
  });
}

/** "none": the rendered cards and the count are unchanged; "flip": more than half of the rendered cards came or
 *  went; "partial": anything else. */
function classify(r, prevCount) {
  const b = new Set(r.before);
  const a = new Set(r.after);
  const gone = r.before.filter((id) => !a.has(id)).length;
  const came = r.after.filter((id) => !b.has(id)).length;
  const same = gone === 0 && came === 0 && r.before.join() === r.after.join() && r.count === prevCount;
  const size = Math.max(r.before.length, r.after.length, 1);
  return { kind: same ? 'none' : Math.max(gone, came) > size / 2 ? 'flip' : 'partial', gone, came };
}

function latencySummary(samples) {
  const frame = samples.map((s) => s.frame);
  const work = samples.map((s) => s.work);
  const of = (kind) => samples.filter((s) => s.kind === kind);
  return {
    median: round(median(frame)),
    p95: round(pct(frame, 95)),
    max: round(max(frame)),
    workMedian: round(median(work)),
    workP95: round(pct(work, 95)),
    flips: of('flip').length,
    flipMax: round(max(of('flip').map((s) => s.frame))),
    flipWorkMax: round(max(of('flip').map((s) => s.work))),
    noChange: of('none').length,
    noChangeMax: round(max(of('none').map((s) => s.frame))),
    noChangeWorkMax: round(max(of('none').map((s) => s.work))),
    late: samples.filter((s) => s.late).length,
  };
}

async function keystrokes(url, n) {
  // Loaded unthrottled (the load is measured elsewhere), then throttled for the typing.
  const p = await open(url);
  await checkTotal(p.page, n);
  await installTyper(p.page);
  await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const samples = [];
  let prevCount = await p.page.locator('[data-testid=result-count]').first().textContent();
  for (const value of typing) {
    const r = await p.page.evaluate(([v]) => window.__type('[data-testid=search]', v), [value]);
    const c = classify(r, prevCount);
    prevCount = r.count;
    samples.push({ value, work: round(r.work, 2), frame: round(r.frame, 2), shown: r.after.length, count: r.count, late: r.late, ...c });
  }
  await p.close();
  return { samples, ...latencySummary(samples) };
}

async function calculator(url) {
  const p = await open(url, { waitFor: '[data-testid=calc-weeks-text]' });
  await installTyper(p.page);
  await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const samples = [];
  for (const value of weeksTyping) {
    const r = await p.page.evaluate(([v]) => window.__type('[data-testid=calc-weeks-text]', v, { readCards: false }), [value]);
    samples.push({ value, work: round(r.work, 2), frame: round(r.frame, 2), shown: r.calc.slice(0, 60), late: r.late });
  }
  await p.close();
  const frame = samples.map((s) => s.frame);
  return { samples, median: round(median(frame)), p95: round(pct(frame, 95)), workMedian: round(median(samples.map((s) => s.work))), late: samples.filter((s) => s.late).length };
}

/** The harness's own floor under the same throttling: the same procedure on an input with no listener at all. */
async function floor(url) {
  const p = await open(url);
  await installTyper(p.page);
  await p.page.evaluate(() => {
    const el = document.createElement('input');
    el.id = 'bench-floor';
    document.body.append(el);
  });
  await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const samples = [];
  for (const value of typing) samples.push(await p.page.evaluate(([v]) => window.__type('#bench-floor', v, { readCards: false }), [value]));
  await p.close();
  const frame = samples.map((s) => s.frame);
  const work = samples.map((s) => s.work);
  return { frame: frame.map((x) => round(x, 2)), work: work.map((x) => round(x, 2)), median: round(median(frame)), max: round(max(frame)), workMedian: round(median(work)), workMax: round(max(work)) };
}

// ---------- 5. memory ----------
/** JS heap after a forced GC (performance.memory, precise) plus the wasm linear memory when there is one. */
async function memoryNow(p) {
  await p.cdp.send('HeapProfiler.collectGarbage');
  await p.cdp.send('HeapProfiler.collectGarbage');
  const m = await p.page.evaluate(() => ({
    heap: performance.memory.usedJSHeapSize,
    wasm: window.__bench?.wasm?.memory?.buffer?.byteLength ?? 0,
  }));
  const usage = await p.cdp.send('Runtime.getHeapUsage');
  return { ...m, total: m.heap + m.wasm, cdpUsedSize: usage.usedSize };
}

async function memoryAfterLoad(url, n) {
  const p = await open(url);
  await checkTotal(p.page, n);
  await p.page.waitForTimeout(300);
  const m = await memoryNow(p);
  await p.close();
  return m;
}

/** One cycle = type "maher" a key at a time (hides 8 of 9 cards' people), then clear. Unthrottled. */
async function leak(url, n) {
  const p = await open(url);
  await checkTotal(p.page, n);
  await installTyper(p.page);
  const at = {};
  for (let cycle = 1; cycle <= 20; cycle++) {
    for (const v of LEAK_QUERY) await p.page.evaluate(([v]) => window.__type('[data-testid=search]', v, { readCards: false }), [v]);
    if (cycle === 5 || cycle === 20) at[cycle] = await memoryNow(p);
  }
  await p.close();
  const growth = (k) => round(((at[20][k] - at[5][k]) / at[5][k]) * 100, 2);
  return { cycle5: at[5], cycle20: at[20], growthPct: growth('total'), heapGrowthPct: growth('heap'), wasmGrowthPct: at[5].wasm ? growth('wasm') : null };
}

// ---------- 7. JSON downloads ----------
const DOWNLOAD_RUNS = QUICK ? 2 : 5;
const DOWNLOAD_BUDGET_MS = 500;

/** The footer's two JSON downloads with `n` people (npm mount, loaded unthrottled, then ×THROTTLE): "people shown"
 *  (the default view: everyone, in the widget's order, so every record is looked up) and "whole dataset". Each
 *  sample is the click handler's time in the page (building the file and handing it to the browser all run in
 *  it, while the tab is frozen); the browser's download event is awaited and the file's size checked. */
async function jsonDownloads(url, n) {
  const p = await open(url);
  await checkTotal(p.page, n);
  await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const click = (testid) => {
    const button = document.querySelector(`[data-testid=${testid}]`);
    const t = performance.now();
    button.click();
    return performance.now() - t;
  };
  const out = {};
  for (const [name, testid] of [['shown', 'download-json-shown'], ['all', 'download-json-all']]) {
    const samples = [];
    let bytes = null;
    for (let i = 0; i < DOWNLOAD_RUNS; i++) {
      const [download, ms] = await Promise.all([p.page.waitForEvent('download', { timeout: 120_000 }), p.page.evaluate(click, testid)]);
      bytes = readFileSync(await download.path()).length;
      await download.delete();
      samples.push(round(ms, 1));
    }
    if (bytes < datasetBytes[n] * 0.9) throw new Error(`the ${name} JSON download of ${n} people has ${bytes} bytes, the dataset ${datasetBytes[n]}`);
    out[name] = { samples, median: round(median(samples), 1), max: round(max(samples), 1), bytes };
  }
  if (p.errors.length) throw new Error(`page errors during the downloads: ${p.errors.join('; ')}`);
  await p.close();
  return { people: n, runs: DOWNLOAD_RUNS, budgetMs: DOWNLOAD_BUDGET_MS, ...out };
}

/** The table rows for jsonDownloads()'s result. */
function downloadRows(D) {
  section(`7. JSON downloads, ${D.people.toLocaleString('en-US')} people (npm mount), click handler in the page (median of ${D.runs}, ×${THROTTLE} CPU)`);
  const target = `≤ ${D.budgetMs} ms`;
  row('people shown (everyone, in the widget\'s order)', D.shown.median, null, ms, { target, met: D.shown.median <= D.budgetMs, r: null });
  row('whole dataset', D.all.median, null, ms, { target, met: D.all.median <= D.budgetMs, r: null });
}

// ---------- 6. phone profile ----------
// A phone on a slow mobile network, as Lighthouse's mobile run assumes: the page as a reader first gets it, every
// file over the (emulated) network, brotli-compressed as a CDN serves it. Method and the reasons for each setting:
// bench/README.md, "Phone profile".
const PHONE = {
  loads: QUICK ? 3 : 5,
  viewport: { width: 412, height: 915 },
  deviceScaleFactor: 1.75, // Lighthouse's emulated phone (Moto G Power)
  cpuThrottlingRate: THROTTLE,
  // Lighthouse's "Slow 4G" (throttling.mobileSlow4G): 150 ms round trip, 1.6 Mbps down, 750 Kbps up, with
  // Lighthouse's units (1 Mbps = 1,024 Kbps, 1 Kbps = 1,024 bit/s). CDP takes bytes per second.
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  query: 'maher',
  settleMs: 1000, // after the page is live, for late layout shifts and requests
  timeoutMs: 60_000,
};
const SEARCH = '[data-testid=search]';
const REAL_NAMES = REAL.people.map((p) => p.name_en);

/** Init script (runs before any page script, in every document): records on `window.__phone`, in ms since
 *  navigation start, the first card holding a real person's name, when the page is live (a named card and no baked
 *  view `[data-mslw-baked]` left), when the search box is in the DOM, key presses, and when the box reads `query`
 *  while exactly one card, that person's, is visible; plus FCP, LCP and layout-shift entries. */
function phoneObserver({ names, query }) {
  const s = (window.__phone = { firstCard: null, live: null, searchInDom: null, firstKey: null, lastKey: null, answer: null, answerFrame: null, firstInput: null, fcp: null, lcp: [], shifts: [] });
  const cards = () => document.querySelectorAll('[data-testid=person-card]');
  const answered = () => {
    const box = document.querySelector('[data-testid=search]');
    if (!box || box.value.trim().toLowerCase() !== query) return false;
    const shown = Array.from(cards()).filter((c) => c.checkVisibility());
    return shown.length === 1 && shown[0].textContent.toLowerCase().includes(query);
  };
  const check = () => {
    const t = performance.now();
    if (s.searchInDom == null && document.querySelector('[data-testid=search]')) s.searchInDom = t;
    if (s.firstCard == null && Array.from(cards()).some((c) => names.some((n) => c.textContent.includes(n)))) s.firstCard = t;
    if (s.live == null && s.firstCard != null && !document.querySelector('[data-mslw-baked]')) s.live = t;
    if (s.answer == null && s.firstKey != null && answered()) {
      s.answer = t;
      requestAnimationFrame(() => {
        s.answerFrame = performance.now();
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // Key presses (the typed query); any reader input ends LCP and marks later shifts as expected.
  addEventListener('keydown', () => {
    s.firstKey ??= performance.now();
    s.lastKey = performance.now();
  }, true);
  for (const type of ['keydown', 'pointerdown', 'mousedown', 'touchstart', 'wheel']) addEventListener(type, () => (s.firstInput ??= performance.now()), true);
  // A keystroke that changes no node (the box's value is not an attribute) still gets a check once handled.
  addEventListener('input', () => setTimeout(check, 0));
  const observe = (type, fn) => new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') s.fcp = e.startTime;
  });
  // A shift's source may be a text node: it is named by its parent element.
  const describe = (node) => {
    const el = node && node.nodeType !== 1 ? node.parentElement : node;
    return el ? `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}` : null;
  };
  observe('largest-contentful-paint', (e) => s.lcp.push({ t: e.startTime, size: e.size, element: describe(e.element), text: e.element?.textContent?.trim().slice(0, 40) ?? null }));
  observe('layout-shift', (e) => s.shifts.push({ t: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput, sources: e.sources.map((x) => describe(x.node)) }));
}

/** A fresh phone context (empty cache) with the init script, network and CPU throttling set before navigating;
 *  counts the bytes on the wire of every request of the page (CDP Network.loadingFinished encodedDataLength). */
async function phoneOpen(url) {
  const phone = { viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true };
  const { context, page, errors, cdp } = await recordedPage(phone, phoneObserver, { names: REAL_NAMES, query: PHONE.query });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: null, encoding: null, sent: e.timestamp, done: null }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (r) r.encoding = h['content-encoding'] ?? null;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.bytes = e.encodedDataLength;
      r.done = e.timestamp;
    }
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuThrottlingRate });
  await page.goto(url, { waitUntil: 'commit' });
  const wire = () => {
    // `at`: ms from the page's first request until this one was sent; `ms`: until it finished (CDP timestamps, s).
    const first = Math.min(...[...requests.values()].map((r) => r.sent));
    const list = [...requests.values()].map((r) => ({
      path: r.url.startsWith('data:') ? 'data:' : new URL(r.url).pathname,
      bytes: r.bytes,
      encoding: r.encoding,
      at: round((r.sent - first) * 1000, 1),
      ms: r.done == null ? null : round((r.done - r.sent) * 1000, 1),
    }));
    return { bytes: list.reduce((t, r) => t + (r.bytes ?? 0), 0), requests: list };
  };
  const check = () => {
    if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
  };
  return { context, page, wire, check, close: () => context.close() };
}

const phoneState = (page) => page.evaluate(() => window.__phone);

/** One load, no input: first card, FCP, LCP, CLS and bytes, read once the page is live (for the widget: no baked
 *  view left), its load event has fired, and PHONE.settleMs has passed. */
async function phoneLoad(url) {
  const p = await phoneOpen(url);
  await p.page.waitForFunction(() => window.__phone?.live != null, null, { timeout: PHONE.timeoutMs, polling: 100 });
  await p.page.waitForLoadState('load', { timeout: PHONE.timeoutMs });
  await p.page.waitForTimeout(PHONE.settleMs);
  const s = await phoneState(p.page);
  const wire = p.wire();
  p.check();
  await p.close();
  const beforeInput = (t) => s.firstInput == null || t < s.firstInput;
  const lcp = s.lcp.filter((e) => beforeInput(e.t)).at(-1) ?? null;
  const counted = s.shifts.filter((e) => !e.hadRecentInput);
  return {
    firstCard: s.firstCard,
    fcp: s.fcp,
    lcp: lcp?.t ?? null,
    lcpElement: lcp ? { size: lcp.size, element: lcp.element, text: lcp.text } : null,
    cls: counted.reduce((t, e) => t + e.value, 0),
    shifts: counted,
    live: s.live,
    bytes: wire.bytes,
    requests: wire.requests,
  };
}

/** One load in which a reader types PHONE.query (real key presses through CDP) into the search box as soon as it is
 *  in the DOM; the page has answered when the box reads the query and exactly one card, that person's, is visible. */
async function phoneSearch(url) {
  const p = await phoneOpen(url);
  // Polled on a 50 ms timer, which runs between parser chunks (requestAnimationFrame would wait for a first paint).
  await p.page.waitForFunction(() => window.__phone?.searchInDom != null, null, { timeout: PHONE.timeoutMs, polling: 50 });
  await p.page.focus(SEARCH);
  await p.page.keyboard.type(PHONE.query);
  await p.page
    .waitForFunction(() => window.__phone.answerFrame != null, null, { timeout: PHONE.timeoutMs, polling: 100 })
    .catch(() => {}); // reported as no answer (null) below
  const s = await phoneState(p.page);
  p.check();
  await p.close();
  return { searchInDom: s.searchInDom, firstKey: s.firstKey, lastKey: s.lastKey, answer: s.answer, answerFrame: s.answerFrame };
}

/** PHONE.loads loads of each kind for each page, widget and vanilla interleaved; medians. */
async function phoneProfile(urls) {
  const samples = { widget: { load: [], search: [] }, vanilla: { load: [], search: [] } };
  for (const kind of ['load', 'search']) {
    for (let i = 0; i < PHONE.loads; i++) {
      for (const who of ['widget', 'vanilla']) {
        log(`phone: ${who} ${kind} ${i + 1}/${PHONE.loads}`);
        samples[who][kind].push(await (kind === 'load' ? phoneLoad : phoneSearch)(urls[who]));
      }
    }
  }
  const med = (xs, key, d = 1) => {
    const v = xs.map((x) => x[key]);
    return v.some((x) => x == null) ? null : round(median(v), d);
  };
  const summary = ({ load, search }) => ({
    firstCard: med(load, 'firstCard'),
    fcp: med(load, 'fcp'),
    lcp: med(load, 'lcp'),
    cls: med(load, 'cls', 4),
    clsMax: round(max(load.map((x) => x.cls)), 4),
    live: med(load, 'live'),
    bytes: med(load, 'bytes', 0),
    searchInDom: med(search, 'searchInDom'),
    lastKey: med(search, 'lastKey'),
    answer: med(search, 'answer'),
    answerFrame: med(search, 'answerFrame'),
    unanswered: search.filter((x) => x.answer == null).length,
    requests: load[0].requests, // the first load's, for reading (every load's bytes are in `loads`)
    loads: load.map(({ requests, ...x }) => roundAll(x)),
    searches: search.map(roundAll),
  });
  return {
    settings: { ...PHONE, isMobile: true, hasTouch: true, brotli: 'quality 11, content-encoding: br when accepted', headers: "the README's _headers example (widget)", cache: 'fresh browser context per load' },
    urls: Object.fromEntries(Object.entries(urls).map(([k, u]) => [k, new URL(u).pathname + new URL(u).search])),
    widget: summary(samples.widget),
    vanilla: summary(samples.vanilla),
  };
}

/** Requests each path once with accept-encoding: br, so that serve() has compressed it before the timed loads. */
async function warmBrotli(origin, paths) {
  for (const path of paths) {
    await new Promise((ok, fail) => httpGet(origin + path, { headers: { 'accept-encoding': 'br' } }, (res) => res.resume().on('end', ok)).on('error', fail));
  }
}

/** Numbers rounded to 0.1 (CLS values to 0.0001) for results.json. */
function roundAll(x) {
  if (typeof x === 'number') return round(x, Math.abs(x) < 1 && x !== 0 ? 4 : 1);
  if (Array.isArray(x)) return x.map(roundAll);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, roundAll(v)]));
  return x;
}

// ---------- run ----------
const results = {
  date: new Date().toISOString(),
  chromium: browser.version(),
  cpu: { model: cpus()[0]?.model ?? 'unknown', count: cpus().length, loadavgStart: loadavg().map((x) => round(x, 2)) },
  node: process.version,
  dist: relative(ROOT, DIST_DIR),
  cpuThrottlingRate: THROTTLE,
  quick: QUICK,
  pageSize: PAGE_SIZE,
  datasetBytes,
  typing,
  weeksTyping,
};
try {
  if (!PHONE_ONLY) {
    log('throttle check');
    results.throttleCheck = await throttleCheck();

    log(`first card: standalone (9 people), ${LOADS} loads each, ×${THROTTLE}`);
    results.firstCard = { standalone: await firstCardSeries([['widget', URLS.widgetStandalone, 9], ['vanilla', URLS.vanillaStandalone, 9]]) };
    log(`first card: 10,000 people (npm mount vs vanilla), up to ${LOADS} loads each within ${FIRST_CARD_10K_BUDGET_S} s, ×${THROTTLE}`);
    results.firstCard.n10000 = await firstCardSeries([['widget', URLS.widgetNpm(10_000), 10_000], ['vanilla', URLS.vanillaN(10_000), 10_000]], FIRST_CARD_10K_BUDGET_S * 1000);

    log(`harness floor (an input with no listener), ×${THROTTLE}`);
    results.floor = await floor(URLS.vanillaStandalone);
    results.keystrokes = {};
    for (const n of SIZES) {
      log(`keystrokes at N=${n}, ×${THROTTLE}`);
      const row = { widget: await keystrokes(URLS.widgetNpm(n), n), vanilla: await keystrokes(URLS.vanillaN(n), n) };
      // The naive variant (every match rendered) only at 1,000: at 10,000 one keystroke that shows everyone takes
      // seconds at ×4, which would push `make bench` past its time budget (pass --naive-10k to include it).
      if (n > PAGE_SIZE && (n <= 1_000 || args.includes('--naive-10k'))) row.naive = await keystrokes(URLS.vanillaN(n, true), n);
      // The same query should match as many people on both pages (the count texts agree).
      row.countMismatches = row.widget.samples
        .map((s, i) => [s.value, s.count, row.vanilla.samples[i].count])
        .filter(([, a, b]) => a !== b)
        .map(([value, widget, vanilla]) => ({ value, widget, vanilla }));
      results.keystrokes[n] = row;
    }

    log(`calculator, ×${THROTTLE}`);
    results.calculator = { widget: await calculator(URLS.widgetStandalone), vanilla: await calculator(URLS.vanillaStandalone) };

    log('memory');
    results.memory = {};
    for (const n of [1_000, 10_000]) results.memory[n] = { widget: await memoryAfterLoad(URLS.widgetNpm(n), n), vanilla: await memoryAfterLoad(URLS.vanillaN(n), n) };
    log('leak check (1,000 people, 20 filter cycles)');
    results.leak = { widget: await leak(URLS.widgetNpm(1_000), 1_000), vanilla: await leak(URLS.vanillaN(1_000), 1_000) };
    log(`JSON downloads (10,000 people, ${DOWNLOAD_RUNS} each), ×${THROTTLE}`);
    results.downloads = await jsonDownloads(URLS.widgetNpm(10_000), 10_000);
  }

  log(`phone profile: ${PHONE.loads} loads + ${PHONE.loads} typed searches each, ${PHONE.viewport.width}×${PHONE.viewport.height}, Slow 4G, ×${PHONE.cpuThrottlingRate} CPU, brotli`);
  // Served as the README's deployment example says (its `_headers`: the page's early request for boot.js, the policy).
  const phoneWidget = await serve(DIST_DIR, { brotli: true, headersFor: deployedHeaders() });
  const phoneVanilla = await serve(ROOT, { brotli: true });
  origins.add(phoneWidget.origin).add(phoneVanilla.origin);
  try {
    // Compress every file the pages load before timing (a CDN's copies are compressed ahead of the reader).
    await warmBrotli(phoneWidget.origin, ['/', ...readdirSync(DIST_DIR).filter((f) => !f.startsWith('.')).map((f) => `/${f}`)]);
    await warmBrotli(phoneVanilla.origin, ['/bench/vanilla/index.html', '/bench/vanilla/app.js', '/data/departures.json']);
    const start = { date: new Date().toISOString(), chromium: browser.version(), dist: relative(ROOT, DIST_DIR), loadavgStart: loadavg().map((x) => round(x, 2)) };
    const phone = await phoneProfile({ widget: `${phoneWidget.origin}/?lang=en`, vanilla: `${phoneVanilla.origin}/bench/vanilla/index.html` });
    results.phone = { ...start, loadavgEnd: loadavg().map((x) => round(x, 2)), ...phone };
  } finally {
    await phoneWidget.close();
    await phoneVanilla.close();
  }
} finally {
  await browser.close();
  await widgetServer.close();
  await benchServer.close();
}
if (offLoopback.length) throw new Error(`requests left loopback: ${[...new Set(offLoopback)].join(', ')}`);
results.cpu.loadavgEnd = loadavg().map((x) => round(x, 2));
results.bytes = bytes;
results.seconds = round((Date.now() - t0) / 1000, 0);

// ---------- table ----------
const ms = (x) => (x == null ? '–' : `${x.toFixed(1)} ms`);
const kb = (x) => `${(x / KB).toFixed(1)} KB`;
const mb = (x) => `${(x / KB / KB).toFixed(1)} MB`;
const pctf = (x) => (x == null ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const rows = [];
/** One table row; `met` is true/false/null (no target). */
const row = (figure, w, v, fmt, { naive = null, target = '', met = null, r = ratio(w, v) } = {}) =>
  rows.push({ figure, widget: w, vanilla: v, naive, ratio: r == null ? null : round(r, 2), target, met, text: [figure, w == null ? '–' : fmt(w), v == null ? '–' : fmt(v), r == null ? '–' : `${r.toFixed(2)}×`, naive == null ? '' : fmt(naive), target, met == null ? '' : met ? 'yes' : 'NO'] });
const section = (title) => rows.push({ section: title });

if (!PHONE_ONLY) {
  const B = results.bytes;
  section('1. bytes (standalone page: index.html + loader + glue + wasm + css; vanilla: index.html + app.js + dataset JSON)');
  row('total download, brotli q11', B.widget.standalone.total.brotli, B.vanilla.total.brotli, kb, { target: '≤ 60 KB (stretch 45)', met: B.widget.standalone.total.brotli <= 60 * KB });
  row('  stretch target', B.widget.standalone.total.brotli, B.vanilla.total.brotli, kb, { target: '≤ 45 KB', met: B.widget.standalone.total.brotli <= 45 * KB });
  row('total download, gzip -9', B.widget.standalone.total.gzip, B.vanilla.total.gzip, kb);
  row('total download, raw', B.widget.standalone.total.raw, B.vanilla.total.raw, kb);
  if (B.widget.wasm) {
    // What the total is made of: a floor no code change moves (the dataset and the interface's texts ship in
    // the wasm's data) and the code (the framework's and the widget's).
    row('  wasm data (dataset, texts in 2 languages), brotli', B.widget.wasm.data, null, kb, { r: null });
    row('    of which the bundled dataset alone', B.widget.wasm.dataset, null, kb, { r: null });
    row('  wasm code, brotli', B.widget.wasm.code, null, kb, { r: null });
  }
  if (B.widget.embed) row('embed.js (host pages), brotli', B.widget.embed.brotli, null, kb, { target: '', r: null });

  const F = results.firstCard;
  section(`2. time to first card (median of fresh loads, ×${THROTTLE} CPU, navigation start → first card in the DOM)`);
  row(`standalone page, 9 people (${F.standalone.widget.loads} loads)`, F.standalone.widget.median, F.standalone.vanilla.median, ms, { target: '≤ 2× vanilla', met: F.standalone.widget.median <= 2 * F.standalone.vanilla.median });
  row('  … to the next frame after it', F.standalone.widget.medianFrame, F.standalone.vanilla.medianFrame, ms);
  row(`npm mount, 10,000 people (${F.n10000.widget.loads} loads)`, F.n10000.widget.median, F.n10000.vanilla.median, ms, { target: '≤ 300 ms', met: F.n10000.widget.median <= 300 });
  row('  … wasm + dataset fetched (mount called)', F.n10000.widget.medianMountStart, null, ms, { r: null });
  row('  … mount() itself (synchronous)', F.n10000.widget.medianMountCall, null, ms, { r: null });

  section(`3. filter keystroke, input → next frame (${typing.length} keystrokes, ×${THROTTLE} CPU; "work" = input → effects + forced layout, no vsync wait;\n   naive vanilla = every match rendered, no paging)`);
  for (const n of SIZES) {
    const k = results.keystrokes[n];
    const [w, v, nv] = [k.widget, k.vanilla, k.naive];
    const label = n.toLocaleString('en-US');
    const flips = `widget: ${w.flips} flip, ${w.noChange} no-change of ${w.samples.length}`;
    row(`N=${label}: median`, w.median, v.median, ms, { naive: nv?.median, target: n === 1000 ? '≤ 1.5× vanilla' : '', met: n === 1000 ? w.median <= 1.5 * v.median : null });
    row(`N=${label}: p95`, w.p95, v.p95, ms, { naive: nv?.p95 });
    row(`N=${label}: max, grid-flipping keys (${flips})`, w.flipMax, v.flipMax, ms, { naive: nv?.flipMax, target: n >= 1000 ? '≤ 200 ms' : '', met: n >= 1000 ? w.flipMax <= 200 : null });
    if (n === 10_000) row(`N=${label}: max, every keystroke`, w.max, v.max, ms, { naive: nv?.max, target: '≤ 200 ms', met: w.max <= 200 });
    row(`N=${label}: max, no-change keys, work`, w.noChangeWorkMax, v.noChangeWorkMax, ms, { naive: nv?.noChangeWorkMax, target: '≤ 16 ms', met: w.noChangeWorkMax == null ? null : w.noChangeWorkMax <= 16 });
    row(`N=${label}: max, no-change keys, to next frame`, w.noChangeMax, v.noChangeMax, ms, { naive: nv?.noChangeMax });
  }

  const FL = results.floor;
  rows.push({ note: `  harness floor at ×${THROTTLE} (same procedure, an input with no listener): work median ${ms(FL.workMedian)}, max ${ms(FL.workMax)}; to next frame median ${ms(FL.median)}, max ${ms(FL.max)}` });

  const C = results.calculator;
  section(`4. calculator weeks field, input → next frame (${weeksTyping.length} values, ×${THROTTLE} CPU, standalone page)`);
  row('median', C.widget.median, C.vanilla.median, ms);
  row('p95', C.widget.p95, C.vanilla.p95, ms);
  row('median work (no vsync wait)', C.widget.workMedian, C.vanilla.workMedian, ms);

  const M = results.memory;
  section('5. memory after load: JS heap after forced GC + wasm linear memory');
  row('1,000 people', M[1000].widget.total, M[1000].vanilla.total, mb, { target: '≤ 3.5× vanilla', met: M[1000].widget.total <= 3.5 * M[1000].vanilla.total });
  row('  of which wasm memory', M[1000].widget.wasm, M[1000].vanilla.wasm, mb, { r: null });
  row('10,000 people', M[10000].widget.total, M[10000].vanilla.total, mb);
  row('  of which wasm memory', M[10000].widget.wasm, M[10000].vanilla.wasm, mb, { r: null });
  const L = results.leak;
  row('growth, filter cycle 5 → 20 (1,000 people)', L.widget.growthPct, L.vanilla.growthPct, pctf, { target: '< 5 %', met: L.widget.growthPct < 5, r: null });
  row('  JS heap alone', L.widget.heapGrowthPct, L.vanilla.heapGrowthPct, pctf, { r: null });
  row('  wasm memory alone', L.widget.wasmGrowthPct, null, pctf, { r: null });
  downloadRows(results.downloads);
}

const phoneFrom = rows.length;
const P = results.phone;
const cls = (x) => x.toFixed(3);
const net = P.settings.network;
section(`6. phone profile: ${P.settings.viewport.width}×${P.settings.viewport.height}, Slow 4G (${net.latency} ms RTT, ${round((net.downloadThroughput * 8) / 1024 / 1024, 2)} Mbps down, ${round((net.uploadThroughput * 8) / 1024, 0)} Kbps up), ×${P.settings.cpuThrottlingRate} CPU, brotli;
   median of ${P.settings.loads} fresh loads; ms from navigation start (standalone page, ?lang=en)`);
row('first card (a named card in the DOM)', P.widget.firstCard, P.vanilla.firstCard, ms, { target: '≤ 0.6× vanilla', met: P.widget.firstCard != null && P.vanilla.firstCard != null ? P.widget.firstCard <= 0.6 * P.vanilla.firstCard : null });
row('  first contentful paint', P.widget.fcp, P.vanilla.fcp, ms);
row('largest contentful paint', P.widget.lcp, P.vanilla.lcp, ms, { target: '≤ 1.0× vanilla', met: P.widget.lcp != null && P.vanilla.lcp != null ? P.widget.lcp <= P.vanilla.lcp : null });
row('cumulative layout shift (whole load, takeover + 1 s)', P.widget.cls, P.vanilla.cls, cls, { target: '≤ 0.01', met: P.widget.cls == null ? null : P.widget.cls <= 0.01, r: null });
row('  live (no baked view left; vanilla: first card)', P.widget.live, P.vanilla.live, ms);
row('bytes on the wire (every request, encoded)', P.widget.bytes, P.vanilla.bytes, kb);
row(`search answers "${P.settings.query}" (typed when the box is in the DOM)`, P.widget.answer, P.vanilla.answer, ms);
row('  … search box in the DOM', P.widget.searchInDom, P.vanilla.searchInDom, ms);
row(`  … "${P.settings.query}" typed (last key down)`, P.widget.lastKey, P.vanilla.lastKey, ms);
const tableRows = (rs) => rs.filter((r) => r.text).map(({ text, ...r }) => r);
if (!PHONE_ONLY) results.table = tableRows(rows.slice(0, phoneFrom));
P.table = tableRows(rows.slice(phoneFrom));

const header = ['figure', 'widget', 'vanilla', 'ratio', 'naive vanilla', 'target', 'met'];
const cells = rows.filter((r) => r.text).map((r) => r.text);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
const line = (c) => c.map((x, i) => (i === 0 || i >= 5 ? String(x).padEnd(widths[i]) : String(x).padStart(widths[i]))).join('  ').trimEnd();
const measured = PHONE_ONLY ? ' — phone profile only' : ` (measured ×${results.throttleCheck.measuredRate})`;
console.log(`make bench — ${results.date} — ${results.chromium} — ${results.cpu.model} ×${results.cpu.count} — CPU throttling ×${THROTTLE}${measured}${QUICK ? ' — QUICK' : ''}`);
if (!PHONE_ONLY) {
  console.log(`\nrelease build (${results.dist}/), bytes per file:`);
  console.log(sizeTable(results.bytes.widget.files));
  console.log('vanilla page, bytes per file:');
  console.log(sizeTable(results.bytes.vanilla.files));
}
console.log('');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(r.section ? `\n${r.section}` : r.note ?? line(r.text));
const notes = [];
for (const n of PHONE_ONLY ? [] : SIZES) {
  const k = results.keystrokes[n];
  for (const [who, s] of Object.entries({ widget: k.widget, vanilla: k.vanilla, naive: k.naive })) if (s?.late) notes.push(`N=${n} ${who}: ${s.late} keystroke(s) changed the page after the measurement ended`);
  if (k.countMismatches.length) notes.push(`N=${n}: widget and vanilla counts differ for ${k.countMismatches.map((m) => JSON.stringify(m.value)).join(', ')}`);
}
for (const who of ['widget', 'vanilla']) {
  const w = P[who];
  if (w.unanswered) notes.push(`phone ${who}: ${w.unanswered} of ${P.settings.loads} typed searches never showed one card within ${P.settings.timeoutMs / 1000} s (median shown as –)`);
  const plain = w.requests.filter((r) => r.path !== 'data:' && r.encoding !== 'br').map((r) => r.path);
  if (plain.length) notes.push(`phone ${who}: not brotli on the wire: ${plain.join(', ')}`);
}
const datasets = PHONE_ONLY ? '' : `synthetic datasets: ${SIZES.map((n) => `${n.toLocaleString('en-US')} people = ${mb(datasetBytes[n])} JSON`).join(', ')}; `;
console.log(`\n${datasets}load average ${results.cpu.loadavgStart.join(' ')} → ${results.cpu.loadavgEnd.join(' ')}; ${results.seconds} s; dist: ${results.dist}/`);
for (const n of notes) console.log(`note: ${n}`);
P.notes = notes.filter((n) => n.startsWith('phone'));
if (PHONE_ONLY) {
  // Only the phone numbers are new: they replace the `phone` key of the existing file (which keeps its own date).
  const previous = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : {};
  writeFileSync(OUT, `${JSON.stringify({ ...previous, phone: P }, null, 2)}\n`);
} else {
  results.notes = notes;
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
}
console.log(`raw numbers: ${OUT}`);
