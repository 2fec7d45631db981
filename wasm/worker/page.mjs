// The map's page (/, and /index.html) as Workers Static Assets serve it,
// its head given what only the request knows (crawlers and CMSs run no
// script, so it must be in the HTML served): the oEmbed discovery link of
// that very view, and its link preview (Open Graph, Twitter card) with
// absolute URLs. The entry script does it with HTMLRewriter while the page
// streams, without starting Go. wrangler.jsonc's run_worker_first routes
// these two paths here; every other static file is served without us.
import { discoveryHref, viewQuery, viewLang, previewImage, defaultImage, isDefaultView, PREVIEW_W, PREVIEW_H, WORDS } from "./oembed.mjs";
import { Preview } from "./preview.mjs";

// META_PATH is the default view's preview texts, by language (`francenum
// preview`, `make preview`: preview.Meta), beside its pictures in /og/.
export const META_PATH = "/og/meta.json";

export function isPage(path) {
  return path === "/" || path === "/index.html";
}

// pageAnswer returns the page for a GET or HEAD of it, or null for any
// other request. Anything but a 200 HTML answer of Static Assets (a 304,
// a redirect) goes out as they gave it: the rewriting is a function of the
// deployed assets and the request's URL alone, so the asset's ETag still
// names what a browser holds for that URL.
export async function pageAnswer(request, env, ctx, drawer) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const u = new URL(request.url);
  if (!isPage(u.pathname) || !env.ASSETS) return null;
  const get = request.method === "GET";
  const [resp, meta, view] = await Promise.all([env.ASSETS.fetch(request), defaultMeta(env, u.origin), get ? viewMeta(request, env, ctx, drawer) : null]);
  if (resp.status !== 200 || !(resp.headers.get("Content-Type") || "").startsWith("text/html")) return resp;
  const headers = new Headers(resp.headers);
  headers.delete("Content-Length"); // the head grows
  if (!get) return new Response(null, { status: 200, headers });
  headers.set("X-Preview", view ? view.source : "default");
  if (view && view.timing) headers.set("Server-Timing", view.timing);
  const tags = headTags(request.url, meta, view && view.meta);
  return new HTMLRewriter()
    .on("head", {
      element(e) {
        e.append(tags, { html: true });
      },
    })
    .transform(new Response(resp.body, { status: 200, headers }));
}

// viewMeta are the texts of a view that is not the default one (Go's,
// drawn once per view and data version, then from KV: preview.mjs):
// { meta, source, timing }, or null when it has none of its own (the
// default view, a view the app refuses, any error).
async function viewMeta(request, env, ctx, drawer) {
  const q = viewQuery(new URL(request.url).search);
  if (!drawer || isDefaultView(q)) return null;
  const p = new Preview(request, env, ctx, drawer);
  try {
    const m = await p.meta();
    return m && { ...m, timing: p.timing.join(", ") };
  } catch {
    return null;
  }
}

// headTags are the tags added to the head of the page at pageURL: the
// oEmbed link, then the preview's. The default view (in either language)
// has its own texts and picture, drawn at build time (meta); another view
// its own texts (view: preview.Meta, drawn by the Worker) and picture
// (VIEW_IMAGE_PATH); a view without them (refused by the app, or not
// drawn) says the site's title and description over the default view's
// picture, whose alternative text says what that picture shows.
export function headTags(pageURL, meta, view) {
  const u = new URL(pageURL);
  const q = viewQuery(u.search);
  const lang = viewLang(q);
  const own = isDefaultView(q);
  const m = meta && meta[lang];
  const w = WORDS[lang];
  const title = view ? view.title : own && m ? m.title : w.pageTitle;
  const description = view ? view.description : own && m ? m.description : w.pageDescription;
  const out = ['<link rel="alternate" type="application/json+oembed" href="' + attr(discoveryHref(pageURL)) + '">'];
  const tag = (kind, name, content) => out.push("<meta " + kind + '="' + name + '" content="' + attr(content) + '">');
  tag("property", "og:type", "website");
  tag("property", "og:site_name", w.embedTitle);
  tag("property", "og:locale", lang === "en" ? "en_GB" : "fr_FR");
  tag("property", "og:url", u.origin + "/" + (q ? "?" + q : ""));
  tag("property", "og:title", title);
  tag("property", "og:description", description);
  if (view || m) {
    tag("property", "og:image", view ? previewImage(u.origin, q) : defaultImage(u.origin, q));
    tag("property", "og:image:type", "image/png");
    tag("property", "og:image:width", String(PREVIEW_W));
    tag("property", "og:image:height", String(PREVIEW_H));
    tag("property", "og:image:alt", view ? view.alt : m.alt);
  }
  tag("name", "twitter:card", view || m ? "summary_large_image" : "summary");
  return out.join("");
}

// defaultMeta reads META_PATH once per isolate (it changes only with a
// deploy, which starts new isolates); null when the assets lack it (the
// page then goes out without a picture, never without its page).
let metaP = null;
export function defaultMeta(env, origin) {
  if (metaP === null) {
    metaP = env.ASSETS.fetch(new Request(origin + META_PATH))
      .then((r) => (r.ok ? r.json() : null))
      .then((m) => (m && m.fr && m.en ? m : null))
      .catch(() => null);
  }
  return metaP;
}

// attr escapes a text for a double-quoted HTML attribute.
export function attr(s) {
  return String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
