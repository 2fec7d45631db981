package main

// observerJS is installed on every new document before the page's own
// scripts. A MutationObserver records performance.now() (ms since the
// navigation started) at the first moment 101 distinct departments carry a
// fill colour, with the same rule for the three pages:
//   - app:  `#map svg [data-code]` with a fill (attribute or style) and
//     data-class other than "nodata", once <html data-state=ready>;
//   - dsfr: `path.FR-xx` whose fill is not the component's transparent one;
//   - d3:   `[data-code]` with a fill attribute.
//
// For the app it also records when the build-time map is in the DOM
// (preAt) and the next frame (prePaintedAt). For every page, mapAt is the
// first moment a map of 101 coloured departments is in the DOM (the app's
// build-time map counts) and mapPaintAt the next animation frame, the
// frame that paints it: with the first contentful paint read from the
// paint timeline, ColoredPaint tells when the first paint holding the
// coloured map happened.
const observerJS = `(() => {
  const path = location.pathname;
  const kind = path.includes('/peers/dsfr') ? 'dsfr' : path.includes('/peers/d3') ? 'd3' : 'app';
  const w = window.__bench = { kind, coloredAt: 0, paintedAt: 0 };
  function count() {
    const seen = new Set();
    if (kind === 'dsfr') {
      for (const p of document.querySelectorAll('path[class^="FR-"][fill]')) {
        const f = p.getAttribute('fill');
        if (f && !f.startsWith('rgba(255, 255, 255, 0)')) seen.add(p.getAttribute('class'));
      }
      return seen.size;
    }
    if (kind === 'app' && document.documentElement.dataset.state !== 'ready') return 0;
    const sel = kind === 'app' ? '#map svg [data-code]' : '[data-code][fill]';
    for (const p of document.querySelectorAll(sel)) {
      const f = p.getAttribute('fill') || p.style.fill;
      if (f && f !== 'none' && p.getAttribute('data-class') !== 'nodata') seen.add(p.getAttribute('data-code'));
    }
    return seen.size;
  }
  // The app's build-time map (package prerender): 101 filled paths in the
  // page's HTML, visible before the wasm runs; its paint is recorded apart.
  function prerendered() {
    const s = document.querySelector('#map svg.prerender');
    if (!s || getComputedStyle(s).display === 'none') return false;
    let n = 0;
    for (const p of s.querySelectorAll('g:first-of-type > path[fill]')) {
      const f = p.getAttribute('fill');
      if (f !== 'none' && !f.startsWith('url(')) n++; // url(#…): the no-data hatching
    }
    return n >= 101;
  }
  const mo = new MutationObserver(() => {
    if (kind === 'app' && !w.preAt && prerendered()) {
      w.preAt = performance.now();
      requestAnimationFrame(() => { w.prePaintedAt = performance.now(); });
    }
    const n = w.coloredAt ? 101 : count();
    if (!w.mapAt && (n >= 101 || w.preAt)) {
      w.mapAt = performance.now();
      requestAnimationFrame(() => { w.mapPaintAt = performance.now(); });
    }
    if (w.coloredAt || n < 101) return;
    w.coloredAt = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => { w.paintedAt = performance.now(); });
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true });
})();`

// coloredPoll is truthy once the page is coloured and the frame after the
// first coloured map has run (ms), or failed (-1).
const coloredPoll = `((b) => b && b.coloredAt && b.mapPaintAt ? b.coloredAt :
  (document.documentElement.dataset.state === 'error' || document.body && document.body.dataset.error ? -1 : 0))(window.__bench)`
