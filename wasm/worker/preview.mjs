// Link previews of the views that are not the default one (issue 25),
// answered by the entry script: the texts a page's head carries
// (page.mjs) and the 1200×630 PNG at VIEW_IMAGE_PATH?<view>. Go draws
// them (wasm/preview: the app on the data the Worker serves, then
// preview.Of, as `francenum preview` draws the default view at build
// time) and resvg makes the PNG (draw.mjs, given here as `drawer`, so
// that this file's pure parts run under node --test).
//
// Each is drawn once per view and data version, then served from KV:
// the key names the build (the drawing code, fonts and geometry), the
// data's version (the ETag of every file the view is drawn from) and the
// view's query. The data comes from the store Go fills (fast.mjs,
// storedFile) or, when Go has stored none, the build's snapshot: what the
// API serves then. No Go API request is made.
//
// Whatever goes wrong — a view the app does not show as asked (an
// unknown indicator, a month outside the data…), missing data, an error
// or a timeout of the drawing, a drawing that never finished (the Free
// plan's 10 ms of CPU stops it: see pending) — the default view's picture
// answers, with the default view's alternative text in the page.
import { viewQuery, viewLang, isDefaultView, VIEW_IMAGE_PATH } from "./oembed.mjs";
import { storedFile, ReadThrough } from "./fast.mjs";

export { VIEW_IMAGE_PATH, isDefaultView };
export const PREVIEW_PREFIX = "v2/preview/";
// The two indicators of the France Num files (workerapi.Indicators): any
// other is drawn from its own files too.
export const FRANCE_NUM = ["nb-entreprises-cheaque-numerique", "nb-diagnostics-individualises"];
// The longest view query drawn: every real view is far shorter (101 pins
// and 7 breaks are under 500 bytes); a longer one is not a view.
export const MAX_QUERY = 600;
// A drawing started and not stored after PENDING_MS did not finish (the
// invocation was stopped, usually by the plan's CPU limit): the view then
// gets the default picture until RETRY_MS have passed.
export const PENDING_MS = 30000;
export const RETRY_MS = 3600000;
// How long the data reads may take before the default picture answers.
export const READ_TIMEOUT_MS = 5000;

// indOf is the view's indicator when it is not a France Num one, else "".
export function indOf(q) {
  const m = /(?:^|&)ind=([^&]*)/.exec(q);
  const id = m ? decodeURIComponent(m[1]) : "";
  return id === "" || FRANCE_NUM.includes(id) ? "" : id;
}

// validInd mirrors workerapi.ValidID: lower-case letters, digits, single
// hyphens, at most 100 bytes.
export function validInd(id) {
  return id.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
}

// sources lists the files view q is drawn from: [API path, snapshot path,
// name given to Go]; the geometry comes from the assets.
export function sources(q) {
  const out = ["detail", "synthese", "national"].map((n) => ["/api/v1/numerisation/" + n + ".csv", "/snapshot/" + n + ".csv", n]);
  const id = indOf(q);
  if (id) {
    out.push(["/api/v1/indicators/" + id + ".csv", "/snapshot/indicators/" + id + ".csv", "ind_detail"]);
    for (const n of ["synthese", "national"]) out.push(["/api/v1/indicators/" + id + "/" + n + ".csv", "/snapshot/indicators/" + id + "/" + n + ".csv", "ind_" + n]);
  }
  return out;
}

// previewKey is the KV key prefix of a view's preview: the build, the
// data version and the view, hashed (KV keys are at most 512 bytes).
export async function previewKey(build, version, q) {
  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(build + "\n" + version + "\n" + q));
  const hex = [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return PREVIEW_PREFIX + hex.slice(0, 40);
}

// isPreviewPNG checks a PNG's signature and IHDR: 1200×630.
export function isPreviewPNG(b) {
  const u = new Uint8Array(b);
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (u.length < 24 || sig.some((x, i) => u[i] !== x)) return false;
  const v = new DataView(u.buffer, u.byteOffset, u.byteLength);
  return String.fromCharCode(...u.slice(12, 16)) === "IHDR" && v.getUint32(16) === 1200 && v.getUint32(20) === 630;
}

// Preview is one request's view of the previews: what the data is, where
// its preview is stored, and how to draw it.
export class Preview {
  constructor(request, env, ctx, drawer, caches = globalThis.caches) {
    this.url = new URL(request.url);
    this.env = env;
    this.ctx = ctx;
    this.drawer = drawer;
    this.caches = caches;
    this.q = viewQuery(this.url.search);
    this.lang = viewLang(this.q);
    this.timing = [];
  }

