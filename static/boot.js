/*! msl-departures boot.js: the baked page in the reader's language and theme from the first paint, and its height told to an embedding page. */
// A classic script in <head>: it runs before the body is parsed. The build baked the default view in English
// followed by its Chinese twin in a <template> (src/bake.rs). A MutationObserver sees each baked element as the
// parser inserts it, before the browser paints it, and adjusts it: the language (?lang=, else the browser's
// languages, as mount.rs decides), the theme (?theme=), the pay chart open on a wide screen (as calculator.rs
// starts it), the filters open for a link that chose some (as filter_bar.rs starts them), a deep link's cards and result withheld until the live view computes them. Inside the embed's
// iframe it reports the height with the frame protocol (src/frame.rs), so the embed is never cut off even if
// the WebAssembly never starts; static/loader.js tells the host if it fails. No inline script: CSP-safe.
(function (w, d) {
  'use strict';
  var BAKED = 'data-mslw-baked', MAX = 200;
  var q = new URLSearchParams(location.search);
  // The last valid value of a key, as url_state.rs reads a repeated key; over-long values are ignored there too.
  function last(key, valid) {
    var all = q.getAll(key), v;
    for (var i = all.length - 1; i >= 0; i--) if (all[i].length <= MAX && (v = valid(all[i]))) return v;
    return null;
  }
  function langOf(tag) {
    var p = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
    return p === 'zh' || p === 'en' ? p : null;
  }
  var lang = last('lang', langOf);
  if (!lang) {
    var prefs = (navigator.languages || []).concat(navigator.language || []);
    for (var i = 0; i < prefs.length && !lang; i++) lang = langOf(prefs[i]);
  }
  var theme = last('theme', function (v) { return v === 'light' || v === 'dark' ? v : null; });
  function present(keys) {
    for (var i = 0; i < keys.length; i++) if (last(keys[i], function (v) { return v.trim(); })) return true;
    return false;
  }
  // Choices that change which cards show, or what the calculator computes: the baked default would be wrong.
  var deep = (present(['q', 'sort', 'cohort', 'dest', 'prior']) ? ' grid' : '') +
    (present(['weeks', 'pkg', 'amt', 'per', 'yrs', 'model', 'base', 'signon']) ? ' calc' : '');
  var facets = present(['cohort', 'dest', 'prior']);
  var wide = w.matchMedia && w.matchMedia('(min-width: 40rem)').matches;
  var frame = hostFrame();

  // For a Chinese reader the English view stays hidden (page.css) until the Chinese copy replaces it.
  // The page's language from the first paint (the wasm keeps it in step with the switch: app.rs).
  if (lang === 'zh') { d.documentElement.setAttribute('data-mslw-lang', 'zh'); d.documentElement.lang = 'zh-Hans'; }
  // The elements adjusted; each parser-inserted element is only matched against this (the observer sees thousands).
  var WATCHED = '[' + BAKED + '],[data-testid=msl-widget],[data-testid=calc-chart-details],[data-testid=filter-disclosure],[data-testid^=download-]';
  function fix(el) {
    var testid = el.getAttribute('data-testid');
    if (deep && el.hasAttribute(BAKED) && el.tagName !== 'TEMPLATE') el.setAttribute('data-mslw-deeplink', deep.trim());
    if (theme && testid === 'msl-widget') el.setAttribute('data-theme', theme);
    if (wide && testid === 'calc-chart-details') el.open = true;
    // A link that chose facets shows them, as filter_bar.rs opens its disclosure.
    if (facets && testid === 'filter-disclosure') el.open = true;
    // The embed's iframe cannot download: the "full page" link replaces the download buttons (about.rs).
    if (frame && testid && testid.indexOf('download-') === 0) el.hidden = testid !== 'download-full-page';
  }
  function toChinese(t) {
    var en = t.previousElementSibling;
    if (!en || en.tagName === 'TEMPLATE' || en.getAttribute(BAKED) !== 'en') return;
    var zh = t.content.firstElementChild.cloneNode(true);
    fix(zh);
    var all = zh.querySelectorAll(WATCHED);
    for (var i = 0; i < all.length; i++) fix(all[i]);
    en.replaceWith(zh);
    // The English view goes into a template of its own: the live view's language switch shows its blocks.
    var keep = d.createElement('template');
    keep.setAttribute(BAKED, 'en');
    keep.content.appendChild(en);
    t.after(keep);
  }
  function added(el) {
    if (el.nodeType !== 1) return;
    // The element after the Chinese template has started: the template is complete.
    var t = el.previousElementSibling;
    if (lang === 'zh' && t && t.tagName === 'TEMPLATE' && t.getAttribute(BAKED) === 'zh') toChinese(t);
    if (el.matches(WATCHED)) fix(el);
  }
  // Nothing to adjust (an English reader, no theme or deep link, a phone, no frame): no observer at all.
  if (lang === 'zh' || theme || deep || wide || frame) {
    var observer = new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        for (var j = 0, nodes = records[i].addedNodes; j < nodes.length; j++) added(nodes[j]);
      }
    });
    observer.observe(d.documentElement, { childList: true, subtree: true });
    d.addEventListener('DOMContentLoaded', function () {
      observer.disconnect();
      // A template that nothing followed is complete by now.
      var t = d.querySelector('template[' + BAKED + '=zh]');
      if (lang === 'zh' && t) toChinese(t);
    });
  }

  // The embed's iframe: what embed.js wrote in the fragment (or the referrer), checked as frame.rs checks it.
  function hostFrame() {
    if (w.parent === w) return null;
    var h = new URLSearchParams(location.hash.slice(1)), id = h.get('embed-id') || '', origin = h.get('embed-origin');
    var isOrigin = function (o) { return /^https?:\/\/[A-Za-z0-9.:\[\]-]{1,255}$/.test(o || ''); };
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) id = '';
    if (!isOrigin(origin)) {
      try { origin = d.referrer ? new URL(d.referrer).origin : null; } catch (e) { origin = null; }
      if (!isOrigin(origin)) return null;
    }
    return { id: id, origin: origin };
  }
  function post(type, height) {
    var m = { type: type, v: 1, id: frame.id };
    if (height !== undefined) m.height = height;
    try { w.parent.postMessage(m, frame.origin); } catch (e) { /* the host navigated away */ }
  }
  if (frame) {
    // page.css hides a framed page's scrollbar, so the host's resizing cannot feed back into the width.
    d.documentElement.setAttribute('data-mslw-framed', '');
    var lastHeight = -1;
    // From the end of the parse: a height measured before the body is there (0, or part of the page) would shrink
    // the host's placeholder, and the page's real height would then push the host's text down once the frame is in
    // view, where embed.js rightly does not correct it.
    var observe = function () {
      new ResizeObserver(function () {
        var h = Math.ceil(d.documentElement.getBoundingClientRect().height);
        if (h !== lastHeight && isFinite(h) && h > 0) post('msl-departures:height', (lastHeight = h));
      }).observe(d.documentElement);
    };
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', observe); else observe();
  }
  // From loader.js when the WebAssembly could not start: the page stays as baked, and the host hears it once.
  d.addEventListener('msl-departures:static', function () { if (frame) post('msl-departures:error'); }, { once: true });
})(window, document);
