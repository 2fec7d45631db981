// oEmbed (https://oembed.com) for the map, answered by the entry script
// without starting Go: GET /oembed?url=<a view of this site's map> gives
// the embed button's snippet for that view (embed=1) as a "rich" answer.
// Everything in it comes from the request alone (the site's origin, the
// view's query, the view's language), so it is cacheable and costs no
// store read. The page's head links to it (page.mjs, discoveryHref).

export const OEMBED_PATH = "/oembed";

// The view's URL keys (viewstate.Keys) less embed, in the order
// viewstate's Encode writes them: the snippet's src names the view as the
// embed button does (the app's canonical query, then embed=1).
const VIEW_KEYS = ["ind", "metric", "date", "dep", "scheme", "classes", "breaks", "lang", "quality"];
// A value is copied into an HTML attribute: only URL-safe characters (the
// URL parser already percent-encoded quotes and angle brackets; this is
// the belt to those braces). Every valid value of the app is of them.
const SAFE_VALUE = /^[A-Za-z0-9._~,%+-]*$/;

// The snippet's frame before the map says its height (web/app.js,
// updateEmbedCode): 100 % wide, 640 px high; the width oEmbed reports is
// the frame's at a 640 px column.
export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 640;
const CACHE_AGE = 86400;

// WORDS are internal/uitext's, by key and language (Go's table cannot be
// read without starting Go; uitext's TestWorkerWordsAreUitexts checks
// these). embedTitle is the iframe's title and the provider's name,
// pageTitle the answer's title; page.mjs's link preview of a view that
// has none of its own says pageTitle and pageDescription.
export const WORDS = {
  fr: {
    embedTitle: "Carte France Num par département",
    pageDescription: "Carte des chèques numériques et diagnostics numériques France Num par département, d'après le Baromètre des résultats de l'action publique.",
    pageTitle: "Carte France Num — chèques et diagnostics numériques par département",
  },
  en: {
    embedTitle: "France Num map by department",
    pageDescription: "Map of France Num digital vouchers and digital diagnostics by department, from the Baromètre des résultats de l'action publique.",
    pageTitle: "France Num map — digital vouchers and diagnostics by department",
  },
};

// viewQuery is the view's part of a page's query string: the view's keys
// in Encode's order, each at its first occurrence (as viewstate.Decode
// reads them), its value as written; embed, a host's parameters (pym's
// childId…) and anything else are left out.
export function viewQuery(search) {
  const got = new Map();
  for (const kv of search.replace(/^\?/, "").split("&")) {
    if (!kv) continue;
    const i = kv.indexOf("=");
    const k = i < 0 ? kv : kv.slice(0, i);
    const v = i < 0 ? "" : kv.slice(i + 1);
    if (VIEW_KEYS.includes(k) && !got.has(k)) got.set(k, SAFE_VALUE.test(v) ? v : null);
  }
  return VIEW_KEYS.filter((k) => got.get(k) != null).map((k) => k + "=" + got.get(k)).join("&");
}

// viewLang is the view's language: its lang value when English, else French.
export function viewLang(q) {
  return /(^|&)lang=en(&|$)/.test(q) ? "en" : "fr";
}

// pageOf returns the view's query when u is a page of this site's map (the
// same origin, path / or /index.html), else null.
export function pageOf(u, origin) {
  let p;
  try {
    p = new URL(u);
  } catch {
    return null;
  }
  if (p.origin !== origin || (p.pathname !== "/" && p.pathname !== "/index.html")) return null;
  return viewQuery(p.search);
}

// embedSrc is the embed URL of a view: the embed button's.
export function embedSrc(origin, q) {
  return origin + "/?" + (q ? q + "&" : "") + "embed=1";
}

// snippet is the embed button's snippet (web/app.js, updateEmbedCode: an
// e2e test checks they are the same) for view q, the frame at most
// maxWidth wide (no bound when 0) and height high.
export function snippet(origin, q, maxWidth, height) {
  const w = WORDS[viewLang(q)];
  const style = "width:100%;" + (maxWidth ? "max-width:" + maxWidth + "px;" : "") + "height:" + height + "px;border:0";
  return '<iframe id="francenum-map" src="' + embedSrc(origin, q) + '" title="' + w.embedTitle + '" style="' + style + '" loading="lazy"></iframe>\n' +
    "<script>\n" +
    'window.addEventListener("message", function (e) {\n' +
    '  if (e.origin !== "' + origin + '" || !e.data) return;\n' +
    '  if (e.data.type === "francenum:height") {\n' +
    '    document.getElementById("francenum-map").style.height = e.data.height + "px";\n' +
    "  }\n" +
    "});\n" +
    "</" + "script>";
}

