// Prints raw, gzip and brotli bytes of every file in a build folder and the total a reader downloads, then the
// view baked into index.html on its own lines, and the data files for download (outside the total).
// Usage: node scripts/size.mjs [dir=dist] [--budget-brotli BYTES] [--json FILE] [--pkg DIR]
// With --pkg (the npm package folder, `make pkg`) it also prints the package's wasm beside the page's, and the gap.
// With --budget-brotli the exit code is 1 when the brotli total exceeds the budget (deterministic, so
// `make test` may assert it).
// Also a module: `measureFiles(paths, base)`, `measureDir(dir)` and `sizeTable(rows)` are used by scripts/bench.mjs.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { isCopy } from './precompress.mjs';

function* walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (name.startsWith('.')) continue; // Trunk's .stage and similar are not served
    if (isCopy(name)) continue; // precompressed copies (scripts/precompress.mjs): the same bytes, already counted as gzip/brotli
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Raw, gzip (level 9) and brotli (quality 11) bytes of one file, named relative to `base`. */
export function measureFile(file, base) {
  const buf = readFileSync(file);
  return {
    file: relative(base, file),
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const sumRows = (rows) =>
  rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** The data files the build writes for download (src/bake.rs): fetched only when a reader asks for them. */
const isDownload = (name) => /^msl-departures-[0-9-]+\.(csv|json)$/.test(name);

/** Every file of `dir` (dot-files skipped) and their total; the data downloads are listed apart, outside the total. */
export function measureDir(dir) {
  const all = [...walk(dir)].map((file) => measureFile(file, dir));
  const rows = all.filter((r) => !isDownload(r.file));
  return { dir, files: rows, downloads: all.filter((r) => isDownload(r.file)), baked: bakedParts(dir), total: sumRows(rows) };
}

/** The view baked into index.html, English and the Chinese template, and the inlined stylesheet, each measured alone
 *  (they are part of index.html). */
export function bakedParts(dir) {
  let html;
  try {
    html = readFileSync(join(dir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  const en = html.indexOf('<div class="mslw-baked" data-mslw-baked="en">');
  const zh = html.indexOf('<template data-mslw-baked="zh">');
  const end = html.indexOf('</template>', zh);
  if (en < 0 || zh < en || end < zh) return [];
  const part = (file, text) => {
    const buf = Buffer.from(text);
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotli(buf) };
  };
  const parts = [part('  of which the baked view (en)', html.slice(en, zh)), part('  of which its Chinese template', html.slice(zh, end + 11))];
  // The stylesheets the build inlined (bake.rs), which the page no longer requests.
  const style = html.match(/<style>([\s\S]*?)<\/style>/);
  if (style) parts.push(part('  of which the inlined stylesheet', style[1]));
  return parts;
}

const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** A wasm module's code (function bodies) and data (static bytes: the bundled dataset, the interface's texts in
 *  both languages, messages) brotli'd apart, and the bundled dataset alone (`datasetFile`, as the build
 *  minifies it): what the byte total is made of. Apart, the parts compress slightly worse than together. */
export function wasmComposition(wasmFile, datasetFile) {
  const buf = readFileSync(wasmFile);
  const parts = { code: [], data: [] };
  let pos = 8;
  const leb = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = buf[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
    }
  };
  while (pos < buf.length) {
    const id = buf[pos++];
    const size = leb();
    if (id === 10) parts.code.push(buf.subarray(pos, pos + size));
    if (id === 11) parts.data.push(buf.subarray(pos, pos + size));
    pos += size;
  }
  const dataset = Buffer.from(JSON.stringify(JSON.parse(readFileSync(datasetFile, 'utf8'))));
  return { code: brotli(Buffer.concat(parts.code)), data: brotli(Buffer.concat(parts.data)), dataset: brotli(dataset) };
}

/** The rows and their total as an aligned text table. */
export function sizeTable(rows, total = sumRows(rows)) {
  const fmt = (n) => n.toLocaleString('en-US').padStart(10);
  const width = Math.max(5, ...rows.map((r) => r.file.length));
  const lines = [`${'file'.padEnd(width)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`];
  for (const r of rows) lines.push(`${r.file.padEnd(width)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
  lines.push(`${'total'.padEnd(width)} ${fmt(total.raw)} ${fmt(total.gzip)} ${fmt(total.brotli)}`);
  return lines.join('\n');
}

/** The npm package's wasm beside the page's (both built with wasm-opt -Oz): the package adds mount()/unmount(), option
 *  checking and the injected stylesheet. Returns `{ rows, table }`: the two files, their gap and each one's code and
 *  data sections (brotli'd apart, as wasmComposition). */
export function packageWasm(dir, pkgDir, rows = measureDir(dir).files) {
  const page = rows.find((r) => r.file.endsWith('_bg.wasm'));
  const pkgName = readdirSync(pkgDir).find((f) => f.endsWith('_bg.wasm'));
  if (!page || !pkgName) throw new Error(`no _bg.wasm in ${page ? pkgDir : dir}`);
  const pkg = measureFile(join(pkgDir, pkgName), resolve(pkgDir, '..'));
  const gap = { file: 'package − page', raw: pkg.raw - page.raw, gzip: pkg.gzip - page.gzip, brotli: pkg.brotli - page.brotli };
  // The package carries the widget's stylesheet inside its wasm; the page carries it in its HTML. Like for like, the
  // page's side is its wasm plus that stylesheet (which there also holds the page's own few rules).
  const style = bakedParts(dir).find((p) => p.file.endsWith('the inlined stylesheet'));
  const likeForLike = style && { file: 'package − (page + the stylesheet in its HTML)', raw: gap.raw - style.raw, gzip: gap.gzip - style.gzip, brotli: gap.brotli - style.brotli };
  const dataset = resolve(import.meta.dirname, '../data/departures.json');
  const parts = (label, file) => {
    const c = wasmComposition(file, dataset);
    return `${label}: code ${c.code.toLocaleString('en-US')}, data ${c.data.toLocaleString('en-US')} B brotli`;
  };
  const table = sizeTable([{ ...page, file: `page ${page.file}` }, { ...pkg, file: `npm ${pkg.file}` }, gap, ...(likeForLike ? [likeForLike] : [])], sumRows([]))
    .split('\n')
    .slice(0, -1)
    .join('\n');
  return {
    rows: { page, package: pkg, gap, ...(likeForLike && { likeForLike }) },
    table: `${table}\n${parts('  page', join(dir, page.file))}\n${parts('  npm ', join(pkgDir, pkgName))}`,
  };
}

function main(argv) {
  const args = argv.slice();
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const budget = flag('--budget-brotli');
  const pageWasmBudget = flag('--budget-page-wasm');
  const pkgWasmBudget = flag('--budget-pkg-wasm');
  const jsonOut = flag('--json');
  const pkgDir = flag('--pkg');
  const dir = args[0] ?? 'dist';
  const { files: rows, downloads, baked, total } = measureDir(dir);
  console.log(sizeTable(rows, total));
  const listed = [...baked, ...downloads.map((r) => ({ ...r, file: `${r.file} (download, not in the total)` }))];
  if (listed.length) console.log(sizeTable(listed, sumRows([])).split('\n').slice(1, -1).join('\n'));
  const pkg = pkgDir === undefined ? undefined : packageWasm(dir, pkgDir, rows);
  if (pkg) console.log(`\n${pkg.table}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ dir, files: rows, downloads, baked, total, ...(pkg && { package: pkg.rows }) }, null, 2));
  if (pkgWasmBudget !== undefined && !pkg) throw new Error('--budget-pkg-wasm needs --pkg');
  const checks = [
    [budget, total.brotli, 'size budget'],
    [pageWasmBudget, rows.find((r) => r.file.endsWith('_bg.wasm'))?.brotli, "the page's wasm"],
    [pkgWasmBudget, pkg?.rows.package.brotli, "the package's wasm"],
  ];
  let over = false;
  for (const [limit, bytes, what] of checks) {
    if (limit === undefined) continue;
    const ok = bytes <= Number(limit);
    (ok ? console.log : console.error)(`${what} ${ok ? 'ok' : 'exceeded'}: ${bytes} B brotli ${ok ? '<=' : '>'} ${Number(limit)} B`);
    over ||= !ok;
  }
  if (over) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
