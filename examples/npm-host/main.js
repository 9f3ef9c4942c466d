// Mounts two widgets from the npm package. The first takes its initial view from this page's query
// string and writes every change back (history.replaceState); the second is independent.
import init, { mount } from './node_modules/msl-departures/msl_departures.js';

const status = document.getElementById('status');
try {
  await init(); // fetches msl_departures_bg.wasm next to the module (same origin, no third party)
  const changes = [];
  const a = mount(document.getElementById('widget-a'), {
    lang: 'en',
    state: location.search || 'dest=openai',
    onChange(query, state) {
      changes.push({ query, state });
      history.replaceState(null, '', query ? `?${query}` : location.pathname);
    },
  });
  const b = mount(document.getElementById('widget-b'), { lang: 'zh', theme: 'light', state: { sort: 'name' } });
  document.getElementById('unmount-a').addEventListener('click', () => a.unmount());
  // Exposed for the browser console and the end-to-end test.
  window.mslExample = { mount, handles: { a, b }, changes };
  status.textContent = 'Two widgets mounted.';
} catch (e) {
  status.textContent = `Could not start the widgets: ${e.message}`;
  throw e;
}
