// Package boot holds the one inline script of the page and its CSP hash.
//
// The page's HTML carries a map drawn at build time (package prerender) so
// that a visitor sees the default view before the wasm has loaded. A URL with
// a query asks for another view (or embed mode): this script, run before the
// first paint, marks the document so the stylesheet hides the build-time
// parts instead of flashing the wrong map. The Worker's Content-Security-
// Policy allows exactly this script by its hash and no other inline script.
package boot

// Script is the inline script's text, exactly as it appears between
// <script> and </script>.
const Script = `if(location.search)document.documentElement.classList.add("has-query")`

// Style hides the build-time parts when the script marked the document, and
// draws the build-time map like the live one (without its interactions).
const Style = `html.has-query .pre{display:none}` +
	`.prerender path{stroke:#fff;stroke-width:1.2;vector-effect:non-scaling-stroke}`

// ScriptHash is the CSP source expression of Script: 'sha256-' followed by
// the base64 SHA-256 of its UTF-8 bytes. A test recomputes it.
const ScriptHash = `'sha256-X4pyw2SGT3E90V/XhYxfqcZaXWxDMS4h9MjFGprvDQg='`
