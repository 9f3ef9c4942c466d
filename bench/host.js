// Mounts the npm package on the dataset named by ?src= (JSON text, fetched in parallel with the wasm) and exposes
// what the benchmark reads: window.__bench = { wasm, problems, handle, mountStart, mountEnd }.
import init, { mount } from '../pkg/msl_departures.js';

async function start() {
  const src = new URLSearchParams(location.search).get('src') ?? new URL('../data/departures.json', import.meta.url).href;
  // The text lives only in this function, so after mount() only the widget holds the dataset.
  const [wasm, text] = await Promise.all([init(), fetch(src).then((r) => r.text())]);
  const mountStart = performance.now();
  const handle = mount(document.getElementById('widget'), { dataset: text, lang: 'en' });
  return { wasm, problems: handle.problems, handle, mountStart, mountEnd: performance.now() };
}
window.__bench = await start();
