package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// brServer serves a folder the way Workers Static Assets serve it on
// Cloudflare, without wrangler dev's hops: each file precompressed once
// with brotli -q 11 and sent with Content-Encoding: br to a client that
// accepts it, an ETag answered with 304, the folder's `_headers` rules
// applied, and Cloudflare's default "public, max-age=0, must-revalidate"
// where no rule sets a Cache-Control. "/" is index.html.
type brServer struct {
	root  string
	rules []headerRule
	// route maps a request path to a file outside the folder's layout (the
	// API's data files), with the headers the Worker would send.
	route func(p string) (file string, h http.Header, ok bool)

	mu    sync.Mutex
	cache map[string]*brEntry
}

type brEntry struct {
	raw, br []byte
	etag    string
}

// headerRule is one path pattern of a `_headers` file and its headers.
type headerRule struct {
	pattern string
	header  http.Header
}

// newBrServer serves root, with the rules of root/_headers when there is one.
func newBrServer(root string) (*brServer, error) {
	s := &brServer{root: root, cache: map[string]*brEntry{}}
	b, err := os.ReadFile(filepath.Join(root, "_headers"))
	switch {
	case err == nil:
		s.rules = parseHeaders(string(b))
	case !os.IsNotExist(err):
		return nil, err
	}
	return s, nil
}

// parseHeaders reads the `_headers` format: a path pattern at the start of
// a line, then its indented "Name: value" lines; # starts a comment.
func parseHeaders(text string) []headerRule {
	var rules []headerRule
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			rules = append(rules, headerRule{pattern: t, header: http.Header{}})
			continue
		}
		k, v, ok := strings.Cut(t, ":")
		if ok && len(rules) > 0 {
			rules[len(rules)-1].header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	return rules
}

// matchPattern reports whether p matches a `_headers` pattern, where *
// stands for any run of characters.
func matchPattern(pattern, p string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == p
	}
	if !strings.HasPrefix(p, parts[0]) {
		return false
	}
	p = p[len(parts[0]):]
	for i, part := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(p, part)
		}
		j := strings.Index(p, part)
		if j < 0 {
			return false
		}
		p = p[j+len(part):]
	}
	return true
}

// headersFor joins the values of every rule matching p, as Cloudflare does
// when two rules set one header.
func (s *brServer) headersFor(p string) http.Header {
	h := http.Header{}
	for _, r := range s.rules {
		if !matchPattern(r.pattern, p) {
			continue
		}
		for k, vs := range r.header {
			if old := h.Get(k); old != "" {
				h.Set(k, old+", "+strings.Join(vs, ", "))
			} else {
				h.Set(k, strings.Join(vs, ", "))
			}
		}
	}
	return h
}

func (s *brServer) entry(file string) (*brEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.cache[file]; e != nil {
		return e, nil
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	br, err := brotliBytes(raw)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	e := &brEntry{raw: raw, br: br, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	s.cache[file] = e
	return e, nil
}

// contentType is Cloudflare's type for the project's extensions.
func contentType(file string) string {
	switch ext := filepath.Ext(file); ext {
	case ".wasm":
		return "application/wasm"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".bin":
		return "application/octet-stream"
	case ".geojson":
		return "application/geo+json"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
		return "application/octet-stream"
	}
}

// acceptsBr reports whether an Accept-Encoding header allows br.
func acceptsBr(ae string) bool {
	for _, tok := range strings.Split(ae, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(tok), ";")
		if strings.TrimSpace(name) == "br" {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

func (s *brServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	h := s.headersFor(p)
	file := ""
	if s.route != nil {
		if f, extra, ok := s.route(p); ok {
			file = f
			for k, v := range extra {
				h[k] = v
			}
		}
	}
	if file == "" {
		if p == "/" {
			p = "/index.html"
		}
		file = filepath.Join(s.root, filepath.FromSlash(p))
	}
	e, err := s.entry(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	out := w.Header()
	for k, v := range h {
		out[k] = v
	}
	if out.Get("Cache-Control") == "" {
		out.Set("Cache-Control", "public, max-age=0, must-revalidate")
	}
	if out.Get("Content-Type") == "" {
		out.Set("Content-Type", contentType(file))
	}
	out.Set("ETag", e.etag)
	out.Add("Vary", "Accept-Encoding")
	body := e.raw
	if acceptsBr(r.Header.Get("Accept-Encoding")) && len(e.br) < len(e.raw) {
		out.Set("Content-Encoding", "br")
		body = e.br
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// brotliBytes compresses data with brotli -q 11 (the reference tool).
func brotliBytes(data []byte) ([]byte, error) {
	return compressed(data, "brotli", "-q", "11", "-c")
}
