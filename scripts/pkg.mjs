// Finishes the npm package that wasm-pack wrote to pkg/: adds the stylesheet (for hosts whose CSP forbids
// the injected <style>), the <msl-departures> custom element (npm/element.js, exported as msl-departures/element),
// the licences, replaces the crate README with the package README, lets the glue find its wasm under Vite's dev
// server, and completes package.json (the fields a registry page shows).
// Usage: node scripts/pkg.mjs [pkg]
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const NAME = 'msl-departures';
const dir = resolve(root, process.argv[2] ?? 'pkg');
const manifestPath = join(dir, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

copyFileSync(join(root, 'style/widget.css'), join(dir, 'widget.css'));
copyFileSync(join(root, 'npm/README.md'), join(dir, 'README.md'));
for (const f of ['element.js', 'element.d.ts']) copyFileSync(join(root, 'npm', f), join(dir, f));
// Code MIT, the bundled dataset (compiled into the wasm) CC BY 4.0: both texts travel with the package.
for (const f of ['LICENSE', 'LICENSE-DATA']) copyFileSync(join(root, f), join(dir, f));

// wasm-pack names the package after npm/'s build crate; the version is the widget crate's (root Cargo.toml).
const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const js = manifest.module ?? 'msl_departures.js';
const types = manifest.types ?? 'msl_departures.d.ts';
const wasmFile = manifest.files?.find((f) => f.endsWith('_bg.wasm')) ?? 'msl_departures_bg.wasm';
patchGlue(join(dir, js), wasmFile);
const files = new Set([...(manifest.files ?? []), 'widget.css', 'element.js', 'element.d.ts', 'README.md', 'LICENSE', 'LICENSE-DATA']);
const out = {
  ...manifest,
  name: NAME,
  version,
  description: 'Who left Meta Superintelligence Labs in 2025: a sourced, bilingual (zh/en) WebAssembly widget. mount(element, options) / unmount().',
  // The code is MIT; the dataset inside the wasm is CC BY 4.0 (LICENSE-DATA).
  license: 'MIT AND CC-BY-4.0',
  keywords: ['widget', 'webassembly', 'wasm', 'leptos', 'rust', 'embed', 'news', 'data-journalism', 'fact-check', 'bilingual', 'chinese', 'meta', 'superintelligence', 'ai'],
  // No repository, homepage or author: the project has not published any URL for them yet.
  type: 'module',
  files: [...files].sort(),
  module: js,
  types,
  exports: {
    '.': { types: `./${types}`, default: `./${js}` },
    // Importing it registers <msl-departures>.
    './element': { types: './element.d.ts', default: './element.js' },
    './widget.css': './widget.css',
    // Hosts that serve or pass the module themselves: init({ module_or_path: new URL(...) }).
    './msl_departures_bg.wasm': './msl_departures_bg.wasm',
    './package.json': './package.json',
  },
  style: 'widget.css',
  // wasm-pack's own list (its snippets) plus the imports with an effect: the stylesheet, and the element's
  // registration, which a bundler would otherwise drop from `import 'msl-departures/element'`.
  sideEffects: [...new Set([...(manifest.sideEffects ?? []), './widget.css', './element.js'])],
};
/** wasm-bindgen's glue finds its wasm at `new URL('…_bg.wasm', import.meta.url)`. Vite's dev server pre-bundles
 *  dependencies into node_modules/.vite/deps/ without their assets (vitejs/vite#8427, fixed only in Vite 8), so that URL
 *  answers with the app's HTML ("expected magic word 00 61 73 6d"). When the URL lands there, point it back at the
 *  package's own folder beside it. The original expression stays as it is: webpack and `vite build` recognise
 *  exactly that form and emit the wasm as an asset. */
function patchGlue(file, wasm) {
  const glue = readFileSync(file, 'utf8');
  if (glue.includes('const prebundled =')) return; // already done (pkg.mjs run twice)
  const original = `module_or_path = new URL('${wasm}', import.meta.url);`;
  if (!glue.includes(original)) throw new Error(`${file}: the glue no longer loads its wasm with \`${original}\``);
  const patched = String.raw`${original}
        const prebundled = /^(.*\/node_modules\/)\.vite\/deps[^/]*\/[^/]*$/.exec(module_or_path.pathname);
        if (prebundled) module_or_path = new URL(prebundled[1] + '${NAME}/${wasm}', module_or_path);`;
  writeFileSync(file, glue.replace(original, patched));
}

for (const f of out.files) readFileSync(join(dir, f)); // fail now, not at install time, if a listed file is missing
writeFileSync(manifestPath, `${JSON.stringify(out, null, 2)}\n`);
console.log(`pkg ready: ${out.name}@${out.version} (${out.files.join(', ')})`);
