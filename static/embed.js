/*! msl-departures embed.js v1: <div data-msl-departures-embed data-src="URL"> becomes an iframe sized by its messages. */
(function (w, d) {
  'use strict';
  var K = '__mslDeparturesEmbed', A = 'data-msl-departures-embed', frames = [], n = 0;
  // A second copy of this script only picks up placeholders added since: no new listener, nothing redone.
  if (w[K]) return w[K]();
  function scan() {
    var els = d.querySelectorAll('[' + A + ']:not([' + A + '-ready])');
    for (var i = 0; i < els.length; i++) setup(els[i]);
  }
  function setup(el) {
    var u, f = d.createElement('iframe'), id = 'msl' + ++n;
    try { u = new URL(el.getAttribute('data-src'), d.baseURI); } catch (e) { return; }
    if (!/^https?:$/.test(u.protocol)) return;
    el.setAttribute(A + '-ready', '');
    // The widget echoes the id and posts to exactly this origin; the fragment never reaches a server.
    u.hash = 'embed-id=' + id + '&embed-origin=' + encodeURIComponent(location.origin);
    f.src = u.href;
    f.title = el.getAttribute('data-title') || 'Who left Meta Superintelligence Labs: sourced, interactive · 谁离开了 Meta 超级智能实验室';
    f.loading = 'lazy';
    // allow-scripts: the widget is WebAssembly + JS. allow-same-origin: it keeps its own origin, so it can
    // load its files and its messages carry an origin to check. allow-popups(-to-escape-sandbox): source
    // links open in a normal new tab. Nothing else: no forms, no top navigation, no modals, no downloads.
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    f.style.cssText = 'display:block;width:100%;border:0;height:600px';
    el.appendChild(f);
    frames.push({ f: f, o: u.origin, id: id, el: el });
  }
  // Only messages from our iframe's window and exact origin, shaped {type, v:1, id}, do anything:
  // "msl-departures:height" with a finite height 0..100000 sizes the iframe (clamped to 100..20000 px);
  // "msl-departures:error" (the widget stopped after an internal error and says so itself) becomes a
  // bubbling "msl-departures:error" DOM event on the placeholder, for the host's own handling.
  w.addEventListener('message', function (e) {
    for (var i = 0, r, m, h; i < frames.length; i++) {
      r = frames[i];
      if (!r.f.contentWindow || e.source !== r.f.contentWindow) continue;
      m = e.data;
      if (e.origin !== r.o || !m || typeof m !== 'object' || m.v !== 1 || m.id !== r.id) return;
      h = m.height;
      if (m.type === 'msl-departures:height' && typeof h === 'number' && h >= 0 && h <= 1e5) {
        r.f.style.height = Math.min(2e4, Math.max(100, Math.ceil(h))) + 'px';
      } else if (m.type === 'msl-departures:error') {
        r.el.dispatchEvent(new CustomEvent('msl-departures:error', { bubbles: true }));
      }
      return;
    }
  });
  Object.defineProperty(w, K, { value: scan });
  scan();
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', scan);
})(window, document);
