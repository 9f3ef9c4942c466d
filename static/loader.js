// Starts the standalone page under a strict CSP (script-src 'self'): Trunk's default starter is an
// inline module script, which that policy forbids, so Trunk.toml's pattern_script writes
// <script type="module" src="loader.js" data-glue="…" data-wasm="…"> instead, naming the hashed files
// (Trunk still preloads both with integrity hashes). This file is static: it never changes per build.
//
// When the WebAssembly cannot start (no WebAssembly, a policy without 'wasm-unsafe-eval', a failed
// download), the baked view stays: its notice is shown, and boot.js tells an embedding page.
const tag = document.querySelector('script[data-glue][data-wasm]');
if (tag) {
  try {
    if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available');
    const glue = await import(tag.dataset.glue);
    await glue.default({ module_or_path: tag.dataset.wasm });
  } catch (error) {
    // Only while the baked view is still there: after the takeover, panic_fallback.rs reports its own failure.
    const notices = document.querySelectorAll('[data-mslw-baked]:not(template) [data-testid=static-notice]');
    if (notices.length) {
      console.warn('msl-departures: the interactive parts could not start;', String(error));
      document.documentElement.setAttribute('data-mslw-static', '');
      notices.forEach((n) => { n.hidden = false; });
      document.dispatchEvent(new Event('msl-departures:static'));
    } else {
      throw error;
    }
  }
}
