// Tests of the fast path (node --test wasm/worker/; `make unit` runs them):
// fake KV and Cache API, the record format of workerapi.FastRecord. Each
// world is a fresh isolate: it forgets the records held in memory.
import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { fastAnswer, notModified, forget, FAST_PREFIX, HOLD_MS } from "./fast.mjs";

const VARS = ["DATAGOUV_API", "EMBED_ORIGINS"];
const SEP = "\x1f";
const BODY = "mesure,indicateur,id_indicateur\nx,y,nb-diagnostics-individualises\n";
const LM = Date.UTC(2023, 0, 19, 10, 8, 49) / 1000;
const HEADERS = [
  ["Access-Control-Allow-Origin", "*"],
  ["Cache-Control", "public, max-age=300, stale-while-revalidate=86400"],
  ["Content-Length", String(BODY.length)],
  ["Content-Security-Policy", "default-src 'self'; frame-ancestors *"],
  ["Content-Type", "text/csv; charset=utf-8"],
  ["Etag", '"u1-52"'],
  ["Last-Modified", "Thu, 19 Jan 2023 10:08:49 GMT"],
  ["X-Data-Source", "cache"],
];

function record(over = {}) {
  return {
    stamp: ["https://www.data.gouv.fr/api/1", ""].join(SEP),
    vars: VARS,
    sep: SEP,
    key: "v2/data/detail?u=x&lm=1",
    fresh_until: Date.now() + 60_000,
    etag: '"u1-52"',
    last_modified: LM,
    headers: HEADERS,
    ...over,
  };
}

// world is a KV namespace, a Cache API and a ctx in memory.
function world(rec = record(), data = BODY) {
  forget();
  const kv = new Map();
  if (rec) kv.set(FAST_PREFIX + "detail", JSON.stringify(rec));
  if (data !== null) kv.set(rec?.key ?? "none", new TextEncoder().encode(data).buffer);
  const kvReads = [];
  const cached = new Map();
  const matches = [];
  const pending = [];
  const env = {
    DATAGOUV_API: "https://www.data.gouv.fr/api/1",
    DATA_KV: {
      async get(k, type) {
        kvReads.push(k);
        const v = kv.get(k);
        if (v === undefined) return null;
        return type === "text" ? v : v.slice(0);
      },
    },
  };
  const caches = {
    async open(name) {
      assert.equal(name, "francenum-map");
      return {
        async match(url) {
          matches.push(url);
          const r = cached.get(url);
          return r ? r.clone() : undefined;
        },
        async put(url, resp) {
          assert.match(resp.headers.get("Cache-Control"), /^max-age=\d+$/);
          cached.set(url, resp);
        },
      };
    },
  };
  const ctx = { waitUntil: (p) => pending.push(p) };
  const ask = async (method = "GET", path = "/api/v1/numerisation/detail.csv", headers = {}) => {
    const r = await fastAnswer(new Request("https://x.test" + path, { method, headers }), env, ctx, caches);
    await Promise.all(pending.splice(0));
    return r;
  };
  // reads counts the store reads (Cache API and KV) since the last call.
  const reads = () => kvReads.splice(0).length + matches.splice(0).length;
  return { kv, kvReads, cached, env, ask, reads };
}

test("a fresh record is replayed with Go's headers and the stored bytes", async () => {
  const w = world();
  const r = await w.ask();
  assert.equal(r.status, 200);
  const want = [...HEADERS, ["Server-Timing", "fast-path"]].map(([k, v]) => [k.toLowerCase(), v]).sort();
  assert.deepEqual([...r.headers].sort(), want);
  assert.equal(await r.text(), BODY);
  // Read-through: record and bytes are now in the cache…
  assert.deepEqual([...w.cached.keys()].sort(), [
    "https://francenum-map.cache/v2/data/detail?u=x&lm=1",
    "https://francenum-map.cache/v2/fast/detail",
  ]);
  w.kv.clear();
  const again = await w.ask();
  assert.equal(await again.text(), BODY);
  // …and the bytes in the isolate: only the record is read again.
  w.cached.delete("https://francenum-map.cache/v2/data/detail?u=x&lm=1");
  assert.equal(await (await w.ask()).text(), BODY);
  // A new record (Go stored a new version, then called forget) is
  // followed at once.
  const next = record({ key: "v2/data/detail?u=x&lm=2", etag: '"u2-3"', headers: [["ETag", '"u2-3"']] });
  w.cached.set("https://francenum-map.cache/v2/fast/detail", new Response(JSON.stringify(next)));
  w.cached.set("https://francenum-map.cache/v2/data/detail?u=x&lm=2", new Response("new"));
  forget();
  const r2 = await w.ask();
  assert.equal(r2.headers.get("ETag"), '"u2-3"');
  assert.equal(await r2.text(), "new");
});