// discoveryHref is the oEmbed discovery link of a page (its head's
// <link rel="alternate" type="application/json+oembed">).
export function discoveryHref(pageURL) {
  const u = new URL(pageURL);
  return u.origin + OEMBED_PATH + "?url=" + encodeURIComponent(u.origin + u.pathname + u.search) + "&format=json";
}

// oembedAnswer answers GET or HEAD /oembed, or returns null for any other
// path. Errors are JSON saying what is wrong: 400 (no url, a bad
// maxwidth/maxheight), 404 (not a page of this site's map, as the spec
// says), 501 (a format other than json: no XML here), 405 (a method).
export function oembedAnswer(request) {
  const u = new URL(request.url);
  if (u.pathname !== OEMBED_PATH) return null;
  if (request.method !== "GET" && request.method !== "HEAD") {
    return fail(request, 405, "method not allowed", { Allow: "GET, HEAD" });
  }
  const p = u.searchParams;
  const target = p.get("url");
  if (!target) return fail(request, 400, "url is missing: /oembed?url=<a page of this map>");
  const format = p.get("format") ?? "json";
  if (format !== "json") return fail(request, 501, "format " + JSON.stringify(format) + " is not served: only json");
  const max = {};
  for (const k of ["maxwidth", "maxheight"]) {
    const v = p.get(k);
    if (v === null || v === "") continue;
    if (!/^[1-9][0-9]{0,4}$/.test(v)) return fail(request, 400, k + " must be a whole number of pixels from 1 to 99999, not " + JSON.stringify(v.slice(0, 40)));
    max[k] = Number(v);
  }
  const q = pageOf(target, u.origin);
  if (q === null) return fail(request, 404, "not a page of this map: " + JSON.stringify(target.slice(0, 200)) + " (pages are " + u.origin + "/?…)");
  const width = Math.min(FRAME_WIDTH, max.maxwidth ?? FRAME_WIDTH);
  const height = Math.min(FRAME_HEIGHT, max.maxheight ?? FRAME_HEIGHT);
  const w = WORDS[viewLang(q)];
  const body = JSON.stringify({
    type: "rich",
    version: "1.0",
    title: w.pageTitle,
    provider_name: w.embedTitle,
    provider_url: u.origin + "/",
    cache_age: CACHE_AGE,
    html: snippet(u.origin, q, max.maxwidth ? width : 0, height),
    width,
    height,
    ...thumbnail(u.origin, q),
  });
  return answer(request, 200, body, { "Cache-Control": "public, max-age=" + CACHE_AGE });
}

// The link preview's picture of view q (page.mjs), as oEmbed's
// thumbnail: the build-time picture of the default view in the view's
// language (/og/default-LANG.png), and for any other view its own,
// drawn by the Worker on first request (VIEW_IMAGE_PATH, preview.mjs),
// which answers the default picture when it cannot draw the view.
export const PREVIEW_W = 1200;
export const PREVIEW_H = 630;
export const VIEW_IMAGE_PATH = "/og/view.png";
export function defaultImage(origin, q) {
  return origin + "/og/default-" + viewLang(q) + ".png";
}
export function previewImage(origin, q) {
  return isDefaultView(q) ? defaultImage(origin, q) : origin + VIEW_IMAGE_PATH + "?" + q;
}

// isDefaultView: the default view in either language (its picture and
// texts are the build's: /og/default-LANG.png, /og/meta.json).
export function isDefaultView(q) {
  return q.replace(/(^|&)lang=(fr|en)(?=&|$)/, "").replace(/^&/, "") === "";
}

function thumbnail(origin, q) {
  return { thumbnail_url: previewImage(origin, q), thumbnail_width: PREVIEW_W, thumbnail_height: PREVIEW_H };
}

function fail(request, status, reason, extra = {}) {
  return answer(request, status, JSON.stringify({ error: reason }), { "Cache-Control": "public, max-age=300", ...extra });
}

function answer(request, status, body, headers) {
  const h = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
    "Server-Timing": "fast-path",
    ...headers,
  });
  const bytes = new TextEncoder().encode(body);
  h.set("Content-Length", String(bytes.byteLength));
  return new Response(request.method === "HEAD" ? null : bytes, { status, headers: h });
}
