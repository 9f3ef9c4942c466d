// Finishes the npm package that wasm-pack wrote to pkg/: adds the stylesheet (for hosts whose CSP forbids
// the injected <style>), replaces the crate README with the package README, and completes package.json.
// Usage: node scripts/pkg.mjs [pkg]
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, process.argv[2] ?? 'pkg');
const manifestPath = join(dir, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

copyFileSync(join(root, 'style/widget.css'), join(dir, 'widget.css'));
copyFileSync(join(root, 'npm/README.md'), join(dir, 'README.md'));

const js = manifest.module ?? 'msl_departures.js';
const types = manifest.types ?? 'msl_departures.d.ts';
const files = new Set([...(manifest.files ?? []), 'widget.css', 'README.md']);
const out = {
  name: 'msl-departures',
  ...manifest,
  description: 'Who left Meta Superintelligence Labs in 2025: a sourced, bilingual (zh/en) WebAssembly widget. mount(element, options) / unmount().',
  type: 'module',
  files: [...files].sort(),
  module: js,
  types,
  exports: {
    '.': { types: `./${types}`, default: `./${js}` },
    './widget.css': './widget.css',
    // Hosts that serve or pass the module themselves: init({ module_or_path: new URL(...) }).
    './msl_departures_bg.wasm': './msl_departures_bg.wasm',
    './package.json': './package.json',
  },
  style: 'widget.css',
  // wasm-pack's own list (its snippets) plus the stylesheet, the one import with an effect.
  sideEffects: [...new Set([...(manifest.sideEffects ?? []), './widget.css'])],
};
for (const f of out.files) readFileSync(join(dir, f)); // fail now, not at install time, if a listed file is missing
writeFileSync(manifestPath, `${JSON.stringify(out, null, 2)}\n`);
console.log(`pkg ready: ${out.name}@${out.version} (${out.files.join(', ')})`);
