// Starts the standalone page under a strict CSP (script-src 'self'): Trunk's default starter is an
// inline module script, which that policy forbids, so Trunk.toml's pattern_script writes
// <script type="module" src="loader.js" data-glue="…" data-wasm="…"> instead, naming the hashed files
// (Trunk still preloads both with integrity hashes). This file is static: it never changes per build.
const tag = document.querySelector('script[data-glue][data-wasm]');
if (tag) {
  const glue = await import(tag.dataset.glue);
  await glue.default({ module_or_path: tag.dataset.wasm });
}
