package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatchPattern(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/app.js", true},
		{"/app.wasm", "/app.wasm", true},
		{"/app.wasm", "/app.wasm2", false},
		{"/geo/*", "/geo/departements.bin", true},
		{"/geo/*", "/geography", false},
		{"/app.*.wasm", "/app.0123abcd.wasm", true},
		{"/app.*.wasm", "/app.js", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, matchPattern(tc.pattern, tc.path), "%s ~ %s", tc.pattern, tc.path)
	}
}

func TestAcceptsBr(t *testing.T) {
	for ae, want := range map[string]bool{"gzip, deflate, br, zstd": true, "br;q=0.5": true, "gzip": false, "br;q=0": false, "": false, "brotli": false} {
		assert.Equal(t, want, acceptsBr(ae), ae)
	}
}

// TestBrServer: precompressed brotli to a client that accepts it, the
// _headers rules (joined when two match), Cloudflare's default caching
// elsewhere, 304 on a matching ETag, the API route.
func TestBrServer(t *testing.T) {
	dir := t.TempDir()
	js := strings.Repeat("console.log('francenum');\n", 200)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.js"), []byte(js), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><p>carte</p>"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "snapshot"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "snapshot", "detail.csv"), []byte("a,b\n1,2\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "_headers"), []byte("# generated\n/*\n  X-Content-Type-Options: nosniff\n  X-Test: a\n/app.js\n  Cache-Control: public, max-age=31536000, immutable\n  X-Test: b\n"), 0o644))
	s, err := appBrServer(dir, "")
	require.NoError(t, err)

	get := func(path string, h map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	br := get("/app.js", map[string]string{"Accept-Encoding": "gzip, br"})
	require.Equal(t, 200, br.Code)
	assert.Equal(t, "br", br.Header().Get("Content-Encoding"))
	assert.Less(t, br.Body.Len(), len(js)/4, "brotli body")
	assert.Equal(t, "public, max-age=31536000, immutable", br.Header().Get("Cache-Control"))
	assert.Equal(t, "a, b", br.Header().Get("X-Test"))
	assert.Equal(t, "nosniff", br.Header().Get("X-Content-Type-Options"))
	assert.Contains(t, br.Header().Get("Content-Type"), "javascript")
	want, err := brotliBytes([]byte(js))
	require.NoError(t, err)
	assert.Equal(t, want, br.Body.Bytes())

	plain := get("/app.js", nil)
	assert.Empty(t, plain.Header().Get("Content-Encoding"))
	assert.Equal(t, js, plain.Body.String())

	idx := get("/", map[string]string{"Accept-Encoding": "br"})
	require.Equal(t, 200, idx.Code)
	assert.Equal(t, "public, max-age=0, must-revalidate", idx.Header().Get("Cache-Control"), "Cloudflare's default")
	assert.Equal(t, "text/html; charset=utf-8", idx.Header().Get("Content-Type"))
	etag := idx.Header().Get("ETag")
	require.NotEmpty(t, etag)
	assert.Equal(t, http.StatusNotModified, get("/", map[string]string{"If-None-Match": etag}).Code)

	api := get("/api/v1/numerisation/detail.csv", nil)
	require.Equal(t, 200, api.Code)
	assert.Equal(t, "a,b\n1,2\n", api.Body.String())
	assert.Equal(t, "text/csv; charset=utf-8", api.Header().Get("Content-Type"))
	assert.Contains(t, api.Header().Get("Cache-Control"), "max-age=300")
	assert.Equal(t, `{"embed_origins":[]}`, get("/api/v1/config", nil).Body.String())

	assert.Equal(t, 404, get("/nothing.js", nil).Code)
}

func TestWasmPath(t *testing.T) {
	for p, want := range map[string]bool{"/app.wasm": true, "/h/app.4b2489bd061f4348.wasm": true, "/app.4b2489bd.wasm": true,
		"/h/app.js": false, "/wasm_exec.js": false, "/x/app.wasm": false} {
		assert.Equal(t, want, wasmPath.MatchString(p), p)
	}
}
