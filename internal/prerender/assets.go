package prerender

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"strings"
)

// StyleLink is the page's one stylesheet link, which InlineStyle replaces.
const StyleLink = `<link rel="stylesheet" href="/app.css">`

// InlineStyle returns page with the stylesheet's text in a <style> element
// where its link was. A linked stylesheet blocks the first paint until its
// own request has come back (a second round trip after the HTML, slow on a
// cold connection); inline, the page paints as soon as its HTML is in. The
// whole file goes in (≈5 KB brotli, one view uses most of it). The
// Content-Security-Policy allows inline styles ('unsafe-inline' in
// style-src): no hash to keep. The link must be there exactly once, and the
// text must not close the element early.
func InlineStyle(page, css []byte) ([]byte, error) {
	if n := bytes.Count(page, []byte(StyleLink)); n != 1 {
		return nil, fmt.Errorf(errNoMarkerFn, StyleLink)
	}
	if bytes.Contains(bytes.ToLower(css), []byte("</style")) {
		return nil, fmt.Errorf("prerender: the stylesheet contains </style, which would end the inline element")
	}
	with := append(append([]byte("<style>"), bytes.TrimSpace(StripComments(css))...), "</style>"...)
	return bytes.Replace(page, []byte(StyleLink), with, 1), nil
}

// WasmLink is the start of the head's preload of app.wasm (id fn-wasm),
// whose href the boot script and app.js fetch; SetWasmURL changes it.
const WasmLink = `<link id="fn-wasm" rel="preload" href="/app.wasm"`

// HashedDir is the folder of content-hashed files: their URL changes with
// their bytes, so they are served immutable (a year, never revalidated),
// and Chromium keeps app.wasm's compiled code with the cached response.
const HashedDir = "h"

// HashedWasmPath is app.wasm's content-hashed URL path:
// /h/app.<first 16 hex digits of its SHA-256>.wasm.
func HashedWasmPath(wasm []byte) string {
	sum := sha256.Sum256(wasm)
	return "/" + HashedDir + "/app." + hex.EncodeToString(sum[:8]) + ".wasm"
}

// SetWasmURL points the page's app.wasm preload at url. The link must be
// there exactly once.
func SetWasmURL(page []byte, url string) ([]byte, error) {
	if n := bytes.Count(page, []byte(WasmLink)); n != 1 {
		return nil, fmt.Errorf(errNoMarkerFn, WasmLink)
	}
	with := strings.Replace(WasmLink, `href="/app.wasm"`, `href="`+html.EscapeString(url)+`"`, 1)
	return bytes.Replace(page, []byte(WasmLink), []byte(with), 1), nil
}

// StripComments returns css without its /* comments */ (the page's HTML
// carried 4 KB of them, 1.6 KB brotli: the reasons stay in web/app.css).
// Quoted strings are kept as written, a comment inside one included; an
// unclosed comment runs to the end, as in CSS.
func StripComments(css []byte) []byte {
	out := make([]byte, 0, len(css))
	for i := 0; i < len(css); {
		switch c := css[i]; {
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(css) && css[j] != c && css[j] != '\n' {
				if css[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(css))
			out = append(out, css[i:j]...)
			i = j
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := bytes.Index(css[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += 2 + end + 2
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}
