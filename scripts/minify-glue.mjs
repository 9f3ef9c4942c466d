// Minifies the wasm-bindgen JS glue in a Trunk release build and rewrites its integrity hash.
// Trunk's own minifier (minify-js) fails on the glue's `export default` and silently copies it
// unminified (50 KB raw); terser handles it. The glue is preloaded with a sha384 integrity
// attribute, so the hash in index.html is replaced with the new file's.
// Usage: node scripts/minify-glue.mjs [dir=dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] ?? 'dist';
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
const glueFiles = readdirSync(dir).filter((f) => /^msl-departures-[0-9a-f]+\.js$/.test(f));
if (glueFiles.length !== 1) throw new Error(`expected one glue file in ${dir}, found ${glueFiles.join(', ') || 'none'}`);
const gluePath = join(dir, glueFiles[0]);
const htmlPath = join(dir, 'index.html');
const before = readFileSync(gluePath);
let html = readFileSync(htmlPath, 'utf8');
const oldHash = sri(before);
if (!html.includes(oldHash)) throw new Error(`index.html does not carry the glue's integrity hash ${oldHash}`);
const { code } = await minify(before.toString(), { module: true, compress: true, mangle: true });
const after = Buffer.from(code);
writeFileSync(gluePath, after);
html = html.replaceAll(oldHash, sri(after));
writeFileSync(htmlPath, html);
console.log(`${glueFiles[0]}: ${before.length} -> ${after.length} bytes, integrity updated`);
