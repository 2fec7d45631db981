// Fast path of the Worker (imported by entry.mjs): a GET or HEAD of a data
// file (/api/v1/numerisation/*.csv; /api/v1/indicators and each
// indicator's files) whose stored version is fresh is answered here,
// without starting the Go wasm (a fresh instance per request costs ~10 ms
// of CPU, the Free plan's whole budget). Go decides everything: next to
// each file's bytes it stores a record (workerapi.FastRecord; one
// workerapi.FastGroup for all the indicator routes) with the headers of
// its own answer and until when they hold; this only replays them. A miss, a stale record,
// one written under other wrangler vars, or any error returns null, and Go
// answers as before (as it does for /api/v1/meta and the refreshes).

// Names shared with internal/workerapi (FastKeyPrefix) and wasm/worker
// (cacheName, cacheKeyBase).
export const FAST_PREFIX = "v2/fast/";
const CACHE_NAME = "francenum-map";
const CACHE_BASE = "https://francenum-map.cache/";
const DATA_PATH = /^\/api\/v1\/numerisation\/([a-z]+)\.csv$/;
// The indicator routes share one record (workerapi.FastGroup): its
// answers are keyed by path, so any path it does not list goes to Go.
const GROUP_PATH = /^\/api\/v1\/indicators(\/|$)/;
export const GROUP_KEY = FAST_PREFIX + "indicators";
// How long a record read from KV stays in this colo's Cache API (KV itself
// is eventually consistent over about as long).
const RECORD_TTL = 60;
const DATA_TTL = 31536000; // data keys are immutable (upstream URL + date)

export async function fastAnswer(request, env, ctx, caches = globalThis.caches) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const path = new URL(request.url).pathname;
  const m = DATA_PATH.exec(path);
  const group = !m && GROUP_PATH.test(path);
  if (!m && !group) return null;
  try {
    const store = new ReadThrough(env.DATA_KV, ctx, caches);
    const text = await store.get(group ? GROUP_KEY : FAST_PREFIX + m[1], "text", RECORD_TTL);
    if (text === null) return null;
    const rec = group ? groupAnswer(parseGroup(text), path) : JSON.parse(text);
    if (!usable(rec, env, Date.now())) return null;
    let bytes = memo.get(rec.key);
    if (bytes === undefined) {
      bytes = await store.get(rec.key, "bytes", DATA_TTL);
      if (bytes === null) return null;
      remember(rec.key, bytes);
    }
    return replay(request, rec, bytes);
  } catch {
    return null; // Go answers, and says what is wrong
  }
}

// memo keeps the bytes of the last few data keys in this isolate (they are
// reused across requests): a data key never changes its bytes (upstream URL
// and date are in the key), so only the record needs a lookup per request,
// and the ~0.6 MB detail file is not read from the cache each time.
const memo = new Map();
const MEMO_KEYS = 6;

function remember(key, bytes) {
  memo.set(key, bytes);
  for (const k of memo.keys()) {
    if (memo.size <= MEMO_KEYS) break;
    memo.delete(k); // oldest first
  }
}

// replay answers with the record's headers: a 304, or the body.
function replay(request, rec, body) {
  const headers = new Headers(rec.headers);
  // The one header of ours: which path answered (Go's answer has none).
  headers.set("Server-Timing", "fast-path");
  const head = request.method === "HEAD";
  if (notModified(request.headers, rec.etag, rec.last_modified)) {
    headers.delete("Content-Length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(head ? null : body, { headers });
}

// parseGroup parses a group record, reusing the last parse while the text
// is the same (it lists every indicator's files: ~70 kB for 165 answers,
// and comparing strings costs far less than parsing them).
let lastGroup = { text: null, value: null };
function parseGroup(text) {
  if (text !== lastGroup.text) lastGroup = { text, value: JSON.parse(text) };
  return lastGroup.value;
}

// groupAnswer turns a path's answer of a group record into a record like
// the others: the shared headers, then the answer's own. null when the
// record does not list the path.
export function groupAnswer(g, path) {
  if (!g || typeof g.answers !== "object" || !Object.hasOwn(g.answers, path) || !Array.isArray(g.headers)) return null;
  const a = g.answers[path];
  if (!a || !Array.isArray(a.headers)) return null;
  return { stamp: g.stamp, vars: g.vars, sep: g.sep, key: a.key, fresh_until: a.fresh_until, etag: a.etag,
    last_modified: a.last_modified, headers: [...g.headers, ...a.headers] };
}

// usable: a record Go wrote under these very vars, still fresh.
export function usable(rec, env, now) {
  if (!rec || typeof rec.key !== "string" || !Array.isArray(rec.vars) || !Array.isArray(rec.headers)) return false;
  return stamp(env, rec.vars, rec.sep) === rec.stamp && now < rec.fresh_until;
}

// stamp joins the raw values of the vars as workerapi.LoadConfig does.
export function stamp(env, vars, sep) {
  return vars.map((k) => (env[k] === undefined ? "" : String(env[k]))).join(sep);
}

// notModified mirrors workerapi.NotModified: If-None-Match (weak
// comparison) wins; If-Modified-Since only without it.
export function notModified(h, etag, lastModified) {
  const inm = h.get("If-None-Match");
  if (inm) {
    if (!etag) return false;
    const want = etag.replace(/^W\//, "");
    return inm.split(",").some((t) => {
      t = t.trim();
      return t === "*" || t.replace(/^W\//, "") === want;
    });
  }
  const ims = h.get("If-Modified-Since");
  if (ims && lastModified) {
    const t = /GMT$/.test(ims.trim()) ? Date.parse(ims) : NaN;
    return !Number.isNaN(t) && lastModified * 1000 <= t;
  }
  return false;
}

// ReadThrough reads a key from this colo's Cache API, else from KV (the
// store of record), copying what KV gave into the cache after the answer.
export class ReadThrough {
  constructor(kv, ctx, caches) {
    this.kv = kv;
    this.ctx = ctx;
    this.caches = caches;
  }

  async cache() {
    if (this.c === undefined) this.c = this.caches ? await this.caches.open(CACHE_NAME) : null;
    return this.c;
  }

  // get returns the value as "text" or "bytes" (an ArrayBuffer), or null.
  async get(key, as, ttl) {
    const c = await this.cache();
    const hit = c ? await c.match(CACHE_BASE + key) : undefined;
    if (hit) return as === "text" ? hit.text() : hit.arrayBuffer();
    if (!this.kv) return null;
    const v = await this.kv.get(key, as === "text" ? "text" : "arrayBuffer");
    if (v === null) return null;
    if (c) {
      const copy = new Response(v, { headers: { "Cache-Control": "max-age=" + ttl } });
      this.ctx.waitUntil(c.put(CACHE_BASE + key, copy).catch(() => {}));
    }
    return v;
  }
}
