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
// (preAt) and the next frame (prePaintedAt), and the browser's first
// contentful paint is read from the paint timeline.
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
    return s && getComputedStyle(s).display !== 'none' && s.querySelectorAll('path[fill]').length >= 101;
  }
  const mo = new MutationObserver(() => {
    if (kind === 'app' && !w.preAt && prerendered()) {
      w.preAt = performance.now();
      requestAnimationFrame(() => { w.prePaintedAt = performance.now(); });
    }
    if (w.coloredAt || count() < 101) return;
    w.coloredAt = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => { w.paintedAt = performance.now(); });
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true });
})();`

// coloredPoll is truthy once the page is coloured (ms) or failed (-1).
const coloredPoll = `(window.__bench && (window.__bench.coloredAt ||
  (document.documentElement.dataset.state === 'error' || document.body && document.body.dataset.error ? -1 : 0))) || 0`
