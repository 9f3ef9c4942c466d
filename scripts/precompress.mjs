// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every compressible file of a build folder,
// for servers that send precompressed files as they are (nginx brotli_static/gzip_static, Caddy's precompressed,
// most CDNs' "serve pre-compressed"): the best compression once at build time instead of a fast one per request.
// A copy that would not be smaller is not written (the server then sends the file itself). Stale copies from an
// earlier run are removed first. scripts/size.mjs ignores the copies, so no size is counted twice.
// Usage: node scripts/precompress.mjs [dir=dist]
// Also a module: `isCompressible(name)` and `isCopy(name)` say which files get copies and which are copies.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

// Text, and wasm (binary but compressible: the largest file of the build, a third of its raw size in brotli).
// Images, fonts and archives are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg', '.txt', '.xml', '.map', '.wasm']);

export const isCopy = (name) => name.endsWith('.br') || name.endsWith('.gz');
export const isCompressible = (name) => !isCopy(name) && COMPRESSIBLE.has(extname(name).toLowerCase());

function* walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (name.startsWith('.')) continue; // Trunk's .stage and similar are not served
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Compresses every file of `dir`; returns `[{ file, raw, br, gz }]` (null where no copy was written). */
export function precompress(dir) {
  const files = [...walk(dir)];
  for (const f of files.filter(isCopy)) rmSync(f);
  const out = [];
  for (const file of files.filter(isCompressible)) {
    const body = readFileSync(file);
    // The parameters the e2e harness's brotli server uses (tests/e2e/harness.mjs), so its bytes are these.
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    const gz = gzipSync(body, { level: 9 });
    const row = { file, raw: body.length, br: null, gz: null };
    if (br.length < body.length) writeFileSync(`${file}.br`, br), (row.br = br.length);
    if (gz.length < body.length) writeFileSync(`${file}.gz`, gz), (row.gz = gz.length);
    out.push(row);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2] ?? 'dist';
  const rows = precompress(dir);
  const written = rows.reduce((n, r) => n + (r.br !== null) + (r.gz !== null), 0);
  console.log(`precompressed ${rows.length} files of ${dir}: ${written} .br/.gz copies`);
}
