// francenum-map — loader and thin DOM binding. The logic lives in Go
// (wasm/app over internal/app): this script downloads everything in
// parallel, hands the bytes to Go, and applies Go's JSON results to the DOM
// in one pass per user action. Text from data files goes in with
// textContent only, never as HTML.
'use strict';
(() => {
  const T0 = performance.now();
  const doc = document;
  const root = doc.documentElement;
  const $ = (id) => doc.getElementById(id);
  const SVGNS = 'http://www.w3.org/2000/svg';
  const stats = { start: T0, fetched: 0, compiled: 0, goStarted: 0, loaded: 0, firstRender: 0, ready: 0, lastRenderMs: 0, renders: 0, bytes: 0 };
  let readyResolve, readyReject;
  const ready = new Promise((res, rej) => { readyResolve = res; readyReject = rej; });
  ready.catch(() => {});
  let wasmMem = null;
  window.francenumApp = {
    ready,
    stats: () => Object.assign({}, stats),
    // Bench hook: the bytes of Go's WebAssembly memory (it never shrinks).
    memory: () => (wasmMem ? wasmMem.buffer.byteLength : 0),
    // Bench hook: ms to copy a whole published CSV into wasm, filter the two
    // indicators, parse them and build the model (rejects if refused).
    benchParse: (buf) => ready.then(() => {
      const bytes = new Uint8Array(buf);
      const t0 = performance.now();
      const n = globalThis.francenumGo.benchParse(bytes);
      const ms = performance.now() - t0;
      if (n < 0) throw new Error('file refused');
      return ms;
    }),
  };

  const params = new URLSearchParams(location.search);
  const embed = params.get('embed') === '1' || params.get('embed') === 'true';
  if (embed) root.classList.add('embed');
  root.dataset.state = 'loading';

  // ---------- loading ----------
  const progress = { got: 0, total: 0 };
  let progressFrame = 0;
  function showProgress() {
    progressFrame = 0;
    const bar = $('progress');
    if (!bar) return;
    const pct = progress.total > 0 ? Math.min(100, Math.round(progress.got / progress.total * 100)) : 0;
    bar.firstElementChild.style.width = pct + '%';
    bar.setAttribute('aria-valuenow', String(pct));
    $('progress-text').textContent = Math.round(progress.got / 1024) + (EN ? ' KB' : ' Ko');
  }
  // The bar changes at most once a frame, however many chunks came.
  function progressSoon() {
    if (!progressFrame) progressFrame = (window.requestAnimationFrame || setTimeout)(showProgress);
  }
  // readAll reads a response's body, counting its bytes on the bar as they
  // come. A reader loop rather than a TransformStream piped into a new
  // Response: that costs a cold load about 60 ms of main thread (profile
  // of a cold load in Chromium) for the same count.
  async function readAll(resp) {
    progress.total += +resp.headers.get('Content-Length') || 0;
    if (!resp.body || !resp.body.getReader) {
      const b = new Uint8Array(await resp.arrayBuffer());
      progress.got += b.length; stats.bytes += b.length; progressSoon();
      return b;
    }
    const rd = resp.body.getReader(), parts = [];
    let n = 0;
    for (;;) {
      const { done, value } = await rd.read();
      if (done) break;
      parts.push(value); n += value.length;
      progress.got += value.length; stats.bytes += value.length; progressSoon();
    }
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) { out.set(p, o); o += p.length; }
    return out;
  }
  // wasmRead counts app.wasm on the bar once compiled: its Response goes
  // whole to the streaming compiler (a clone read beside it would double
  // the bytes Chromium moves through the page's main thread).
  function wasmRead(resp) {
    const len = +resp.headers.get('Content-Length') || 0;
    progress.total += len;
    return () => { progress.got += len; progressSoon(); };
  }
  // Until Go runs, its interface strings are not there: the few words a
  // load error needs, in the URL's language (French unless lang=en).
  const EN = /[?&]lang=en(&|$)/.test(location.search);
  const W = EN
    ? { sep: ': ', failed: 'Loading failed', retry: 'Retry', net: 'network unreachable', geo: 'geometry', det: 'detail data', syn: 'synthese data', nat: 'national data' }
    : { sep: '\u00a0: ', failed: 'Le chargement a échoué', retry: 'Réessayer', net: 'réseau injoignable', geo: 'géométrie', det: 'données détail', syn: 'données synthèse', nat: 'données nationales' };
  async function get(url, what) {
    let resp;
    try { resp = await fetch(url); } catch (e) { throw new Error(what + W.sep + url + ' — ' + W.net + ' (' + e.message + ')'); }
    if (!resp.ok) throw new Error(what + W.sep + url + ' — HTTP ' + resp.status);
    return resp;
  }
  async function bytes(urls, what) {
    let last;
    for (const u of urls) {
      try { return await readAll(await get(u, what)); } catch (e) { last = e; }
    }
    throw last;
  }
  async function compile() {
    // The page's inline script (internal/boot) may have started compiling
    // while the HTML was read; used once (a retry fetches again), and any
    // failure there falls back to the fetch below, which says what failed.
    const early = window.__fnWasm;
    window.__fnWasm = null;
    if (early) {
      try {
        const e = await early;
        const done = wasmRead(e.resp);
        const m = await e.mod;
        done();
        stats.earlyCompile = 1;
        return m;
      } catch (_) { /* fetch again below */ }
    }
    // The original Response goes to compileStreaming so that Chromium can
    // reuse its cached machine code on later visits (a wrapped Response
    // has no URL and loses the code cache).
    let resp;
    // The build's content-hashed name, from the head's preload (internal/boot).
    const link = doc.getElementById('fn-wasm');
    try { resp = await fetch(link ? link.getAttribute('href') : '/app.wasm'); } catch (e) { throw new Error('app.wasm' + W.sep + W.net + ' (' + e.message + ')'); }
    if (!resp.ok) throw new Error('app.wasm — HTTP ' + resp.status);
    const done = wasmRead(resp);
    const m = WebAssembly.compileStreaming && (resp.headers.get('Content-Type') || '').includes('application/wasm')
      ? await WebAssembly.compileStreaming(resp)
      : await WebAssembly.compile(await resp.arrayBuffer());
    done();
    return m;
  }
  const api = (name) => ['/api/v1/numerisation/' + name, '/snapshot/' + name];
  let G = null; // window.francenumGo once Go runs

  async function boot() {
    root.dataset.state = 'loading';
    clearAlert();
    const pMod = compile().then((m) => { stats.compiled = performance.now() - T0; return m; });
    const pGeo = bytes(['/geo/departements.bin'], W.geo);
    const pDet = bytes(api('detail.csv'), W.det);
    const pSyn = bytes(api('synthese.csv'), W.syn).catch(() => null);
    const pNat = bytes(api('national.csv'), W.nat).catch(() => null);
    const want = params.get('ind');
    const pExtra = want && !FRANCE_NUM.includes(want) ? fetchIndicator(want).catch(() => null) : Promise.resolve(null);
    // The postMessage allow-list matters only inside a frame: a top-level
    // visit does not pay for a Go request to /api/v1/config.
    const framed = embed && window.parent !== window;
    const pCfg = framed ? fetch('/api/v1/config').then((r) => r.ok ? r.json() : {}).catch(() => ({})) : Promise.resolve({});
    const mod = await pMod;
    // Go's start and load are long tasks: a frame before each lets the
    // build-time map answer a mouse meanwhile (Chromium hands it moves
    // once a frame; without one between, the first card waited for Go).
    await yieldFrame();
    if (!G) {
      const go = new Go();
      const inst = await WebAssembly.instantiate(mod, go.importObject);
      wasmMem = inst.exports.mem;
      go.run(inst); // main registers francenumGo then blocks
      G = window.francenumGo;
      stats.goStarted = performance.now() - T0;
    }
    const [geo, det, syn, nat] = await Promise.all([pGeo, pDet, pSyn, pNat]);
    const extra = await pExtra;
    stats.fetched = performance.now() - T0;
    // With another indicator in the URL, its files join the model before
    // the URL is read (else « ind » would be a value not in the data).
    // The build-time map names its geometry: Go then leaves out the path
    // data, and buildMap makes those paths the live map.
    const pre = doc.querySelector('#map svg.prerender');
    await yieldFrame();
    const init = G.load(geo, det, syn, nat, extra ? '' : location.search, pre ? pre.getAttribute('data-geo') || '' : '');
    if (init.startsWith('!')) throw new Error(init.slice(1));
    if (extra) addIndicator(extra);
    stats.loaded = performance.now() - T0;
    buildMap(JSON.parse(init), pre);
    refreshIndicators();
    apply(extra ? G.query(location.search) : G.render(), '');
    stats.firstRender = performance.now() - T0;
    root.dataset.state = 'ready';
    stats.ready = performance.now() - T0;
    // Since navigation start (performance.timeOrigin): the figure to compare.
    stats.navToReady = performance.now();
    readyResolve(stats);
    loadIndex();
    history.replaceState(null, '', urlOf(last.q));
    drainQueue();
    schedulePanels();
    pCfg.then(setupEmbed);
  }

  // yieldFrame resolves after the next frame (or 50 ms, for a hidden tab
  // that draws none), once the build-time map answers; else at once.
  function yieldFrame() {
    if (!preData) return Promise.resolve();
    return new Promise((res) => {
      let done = false;
      const go = () => { if (!done) { done = true; setTimeout(res, 0); } };
      requestAnimationFrame(go); setTimeout(go, 50);
    });
  }
  function clearAlert() { $('alerts').replaceChildren(); }
  function alertBox(msg, retry) {
    const box = doc.createElement('div');
    box.setAttribute('role', 'alert');
    const p = doc.createElement('span');
    p.textContent = msg;
    box.append(p);
    if (retry) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = 'btn-primary';
      b.textContent = ui.retry || W.retry;
      b.addEventListener('click', () => { box.remove(); start(); });
      box.append(b);
    }
    $('alerts').append(box);
  }
  function start() {
    boot().catch((e) => {
      root.dataset.state = 'error';
      alertBox((ui.loadError || W.failed) + W.sep + e.message, true);
      readyReject(e);
    });
  }

  // ---------- map ----------
  let paths = [], codes = [], names = [], circles = null, qual = null, index = new Map(), svg, vbW = 1, vbH = 1, frameLabels = [], labelRO = null;
  let focused = null;
  function el(tag, attrs) { const e = doc.createElementNS(SVGNS, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); return e; }
  // buildMap makes the live map. pre is the page's build-time map (null
  // when there is none or it is gone).
  function buildMap(init, pre) {
    codes = init.codes; names = init.names; vbW = init.w; vbH = init.h;
    const n = codes.length;
    // The page's inline script observes the build-time map's size; from
    // now on one observer, the live map's.
    if (pre && pre.__ro) { pre.__ro.disconnect(); pre.__ro = null; }
    if (labelRO) labelRO.disconnect();
    // Without path data (init.paths ""), Go found the build-time map drawn
    // from this very geometry: its paths, frames and names become the live
    // map, in place (nothing to format, parse or lay out again).
    const adopt = init.paths ? null : pre;
    let gDep, gFrames;
    if (adopt) {
      svg = adopt;
      // The views prepared at build time (their circles, the html's
      // data-pv naming the one shown) give way to Go's, drawn below in
      // the same task: no frame shows between.
      for (const g of svg.querySelectorAll('.pv-circles')) g.remove();
      root.removeAttribute('data-pv');
      svg.removeAttribute('class'); // « pre »: shown whatever the URL now
      svg.removeAttribute('aria-label');
      svg.setAttribute('role', 'group'); svg.setAttribute('aria-labelledby', 'map-title');
      gDep = svg.querySelector('g:not(.frames)'); gFrames = svg.querySelector('g.frames');
      const got = gDep ? gDep.children.length : 0;
      if (got !== n || !gFrames) throw new Error((EN ? 'map' : 'carte') + W.sep + got + (EN ? ' outlines in the page, ' : ' contours dans la page, ') + n + (EN ? ' expected' : ' attendus'));
    } else {
      svg = el('svg', { viewBox: '0 0 ' + init.w + ' ' + init.h, role: 'group', 'aria-labelledby': 'map-title', preserveAspectRatio: 'xMidYMid meet' });
      // The hatch patterns come from Go (classify.PatternDefs), sized for the
      // drawing: the same markup as the build-time map and the SVG export.
      const defs = el('defs', {});
      defs.innerHTML = init.defs;
      gDep = el('g', {});
      const ds = init.paths.split('|');
      for (let i = 0; i < n; i++) gDep.append(el('path', { d: ds[i] }));
      gFrames = el('g', { class: 'frames' });
      for (const f of init.frames) {
        gFrames.append(el('path', { d: f.d, class: 'frame' }));
        const t = el('text', { x: f.x, y: f.y, class: 'frame-label', 'font-size': init.fs, 'data-name': f.name, 'data-short': f.code });
        t.textContent = f.name;
        gFrames.append(t);
      }
      svg.append(defs, gDep, gFrames);
    }
    // Either way, the same departments' paths, in geometry order.
    gDep.setAttribute('class', 'deps');
    paths = Array.from(gDep.children);
    for (let i = 0; i < n; i++) {
      const p = paths[i];
      p.setAttribute('class', 'dep'); p.setAttribute('data-code', codes[i]);
      p.setAttribute('tabindex', i === 0 ? '0' : '-1'); p.setAttribute('role', 'img');
      index.set(codes[i], i);
    }
    gFrames.setAttribute('aria-hidden', 'true');
    frameLabels = Array.from(gFrames.querySelectorAll('text.frame-label'));
    svg.__fz = ''; // new names: fnSizeLabels sizes them afresh
    qual = el('g', { class: 'qual-layer', 'aria-hidden': 'true' });
    svg.append(qual);
    circles = el('g', { class: 'circles', 'aria-hidden': 'true' });
    for (let i = 0; i < n; i++) circles.append(el('circle', { class: 'sym', cx: init.lx[i], cy: init.ly[i], r: 0 }));
    circles.style.display = 'none';
    svg.append(circles);
    if (!adopt) $('map').replaceChildren(svg);
    // The first call comes after the next layout, before that paint
    // (sizing now would force a layout of the whole page).
    if (window.ResizeObserver) { labelRO = new ResizeObserver(sizeLabels); labelRO.observe(svg); } else sizeLabels();
    const dl = $('dept-list');
    dl.replaceChildren();
    for (let i = 0; i < codes.length; i++) { const o = doc.createElement('option'); o.value = names[i] + ' (' + codes[i] + ')'; dl.append(o); }
    wireMap();
  }

  // sizeLabels keeps the overseas insets' names readable (never under
  // 11 px on screen): the page's inline script (internal/boot) defines the
  // one rule, for the build-time map and for this one.
  function sizeLabels() { if (window.fnSizeLabels) window.fnSizeLabels(svg); sizeKey(); }
  // sizeKey keeps the count legend's key of circle sizes on the map's
  // current scale (its viewBox is in the map's drawing units).
  function sizeKey() {
    const s = doc.querySelector('#legend .circle-key');
    if (!s || !svg) return;
    // The map keeps its aspect ratio (meet): its scale is the smaller one.
    const r = svg.getBoundingClientRect(), k = Math.min(r.width / vbW, r.height / vbH) || 0.1, b = s.viewBox.baseVal;
    s.setAttribute('width', b.width * k); s.setAttribute('height', b.height * k);
  }

  // ---------- applying a render ----------
  let last = null, ui = {}, uiLang = 'fr', indVersion = -1, qualOn = false;
  // apply applies a full render. mode: 'push' (new history entry),
  // 'replace' (same entry: month moves), or '' (no URL change).
  // silent: the map was already recoloured by monthTo (no event).
  const curFill = [], curCls = [], curAria = [];
  function apply(json, mode, silent) {
    const t = performance.now();
    const r = JSON.parse(json);
    const t1 = performance.now();
    const cls = r.cls, aria = r.aria, cf = r.cf;
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i];
      const f = cls[i] < 0 ? r.ndf : cf[cls[i]];
      if (curFill[i] !== f) { p.setAttribute('fill', f); curFill[i] = f; }
      const c = cls[i] < 0 ? 'nodata' : String(cls[i]);
      if (curCls[i] !== c) { p.setAttribute('data-class', c); curCls[i] = c; }
    }
    if (r.r) {
      circles.style.display = '';
      const cs = circles.children;
      for (let i = 0; i < cs.length; i++) cs[i].setAttribute('r', r.r[i]);
    } else if (circles.style.display !== 'none') circles.style.display = 'none';
    const t2 = performance.now();
    applyQuality(r.flag);
    applyLegend(r.legend, !!r.r);
    applyMonth(r.mi, r.mn, r.mlabel, r.absent, r.present, r.state.ind);
    const ms = performance.now() - t;
    if (!silent) {
      wantMonthCache();
      stats.lastRenderMs = ms; stats.renders++; stats.parseMs = t1 - t; stats.fillMs = t2 - t1;
      doc.dispatchEvent(new CustomEvent('francenum:rendered', { detail: { ms } }));
    }
    // What follows does not change the colours: accessible names, controls,
    // titles, URL, messages to the embedding page.
    for (let i = 0; i < paths.length; i++) if (curAria[i] !== aria[i]) { paths[i].setAttribute('aria-label', aria[i]); curAria[i] = aria[i]; }
    applyMetrics(r.metrics);
    applyControls(r);
    applyHeading(r);
    const pinned = new Set(r.pinned);
    for (let i = 0; i < paths.length; i++) paths[i].classList.toggle('pinned', pinned.has(codes[i]));
    $('map-title').textContent = r.title;
    $('source').textContent = r.source;
    // A visitor's file stays in their browser: a link or an embed of this
    // view shows the published data, and the panels say so.
    const sn = $('share-note');
    sn.hidden = !r.userFile;
    sn.textContent = r.userFile ? fill(ui.sharePublished, r.userFile) : '';
    $('full-map').href = fullURL(r.q);
    if (r.notices.length) { const n = $('notices'); n.hidden = false; n.textContent = r.notices.join(' · '); }
    const qChanged = !last || last.q !== r.q;
    last = r;
    if (qChanged && mode === 'push') history.pushState(null, '', urlOf(r.q));
    if (qChanged && mode === 'replace') history.replaceState(null, '', urlOf(r.q));
    if (qChanged) postState();
    // The card shown follows the view (measure, month, indicator…): it
    // kept the old value when the measure changed under a hovering mouse.
    const tip = $('tooltip');
    if (!silent && !tip.hidden && tip.dataset.code) showTip(tip.dataset.code, false);
  }

  // monthTo is the hot path of the slider and of play: Go returns only the
  // classes and legend counts of the month (breaks are fixed), applied at
  // once; the rest of the view follows in the same task, after the event.
  function monthTo(i) {
    if (!goReady()) { whenGo(() => monthTo(i)); return; }
    const t = performance.now();
    // From the precomputed months when the page had an idle moment since
    // the last change of view: no call into Go before the frame.
    const cached = !countMode && monthCache && monthCache[i];
    let r = cached;
    if (!r) {
      const j = G.month(String(i));
      if (!j) return;
      r = JSON.parse(j);
    }
    const colors = last.cf; // Go's fill of each class
    const c = r.c;
    for (let k = 0; k < paths.length; k++) {
      const ch = c.charCodeAt(k);
      const nd = ch === 120; // 'x'
      const cls = nd ? 'nodata' : CLS[ch - 48];
      if (curCls[k] === cls) continue;
      const f = nd ? last.ndf : colors[ch - 48];
      const p = paths[k];
      p.setAttribute('fill', f); curFill[k] = f;
      p.setAttribute('data-class', cls); curCls[k] = cls;
    }
    if (r.r) { const cs = circles.children; for (let k = 0; k < cs.length; k++) cs[k].setAttribute('r', r.r[k]); }
    const lis = legendItems, n = r.n;
    for (let k = 0; k < n.length; k++) {
      const li = lis[k];
      if (li && li.francenumN !== n[k]) { li.lastChild.textContent = String(n[k]); li.francenumN = n[k]; }
    }
    if (lis.nodata && lis.nodata.francenumN !== r.nd) { lis.nodata.lastChild.textContent = String(r.nd); lis.nodata.hidden = r.nd === 0; lis.nodata.francenumN = r.nd; }
    applyMonth(r.mi, last.mn, r.mlabel, r.absent, last.present, last.state.ind);
    const ms = performance.now() - t;
    stats.lastRenderMs = ms; stats.renders++;
    doc.dispatchEvent(new CustomEvent('francenum:rendered', { detail: { ms } }));
    if (cached) G.month(String(i)); // Go's state follows, after the frame's work
    apply(G.render(), 'replace', true);
    schedulePanels();
  }
  const CLS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
  // monthCache holds Go's MonthsJSON for the current view; any change other
  // than the month drops it (apply, not silent) and an idle moment refills it.
  let monthCache = null, monthCacheWanted = false;
  function wantMonthCache() {
    monthCache = null;
    if (monthCacheWanted) return;
    monthCacheWanted = true;
    const fill = () => {
      monthCacheWanted = false;
      if (!G || countMode || monthCache) return;
      try { monthCache = JSON.parse(G.months() || 'null'); } catch (e) { monthCache = null; }
    };
    if (window.requestIdleCallback) requestIdleCallback(fill, { timeout: 1000 }); else setTimeout(fill, 50);
  }

  function urlOf(q) { return location.pathname + (q ? '?' + q : '') + location.hash; }
  // fullURL is the address of view q on the full page (never embed=1):
  // what « Copier le lien » copies and the embed's link opens.
  function fullURL(q) {
    const rest = (q || '').split('&').filter((x) => x && !x.startsWith('embed='));
    return location.origin + location.pathname + (rest.length ? '?' + rest.join('&') : '');
  }
  // fill puts args in a ui string's {0}, {1}… (Go's uitext.F for the
  // shell's own strings).
  function fill(t, ...args) { return String(t || '').replace(/\{(\d)\}/g, (m, i) => (args[i] !== undefined ? args[i] : m)); }
  async function copyLink() {
    const url = fullURL(last ? last.q : location.search.slice(1));
    const st = $('copy-status');
    let ok = false;
    try { await navigator.clipboard.writeText(url); ok = true; } catch (_) { ok = false; }
    if (ok) {
      st.textContent = ui.linkCopied + (last && last.userFile ? ' — ' + fill(ui.sharePublished, last.userFile) : '');
    } else {
      // No clipboard (an insecure origin, a refused permission): the link
      // shown selected, for the visitor to copy.
      const inp = doc.createElement('input'); inp.type = 'text'; inp.readOnly = true; inp.value = url; inp.className = 'copy-url';
      inp.setAttribute('aria-label', ui.copyLink);
      st.replaceChildren(ui.linkCopyFailed + ' ', inp);
      inp.focus(); inp.select();
    }
    clearTimeout(copyLink.t);
    if (ok) copyLink.t = setTimeout(() => { st.textContent = ''; }, 6000);
  }

  function applyQuality(flags) {
    if (!flags) { if (qualOn) { qual.replaceChildren(); qualOn = false; } return; }
    const frag = doc.createDocumentFragment();
    for (let i = 0; i < flags.length; i++) if (flags[i]) frag.append(el('path', { d: paths[i].getAttribute('d'), class: 'qual' }));
    qual.replaceChildren(frag);
    qualOn = true;
  }

  let legendKey = '', legendItems = [], countMode = false;
  function applyLegend(lg, count) {
    const box = $('legend');
    countMode = count;
    const key = lg.title + '|' + lg.items.map((i) => i.label + i.color).join() + count + '|' + (lg.quality || '');
    if (key !== legendKey) {
      legendKey = key;
      const h = doc.createElement('h3'); h.id = 'legend-title'; h.textContent = lg.title;
      const ul = doc.createElement('ul');
      for (const it of lg.items.slice().reverse()) ul.append(legendRow(String(it.c), it.color, it.label, it.long));
      ul.append(legendRow('nodata', null, lg.nodata.label, lg.nodata.label));
      box.replaceChildren(h, ul);
      if (lg.circles) {
        // The key of circle sizes (counts): Go lays it out in drawing
        // units on the map's radius scale; drawn at the map's current
        // scale, its circles are the size of the map's.
        const s = el('svg', { class: 'circle-key', viewBox: '0 0 ' + lg.kw + ' ' + lg.kh, 'aria-hidden': 'true', 'font-size': lg.kfs });
        for (const c of lg.circles) {
          s.append(el('circle', { cx: lg.kcx, cy: c.cy, r: c.r, fill: 'none', stroke: '#000091', 'vector-effect': 'non-scaling-stroke', 'data-value': c.v, 'data-label': c.label }));
          s.append(el('path', { d: 'M' + lg.kcx + ' ' + (c.cy - c.r) + 'L' + (lg.klx - 4) + ' ' + (c.ly - lg.kfs / 3), fill: 'none', stroke: '#929292', 'vector-effect': 'non-scaling-stroke' }));
          const t = el('text', { x: lg.klx, y: c.ly });
          t.textContent = c.label; s.append(t);
        }
        box.append(s);
        sizeKey();
      }
      const note = doc.createElement('p'); note.className = 'note'; note.textContent = lg.note;
      box.append(note);
      // The hatching's key: what it marks, and how many departments.
      if (lg.quality) {
        const q = doc.createElement('p'); q.className = 'quality-key';
        const sw = doc.createElement('span'); sw.className = 'sw qual-sw'; sw.setAttribute('aria-hidden', 'true');
        q.append(sw, lg.quality); box.append(q);
      }
      legendItems = [];
      for (const li of box.querySelectorAll('li[data-class]')) { if (li.dataset.class === 'nodata') legendItems.nodata = li; else legendItems[+li.dataset.class] = li; }
    }
    const counts = new Map(lg.items.map((i) => [String(i.c), i.count]));
    counts.set('nodata', lg.nodata.count);
    for (const li of box.querySelectorAll('li[data-class]')) { const n = counts.get(li.dataset.class) ?? 0; if (li.francenumN !== n) { li.lastChild.textContent = String(n); li.francenumN = n; } }
    box.querySelector('li[data-class=nodata]').hidden = lg.nodata.count === 0;
  }
  function legendRow(c, color, label, long) {
    const li = doc.createElement('li'); li.dataset.class = c;
    const sw = doc.createElement('span'); sw.className = 'sw' + (color ? '' : ' nodata');
    if (color) sw.style.background = color;
    const lab = doc.createElement('span'); lab.className = 'label'; lab.textContent = label; lab.title = long;
    const n = doc.createElement('span'); n.className = 'count';
    li.append(sw, lab, n);
    return li;
  }

  function applyControls(r) {
    const s = r.state;
    // The picker is rebuilt for the indicator being shown, not for the
    // last render's (which `last` still is here): it lagged one choice.
    pickerInd = s.ind;
    if (r.iv !== indVersion) refreshIndicators(r.iv);
    setVal('indicator', s.ind); setVal('metric', s.metric); setVal('scheme', s.scheme); setVal('classes', String(s.classes));
    $('breaks-field').hidden = s.scheme !== 'manual';
    // A refused text stays in the box with its reason; kept breaks are
    // shown in the page's language (« 80,5 ; 120 »).
    const bErr = r.breaksErr || '';
    if (s.scheme === 'manual' && !bErr && doc.activeElement !== $('breaks')) $('breaks').value = r.breaksText || '';
    $('breaks').setAttribute('aria-invalid', bErr ? 'true' : 'false');
    $('breaks-error').textContent = bErr; $('breaks-error').hidden = !bErr;
    $('classes').disabled = s.scheme === 'manual';
    $('quality').checked = s.quality;
    if (s.lang !== uiLang || !ui.title) setLang(s.lang);
  }
  let stripInd = '', stripCur = -1;
  function applyMonth(mi, mn, label, absent, present, ind) {
    const m = $('month');
    if (+m.max !== mn - 1) m.max = String(Math.max(0, mn - 1));
    if (+m.value !== mi) m.value = String(mi);
    m.setAttribute('aria-valuetext', label);
    const lab = $('month-label');
    lab.textContent = label;
    lab.title = label; // the box may cut it (fixed slider width)
    lab.classList.toggle('absent', absent);
    const strip = $('month-strip');
    if (stripInd !== ind || strip.childElementCount !== present.length) {
      stripInd = ind; stripCur = -1;
      strip.replaceChildren();
      for (const p of present) { const s = doc.createElement('span'); if (!p) s.className = 'absent'; strip.append(s); }
    }
    if (stripCur !== mi) {
      const sc = strip.children;
      if (sc[stripCur]) sc[stripCur].classList.remove('current');
      if (sc[mi]) sc[mi].classList.add('current');
      stripCur = mi;
    }
  }
  function setVal(id, v) { const e = $(id); if (e.value !== v) e.value = v; }

  // refreshIndicators reads Go's list of loaded indicators again; iv is
  // the version of that list the render being applied carries.
  function refreshIndicators(iv) {
    if (!last && indVersion >= 0 && iv === undefined) return;
    const list = JSON.parse(G.inds());
    indLoaded = new Set(list.map((it) => it.id));
    indNames = new Map(list.map((it) => [it.id, it.name]));
    buildPicker();
    indVersion = iv !== undefined ? iv : last ? last.iv : 0;
  }

  function setLang(lang) {
    uiLang = lang;
    ui = JSON.parse(G.ui(lang));
    root.lang = lang;
    for (const e of doc.querySelectorAll('[data-i18n]')) { const s = ui[e.dataset.i18n]; if (s) e.textContent = s; }
    for (const e of doc.querySelectorAll('[data-i18n-ph]')) { const s = ui[e.dataset.i18nPh]; if (s) e.placeholder = s; }
    for (const e of doc.querySelectorAll('[data-i18n-title]')) { const s = ui[e.dataset.i18nTitle]; if (s) e.title = s; }
    doc.title = ui.pageTitle;
    const meta = doc.querySelector('meta[name=description]');
    if (meta) meta.content = ui.pageDescription;
    // The files' reports, written again in the new language.
    for (const sec of doc.querySelectorAll('#file-report > [data-i]')) sec.replaceWith(fileReport(JSON.parse(G.file(+sec.dataset.i))));
    $('lang').textContent = lang === 'fr' ? 'English' : 'Français';
    $('lang').lang = lang === 'fr' ? 'en' : 'fr';
    $('play').setAttribute('aria-label', playing ? ui.pause : ui.play);
    $('progress').setAttribute('aria-label', ui.loading);
    if (last) { refreshIndicators(); }
    pickerLang();
    updateEmbedCode();
  }

  // ---------- indicators: picker by policy, loaded on demand ----------
  // The index (GET /api/v1/indicators) lists every indicator of the
  // baromètre with its policy (mesure); the select groups them by policy,
  // France Num's two first, and the filter above it narrows the list. An
  // indicator not loaded yet costs one request for its rows (plus its
  // synthese and national files when it has some), handed to Go once
  // (G.add); the model keeps it for the rest of the visit.
  const FRANCE_NUM = ['nb-entreprises-cheaque-numerique', 'nb-diagnostics-individualises'];
  // The picker's own words (Go's interface table holds what Go writes).
  const PW = {
    fr: { filter: 'Filtrer les indicateurs', ph: 'ex. vélo, santé', count: (n, t) => n + ' indicateurs sur ' + t, none: 'Aucun indicateur ne correspond', file: 'Votre fichier', failed: "L'indicateur n'a pas pu être chargé" },
    en: { filter: 'Filter the indicators', ph: 'e.g. vélo, santé (French names)', count: (n, t) => n + ' of ' + t + ' indicators', none: 'No indicator matches', file: 'Your file', failed: 'The indicator could not be loaded' },
  };
  const pw = () => PW[uiLang] || PW.fr;
  // colon: « : » after a no-break space in French, ": " in English.
  const colon = () => (uiLang === 'en' ? ': ' : '\u00a0: ');
  let pickerInd = '';
  let indIndex = null, indLoaded = new Set(FRANCE_NUM), indNames = new Map(), pickerMatches = [];
  const indPending = new Map();
  const validID = (id) => typeof id === 'string' && id.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
  const indEntry = (id) => (indIndex ? indIndex.indicators.find((e) => e.id === id) : null);

  function loadIndex() {
    if (indIndex) return;
    (async () => {
      for (const u of ['/api/v1/indicators', '/snapshot/indicators.json']) {
        try { const r = await fetch(u); if (r.ok) { indIndex = await r.json(); buildPicker(); return; } } catch (_) { /* next */ }
      }
    })();
  }
  // fetchIndicator gets an indicator's files: its rows (required), its
  // synthese and national rows (when the index lists them; without the
  // index, tried, a 404 meaning none). The Worker first, its snapshot copy
  // when the Worker cannot answer.
  async function fetchIndicator(id) {
    if (!validID(id)) throw new Error('ind=' + id);
    const e = indEntry(id);
    const get = (rel, what) => bytes(['/api/v1/indicators/' + rel, '/snapshot/indicators/' + rel], what);
    const opt = (key, rel, what) => (e && !e[key] ? Promise.resolve(null) : get(rel, what).catch(() => null));
    return Promise.all([get(id + '.csv', W.det), opt('synthese', id + '/synthese.csv', W.syn), opt('national', id + '/national.csv', W.nat)]);
  }
  function addIndicator(files) {
    const r = G.add(files[0], files[1], files[2]);
    if (r.startsWith('!')) throw new Error(r.slice(1));
  }
  // ensureIndicator loads id once (concurrent calls share the request).
  function ensureIndicator(id) {
    if (indLoaded.has(id)) return Promise.resolve();
    if (!indPending.has(id)) {
      indPending.set(id, fetchIndicator(id).then((f) => { const t = performance.now(); addIndicator(f); addMs = performance.now() - t; indLoaded.add(id); })
        .finally(() => indPending.delete(id)));
    }
    return indPending.get(id);
  }
  let addMs = 0; // Go's parse of the last indicator loaded, for the bench
  async function pickIndicator(id) {
    if (!goReady()) { whenGo(() => pickIndicator(id)); return; }
    const t0 = performance.now();
    let fetchMs = 0;
    if (!indLoaded.has(id)) {
      root.dataset.state = 'loading';
      try { await ensureIndicator(id); } catch (e) {
        alertBox(pw().failed + W.sep + e.message, false);
        root.dataset.state = 'ready';
        setVal('indicator', last.state.ind);
        return;
      }
      fetchMs = performance.now() - t0;
    }
    act('ind', id);
    root.dataset.state = 'ready';
    // For the bench (cmd/bench): the switch, from the choice to the
    // coloured map, and its part spent fetching and parsing.
    stats.indSwitch = { id, ms: performance.now() - t0, fetchMs, addMs: fetchMs > 0 ? addMs : 0, loaded: fetchMs > 0 };
  }

  // fold makes the filter ignore case and accents (« velo » finds « vélo »).
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // words folds s into its words, each after a space (' velo cyclable'),
  // so that a typed word matches only at a word's start.
  const words = (s) => (' ' + fold(s).replace(/[^a-z0-9]+/g, ' ')).replace(/ +$/, '');
  // buildPicker fills #indicator: France Num's policy first (its two
  // indicators in the registry's order), then the policies in French
  // alphabetical order, then what a user's file brought that the index
  // lacks. The filter keeps the matching indicators and always the one
  // shown, so that the select never shows an indicator the map does not.
  function buildPicker() {
    const sel = $('indicator');
    if (!G || !sel) return;
    const cur = pickerInd || (last ? last.state.ind : sel.value);
    const q = words(($('ind-filter') || {}).value || '');
    const entries = [];
    const seen = new Set();
    for (const e of indIndex ? indIndex.indicators : []) {
      entries.push({ id: e.id, name: indNames.get(e.id) || e.indicateur, group: e.mesure, text: words(e.indicateur + ' ' + e.mesure + ' ' + e.unite + ' ' + e.id + ' ' + (indNames.get(e.id) || '')) });
      seen.add(e.id);
    }
    for (const [id, name] of indNames) if (!seen.has(id)) entries.push({ id, name, group: '', text: words(name + ' ' + id) });
    const fnGroup = (entries.find((e) => e.id === FRANCE_NUM[0]) || {}).group;
    const rank = (e) => (FRANCE_NUM.includes(e.id) ? FRANCE_NUM.indexOf(e.id) : 9);
    const groups = new Map();
    // Every word typed starts a word of the entry: « velo » finds « vélo »,
    // not « développer ».
    const match = (e) => !q || q.trim().split(' ').every((w) => e.text.includes(' ' + w));
    pickerMatches = [];
    for (const e of entries) {
      if (!match(e) && e.id !== cur) continue;
      const g = e.group || '';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(e);
    }
    const order = [...groups.keys()].sort((a, b) => (a === fnGroup ? -1 : b === fnGroup ? 1 : a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'fr')));
    const frag = doc.createDocumentFragment();
    for (const g of order) {
      const og = doc.createElement('optgroup');
      og.label = g || pw().file;
      // The publisher's names are French, whatever the interface's language.
      if (g) og.lang = 'fr';
      for (const e of groups.get(g).sort((a, b) => rank(a) - rank(b))) {
        const o = doc.createElement('option'); o.value = e.id; o.textContent = e.name;
        og.append(o);
        if (match(e)) pickerMatches.push(e.id);
      }
      frag.append(og);
    }
    sel.replaceChildren(frag);
    if (cur) sel.value = cur;
    const n = pickerMatches.length;
    $('ind-count').textContent = !q ? '' : n ? pw().count(n, entries.length) : pw().none;
    $('ind-filter-field').hidden = !indIndex;
  }
  function wirePicker() {
    const f = $('ind-filter');
    f.addEventListener('input', buildPicker);
    f.addEventListener('keydown', (e) => {
      // Enter shows the first indicator found; Down goes to the list.
      if (e.key === 'Enter') {
        e.preventDefault();
        const id = pickerMatches[0];
        if (id && fold(f.value).trim() && id !== (last && last.state.ind)) pickIndicator(id);
      } else if (e.key === 'ArrowDown') { e.preventDefault(); $('indicator').focus(); }
    });
  }
  function pickerLang() {
    $('ind-filter-label').textContent = pw().filter;
    $('ind-filter').placeholder = pw().ph;
  }
  // applyMetrics offers only the metrics Go says make sense for the
  // indicator's kind, named for it (« Taux publié », « Nombre cumulé »…).
  let metricKey = '';
  function applyMetrics(ms) {
    const k = ms.map((m) => m.join('=')).join('|');
    if (k === metricKey) return;
    metricKey = k;
    const sel = $('metric');
    sel.replaceChildren(...ms.map(([v, t]) => { const o = doc.createElement('option'); o.value = v; o.textContent = t; return o; }));
  }
  // applyHeading: the header names the indicator's policy (France Num's
  // own header for its two); the publisher's text is marked French.
  function applyHeading(r) {
    const h = $('title'), s = $('subtitle');
    if (h.textContent !== r.head) h.textContent = r.head;
    if (s.textContent !== r.sub) s.textContent = r.sub;
    for (const e of [h, s]) { if (r.hfr) e.lang = 'fr'; else e.removeAttribute('lang'); }
    doc.title = r.hfr ? r.sub + ' — ' + r.head : ui.pageTitle;
  }

  // ---------- panels (after the map) ----------
  let panelsPending = false;
  function schedulePanels() {
    if (panelsPending) return;
    panelsPending = true;
    (window.requestAnimationFrame || setTimeout)(() => setTimeout(() => { panelsPending = false; panels(); }, 0));
  }
  let tableBuilt = false;
  function panels() {
    const p = JSON.parse(G.panels());
    $('description').textContent = p.description;
    // National.
    const nat = $('national');
    const nh = doc.createElement('h3'); nh.textContent = p.national.title;
    const dl = doc.createElement('dl'); dl.className = 'kv';
    const natBody = [nh];
    for (const [k, v] of p.national.lines) { const q = doc.createElement('p'); const b = doc.createElement('strong'); b.textContent = v; q.append(k + colon(), b); natBody.push(q); }
    nat.replaceChildren(...natBody);
    // On track.
    const ot = $('ontrack');
    const oh = doc.createElement('h3'); oh.textContent = p.ontrack.title;
    ot.replaceChildren(oh, ...p.ontrack.lines.map((x) => { const q = doc.createElement('p'); q.textContent = x; return q; }));
    ot.dataset.status = p.ontrack.status;
    compare(p.compare);
    table(p.table);
    // Refresh the card shown; one closed (Escape, ×) stays closed.
    if (focused && !$('tooltip').hidden) showTip(focused, false);
  }

  function compare(c) {
    const box = $('compare');
    const h = doc.createElement('h3'); h.textContent = c.title;
    if (!c.items.length) {
      const q = doc.createElement('p'); q.textContent = c.help;
      if (!undoPins) { box.replaceChildren(h, q); return; }
      // « Tout retirer » can be undone until the next pin.
      const u = doc.createElement('p'); u.setAttribute('role', 'status'); u.textContent = ui.pinsCleared + ' — ';
      const ub = doc.createElement('button'); ub.type = 'button'; ub.className = 'btn-secondary'; ub.id = 'undo-pins'; ub.textContent = ui.undo;
      const saved = undoPins;
      ub.addEventListener('click', () => { undoPins = null; act('dep', saved.join(',')); });
      u.append(ub); box.replaceChildren(h, u, q); return;
    }
    undoPins = null;
    const s = el('svg', { viewBox: '0 0 ' + c.w + ' ' + c.h, class: 'chart', role: 'img', 'aria-label': c.title + ' — ' + c.measure });
    // What the lines plot follows the measure: named above the chart.
    const mh = doc.createElement('p'); mh.className = 'chart-measure'; mh.textContent = c.measure;
    const a = c.axis;
    s.append(el('line', { x1: a.x0, x2: a.x1, y1: a.y0, y2: a.y0, class: 'axis' }), el('line', { x1: a.x0, x2: a.x0, y1: a.ymax, y2: a.y0, class: 'axis' }));
    if (a.xm) s.append(el('line', { x1: a.xm, x2: a.xm, y1: a.ymax, y2: a.y0, stroke: '#bbb', 'stroke-dasharray': '2 2' }));
    const tx = (x, y, txt, anchor) => { const t = el('text', { x, y, 'text-anchor': anchor || 'start' }); t.textContent = txt; s.append(t); };
    tx(a.x0 - 3, a.ymax + 8, a.max, 'end'); tx(a.x0 - 3, a.y0, '0', 'end'); tx(a.x0, a.y0 + 13, a.first); tx(a.x1, a.y0 + 13, a.last, 'end');
    const dashes = ['', '5 3', '2 2', '8 3 2 3'];
    c.items.forEach((it, k) => {
      if (it.ty !== undefined) s.append(el('line', { x1: a.x0, x2: a.x1, y1: it.ty, y2: it.ty, stroke: it.color, 'stroke-width': 1, 'stroke-dasharray': '1 3', opacity: 0.8 }));
      s.append(el('path', { d: it.d, fill: 'none', stroke: it.color, 'stroke-width': 2, 'stroke-dasharray': dashes[k] }));
    });
    const t = doc.createElement('table');
    const thr = doc.createElement('tr');
    for (const hd of c.headers) { const th = doc.createElement('th'); th.scope = 'col'; th.textContent = hd; thr.append(th); }
    const thx = doc.createElement('th'); thx.scope = 'col'; const sr = doc.createElement('span'); sr.className = 'sr-only'; sr.textContent = c.unpin; thx.append(sr); thr.append(thx);
    const thead = doc.createElement('thead'); thead.append(thr);
    const tb = doc.createElement('tbody');
    for (const it of c.items) {
      const tr = doc.createElement('tr'); tr.dataset.code = it.code;
      it.cells.forEach((v, i) => {
        const td = doc.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) { td.scope = 'row'; const k = doc.createElement('span'); k.className = 'key'; k.style.background = it.color; td.append(k); }
        td.append(v); tr.append(td);
      });
      const td = doc.createElement('td'); const b = doc.createElement('button'); b.type = 'button'; b.className = 'btn-secondary';
      b.textContent = '×'; b.setAttribute('aria-label', c.unpin + ' ' + it.name);
      b.addEventListener('click', () => act('unpin', it.code));
      td.append(b); tr.append(td); tb.append(tr);
    }
    t.append(thead, tb);
    const clr = doc.createElement('button'); clr.type = 'button'; clr.className = 'btn-secondary'; clr.textContent = c.clear;
    clr.addEventListener('click', () => { const saved = last.pinned.slice(); act('clear', ''); undoPins = saved; });
    const tbox = doc.createElement('div'); tbox.className = 'table-box'; tbox.append(t);
    box.replaceChildren(h, mh, s, tbox, clr);
  }

  function sortBy(key) {
    if (!goReady()) { whenGo(() => sortBy(key)); return; }
    G.set('sort', key); panels();
  }
  let rowsByCode = new Map();
  function table(tb) {
    const tbl = $('table');
    $('table-caption').textContent = tb.caption;
    const hr = tbl.tHead.rows[0];
    if (!tableBuilt) {
      // The build wrote the default view's table (prerender table.go):
      // its header and rows are adopted, one cell per column as here.
      const body = tbl.tBodies[0];
      const had = hr.children.length === tb.cols.length;
      if (!had) {
        hr.replaceChildren();
        for (const c of tb.cols) {
          const th = doc.createElement('th'); th.scope = 'col'; th.dataset.key = c.key;
          const b = doc.createElement('button'); b.type = 'button'; b.dataset.sort = c.key;
          th.append(b); hr.append(th);
        }
      }
      if (had) for (const tr of body.rows) if (tr.cells.length === tb.cols.length) rowsByCode.set(tr.dataset.code, tr);
      for (const r of tb.rows) {
        if (rowsByCode.has(r[0])) continue;
        const tr = doc.createElement('tr'); tr.dataset.code = r[0];
        for (let i = 0; i < r.length; i++) tr.append(doc.createElement(i === 1 ? 'th' : 'td'));
        tr.children[1].scope = 'row';
        rowsByCode.set(r[0], tr); body.append(tr);
      }
      for (const tr of [...body.rows]) if (rowsByCode.get(tr.dataset.code) !== tr) tr.remove();
      tableBuilt = true;
    }
    // A column repeating the value column in this measure (« % cible »
    // beside « % de la cible 2022 ») is hidden, its cells too.
    const rep = tb.cols.findIndex((c) => c.repeat);
    tb.cols.forEach((c, i) => {
      const th = hr.children[i]; th.firstChild.textContent = c.label;
      th.setAttribute('aria-sort', c.key === tb.sort ? (tb.desc ? 'descending' : 'ascending') : 'none');
      th.hidden = i === rep;
    });
    const body = tbl.tBodies[0];
    const pinned = new Set(last ? last.pinned : []);
    const frag = doc.createDocumentFragment();
    for (const r of tb.rows) {
      const tr = rowsByCode.get(r[0]);
      for (let i = 0; i < r.length; i++) {
        const td = tr.children[i];
        if (td.textContent !== r[i]) td.textContent = r[i];
        if (td.hidden !== (i === rep)) td.hidden = i === rep;
      }
      tr.classList.toggle('pinned', pinned.has(r[0]));
      frag.append(tr);
    }
    body.append(frag);
  }

  // ---------- actions ----------
  function act(key, value) {
    if (!goReady()) { whenGo(() => act(key, value)); return; }
    apply(G.set(key, value), 'push');
    schedulePanels();
  }
  // pin toggles department code, or pins it (on); a 5th pin is refused:
  // the compare panel says so and focuses its unpin buttons, so the reader
  // chooses which one to remove (Go refuses it too: MaxPinned is 4).
  function pin(code, on) {
    if (!goReady()) { whenGo(() => { if (pin(code, on)) showTip(code, false); }); return false; }
    const has = last.pinned.includes(code);
    if (has && on) return true;
    if (!has && last.pinned.length >= 4) { pinsFull(); return false; }
    undoPins = null;
    act(on ? 'pin' : 'toggle', code);
    return true;
  }
  function pinsFull() {
    const box = $('compare');
    let m = box.querySelector('.pins-full');
    if (!m) { m = doc.createElement('p'); m.className = 'pins-full'; m.setAttribute('role', 'alert'); box.querySelector('h3').after(m); }
    m.textContent = ui.pinsFull;
    const b = box.querySelector('tbody button');
    if (b) b.focus();
  }
  let undoPins = null;

  function wireControls() {
    // The table's sort buttons, the build's before Go included.
    $('table').tHead.addEventListener('click', (e) => { const b = e.target.closest('button[data-sort]'); if (b) sortBy(b.dataset.sort); });
    // Phones only show the toggle (CSS); the class does nothing elsewhere.
    $('more').addEventListener('click', () => {
      const open = $('controls').classList.toggle('more-open');
      $('more').setAttribute('aria-expanded', String(open));
    });
    // The skip link lands on the map's department in the tab order (a
    // link to the #map box focused nothing a key could act on).
    doc.querySelector('a.skip').addEventListener('click', (e) => {
      const p = svg && svg.querySelector('path[data-code][tabindex="0"]');
      if (p) { e.preventDefault(); p.focus(); }
    });
    $('indicator').addEventListener('change', (e) => pickIndicator(e.target.value));
    wirePicker();
    for (const id of ['metric', 'scheme', 'classes']) {
      $(id).addEventListener('change', (e) => {
        act(id, e.target.value);
        // Manual classes start from the breaks shown (Go), then can be edited.
        if (id === 'scheme' && e.target.value === 'manual') $('breaks').focus();
      });
    }
    $('breaks').addEventListener('change', (e) => act('breaks', e.target.value));
    $('quality').addEventListener('change', (e) => act('quality', e.target.checked ? '1' : '0'));
    $('month').addEventListener('input', (e) => { stopPlay(); monthTo(+e.target.value); });
    $('play').addEventListener('click', () => (playing ? stopPlay() : startPlay()));
    $('controls').addEventListener('submit', (e) => e.preventDefault());
    const sb = $('search');
    // A new search replaces the last one: the box's text is selected when
    // it takes focus, after Enter, and on the first click after a search
    // (done), so that typing never appends to the last query.
    let fresh = false, done = false;
    sb.addEventListener('pointerdown', () => { fresh = doc.activeElement !== sb || done; done = false; });
    sb.addEventListener('mouseup', (e) => { if (fresh) { e.preventDefault(); sb.select(); } fresh = false; });
    sb.addEventListener('focus', () => sb.select());
    sb.addEventListener('input', () => { done = false; if ($('search-results').querySelector('.search-none')) searchList([]); });
    sb.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      if (!goReady()) {
        // Before Go: a department by its code or the start of its name,
        // focused now, pinned once Go is ready.
        const c = preData && preSearch(sb.value);
        if (!c) { if (preData) searchNone(ui.notFound + colon() + sb.value); return; }
        whenGo(() => pin(c, true));
        focusDept(c, true);
        return;
      }
      const hits = JSON.parse(G.search(sb.value) || '[]');
      searchList([]);
      done = true;
      if (!hits.length) { const m = ui.notFound + colon() + sb.value; say(m); searchNone(m); sb.select(); return; }
      if (hits[0].group) { searchList(hits); sb.select(); return; }
      const code = hits[0].code;
      if (pin(code, true)) focusDept(code, true);
      sb.focus(); sb.select();
    });
    $('search').addEventListener('change', (e) => {
      if (!goReady()) return; // Enter answers before Go
      const v = e.target.value;
      if (!/\)\s*$/.test(v)) return; // picked from the suggestions
      const hits = JSON.parse(G.search(v) || '[]');
      if (hits.length && pin(hits[0].code, true)) focusDept(hits[0].code, false);
    });
    $('lang').addEventListener('click', () => act('lang', uiLang === 'fr' ? 'en' : 'fr'));
    $('export-csv').addEventListener('click', () => whenGo(() => download(G.csv(), 'text/csv;charset=utf-8', 'csv')));
    // The BOM Excel needs (Go writes it; wasm_exec's TextDecoder drops it).
    const excel = (x, ext) => download(x.charCodeAt(0) === 0xfeff ? x : '\ufeff' + x, 'text/csv;charset=utf-8', ext);
    $('export-csv-excel').addEventListener('click', () => whenGo(() => excel(G.csv('excel'), 'excel.csv')));
    // Every month of every department: long as published, wide for Excel.
    $('export-series').addEventListener('click', () => whenGo(() => download(G.csv('', 'long'), 'text/csv;charset=utf-8', 'series.csv')));
    $('export-series-excel').addEventListener('click', () => whenGo(() => excel(G.csv('excel', 'wide'), 'series-excel.csv')));
    $('export-svg').addEventListener('click', () => whenGo(() => download(G.svg(), 'image/svg+xml;charset=utf-8', 'svg')));
    $('export-png').addEventListener('click', () => whenGo(exportPNG));
    $('print').addEventListener('click', () => { $('table-details').open = true; window.print(); });
    for (const b of doc.querySelectorAll('.copy-link')) b.addEventListener('click', copyLink);
    $('embed').addEventListener('click', () => {
      const p = $('embed-panel'); p.hidden = !p.hidden; $('embed').setAttribute('aria-expanded', String(!p.hidden));
      updateEmbedCode();
      if (!p.hidden) $('embed-code').focus();
    });
    window.addEventListener('popstate', async () => {
      const id = new URLSearchParams(location.search).get('ind');
      if (id && !indLoaded.has(id)) await ensureIndicator(id).catch(() => {});
      apply(G.query(location.search), ''); schedulePanels();
    });
    wireFile();
  }

  // searchList lists a region's departments (« Bretagne », « 20 ») under
  // the search box, each a button that pins it; [] empties it.
  function searchList(hits) {
    const box = $('search-results');
    box.hidden = !hits.length;
    if (!hits.length) { box.replaceChildren(); return; }
    const p = doc.createElement('p'); p.textContent = hits[0].group + colon() + ui.searchPick;
    const ul = doc.createElement('ul');
    for (const h of hits) {
      const li = doc.createElement('li'); const b = doc.createElement('button'); b.type = 'button'; b.className = 'btn-secondary';
      b.dataset.code = h.code; b.textContent = h.name + ' (' + h.code + ')';
      b.addEventListener('click', () => { if (pin(h.code, true)) focusDept(h.code, false); });
      li.append(b); ul.append(li);
    }
    box.replaceChildren(p, ul);
    say(p.textContent + colon() + hits.map((h) => h.name).join(', '));
  }

  // searchNone says under the box that a search found nothing (the live
  // region alone was invisible to a sighted reader).
  function searchNone(msg) {
    const box = $('search-results');
    const p = doc.createElement('p'); p.className = 'search-none'; p.textContent = msg;
    box.replaceChildren(p);
    box.hidden = false;
  }

  // ---------- play ----------
  let playing = null;
  function startPlay() {
    if (!goReady()) { whenGo(startPlay); return; }
    if (last.mi >= last.mn - 1) monthTo(0);
    $('play').textContent = '❚❚'; $('play').setAttribute('aria-pressed', 'true'); $('play').setAttribute('aria-label', ui.pause);
    playing = setInterval(() => {
      if (last.mi >= last.mn - 1) { stopPlay(); return; }
      monthTo(last.mi + 1);
    }, 700);
  }
  function stopPlay() {
    if (!playing) return;
    clearInterval(playing); playing = null;
    $('play').textContent = '▶'; $('play').setAttribute('aria-pressed', 'false'); $('play').setAttribute('aria-label', ui.play);
  }

  // ---------- map interaction ----------
  function say(t) { $('live').textContent = t; }
  // announceOf is what the live region says of department code: Go's
  // words once it has loaded and drawn, until then the build's for the
  // default view (Go runs a frame before it has loaded: see yieldFrame).
  function announceOf(code) { return goReady() ? G.announce(code) : (preData ? preData.say[index.get(code)] : ''); }
  function codeOf(e) { const p = e.target.closest && e.target.closest('path[data-code]'); return p ? p.dataset.code : null; }
  function focusDept(code, announce) {
    const i = index.get(code);
    if (i === undefined) return;
    if (focused !== null && index.has(focused)) paths[index.get(focused)].setAttribute('tabindex', '-1');
    focused = code;
    const p = paths[i];
    p.setAttribute('tabindex', '0');
    if (announce) { p.focus({ preventScroll: true }); say(announceOf(code)); }
    showTip(code, true);
  }
  function showTip(code, move) {
    // Go's card, or before Go the one the build wrote for the default view.
    const t = goReady() ? JSON.parse(G.tip(code) || 'null') : preData && preCard(index.get(code));
    if (!t) return;
    const tip = $('tooltip');
    // A new card starts letting taps through; a refresh of the one shown
    // (panels after a pin) keeps what the finished tap allowed.
    if (tip.hidden || tip.dataset.code !== code) tip.classList.remove('settled');
    const h = doc.createElement('h3'); h.textContent = t.name;
    const reg = doc.createElement('div'); reg.className = 'region'; reg.textContent = t.region;
    const big = doc.createElement('p'); big.className = 'big'; big.textContent = t.value;
    const date = doc.createElement('div'); date.textContent = t.date;
    const dl = doc.createElement('dl');
    const kv = (k, v) => { const dt = doc.createElement('dt'); dt.textContent = k; const dd = doc.createElement('dd'); dd.textContent = v; dl.append(dt, dd); };
    kv(t.rankLabel, t.rank); kv(t.cumLabel || ui.colCount, t.cum); kv(ui.target, t.target); kv(ui.pctTarget, t.pct);
    const sp = el('svg', { viewBox: '0 0 ' + t.spark.w + ' ' + t.spark.h, class: 'spark', 'aria-hidden': 'true' });
    if (t.spark.ty !== undefined) sp.append(el('line', { x1: 0, x2: t.spark.w, y1: t.spark.ty, y2: t.spark.ty, class: 'target' }));
    sp.append(el('path', { d: t.spark.d, class: 'line' }));
    if (t.spark.cx !== undefined) sp.append(el('circle', { cx: t.spark.cx, cy: t.spark.cy, r: 3, class: 'dot' }));
    // On a phone a tap opens the card only: it pins with its own button,
    // and closes with one (44 px, the stylesheet shows them in the sheet).
    const acts = doc.createElement('div'); acts.className = 'tip-actions';
    const on = last ? last.pinned.includes(code) : false;
    const pb = doc.createElement('button'); pb.type = 'button'; pb.className = 'btn-secondary'; pb.dataset.act = 'pin';
    pb.textContent = on ? ui.unpin : ui.pin; pb.setAttribute('aria-pressed', String(on));
    pb.setAttribute('aria-label', (on ? ui.unpin : ui.pin) + ' ' + t.name);
    pb.addEventListener('click', () => pin(code, false));
    const cb = doc.createElement('button'); cb.type = 'button'; cb.className = 'tip-close'; cb.dataset.act = 'close';
    cb.textContent = '×'; cb.setAttribute('aria-label', ui.close);
    cb.addEventListener('click', () => hideTip());
    acts.append(pb, cb);
    const had = tip.contains(doc.activeElement) ? doc.activeElement.dataset.act : '';
    const parts = [acts, h, reg, big, date, dl, sp];
    if (t.notes.length) { const ul = doc.createElement('ul'); ul.className = 'notes'; for (const n of t.notes) { const li = doc.createElement('li'); li.textContent = n; ul.append(li); } parts.push(ul); }
    tip.replaceChildren(...parts);
    tip.hidden = false;
    if (had) tip.querySelector('[data-act="' + had + '"]').focus();
    tip.dataset.code = code;
    if (move) placeTip(code);
  }
  // placeTip puts the card beside the department, inside the map column
  // and inside the viewport. On phones the stylesheet makes it a bottom
  // sheet (position: fixed): no coordinates then.
  function placeTip(code) {
    const tip = $('tooltip');
    if (getComputedStyle(tip).position === 'fixed') { tip.style.left = tip.style.top = ''; return; }
    const p = paths[index.get(code)];
    const col = tip.parentElement.getBoundingClientRect();
    const b = p.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth, vh = window.innerHeight;
    const tw = tip.offsetWidth, th = tip.offsetHeight;
    // Allowed range, in column coordinates: the column ∩ the viewport.
    const xMax = Math.min(col.width, vw - col.left) - tw, xMin = Math.max(0, -col.left);
    const yMax = Math.min(col.height, vh - col.top) - th, yMin = Math.max(0, -col.top);
    let x = b.right - col.left + 8;
    if (x > xMax) x = b.left - col.left - tw - 8;
    x = Math.max(xMin, Math.min(x, xMax));
    const y = Math.max(yMin, Math.min(b.top - col.top, yMax));
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  }
  // clearSheet scrolls the page so that department code stays in sight
  // above a phone's bottom sheet (it hid Cher: sheet top 424 px, Cher at
  // 470 px on a 375 px phone), or below the screen's top.
  function clearSheet(code) {
    const p = paths[index.get(code)];
    const top = $('tooltip').getBoundingClientRect().top;
    const b = p.getBoundingClientRect();
    if (b.bottom > top - 8) window.scrollBy(0, Math.min(b.bottom - top + 16, b.top - 8));
    else if (b.top < 0) window.scrollBy(0, b.top - 8);
  }
  function hideTip() { $('tooltip').hidden = true; }
  // wireMap listens on the map's box, once: the build-time map before Go
  // and the live map after answer through the same listeners.
  let mapWired = false;
  function wireMap() {
    if (mapWired) return;
    mapWired = true;
    const box = $('map'), tip = $('tooltip');
    // A mouse's card follows its moves, not pointerover: Chromium sends a
    // pointerover when the page moves under a still cursor (a focused
    // department scrolled into view), and that card replaced the focused
    // one or came back after Escape (CI run 28). A finger has no moves.
    box.addEventListener('pointerover', (e) => { const c = codeOf(e); if (c && e.pointerType !== 'mouse') showTip(c, true); });
    box.addEventListener('pointermove', (e) => {
      const c = codeOf(e);
      if (c && e.pointerType === 'mouse' && (tip.hidden || tip.dataset.code !== c)) showTip(c, true);
    });
    box.addEventListener('pointerleave', () => { if (!svg.contains(doc.activeElement)) hideTip(); });
    box.addEventListener('click', (e) => {
      const c = codeOf(e); if (!c) return;
      // A finger opens the card only (it pins with the card's button); a
      // mouse click or a keyboard's Enter pins.
      if (e.pointerType !== 'touch') pin(c, false);
      focusDept(c, false); say(announceOf(c));
      // The finger has lifted: a phone's bottom sheet may now take touches
      // (scrolling a long card); until then taps went through it.
      tip.classList.add('settled');
      // Once the tap is over (a scroll during it would move the click to
      // another department), the department clears the sheet.
      if (!tip.hidden && getComputedStyle(tip).position === 'fixed') clearSheet(c);
    });
    // Focus listeners sit on the map's box, not the <svg>: Chromium makes
    // an SVG element with focus listeners a tab stop of its own.
    box.addEventListener('focusin', (e) => { const c = codeOf(e); if (c) { focusDept(c, false); say(announceOf(c)); } });
    // Focus moving into the card (a tap on the sheet) keeps it open; leaving
    // both the map and the card closes it.
    const away = (e) => { if (!svg.contains(e.relatedTarget) && !tip.contains(e.relatedTarget)) hideTip(); };
    box.addEventListener('focusout', away);
    tip.addEventListener('focusout', away);
    box.addEventListener('keydown', (e) => {
      const c = codeOf(e); if (!c) return;
      const dir = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }[e.key];
      if (dir) {
        e.preventDefault();
        const n = goReady() ? G.nb(c, dir) : preData.nb[index.get(c)][['up', 'down', 'left', 'right'].indexOf(dir)];
        if (n) focusDept(n, true); else say(announceOf(c));
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault(); if (pin(c, false)) { showTip(c, true); say(announceOf(c)); }
      } else if (e.key === 'Escape') {
        // Escape closes the card; the pins stay (« Tout retirer » clears them).
        e.preventDefault(); hideTip(); say('');
      }
    });
    doc.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('tooltip').hidden) hideTip(); });
  }

  // ---------- exports ----------
  function fileBase() { return 'francenum-' + (last ? last.state.ind + '-' + last.state.metric + '-' + last.state.date : 'carte'); }
  function download(text, type, ext) {
    const blob = text instanceof Blob ? text : new Blob([text], { type });
    const a = doc.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileBase() + '.' + ext;
    doc.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
  function exportPNG() {
    const src = G.svg();
    const img = new Image();
    const url = URL.createObjectURL(new Blob([src], { type: 'image/svg+xml;charset=utf-8' }));
    img.onload = () => {
      const scale = 2;
      const c = doc.createElement('canvas');
      c.width = img.naturalWidth * scale || 2000; c.height = img.naturalHeight * scale || 1600;
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(img, 0, 0, c.width, c.height);
      URL.revokeObjectURL(url);
      c.toBlob((b) => download(b, 'image/png', 'png'), 'image/png');
    };
    img.onerror = () => alertBox('PNG : ' + (ui.loadError || 'échec'), false);
    img.src = url;
  }

  // ---------- your own file ----------
  function wireFile() {
    const drop = $('drop');
    $('file').addEventListener('change', (e) => { readFiles(e.target.files); e.target.value = ''; });
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); readFiles(e.dataTransfer.files); });
  }
  async function readFiles(files) {
    if (!goReady()) { const fs = Array.from(files || []); whenGo(() => readFiles(fs)); return; }
    const out = $('file-report');
    out.replaceChildren();
    for (const f of Array.from(files || [])) {
      // Go refuses a file over its size limit before the page reads it
      // (an empty answer: the size is accepted).
      const s = G.file(f.name, f.size) || G.file(f.name, new Uint8Array(await f.arrayBuffer()));
      const rep = JSON.parse(s);
      out.append(fileReport(rep));
      if (rep.ok) { apply(G.render(), 'push'); refreshIndicators(); schedulePanels(); }
    }
  }
  // fileReport draws one file's report: its refusal, or its warnings
  // grouped by reason (one line per reason, its count and first lines).
  function fileReport(rep) {
    const sec = doc.createElement('div');
    sec.dataset.i = rep.i;
    const h = doc.createElement('p');
    const strong = doc.createElement('strong'); strong.className = rep.ok ? 'ok' : '';
    strong.textContent = rep.title;
    h.append(strong, ' — ' + rep.name + (rep.kind ? ' (' + rep.kind + ')' : ''));
    sec.append(h);
    if (rep.error) { const e = doc.createElement('div'); e.setAttribute('role', 'alert'); e.textContent = rep.error; sec.append(e); }
    if (rep.counts) { const c = doc.createElement('p'); c.textContent = rep.counts; sec.append(c); }
    // Fewer departments than the map's: said before the warnings.
    if (rep.coverage) { const c = doc.createElement('p'); c.className = 'file-coverage'; const b = doc.createElement('strong'); b.textContent = rep.coverage; c.append(b); sec.append(c); }
    if (rep.warnings.length) {
      const ul = doc.createElement('ul');
      for (const w of rep.warnings) { const li = doc.createElement('li'); li.dataset.line = w.line; li.dataset.code = w.code; li.dataset.count = w.count; li.textContent = w.text; ul.append(li); }
      if (!rep.ok) { const box = doc.createElement('div'); box.setAttribute('role', 'alert'); box.append(ul); sec.append(box); } else sec.append(ul);
    }
    return sec;
  }

  // ---------- embedding ----------
  let allowed = [];
  // A pym.js 1.3.2 Parent names its frame in the URL (childId) and sizes it
  // from string messages "pymxPYMx<childId>xPYMxheightxPYMx<h>". Read here,
  // before the first history.replaceState drops the host's parameters.
  const pymId = embed ? params.get('childId') || '' : '';
  // The id under which Datawrapper-style listeners get the height: they
  // size the iframe whose window sent it, whatever the id.
  const DW_ID = 'francenum-map';
  function setupEmbed(cfg) {
    allowed = Array.isArray(cfg && cfg.embed_origins) ? cfg.embed_origins.filter((o) => typeof o === 'string' && o !== '*' && /^https?:\/\/[^/]+$/.test(o)) : [];
    // EMBED_ORIGINS "*" (anyone may embed): talk to the embedding page's own
    // origin only, never to "*".
    if (Array.isArray(cfg && cfg.embed_origins) && cfg.embed_origins.includes('*')) {
      let anc = '';
      try { anc = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : (doc.referrer ? new URL(doc.referrer).origin : ''); } catch (_) { anc = ''; }
      if (/^https?:\/\/[^/]+$/.test(anc) && !allowed.includes(anc)) allowed.push(anc);
    }
    if (!embed || window.parent === window) return;
    window.addEventListener('message', onHostMessage);
    // The body's own height, not the document's scrollHeight: that one is
    // never less than the frame's height, so a frame that started too
    // tall would be told to stay so.
    let lastH = 0;
    // While the host follows the height sent (the frame is that high),
    // the frame shows no scrollbar: one left from a first, too low frame
    // stayed as an empty gutter (narrower, the map was just short enough
    // to fit; wider, just too tall). A host that does not follow keeps
    // the scrollbar, and nothing is cut.
    const fit = () => root.classList.toggle('fitted', lastH > 0 && Math.abs(window.innerHeight - lastH) <= 1);
    const send = () => {
      const h = Math.ceil(doc.body.getBoundingClientRect().height);
      if (h === lastH) return;
      lastH = h;
      fit();
      // The same height in the three conventions: ours, pym.js's (only
      // when a pym Parent gave a childId: the id is its message's
      // address) and Datawrapper's embed script's.
      post({ type: 'francenum:height', height: h });
      if (pymId) post('pymxPYMx' + pymId + 'xPYMxheightxPYMx' + h);
      post({ 'datawrapper-height': { [DW_ID]: h } });
    };
    window.addEventListener('resize', fit);
    new ResizeObserver(send).observe(doc.body);
    send();
    postState();
  }
  // onHostMessage takes a host's francenum:set. Messages are applied in
  // the order they came, so the last one wins: one naming an indicator not
  // loaded yet waits for its files, and the messages after it wait for it
  // (they used to land first, then be overwritten by it). Messages that
  // came while one waited are merged into one patch, later keys winning.
  const hostPending = [];
  let hostBusy = false;
  function onHostMessage(e) {
    if (!allowed.includes(e.origin) || e.source !== window.parent) return;
    const d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'francenum:set' || typeof d.state !== 'object' || d.state === null) return;
    hostPending.push(hostState(d.state));
    if (!hostBusy) drainHost();
  }
  // hostState keeps a host's state as text, field by field: a string as
  // it is, a number or boolean written out, a list of codes joined by
  // commas; any other value (an object, a function) becomes a text Go does
  // not understand, so that field falls back to its default with a notice,
  // as a bad URL value does (String() of {toString: 1} threw a TypeError).
  function hostState(st) {
    const out = {};
    for (const k of Object.keys(st)) {
      const v = st[k];
      const t = typeof v;
      if (t === 'string') out[k] = v;
      else if ((t === 'number' && isFinite(v)) || t === 'boolean') out[k] = String(v);
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) out[k] = v.join(',');
      else out[k] = '(' + (v === null ? 'null' : Array.isArray(v) ? 'array' : t) + ')';
    }
    return out;
  }
  async function drainHost() {
    hostBusy = true;
    try {
      while (hostPending.length) {
        const st = Object.assign({}, ...hostPending.splice(0));
        const id = st.ind || '';
        // Go applies the keys the host gives; the others keep their value.
        // An indicator not loaded yet is fetched first (one request, cached).
        if (id && validID(id) && !indLoaded.has(id)) {
          root.dataset.state = 'loading';
          await ensureIndicator(id).catch(() => {});
          root.dataset.state = 'ready';
          // Newer messages came meanwhile: merge them in (they win).
          if (hostPending.length) { hostPending.unshift(st); continue; }
        }
        apply(G.patch(...Object.entries(st).flat()), 'push');
        schedulePanels();
      }
    } finally { hostBusy = false; }
  }
  function post(msg) { if (window.parent === window) return; for (const o of allowed) { try { window.parent.postMessage(msg, o); } catch (_) { /* not that origin */ } } }
  function postState() { if (embed && last && allowed.length) post({ type: 'francenum:state', state: last.state }); }
  function updateEmbedCode() {
    const ta = $('embed-code');
    if (!ta) return;
    const origin = location.origin;
    const q = last ? last.q.split('&').filter((x) => x && !x.startsWith('embed=')).join('&') : '';
    const src = origin + '/?' + (q ? q + '&' : '') + 'embed=1';
    const title = ui.embedTitle || 'Carte France Num';
    ta.value = '<iframe id="francenum-map" src="' + src + '" title="' + title + '" style="width:100%;height:640px;border:0" loading="lazy"></iframe>\n' +
      '<script>\n' +
      'window.addEventListener("message", function (e) {\n' +
      '  if (e.origin !== "' + origin + '" || !e.data) return;\n' +
      '  if (e.data.type === "francenum:height") {\n' +
      '    document.getElementById("francenum-map").style.height = e.data.height + "px";\n' +
      '  }\n' +
      '});\n' +
      '</' + 'script>';
    // The same view for a page that already has pym.js (its Parent makes
    // the iframe and adds childId to the URL) or Datawrapper's responsive
    // embed script (it sizes any iframe that posts datawrapper-height).
    $('embed-pym').value = '<div id="francenum-map"></div>\n' +
      '<script>new pym.Parent("francenum-map", "' + src + '", {title: "' + title + '"});</' + 'script>';
    $('embed-dw').value = '<iframe src="' + src + '" title="' + title + '" style="width:100%;height:640px;border:0" loading="lazy"></iframe>';
  }

  // ---------- before Go ----------
  // The default view answers before Go (internal/prerender cards.go): the
  // build-time map takes hover, focus, taps and arrow keys with the cards,
  // neighbours and announcements the build wrote; its departments join the
  // tab order. Go adopts the same paths and listeners once ready.
  let preData = null;
  function preMap() {
    const pre = doc.querySelector('#map svg.prerender'), data = $('fn-pre');
    if (!pre || !data || root.classList.contains('has-query')) return;
    try { preData = JSON.parse(data.textContent); } catch (_) { return; }
    svg = pre;
    paths = Array.from(pre.querySelectorAll('g:not(.frames) > path[data-code]'));
    codes = paths.map((p) => p.getAttribute('data-code'));
    index = new Map(codes.map((c, i) => [c, i]));
    if (paths.length !== preData.cards.length) { preData = null; return; }
    ui = Object.assign({}, preData.ui, ui);
    paths.forEach((p, i) => { p.setAttribute('tabindex', i === 0 ? '0' : '-1'); p.setAttribute('role', 'img'); p.setAttribute('aria-label', preData.say[i]); });
    wireMap();
  }
  // preCard is the build's card of the department at index i, put back
  // together: its own fields, those every card shares, and the figures
  // its row of the HTML table shows (prerender's compact).
  function preCard(i) {
    const c = Object.assign({}, preData.same, preData.cards[i]);
    c.code = codes[i];
    const row = $('table').querySelector('tbody tr[data-code="' + c.code + '"]');
    for (const f in preData.cols) if (c[f] === undefined && row) c[f] = row.cells[preData.cols[f]].textContent;
    return c;
  }
  // preSearch finds a department before Go: its code (« 18 », « 2a »,
  // « 1 ») or the start of its name, accents and case aside.
  function preSearch(q) {
    const f = fold(q).trim();
    if (!f) return null;
    const code = f.toUpperCase().replace(/^(\d)$/, '0$1');
    if (index.has(code)) return code;
    for (let i = 0; i < codes.length; i++) {
      const name = fold(preData.cards[i].name.replace(/ \([^)]*\)$/, ''));
      if (name === f || name.startsWith(f)) return codes[i];
    }
    return null;
  }
  // What the visitor asks of Go before it is ready (a pin, another
  // indicator, month or measure, the language, an export, a file) waits
  // here, in order, and runs once Go is (the progress bar says it is
  // coming).
  const preQueue = [];
  function goReady() { return !!(G && last); }
  function whenGo(f) {
    if (goReady()) return f();
    preQueue.push(f);
    $('progress').hidden = false;
    return undefined;
  }
  function drainQueue() { for (const f of preQueue.splice(0)) f(); }

  // ---------- go ----------
  function main() {
    wireControls();
    preMap();
    start();
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', main); else main();
})();
