//go:build integration

package workertest

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/workerapi"
)

const detailPath = workerapi.DataPrefix + "detail.csv"

func checkSecurity(t *testing.T, h http.Header, what string) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval'", what)
	assert.Contains(t, csp, "frame-ancestors ", what)
	assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), what)
	assert.Equal(t, workerapi.ReferrerPolicy, h.Get("Referrer-Policy"), what)
	assert.Equal(t, workerapi.PermissionsPolicy, h.Get("Permissions-Policy"), what)
}

// TestWorker runs one Worker through its whole life: snapshot while the
// upstream fails on a cold start, upstream then cache, conditional GETs and
// headers, then every upstream fault, each of which must leave the last
// good data served with an explanation in /api/v1/meta.
func TestWorker(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	dd := dataDir(t)
	f := startFake(t, dd)
	w := startWorker(t, root, web, map[string]string{
		"DATAGOUV_API":     f.URL + "/api/1",
		"UPSTREAM_TIMEOUT": "6s",
		"RETRY_AFTER":      "0s", // every request may retry: the test drives the upstream
	})
	ref := map[string][]byte{}
	rows := map[string]int{}
	for name, rel := range mirrorFiles {
		ref[name], rows[name] = reference(t, datadir.MustFind(t, rel))
	}
	require.Equal(t, 3938, rows["detail"], "mirror: rows of the two indicators")

	t.Run("cold start, upstream failing: snapshot", func(t *testing.T) {
		m := w.meta(t)
		assert.Equal(t, workerapi.SourceSnapshot, m.Source)
		assert.Contains(t, m.Files["detail"].Reason, "not fetched yet")

		f.set("500", time.Date(2023, 1, 19, 10, 8, 49, 0, time.UTC))
		r := w.do(t, "GET", detailPath)
		require.Equal(t, 200, r.Status, string(r.Body))
		assert.Equal(t, workerapi.SourceSnapshot, r.Header.Get("X-Data-Source"))
		snap, err := os.ReadFile(filepath.Join(web, "snapshot", "detail.csv"))
		require.NoError(t, err)
		assert.True(t, string(snap) == string(r.Body), "snapshot bytes served (%d vs %d bytes)", len(r.Body), len(snap))
		assert.NotEmpty(t, r.Header.Get("ETag"))
		checkSecurity(t, r.Header, "snapshot")
		d := w.meta(t).Files["detail"]
		assert.Equal(t, workerapi.SourceSnapshot, d.Source)
		assert.Contains(t, d.Reason, "no valid upstream data yet")
		assert.Contains(t, d.LastError, "answered 500")
		r2 := w.do(t, "GET", detailPath, "If-None-Match", r.Header.Get("ETag"))
		assert.Equal(t, 304, r2.Status)
		assert.Equal(t, workerapi.SourceSnapshot, r2.Header.Get("X-Data-Source"))
	})

	var good response
	t.Run("upstream then cache: rows and bytes", func(t *testing.T) {
		f.set("", time.Date(2023, 1, 19, 10, 8, 49, 0, time.UTC))
		for _, name := range []string{"detail", "synthese", "national"} {
			p := workerapi.DataPrefix + name + ".csv"
			r := w.do(t, "GET", p)
			require.Equal(t, 200, r.Status, string(r.Body))
			assert.Equal(t, workerapi.SourceUpstream, r.Header.Get("X-Data-Source"), name)
			assert.True(t, string(ref[name]) == string(r.Body), "%s: bytes differ from the filtered mirror (%d vs %d)", name, len(r.Body), len(ref[name]))
			assert.Equal(t, rows[name], countLines(r.Body)-1, name)
			assert.Empty(t, r.Header.Get("Server-Timing"), "Go answered the download")
			r2 := w.do(t, "GET", p)
			assert.Equal(t, workerapi.SourceCache, r2.Header.Get("X-Data-Source"), name)
			assert.Equal(t, "fast-path", r2.Header.Get("Server-Timing"), "%s: the entry script answered from the store", name)
			assert.True(t, string(ref[name]) == string(r2.Body), "%s: cached bytes", name)
			assert.Equal(t, r.Header.Get("ETag"), r2.Header.Get("ETag"))
			// Go's headers, replayed: all but the source (and the date).
			for k := range r.Header {
				if k != "X-Data-Source" && k != "Date" {
					assert.Equal(t, r.Header.Values(k), r2.Header.Values(k), "%s: header %s", name, k)
				}
			}
			if name == "detail" {
				good = r2
			}
		}
		m := w.meta(t)
		assert.Equal(t, workerapi.SourceCache, m.Source)
		assert.Equal(t, "kv", m.Store, "wrangler.jsonc binds DATA_KV")
		assert.True(t, m.Persistent)
		for name, mf := range m.Files {
			assert.Equal(t, rows[name], mf.Rows, name)
			assert.Equal(t, 0, mf.RejectedRows, name)
			assert.Equal(t, len(ref[name]), mf.Bytes, name)
			assert.NotNil(t, mf.LastFetch, name)
			assert.Equal(t, "2023-01-19", mf.DataUpdated, name)
			assert.True(t, strings.HasPrefix(mf.ServedURL, f.URL+"/files/"), name)
		}
		assert.Equal(t, 101, m.Files["detail"].Departments)
		assert.Contains(t, m.SourceLine, "Licence Ouverte 2.0 — données au 19 janvier 2023")
	})
	require.NotEmpty(t, good.Body)

	t.Run("conditional GETs and headers", func(t *testing.T) {
		h := good.Header
		assert.Equal(t, "text/csv; charset=utf-8", h.Get("Content-Type"))
		assert.Equal(t, "Thu, 19 Jan 2023 10:08:49 GMT", h.Get("Last-Modified"))
		assert.Equal(t, "2023-01-19", h.Get("X-Data-Updated"))
		assert.Contains(t, h.Get("Cache-Control"), "stale-while-revalidate=")
		assert.Equal(t, "*", h.Get("Access-Control-Allow-Origin"))
		checkSecurity(t, h, "detail.csv")
		etag := h.Get("ETag")
		r := w.do(t, "GET", detailPath, "If-None-Match", etag)
		assert.Equal(t, 304, r.Status)
		assert.Empty(t, r.Body)
		assert.Equal(t, etag, r.Header.Get("ETag"))
		r = w.do(t, "GET", detailPath, "If-None-Match", `"nope"`)
		assert.Equal(t, 200, r.Status)
		r = w.do(t, "GET", detailPath, "If-Modified-Since", "Thu, 19 Jan 2023 10:08:49 GMT")
		assert.Equal(t, 304, r.Status)
		r = w.do(t, "GET", detailPath, "If-Modified-Since", "Wed, 18 Jan 2023 10:08:49 GMT")
		assert.Equal(t, 200, r.Status)
		r = w.do(t, "HEAD", detailPath)
		assert.Equal(t, 200, r.Status)
		assert.Empty(t, r.Body)
		assert.Equal(t, strconv.Itoa(len(good.Body)), r.Header.Get("Content-Length"))

		r = w.do(t, "OPTIONS", detailPath, "Origin", "https://example.org", "Access-Control-Request-Method", "GET")
		assert.Equal(t, 204, r.Status)
		assert.Equal(t, "*", r.Header.Get("Access-Control-Allow-Origin"))
		assert.Contains(t, r.Header.Get("Access-Control-Allow-Methods"), "GET")
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
			r = w.do(t, m, detailPath)
			assert.Equal(t, 405, r.Status, m)
			assert.Equal(t, workerapi.Allow, r.Header.Get("Allow"), m)
		}
		r = w.do(t, "GET", "/api/v1/nothing")
		assert.Equal(t, 404, r.Status)
		assert.Equal(t, "application/json; charset=utf-8", r.Header.Get("Content-Type"))
		assert.Contains(t, string(r.Body), `"not found"`)
		r = w.do(t, "GET", "/api/v1/config")
		assert.Equal(t, 200, r.Status)
		assert.JSONEq(t, `{"embed_origins":["*"]}`, string(r.Body))
		r = w.do(t, "GET", "/healthz")
		assert.Equal(t, 200, r.Status)
		checkSecurity(t, r.Header, "healthz")

		// Static assets get the same security headers from _headers, and
		// /api/v1/config names the origins their frame-ancestors allows.
		goCSP := w.do(t, "GET", "/api/v1/config").Header.Get("Content-Security-Policy")
		r = w.do(t, "GET", "/snapshot/national.csv")
		assert.Equal(t, 200, r.Status)
		assert.Empty(t, r.Header.Get("X-Data-Source"), "served by Static Assets, not Go")
		checkSecurity(t, r.Header, "static asset")
		assert.Equal(t, goCSP, r.Header.Get("Content-Security-Policy"), "_headers and Go agree")
		assert.True(t, strings.HasSuffix(goCSP, "frame-ancestors *"), goCSP)
		if _, err := os.Stat(filepath.Join(web, "index.html")); err == nil {
			r = w.do(t, "GET", "/")
			assert.Equal(t, 200, r.Status)
			checkSecurity(t, r.Header, "index.html")
		}
	})

	faults := []struct{ mode, want string }{
		{"500", "answered 500"},
		{"timeout", "(timeout)"},
		{"html", "HTML page"},
		{"truncated", "truncated"},
		{"novaleur", "valeur"},
		{"huge", "over the cap"},
		{"notitle", `no resource titled "barometre-resultats-detail-departemental.csv"`},
	}
	for i, fc := range faults {
		t.Run("fault "+fc.mode, func(t *testing.T) {
			// A new publisher date makes the Worker download again.
			lm := time.Date(2023, 2, 1+i, 8, 0, 0, 0, time.UTC)
			f.set(fc.mode, lm)
			start := time.Now()
			w.scheduled(t)
			t.Logf("%s: scheduled refresh took %s", fc.mode, time.Since(start).Round(time.Millisecond))
			r := w.do(t, "GET", detailPath)
			require.Equal(t, 200, r.Status)
			assert.Equal(t, workerapi.SourceCache, r.Header.Get("X-Data-Source"))
			assert.True(t, string(good.Body) == string(r.Body), "last good bytes kept")
			assert.Equal(t, good.Header.Get("ETag"), r.Header.Get("ETag"))
			assert.Equal(t, "2023-01-19", r.Header.Get("X-Data-Updated"))
			m := w.meta(t)
			d := m.Files["detail"]
			assert.Equal(t, workerapi.SourceCache, d.Source)
			assert.Contains(t, d.LastError, fc.want)
			assert.Contains(t, d.Reason, "was refused: ")
			require.NotNil(t, d.LastErrorAt)
			assert.WithinDuration(t, time.Now(), *d.LastErrorAt, 3*time.Minute)
			assert.Empty(t, m.Files["synthese"].LastError, "the other files are unaffected")
		})
	}

	t.Run("recovery: a good new version replaces the cache", func(t *testing.T) {
		f.set("", time.Date(2023, 3, 1, 8, 0, 0, 0, time.UTC))
		w.scheduled(t)
		r := w.do(t, "GET", detailPath)
		assert.Equal(t, workerapi.SourceCache, r.Header.Get("X-Data-Source"))
		assert.Equal(t, "2023-03-01", r.Header.Get("X-Data-Updated"))
		assert.True(t, string(ref["detail"]) == string(r.Body))
		d := w.meta(t).Files["detail"]
		assert.Empty(t, d.LastError)
		assert.Contains(t, d.Reason, "up to date")
	})
}
