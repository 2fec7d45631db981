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

// HOLD_MS bounds how long an isolate answers from a record it holds in
// memory before it reads the store again. Holding it is what makes the fast
// path cheap (no Cache API or KV read, no JSON.parse per request), and it is
// safe because what it could miss is bounded:
// - staleness by time: fresh_until is checked on every request, and a
//   record past it is read again, then left to Go if still stale;
// - a new record written by Go in this isolate (a visitor's refresh, the
//   cron): the Go store calls globalThis.francenumFastForget (forget), so
//   it is followed at once;
// - a new record written elsewhere (another isolate or colo): seen at most
//   HOLD_MS later than a read of the store would see it, itself up to
//   RECORD_TTL (this colo's cached copy) plus KV's own propagation (about a
//   minute) late;
// - other wrangler vars: a deploy starts new isolates, and the stamp is
//   checked on every request anyway.
export const HOLD_MS = 2000;

export async function fastAnswer(request, env, ctx, caches = globalThis.caches) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const path = new URL(request.url).pathname;
  const m = DATA_PATH.exec(path);
  const group = !m && GROUP_PATH.test(path);
  if (!m && !group) return null;
  const key = group ? GROUP_KEY : FAST_PREFIX + m[1];
  try {
    const store = new ReadThrough(env.DATA_KV, ctx, caches);
    const now = Date.now();
    let h = held.get(key);
    const read = h === undefined || !(now - h.at < HOLD_MS);
    if (read) h = await reread(key, store, now);
    let a = h && answerOf(h, path, group);
    if (!read && !(a && usable(a.rec, env, now))) {
      // Stale in memory: the store may hold a newer record.
      h = await reread(key, store, now);
      a = h && answerOf(h, path, group);
    }
    if (!a || !usable(a.rec, env, now)) return null;
    let bytes = memo.get(a.rec.key);
    if (bytes === undefined) {
      bytes = await store.get(a.rec.key, "bytes", DATA_TTL);
      if (bytes === null) return null;
      remember(a.rec.key, bytes);
    }
    if (notModified(request.headers, a.rec.etag, a.rec.last_modified)) {
      return new Response(null, { status: 304, headers: a.notModified });
    }
    return new Response(request.method === "HEAD" ? null : bytes, { headers: a.ok });
  } catch {
    held.delete(key); // read it again next time
    return null; // Go answers, and says what is wrong
  }
}

// held maps a record's store key to what this isolate last read of it:
// { text, value (parsed), at (ms, when the read started), answers (path →
// answer, see answerOf) }. At most one read per key is in flight.
const held = new Map();
const reading = new Map();
let generation = 0; // a read started before a forget is not held

// forget drops every held record (the Go store calls it, through
// globalThis.francenumFastForget, after it writes or deletes one).
export function forget() {
  held.clear();
  reading.clear();
  absent.clear();
  generation++;
}

function reread(key, store, now) {
  let p = reading.get(key);
  if (p === undefined) {
    const gen = generation;
    p = (async () => {
      try {
        const text = await store.get(key, "text", RECORD_TTL);
        const old = held.get(key);
        if (text === null) {
          if (gen === generation) held.delete(key);
          return null;
        }
        // The same text (the usual case) keeps its parse and answers.
        const h = old !== undefined && old.text === text ? old : { text, value: JSON.parse(text), answers: new Map() };
        h.at = now;
        if (gen === generation) held.set(key, h);
        return h;
      } finally {
        if (reading.get(key) === p) reading.delete(key);
      }
    })();
    reading.set(key, p);
  }
  return p;
}

// answerOf is a path's answer in a held record: the record (for a group,
// the path's own, see groupAnswer) and its headers, built once: Go's,
// plus the one of ours (Server-Timing: which path answered), and for a
// 304 the same without Content-Length. null when the record does not
// answer the path. Only listed paths are kept, so memory stays bounded.
function answerOf(h, path, group) {
  let a = h.answers.get(path);
  if (a !== undefined) return a;
  const rec = group ? groupAnswer(h.value, path) : h.value;
  if (!rec || typeof rec.key !== "string" || !Array.isArray(rec.vars) || !Array.isArray(rec.headers)) return null;
  const ok = new Headers(rec.headers);
  ok.set("Server-Timing", "fast-path");
  const notModified = new Headers(ok);
  notModified.delete("Content-Length");
  a = { rec, ok, notModified };
  h.answers.set(path, a);
  return a;
}

// memo keeps the bytes of the last few data keys in this isolate (they are
// reused across requests): a data key never changes its bytes (upstream URL
// and date are in the key), so it needs no bound in time.
const memo = new Map();
const MEMO_KEYS = 6;

function remember(key, bytes) {
  memo.set(key, bytes);
  for (const k of memo.keys()) {
    if (memo.size <= MEMO_KEYS) break;
    memo.delete(k); // oldest first
  }
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

// absent maps a record's store key to when this isolate last found none
// (storedFile only): what the snapshot is served under is read again, as
// a record, after HOLD_MS, or at once after a forget.
const absent = new Map();

// storedFile is what the store holds for a data path under these wrangler
// vars, fresh or not: { etag, bytes() } (bytes reads the immutable data key
// once per isolate), or null when Go has stored no version of it (the
// snapshot is what Go serves then) or wrote it under other vars. The link
// previews (preview.mjs) draw from it: they need the data's version (its
// ETag) on every request and its bytes on a miss only, never Go.
export async function storedFile(path, env, ctx, caches = globalThis.caches) {
  const m = DATA_PATH.exec(path);
  const group = !m && GROUP_PATH.test(path);
  if (!m && !group) return null;
  const key = group ? GROUP_KEY : FAST_PREFIX + m[1];
  const store = new ReadThrough(env.DATA_KV, ctx, caches);
  const now = Date.now();
  if (now - (absent.get(key) ?? -Infinity) < HOLD_MS) return null;
  let h = held.get(key);
  if (h === undefined || !(now - h.at < HOLD_MS)) h = await reread(key, store, now);
  if (!h) absent.set(key, now); // held as absent as long as a record would be
  const a = h && answerOf(h, path, group);
  if (!a || stamp(env, a.rec.vars, a.rec.sep) !== a.rec.stamp) return null;
  const rec = a.rec;
  return {
    etag: rec.etag,
    async bytes() {
      let b = memo.get(rec.key);
      if (b === undefined) {
        b = await store.get(rec.key, "bytes", DATA_TTL);
        if (b === null) return null;
        remember(rec.key, b);
      }
      return b;
    },
  };
}
