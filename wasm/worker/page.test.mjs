// Tests of the page's head tags (node --test; `make unit` runs them). The
// rewriting itself (HTMLRewriter) runs under wrangler dev:
// internal/workertest, TestPagePreviewMeta and TestOEmbed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { headTags, attr } from "./page.mjs";

const SITE = "https://carte.example.gouv.fr";
const META = {
  fr: { lang: "fr", locale: "fr_FR", title: "Chèques numériques — % de la cible 2022 — novembre 2022", description: "À fin novembre 2022, 112 567 chèques… Source : … — Licence Ouverte 2.0 — données au 30 novembre 2022", alt: "Carte : « chèques » & <cibles>" },
  en: { lang: "en", locale: "en_GB", title: "Digital vouchers — % of 2022 target — November 2022", description: "By the end of November 2022… Source: … — Licence Ouverte 2.0 — data as of 30 November 2022", alt: "Map: vouchers" },
};

// tags reads the tags back: { "og:title": "…", …, oembed: href }.
function tags(html) {
  const out = {};
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) out[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const l = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)">/.exec(html);
  if (l) out.oembed = l[1].replace(/&amp;/g, "&");
  return out;
}

test("the default view has its own texts and picture, in its language", () => {
  const fr = tags(headTags(SITE + "/", META));
  assert.equal(fr["og:title"], META.fr.title);
  assert.equal(fr["og:description"], META.fr.description);
  assert.equal(fr["og:image"], SITE + "/og/default-fr.png");
  assert.equal(fr["og:image:alt"], META.fr.alt, "escaped, then read back whole");
  assert.equal(fr["og:image:width"], "1200");
  assert.equal(fr["og:image:height"], "630");
  assert.equal(fr["og:url"], SITE + "/");
  assert.equal(fr["og:locale"], "fr_FR");
  assert.equal(fr["twitter:card"], "summary_large_image");
  assert.equal(fr.oembed, SITE + "/oembed?url=" + encodeURIComponent(SITE + "/") + "&format=json");

  const en = tags(headTags(SITE + "/?lang=en&embed=1&childId=x", META));
  assert.equal(en["og:title"], META.en.title);
  assert.equal(en["og:image"], SITE + "/og/default-en.png");
  assert.equal(en["og:locale"], "en_GB");
  assert.equal(en["og:url"], SITE + "/?lang=en", "the view's URL, without embed or a host's parameters");
});

test("another view with its own texts (drawn by the Worker): them, over its own picture", () => {
  const view = { lang: "en", locale: "en_GB", title: "Digital diagnostics — Per 10,000 inhabitants — November 2022", description: "By the end of November 2022… Source: … — Licence Ouverte 2.0 — data as of 30 November 2022", alt: "France Num map by department: Digital diagnostics" };
  const t = tags(headTags(SITE + "/?ind=nb-diagnostics-individualises&metric=per10k&lang=en&embed=1", META, view));
  assert.equal(t["og:title"], view.title);
  assert.equal(t["og:description"], view.description);
  assert.equal(t["og:image:alt"], view.alt);
  assert.equal(t["og:image"], SITE + "/og/view.png?ind=nb-diagnostics-individualises&metric=per10k&lang=en", "absolute, the view without embed");
  assert.equal(t["og:image:width"], "1200");
  assert.equal(t["twitter:card"], "summary_large_image");
  assert.equal(t["og:locale"], "en_GB");
});

test("another view without texts of its own (refused, not drawn) says the site's texts over the default picture, never the default view's texts", () => {
  const t = tags(headTags(SITE + "/?ind=nb-diagnostics-individualises&metric=per10k&lang=en", META));
  assert.equal(t["og:title"], "France Num map — digital vouchers and diagnostics by department");
  assert.notEqual(t["og:description"], META.en.description);
  assert.equal(t["og:url"], SITE + "/?ind=nb-diagnostics-individualises&metric=per10k&lang=en");
  assert.equal(t["og:image"], SITE + "/og/default-en.png");
  assert.equal(t["og:image:alt"], META.en.alt, "the alternative text of the picture shown");
});

test("without the build's texts: no picture, the page still gets its link and texts", () => {
  const t = tags(headTags(SITE + "/", null));
  assert.equal(t["og:image"], undefined);
  assert.equal(t["twitter:card"], "summary");
  assert.equal(t["og:title"], "Carte France Num — chèques et diagnostics numériques par département");
  assert.ok(t.oembed);
});

test("attr escapes what could end an attribute", () => {
  assert.equal(attr(`a"b<c>&d`), "a&quot;b&lt;c&gt;&amp;d");
});
