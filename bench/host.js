// Mounts the npm package on the dataset named by ?src= (the file's bytes, fetched in parallel with the wasm: the
// package's fastest input, as the vanilla page's is `response.json()`) and exposes what the benchmark reads:
// window.__bench = { wasm, problems, handle, mountStart, mountEnd }.
import init, { mount } from '../pkg/msl_departures.js';

async function start() {
  const src = new URLSearchParams(location.search).get('src') ?? new URL('../data/departures.json', import.meta.url).href;
  // The bytes live only in this function, so after mount() only the widget holds the dataset.
  const [wasm, bytes] = await Promise.all([init(), fetch(src).then((r) => r.arrayBuffer())]);
  const mountStart = performance.now();
  const handle = mount(document.getElementById('widget'), { dataset: bytes, lang: 'en' });
  return { wasm, problems: handle.problems, handle, mountStart, mountEnd: performance.now() };
}
window.__bench = await start();