test("conditional requests get a 304 without a body or a length", async () => {
  const w = world();
  for (const h of [
    { "If-None-Match": '"u1-52"' },
    { "If-None-Match": 'W/"u1-52", "other"' },
    { "If-None-Match": "*" },
    { "If-Modified-Since": "Thu, 19 Jan 2023 10:08:49 GMT" },
    { "If-Modified-Since": "Fri, 20 Jan 2023 00:00:00 GMT" },
  ]) {
    const r = await w.ask("GET", undefined, h);
    assert.equal(r.status, 304, JSON.stringify(h));
    assert.equal(r.headers.get("Content-Length"), null);
    assert.equal(r.headers.get("ETag"), '"u1-52"');
    assert.equal(r.headers.get("X-Data-Source"), "cache");
    assert.equal(await r.text(), "");
  }
  for (const h of [
    { "If-None-Match": '"other"' },
    { "If-None-Match": '"other"', "If-Modified-Since": "Fri, 20 Jan 2023 00:00:00 GMT" }, // If-None-Match wins
    { "If-Modified-Since": "Wed, 18 Jan 2023 10:08:49 GMT" },
    { "If-Modified-Since": "not a date" },
  ]) {
    const r = await w.ask("GET", undefined, h);
    assert.equal(r.status, 200, JSON.stringify(h));
  }
});

test("HEAD gets the headers and no body", async () => {
  const r = await world().ask("HEAD");
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("Content-Length"), String(BODY.length));
  assert.equal(r.body, null);
});

test("everything else goes to Go", async () => {
  const cases = {
    "stale record": world(record({ fresh_until: Date.now() - 1 })),
    "record of other vars": world(record({ stamp: "https://other/api/1" + SEP })),
    "no record": world(null),
    "data gone": world(record({ key: "v2/data/detail?u=gone" }), null),
    "garbage record": (() => {
      const w = world();
      w.kv.set(FAST_PREFIX + "detail", "{not json");
      return w;
    })(),
  };
  for (const [name, w] of Object.entries(cases)) {
    assert.equal(await w.ask(), null, name);
  }
  const w = world();
  assert.equal(await w.ask("POST"), null, "POST");
  assert.equal(await w.ask("GET", "/api/v1/meta"), null, "meta");
  assert.equal(await w.ask("GET", "/api/v1/numerisation/detail.csv/x"), null, "other path");
  w.env.EMBED_ORIGINS = "https://a.fr";
  assert.equal(await w.ask(), null, "a var changed since Go wrote the record");
  delete w.env.EMBED_ORIGINS;
  assert.equal(w.kvReads.filter((k) => k.startsWith(FAST_PREFIX)).length, 1, "POST, meta and other paths read nothing");
});

test("without KV and Cache API nothing is answered", async () => {
  const r = await fastAnswer(new Request("https://x.test/api/v1/numerisation/detail.csv"), {}, { waitUntil() {} }, undefined);
  assert.equal(r, null);
});

test("notModified agrees with workerapi.NotModified on edge cases", () => {
  const h = (o) => new Headers(o);
  assert.equal(notModified(h({ "If-None-Match": "" , "If-Modified-Since": "Thu, 19 Jan 2023 10:08:49 GMT" }), '"a"', LM), true);
  assert.equal(notModified(h({ "If-None-Match": '"a"' }), "", LM), false);
  assert.equal(notModified(h({ "If-Modified-Since": "Thu, 19 Jan 2023 10:08:49 GMT" }), '"a"', 0), false);
});

