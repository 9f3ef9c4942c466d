/*! msl-departures embed.js v1 */
// <div data-msl-departures-embed data-src="URL"> becomes a self-sizing iframe.
(function (w, d) {
  'use strict';
  // H: the placeholder's height until the widget reports its own, near the widget's on a phone, so that the frame
  // loading moves little on the page.
  var P = 'msl-departures', K = '__mslDeparturesEmbed', A = 'data-' + P + '-embed', W = P + ' embed.js: ', H = 3000, T = 'Who left Meta Superintelligence Labs · 谁离开了Meta超级智能实验室', frames = [], folders = [], warned = [], n = 0;
  // Only widgets from the folder this script was loaded from are framed: a page that shows sanitised user HTML
  // keeps data-* attributes, and a placeholder pointing elsewhere must not become a scripted iframe.
  var me = d.currentScript, folder = null;
  try { folder = me && me.src ? new URL('.', me.src).href : null; } catch (e) { /* no folder: nothing is framed */ }
  // A second copy of this script adds its folder and picks up placeholders added since: no new listener. Only our
  // own property counts: an element with this id or name shadows window's named property, and is not a function.
  var own = Object.getOwnPropertyDescriptor(w, K);
  if (own && typeof own.value === 'function') return own.value(folder);
  function add(f) {
    if (f && folders.indexOf(f) < 0) folders.push(f);
    scan();
  }
  function scan() {
    var els = d.querySelectorAll('[' + A + ']:not([' + A + '-ready])');
    for (var i = 0; i < els.length; i++) setup(els[i]);
  }
  function inFolder(href) {
    return folders.some(function (f) { return href.indexOf(f) === 0; });
  }
  function setup(el) {
    var u, f, s, a, id, src = el.getAttribute('data-src'), top = el.getAttribute('data-scroll-margin');
    try { u = new URL(src, d.baseURI); } catch (e) { u = null; }
    if (!u || !/^https?:$/.test(u.protocol) || !inFolder(u.href)) {
      if (warned.indexOf(el) < 0) {
        warned.push(el);
        console.warn(W + 'no iframe, data-src is outside ' + folders + ': ' + src);
      }
      return;
    }
    f = d.createElement('iframe');
    id = 'msl' + ++n;
    el.setAttribute(A + '-ready', '');
    // Printed in the frame's place: a frame prints at its screen height and would cut the widget off silently.
    s = d.createElement('p');
    a = d.createElement('a');
    a.href = a.textContent = u.href;
    s.append((el.getAttribute('data-title') || T) + ': not printed here · 此处不打印: ', a);
    s.style.display = 'none';
    // The widget echoes the id and posts to exactly this origin, and keeps what it scrolls to below the host's
    // sticky header (data-scroll-margin, in px); the fragment never reaches a server.
    u.hash = 'embed-id=' + id + '&embed-origin=' + encodeURIComponent(location.origin) + (/^\d{1,4}$/.test(top) ? '&embed-top=' + top : '');
    f.src = u.href;
    f.title = el.getAttribute('data-title') || T;
    f.loading = 'lazy';
    // allow-scripts: the widget is WebAssembly + JS. allow-same-origin: it keeps its own origin, so it can
    // load its files and its messages carry an origin to check. allow-popups(-to-escape-sandbox): source
    // links open in a normal new tab. Nothing else: no forms, no top navigation, no modals, no downloads.
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    // Share and Copy inside the widget.
    f.setAttribute('allow', 'clipboard-write; web-share');
    f.style.cssText = 'display:block;width:100%;border:0;height:' + H + 'px';
    el.append(f, s);
    frames.push({ f: f, o: u.origin, id: id, el: el, s: s });
  }
  // Only messages from our iframe's window and exact origin, shaped {type, v:1, id}, do anything:
  // "msl-departures:height" with a finite height 0..100000 sizes the iframe (clamped to 100..20000 px);
  // "msl-departures:error" (the widget stopped after an internal error and says so itself) becomes a
  // bubbling "msl-departures:error" DOM event on the placeholder, for the host's own handling.
  w.addEventListener('message', function (e) {
    for (var i = 0, r, m, h, b; i < frames.length; i++) {
      r = frames[i];
      if (!r.f.contentWindow || e.source !== r.f.contentWindow) continue;
      m = e.data;
      // Our iframe's window, another origin: data-src redirected, so no message is accepted and the iframe keeps
      // its 600px. Said once per iframe.
      if (e.origin !== r.o && !r.w) r.w = console.warn(W + 'ignored messages from ' + e.origin + ', not ' + r.o + ': does data-src redirect? Use the final URL') || 1;
      if (e.origin !== r.o || !m || typeof m !== 'object' || m.v !== 1 || m.id !== r.id) return;
      h = m.height;
      if (m.type === P + ':height' && typeof h === 'number' && h >= 0 && h <= 1e5) {
        b = r.f.getBoundingClientRect();
        r.f.style.height = Math.min(2e4, Math.max(100, Math.ceil(h))) + 'px';
        // The text a reader below the frame is reading stays put when the frame changes above them: a frame wholly
        // above the screen; one taking its first height (from the placeholder's) with its top above the screen; or,
        // while the reader is not using the widget, one whose top is above and whose bottom is in the screen's upper
        // half (the reader is on the host's text below it; a change they made inside the widget is not corrected).
        if (b.bottom <= 0 || b.top < 0 && (!r.h || d.activeElement !== r.f && b.bottom < w.innerHeight / 2)) w.scrollBy(0, r.f.getBoundingClientRect().bottom - b.bottom);
        r.h = 1;
      } else if (m.type === P + ':error') {
        r.el.dispatchEvent(new CustomEvent(P + ':error', { bubbles: true }));
      }
      return;
    }
  });
  // Printing shows the summary instead of the frame.
  function print(on) {
    frames.forEach(function (r) {
      r.f.style.display = on ? 'none' : 'block';
      r.s.style.display = on ? 'block' : 'none';
    });
  }
  w.addEventListener('beforeprint', function () { print(1); });
  w.addEventListener('afterprint', function () { print(0); });
  var mq = w.matchMedia && w.matchMedia('print');
  if (mq && mq.addEventListener) mq.addEventListener('change', function (e) { print(e.matches); });
  Object.defineProperty(w, K, { value: add });
  add(folder);
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', scan);
})(window, document);
