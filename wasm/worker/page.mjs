// The map's page (/, and /index.html) as Workers Static Assets serve it,
// its head given what only the request knows: the oEmbed discovery link
// of that very view (crawlers and CMSs run no script, so it must be in the
// HTML served). The entry script does it with HTMLRewriter while the page
// streams, without starting Go. wrangler.jsonc's run_worker_first routes
// these two paths here; every other static file is served without us.
import { discoveryHref } from "./oembed.mjs";

export function isPage(path) {
  return path === "/" || path === "/index.html";
}

// pageAnswer returns the page for a GET or HEAD of it, or null for any
// other request. Anything but a 200 HTML answer of Static Assets (a 304,
// a redirect) goes out as they gave it: the rewriting is a function of the
// asset's version and the request's URL alone, so the asset's ETag still
// names what a browser holds for that URL.
export async function pageAnswer(request, env) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!isPage(new URL(request.url).pathname) || !env.ASSETS) return null;
  const resp = await env.ASSETS.fetch(request);
  if (resp.status !== 200 || !(resp.headers.get("Content-Type") || "").startsWith("text/html")) return resp;
  const headers = new Headers(resp.headers);
  headers.delete("Content-Length"); // the head grows
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  const link = '<link rel="alternate" type="application/json+oembed" href="' + attr(discoveryHref(request.url)) + '">';
  const out = new HTMLRewriter()
    .on("head", {
      element(e) {
        e.append(link, { html: true });
      },
    })
    .transform(new Response(resp.body, { status: 200, headers }));
  return out;
}

// attr escapes a text for a double-quoted HTML attribute.
export function attr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