// A group record as workerapi.FastGroup writes it.
function group(over = {}) {
  return {
    stamp: ["https://www.data.gouv.fr/api/1", ""].join(SEP),
    vars: VARS,
    sep: SEP,
    headers: [
      ["Access-Control-Allow-Origin", "*"],
      ["X-Data-Source", "cache"],
    ],
    answers: {
      "/api/v1/indicators": {
        key: "v2/data/indicators?e=i1", fresh_until: Date.now() + 60_000, etag: '"i1"', last_modified: LM,
        headers: [["Content-Type", "application/json; charset=utf-8"], ["Etag", '"i1"']],
      },
      "/api/v1/indicators/tx-a.csv": {
        key: "v2/data/detail/tx-a?lm=1", fresh_until: Date.now() + 60_000, etag: '"p1"', last_modified: LM,
        headers: [["Content-Type", "text/csv; charset=utf-8"], ["Etag", '"p1"']],
      },
      "/api/v1/indicators/tx-b/synthese.csv": {
        key: "v2/data/synthese/tx-b?lm=1", fresh_until: Date.now() - 1, etag: '"p2"', last_modified: LM,
        headers: [["Etag", '"p2"']],
      },
    },
    ...over,
  };
}

function groupWorld(g = group()) {
  const w = world(null, null);
  w.kv.set(FAST_PREFIX + "indicators", JSON.stringify(g));
  w.kv.set("v2/data/indicators?e=i1", new TextEncoder().encode('{"indicators":[]}').buffer);
  w.kv.set("v2/data/detail/tx-a?lm=1", new TextEncoder().encode("h\nrow a\n").buffer);
  w.kv.set("v2/data/synthese/tx-b?lm=1", new TextEncoder().encode("h\nrow b\n").buffer);
  return w;
}

test("the indicator routes are answered from their group record", async () => {
  const w = groupWorld();
  const idx = await w.ask("GET", "/api/v1/indicators");
  assert.equal(idx.status, 200);
  assert.equal(await idx.text(), '{"indicators":[]}');
  assert.deepEqual([...idx.headers].sort(), [
    ["access-control-allow-origin", "*"],
    ["content-type", "application/json; charset=utf-8"],
    ["etag", '"i1"'],
    ["server-timing", "fast-path"],
    ["x-data-source", "cache"],
  ]);
  const a = await w.ask("GET", "/api/v1/indicators/tx-a.csv");
  assert.equal(await a.text(), "h\nrow a\n");
  assert.equal(a.headers.get("ETag"), '"p1"');
  assert.equal(a.headers.get("Content-Type"), "text/csv; charset=utf-8");
  const nm = await w.ask("GET", "/api/v1/indicators/tx-a.csv", { "If-None-Match": '"p1"' });
  assert.equal(nm.status, 304);
  // A new record (Go stored a new release, then called forget) is
  // followed at once, parsed again.
  const next = group();
  next.answers["/api/v1/indicators/tx-a.csv"].headers = [["Etag", '"p9"']];
  w.cached.set("https://francenum-map.cache/" + FAST_PREFIX + "indicators", new Response(JSON.stringify(next)));
  forget();
  assert.equal((await w.ask("GET", "/api/v1/indicators/tx-a.csv")).headers.get("ETag"), '"p9"');
});

test("an indicator path the group does not list, or a stale one, goes to Go", async () => {
  const w = groupWorld();
  for (const p of [
    "/api/v1/indicators/tx-b/synthese.csv", // stale
    "/api/v1/indicators/unknown.csv",
    "/api/v1/indicators/",
    "/api/v1/indicators/__proto__",
    "/api/v1/indicators/constructor",
    "/api/v1/indicatorsx",
  ]) {
    assert.equal(await w.ask("GET", p), null, p);
  }
  const other = groupWorld(group({ stamp: "https://other/api/1" + SEP }));
  assert.equal(await other.ask("GET", "/api/v1/indicators"), null, "written under other vars");
  const broken = groupWorld(group({ answers: null }));
  assert.equal(await broken.ask("GET", "/api/v1/indicators"), null, "garbage record");
});

// The records held in memory (HOLD_MS): the clock is mocked, so "later"
// is exact. record() reads the mocked Date.now().
const T0 = Date.UTC(2025, 5, 1, 12);
const RECORD_URL = "https://francenum-map.cache/" + FAST_PREFIX + "detail";