  // own: a view that gets its own preview (not the default one, a query
  // short enough, a well-formed indicator id).
  own() {
    const id = indOf(this.q);
    return !!this.drawer && !!this.env.DATA_KV && !isDefaultView(this.q) && this.q.length <= MAX_QUERY && (id === "" || validInd(id));
  }

  // version reads the data's version (each file's stored ETag, or the
  // snapshot's date when Go stored none) and sets this.key.
  async version() {
    const t0 = Date.now();
    this.files = await Promise.all(sources(this.q).map(async ([api, snap, name]) => ({ api, snap, name, stored: await storedFile(api, this.env, this.ctx, this.caches) })));
    const geo = await geoVersion(this.env, this.url.origin);
    const vs = this.files.map((f) => (f.stored ? f.stored.etag : "snapshot " + (this.env.SNAPSHOT_LAST_MODIFIED || "")));
    // The data's version, less the indicator's own files: Go keeps one app
    // per version and merges each indicator's files into it once.
    this.data = [geo, ...vs.slice(0, 3)].join(",");
    this.indData = vs.slice(3).join(",");
    this.key = await previewKey(this.drawer.build, [geo, ...vs].join(","), this.q);
    this.timing.push("version;dur=" + (Date.now() - t0));
    return this.key;
  }

  store() {
    return new ReadThrough(this.env.DATA_KV, this.ctx, this.caches);
  }

  // cached returns the stored texts ({query, meta}) or PNG (ArrayBuffer),
  // or null. A key never changes its value (the build, the data version
  // and the view are in it), so this isolate keeps the last few it read.
  async cached(kind) {
    const k = this.key + "." + kind;
    const memo = kind === "json" ? texts : pictures;
    let v = memo.get(k);
    if (v === undefined) {
      v = await this.env.DATA_KV.get(k, kind === "json" ? "json" : "arrayBuffer");
      if (v !== null) keep(memo, k, v, kind === "json" ? 200 : 4);
    }
    return v;
  }

  // pending: a drawing of this view started within RETRY_MS and never
  // stored its result (see PENDING_MS): drawing again would fail again.
  async pending() {
    const p = await this.env.DATA_KV.get(this.key + ".pending", "text");
    const at = Number(p);
    const now = Date.now();
    return p !== null && now - at > PENDING_MS && now - at < RETRY_MS;
  }

  // inputs reads the geometry and the view's files; null when the view's
  // indicator has no files (not a view of the data).
  async inputs() {
    const t0 = Date.now();
    const assets = (path) => this.env.ASSETS.fetch(new Request(this.url.origin + path)).then((r) => (r.ok ? r.arrayBuffer() : null));
    const read = Promise.all([
      assets("/geo/departements.bin"),
      ...this.files.map((f) => (f.stored ? f.stored.bytes() : assets(f.snap))),
    ]);
    const got = await withTimeout(read, READ_TIMEOUT_MS, "the data reads");
    const files = { geo: got[0] && new Uint8Array(got[0]) };
    this.files.forEach((f, i) => {
      if (got[i + 1]) files[f.name] = new Uint8Array(got[i + 1]);
    });
    this.timing.push("read;dur=" + (Date.now() - t0));
    if (!files.geo || !files.detail) throw new Error("preview: the geometry or the detail file is missing");
    const id = indOf(this.q);
    if (id) {
      if (!files.ind_detail) return null;
      files.ind = id;
      files.ind_version = this.indData;
    }
    return files;
  }

  // view draws the view's texts (and SVG when svg): { query, meta, svg },
  // or null for a query the app refuses.
  async view(svg) {
    const files = await this.inputs();
    if (files === null) return null;
    const t0 = Date.now();
    const v = this.drawer.view(files, this.data, this.q, svg);
    this.timing.push("go;dur=" + (Date.now() - t0));
    if (v.query_error) return null;
    if (v.error) throw new Error(v.error);
    return v;
  }

  // meta are the view's texts for the page's head: { meta, source }
  // (source "cache" or "drawn"), or null when the view has none of its
  // own (the page then says the site's texts over the default picture).
  async meta() {
    if (!this.own()) return null;
    await this.version();
    const hit = await this.cached("json");
    if (hit) return hit.meta ? { meta: hit.meta, source: "cache" } : null;
    const v = await this.draw(false);
    return v && { meta: v.meta, source: "drawn" };
  }

  // png is the view's picture: { png, source } (source "cache" or
  // "drawn"), or null when the default picture must answer (this.why
  // says why).
  async png() {
    if (!this.own()) {
      this.why = "the default view, or not a view";
      return null;
    }
    await this.version();
    const hit = await this.cached("png");
    if (hit) return { png: hit, source: "cache" };
    const refused = await this.cached("json");
    if (refused && !refused.meta) {
      this.why = "view not shown as asked";
      return null;
    }
    const v = await this.draw(true);
    return v && { png: v.png, source: "drawn" };
  }

