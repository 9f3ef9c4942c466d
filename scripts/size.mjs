// Prints raw, gzip and brotli bytes of every file in a build folder and the total a reader downloads.
// Usage: node scripts/size.mjs [dir=dist] [--budget-brotli BYTES] [--json FILE]
// With --budget-brotli the exit code is 1 when the brotli total exceeds the budget (deterministic, so
// `make test` may assert it).
// Also a module: `measureFiles(paths, base)`, `measureDir(dir)` and `sizeTable(rows)` are used by scripts/bench.mjs.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

function* walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (name.startsWith('.')) continue; // Trunk's .stage and similar are not served
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

/** Every file of `dir` (dot-files skipped) and their total. */
export function measureDir(dir) {
  const rows = [...walk(dir)].map((file) => measureFile(file, dir));
  return { dir, files: rows, total: sumRows(rows) };
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

function main(argv) {
  const args = argv.slice();
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const budget = flag('--budget-brotli');
  const jsonOut = flag('--json');
  const dir = args[0] ?? 'dist';
  const { files: rows, total } = measureDir(dir);
  console.log(sizeTable(rows, total));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ dir, files: rows, total }, null, 2));
  if (budget !== undefined) {
    const limit = Number(budget);
    if (!(total.brotli <= limit)) {
      console.error(`size budget exceeded: ${total.brotli} B brotli > ${limit} B`);
      process.exit(1);
    }
    console.log(`size budget ok: ${total.brotli} B brotli <= ${limit} B`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
