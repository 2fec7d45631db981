// Tests of the oEmbed answer (node --test; `make unit` runs them). The
// same answers under wrangler dev: internal/workertest, TestOEmbed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { oembedAnswer, viewQuery, pageOf, discoveryHref, FRAME_WIDTH, FRAME_HEIGHT } from "./oembed.mjs";

const SITE = "https://carte.example.gouv.fr";

async function ask(query, method = "GET") {
  const r = oembedAnswer(new Request(SITE + "/oembed" + query, { method }));
  assert.ok(r, "answered");
  const text = await r.text();
  return { r, text, json: text ? JSON.parse(text) : null };
}

const page = (q) => "?url=" + encodeURIComponent(SITE + "/" + q);

test("other paths are not oEmbed", () => {
  for (const p of ["/", "/oembed/", "/oembed.json", "/api/v1/meta"]) {
    assert.equal(oembedAnswer(new Request(SITE + p)), null, p);
  }
});

test("a view of this site: a rich answer with the embed snippet of that view", async () => {
  const { r, json } = await ask(page("?metric=per10k&lang=en"));
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("Content-Type"), "application/json; charset=utf-8");
  assert.match(r.headers.get("Cache-Control"), /^public, max-age=\d+$/);
  assert.equal(r.headers.get("Access-Control-Allow-Origin"), "*");
  assert.equal(json.type, "rich");
  assert.equal(json.version, "1.0");
  assert.equal(json.provider_url, SITE + "/");
  assert.equal(json.title, "France Num map — digital vouchers and diagnostics by department");
  assert.equal(json.width, FRAME_WIDTH);
  assert.equal(json.height, FRAME_HEIGHT);
  assert.ok(json.html.startsWith('<iframe id="francenum-map" src="' + SITE + '/?metric=per10k&lang=en&embed=1" title="France Num map by department" style="width:100%;height:640px;border:0"'), json.html);
  assert.ok(json.html.includes('if (e.origin !== "' + SITE + '" || !e.data) return;'), "the listener checks the map's origin");
  assert.ok(json.html.endsWith("</script>"));
  assert.equal(json.thumbnail_url, SITE + "/og/view.png?metric=per10k&lang=en", "the view's own picture (the Worker draws it)");
  assert.equal(json.thumbnail_width, 1200);
  assert.equal(json.thumbnail_height, 630);
});

test("French by default, and the default view", async () => {
  const { json } = await ask("?url=" + encodeURIComponent(SITE + "/") + "&format=json");
  assert.equal(json.title, "Carte France Num — chèques et diagnostics numériques par département");
  assert.ok(json.html.includes('src="' + SITE + '/?embed=1" title="Carte France Num par département"'), json.html);
  assert.equal(json.thumbnail_url, SITE + "/og/default-fr.png", "the build-time picture of the default view");
});

test("maxwidth and maxheight are honoured", async () => {
  const { json } = await ask(page("") + "&maxwidth=480&maxheight=300");
  assert.equal(json.width, 480);
  assert.equal(json.height, 300);
  assert.ok(json.html.includes('style="width:100%;max-width:480px;height:300px;border:0"'), json.html);
  const big = (await ask(page("") + "&maxwidth=2000&maxheight=2000")).json;
  assert.equal(big.width, FRAME_WIDTH, "never wider than the frame");
  assert.equal(big.height, FRAME_HEIGHT);
});

test("errors: 404 for another site or path, 501 for xml, 400 for bad input, 405", async () => {
  for (const [q, status, says] of [
    ["?url=" + encodeURIComponent("https://example.com/?metric=per10k"), 404, "not a page of this map"],
    ["?url=" + encodeURIComponent(SITE + "/api/v1/meta"), 404, "not a page of this map"],
    ["?url=" + encodeURIComponent("http://carte.example.gouv.fr/"), 404, "not a page of this map"],
    ["?url=not%20a%20url", 404, "not a page of this map"],
    [page("") + "&format=xml", 501, 'format "xml" is not served'],
    ["", 400, "url is missing"],
    [page("") + "&maxwidth=0", 400, "maxwidth must be a whole number"],
    [page("") + "&maxheight=12px", 400, "maxheight must be a whole number"],
  ]) {
    const { r, json } = await ask(q);
    assert.equal(r.status, status, q);
    assert.ok(json.error.includes(says), q + ": " + json.error);
  }
  const post = oembedAnswer(new Request(SITE + "/oembed" + page(""), { method: "POST" }));
  assert.equal(post.status, 405);
  assert.equal(post.headers.get("Allow"), "GET, HEAD");
});

test("HEAD: the headers of the GET, no body", async () => {
  const get = await ask(page("?lang=en"));
  const head = await ask(page("?lang=en"), "HEAD");
  assert.equal(head.text, "");
  assert.equal(head.r.headers.get("Content-Length"), String(new TextEncoder().encode(get.text).byteLength));
});

test("viewQuery keeps the view's keys in Encode's order, first occurrence wins", () => {
  for (const [q, want] of [
    ["", ""],
    ["?embed=1", ""],
    ["?lang=en&metric=per10k&embed=1&initialWidth=600&childId=x&parentUrl=https%3A%2F%2Fa.fr", "metric=per10k&lang=en"],
    ["?metric=count&metric=new", "metric=count"],
    ["?dep=75%2C2A&ind=nb-diagnostics-individualises&quality=1", "ind=nb-diagnostics-individualises&dep=75%2C2A&quality=1"],
    ["?scheme=manual&breaks=80.5,120,200", "scheme=manual&breaks=80.5,120,200"],
    // A value with anything an attribute could be broken by is left out
    // (and its key, as Decode would, does not fall to a later copy).
    ['?metric="><script>&metric=per10k', ""],
    ["?zoom=3&foo", ""],
  ]) {
    assert.equal(viewQuery(q), want, q);
  }
});

test("pageOf: this origin's / and /index.html only", () => {
  assert.equal(pageOf(SITE + "/?lang=en", SITE), "lang=en");
  assert.equal(pageOf(SITE + "/index.html", SITE), "");
  assert.equal(pageOf(SITE + "/app.js", SITE), null);
  assert.equal(pageOf(SITE + ":8443/", SITE), null);
  assert.equal(pageOf("//carte.example.gouv.fr/", SITE), null);
});

test("discoveryHref names the page's own URL, without its fragment", () => {
  assert.equal(discoveryHref(SITE + "/?metric=per10k&lang=en#map"),
    SITE + "/oembed?url=" + encodeURIComponent(SITE + "/?metric=per10k&lang=en") + "&format=json");
});
