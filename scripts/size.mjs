// Prints raw, gzip and brotli bytes of every file in a build folder and the total a reader downloads.
// Usage: node scripts/size.mjs [dir=dist] [--budget-brotli BYTES] [--json FILE]
// With --budget-brotli the exit code is 1 when the brotli total exceeds the budget (deterministic, so
// `make test` may assert it).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const budget = flag('--budget-brotli');
const jsonOut = flag('--json');
const dir = args[0] ?? 'dist';

function* walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (name.startsWith('.')) continue; // Trunk's .stage and similar are not served
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const rows = [];
for (const file of walk(dir)) {
  const buf = readFileSync(file);
  rows.push({
    file: relative(dir, file),
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const fmt = (n) => n.toLocaleString('en-US').padStart(10);
const width = Math.max(5, ...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
console.log(`${'total'.padEnd(width)} ${fmt(total.raw)} ${fmt(total.gzip)} ${fmt(total.brotli)}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ dir, files: rows, total }, null, 2));
if (budget !== undefined) {
  const limit = Number(budget);
  if (!(total.brotli <= limit)) {
    console.error(`size budget exceeded: ${total.brotli} B brotli > ${limit} B`);
    process.exit(1);
  }
  console.log(`size budget ok: ${total.brotli} B brotli <= ${limit} B`);
}
