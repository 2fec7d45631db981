// Tests of the pure parts of the Worker's link previews (node --test;
// `make unit` runs them). The drawing (Go's preview wasm, resvg) and KV
// run under wrangler dev: internal/workertest, TestViewPreview.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { isDefaultView, indOf, validInd, sources, previewKey, isPreviewPNG, PREVIEW_PREFIX, Preview } from "./preview.mjs";

test("the default view, in either language, is the build's", () => {
  for (const q of ["", "lang=fr", "lang=en"]) assert.ok(isDefaultView(q), q);
  for (const q of ["metric=per10k", "lang=en&date=2022-03", "dep=75", "lang=de"]) assert.ok(!isDefaultView(q), q);
});

test("a view of another indicator is drawn from its own files too", () => {
  assert.equal(indOf("metric=count"), "");
  assert.equal(indOf("ind=nb-diagnostics-individualises&metric=per10k"), "", "a France Num indicator: the France Num files");
  assert.equal(indOf("ind=km-amenagement-cyclables-securises&lang=en"), "km-amenagement-cyclables-securises");
  assert.deepEqual(sources("metric=count").map((s) => s[0]), ["/api/v1/numerisation/detail.csv", "/api/v1/numerisation/synthese.csv", "/api/v1/numerisation/national.csv"]);
  assert.deepEqual(sources("ind=km-amenagement-cyclables-securises").slice(3), [
    ["/api/v1/indicators/km-amenagement-cyclables-securises.csv", "/snapshot/indicators/km-amenagement-cyclables-securises.csv", "ind_detail"],
    ["/api/v1/indicators/km-amenagement-cyclables-securises/synthese.csv", "/snapshot/indicators/km-amenagement-cyclables-securises/synthese.csv", "ind_synthese"],
    ["/api/v1/indicators/km-amenagement-cyclables-securises/national.csv", "/snapshot/indicators/km-amenagement-cyclables-securises/national.csv", "ind_national"],
  ]);
  for (const id of ["a", "nb-2", "km-amenagement-cyclables-securises"]) assert.ok(validInd(id), id);
  for (const id of ["", "A", "a--b", "-a", "a-", "../x", "a%2Fb", "x".repeat(101)]) assert.ok(!validInd(id), id);
});

test("own: only another view, short enough, of a well-formed indicator, with KV and a drawer", () => {
  const env = { DATA_KV: {} };
  const own = (q, e = env, d = {}) => new Preview(new Request("https://x.example/?" + q), e, {}, d).own();
  assert.ok(own("metric=per10k"));
  assert.ok(!own(""), "the default view");
  assert.ok(!own("lang=en"));
  assert.ok(!own("ind=Bad_Id"));
  assert.ok(!own("dep=" + "75,".repeat(300)), "longer than any view");
  assert.ok(!own("metric=per10k", {}), "no KV to keep it in");
  assert.ok(!own("metric=per10k", env, null), "built without the drawer (PREVIEWS=off)");
});

test("the key names the build, the data version and the view", async () => {
  const k = await previewKey("b1", "v1", "metric=per10k");
  assert.match(k, new RegExp("^" + PREVIEW_PREFIX + "[0-9a-f]{40}$"));
  assert.equal(await previewKey("b1", "v1", "metric=per10k"), k, "the same view and version: the same key");
  const others = await Promise.all([previewKey("b2", "v1", "metric=per10k"), previewKey("b1", "v2", "metric=per10k"), previewKey("b1", "v1", "metric=count")]);
  assert.equal(new Set([k, ...others]).size, 4, "a new build, a new data version or another view: another key");
});

// png is a minimal PNG of w×h (one grey row repeated), to read its IHDR.
function png(w, h) {
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    data.copy(out, 8);
    return out; // CRC left 0: isPreviewPNG reads the header only
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(h * (w + 1)))), chunk("IEND", Buffer.alloc(0))]);
}

test("only a 1200×630 PNG is stored", () => {
  assert.ok(isPreviewPNG(png(1200, 630)));
  assert.ok(!isPreviewPNG(png(630, 1200)));
  assert.ok(!isPreviewPNG(png(1200, 631)));
  assert.ok(!isPreviewPNG(Buffer.from("<svg/>")));
  assert.ok(!isPreviewPNG(new Uint8Array(0)));
  let built;
  try {
    built = readFileSync(new URL("../../build/web/og/default-fr.png", import.meta.url));
  } catch {
    return; // before `make preview`: the hand-made PNGs above say it all
  }
  assert.ok(isPreviewPNG(built), "the build's default picture (resvg)");
});