// storeRecord puts a record (and its bytes) where Go's store would: KV
// and this colo's cache.
function storeRecord(w, rec, body) {
  w.kv.set(FAST_PREFIX + "detail", JSON.stringify(rec));
  w.cached.set(RECORD_URL, new Response(JSON.stringify(rec)));
  if (body !== undefined) w.kv.set(rec.key, new TextEncoder().encode(body).buffer);
}

test("a held record answers without reading the store, for HOLD_MS", async (t) => {
  t.mock.timers.enable({ apis: ["Date"], now: T0 });
  // (a data key of its own: the bytes of a key once read stay held)
  const w = world(record({ key: "v2/data/detail?u=held&lm=1" }));
  assert.equal((await w.ask()).status, 200);
  assert.equal(w.reads(), 4, "record and bytes: cache miss, then KV");
  const r = await w.ask();
  assert.equal(await r.text(), BODY);
  assert.equal(r.headers.get("Server-Timing"), "fast-path");
  assert.equal((await w.ask("GET", undefined, { "If-None-Match": '"u1-52"' })).status, 304);
  assert.equal((await w.ask("HEAD")).body, null);
  t.mock.timers.tick(HOLD_MS - 1);
  assert.equal((await w.ask()).status, 200);
  assert.equal(w.reads(), 0, "held: no store read, whatever the request");
  t.mock.timers.tick(1);
  assert.equal(await (await w.ask()).text(), BODY);
  assert.equal(w.reads(), 1, "after HOLD_MS the record is read again (its cached copy); the bytes stay");
  w.env.EMBED_ORIGINS = "https://a.fr";
  assert.equal(await w.ask(), null, "the vars are checked on every request");
});

test("a new version in the store is served at most HOLD_MS later, at once after forget", async (t) => {
  t.mock.timers.enable({ apis: ["Date"], now: T0 });
  const w = world();
  await w.ask();
  const next = record({ key: "v2/data/detail?u=x&lm=2", etag: '"u2-3"', headers: [["ETag", '"u2-3"']] });
  storeRecord(w, next, "new");
  t.mock.timers.tick(HOLD_MS / 2);
  assert.equal(await (await w.ask()).text(), BODY, "another isolate's write: the held copy, within the bound");
  t.mock.timers.tick(HOLD_MS / 2);
  const r = await w.ask();
  assert.equal(r.headers.get("ETag"), '"u2-3"');
  assert.equal(await r.text(), "new");
  // This isolate's Go writes (or deletes) a record, then calls forget.
  w.kv.delete(FAST_PREFIX + "detail");
  w.cached.delete(RECORD_URL);
  forget();
  assert.equal(await w.ask(), null, "no record any more: Go answers");
});

test("a held record gone stale is read again, then left to Go if the store's is stale too", async (t) => {
  t.mock.timers.enable({ apis: ["Date"], now: T0 });
  const w = world(record({ fresh_until: T0 + HOLD_MS / 4 }));
  assert.equal((await w.ask()).status, 200);
  w.reads();
  t.mock.timers.tick(HOLD_MS / 2); // stale, though held for less than HOLD_MS
  assert.equal(await w.ask(), null);
  assert.equal(w.reads(), 1, "the store was asked for a newer record");
  assert.equal(await w.ask("GET", undefined, { "If-None-Match": '"u1-52"' }), null, "no 304 from a stale record");
  // Go refreshed it: the same data, fresh again.
  storeRecord(w, record({ fresh_until: T0 + 6 * 3600e3 }));
  assert.equal(await (await w.ask()).text(), BODY);
});

test("a cold isolate reads a record once for concurrent requests", async (t) => {
  t.mock.timers.enable({ apis: ["Date"], now: T0 });
  const w = world();
  const rs = await Promise.all(Array.from({ length: 5 }, () => w.ask()));
  assert.deepEqual(rs.map((r) => r.status), [200, 200, 200, 200, 200]);
  assert.equal(w.kvReads.filter((k) => k === FAST_PREFIX + "detail").length, 1);
});

test("a broken record in the store is dropped, and read again next time", async (t) => {
  t.mock.timers.enable({ apis: ["Date"], now: T0 });
  const w = world();
  await w.ask();
  w.cached.set(RECORD_URL, new Response("{broken"));
  t.mock.timers.tick(HOLD_MS);
  assert.equal(await w.ask(), null);
  storeRecord(w, record());
  assert.equal((await w.ask()).status, 200, "no wait for HOLD_MS after a failed read");
});