  // draw draws the view (its texts, and its PNG when png) and stores what
  // it drew, or that the app refused the view (stored too: asking again
  // gives the same answer until the data changes). A marker stored before
  // and removed after tells the next requests when a drawing never ended
  // (the invocation was stopped: the CPU limit of the plan): they answer
  // the default until RETRY_MS have passed, instead of failing again.
  async draw(png) {
    const kv = this.env.DATA_KV;
    if (await this.pending()) {
      this.why = "an earlier drawing of this view did not finish (CPU limit?)";
      return null;
    }
    await kv.put(this.key + ".pending", String(Date.now()));
    const done = (...puts) => this.ctx.waitUntil(Promise.all(puts).then(() => kv.delete(this.key + ".pending")).catch(() => {}));
    const v = await this.view(png);
    if (v === null) {
      this.why = "view not shown as asked";
      keep(texts, this.key + ".json", { query: null, meta: null }, 200);
      done(kv.put(this.key + ".json", JSON.stringify({ query: null, meta: null })));
      return null;
    }
    keep(texts, this.key + ".json", { query: v.query, meta: v.meta }, 200);
    const doc = JSON.stringify({ query: v.query, meta: v.meta });
    if (!png) {
      done(kv.put(this.key + ".json", doc));
      return v;
    }
    const t0 = Date.now();
    v.png = await this.drawer.png(v.svg);
    this.timing.push("resvg;dur=" + (Date.now() - t0));
    if (!isPreviewPNG(v.png)) throw new Error("preview: resvg gave no 1200×630 PNG");
    keep(pictures, this.key + ".png", v.png, 4);
    done(kv.put(this.key + ".png", v.png), kv.put(this.key + ".json", doc));
    return v;
  }
}

// imageAnswer answers GET or HEAD VIEW_IMAGE_PATH?<view>, or returns null
// for any other path: the view's PNG, else the default view's picture in
// the view's language (X-Preview says which: cache, drawn, default, and
// why in X-Preview-Reason).
export async function imageAnswer(request, env, ctx, drawer) {
  const u = new URL(request.url);
  if (u.pathname !== VIEW_IMAGE_PATH) return null;
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response("method not allowed\n", { status: 405, headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" } });
  }
  const p = new Preview(request, env, ctx, drawer);
  let got = null;
  let reason = "";
  try {
    got = await p.png();
    if (got === null) reason = p.why || "no picture of its own";
  } catch (e) {
    reason = String(e && e.message ? e.message : e).slice(0, 200);
  }
  if (got && got.png) {
    const h = new Headers({
      "Content-Type": "image/png",
      "Content-Length": String(got.png.byteLength),
      // The view and the data version name the picture; a new version is
      // a new picture at the same URL, so only a day's reuse.
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
      "X-Preview": got.source,
      "Server-Timing": p.timing.join(", "),
    });
    return new Response(request.method === "HEAD" ? null : got.png, { status: 200, headers: h });
  }
  const def = await env.ASSETS.fetch(new Request(u.origin + "/og/default-" + p.lang + ".png"));
  const h = new Headers(def.headers);
  h.set("Cache-Control", "public, max-age=300"); // the view's own may follow
  h.set("X-Preview", "default");
  h.set("X-Preview-Reason", reason.replace(/[^\x20-\x7e]/g, "?"));
  return new Response(request.method === "HEAD" ? null : def.body, { status: def.status, headers: h });
}

// texts and pictures are the previews this isolate read or drew last
// (immutable under their keys): the texts of 200 views, 4 pictures
// (~130 KB each).
const texts = new Map();
const pictures = new Map();
function keep(memo, k, v, n) {
  memo.set(k, v);
  for (const old of memo.keys()) {
    if (memo.size <= n) break;
    memo.delete(old); // oldest first
  }
}

// geoVersion is the geometry asset's ETag, read once per isolate (a
// deploy starts new isolates): a new geometry is a new picture.
let geoP = null;
function geoVersion(env, origin) {
  if (geoP === null) {
    geoP = env.ASSETS.fetch(new Request(origin + "/geo/departements.bin", { method: "HEAD" }))
      .then((r) => r.headers.get("ETag") || "")
      .catch(() => {
        geoP = null;
        return "";
      });
  }
  return geoP;
}

function withTimeout(p, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("preview: " + what + " took over " + ms + " ms")), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
