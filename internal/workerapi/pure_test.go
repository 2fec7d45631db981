package workerapi

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/boot"
)

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		method, path string
		want         Match
	}{
		{"GET", "/healthz", Match{Route: RouteHealth}},
		{"HEAD", "/api/v1/meta", Match{Route: RouteMeta}},
		{"GET", "/api/v1/config", Match{Route: RouteConfig}},
		{"GET", "/api/v1/numerisation/detail.csv", Match{Route: RouteData, File: "detail"}},
		{"GET", "/api/v1/numerisation/synthese.csv", Match{Route: RouteData, File: "synthese"}},
		{"GET", "/api/v1/numerisation/national.csv", Match{Route: RouteData, File: "national"}},
		{"GET", "/api/v1/numerisation/other.csv", Match{Route: RouteAPI404}},
		{"GET", "/api/v1/numerisation/detail", Match{Route: RouteAPI404}},
		{"GET", "/api", Match{Route: RouteAPI404}},
		{"GET", "/api/", Match{Route: RouteAPI404}},
		{"GET", "/apix", Match{Route: RouteNone}},
		{"GET", "/index.html", Match{Route: RouteNone}},
		{"OPTIONS", "/api/v1/meta", Match{Route: RouteMeta, Status: 204}},
		{"POST", "/api/v1/numerisation/detail.csv", Match{Route: RouteData, File: "detail", Status: 405}},
		{"DELETE", "/api/zzz", Match{Route: RouteAPI404, Status: 405}},
		{"PUT", "/healthz", Match{Route: RouteHealth, Status: 405}},
	} {
		assert.Equal(t, tc.want, Resolve(tc.method, tc.path), "%s %s", tc.method, tc.path)
	}
}

func TestNotModified(t *testing.T) {
	lm := time.Date(2023, 1, 19, 10, 8, 49, 604000000, time.UTC)
	etag := `"u123-45"`
	for _, tc := range []struct {
		name string
		hdr  map[string]string
		want bool
	}{
		{"none", nil, false},
		{"etag match", map[string]string{"If-None-Match": etag}, true},
		{"weak etag match", map[string]string{"If-None-Match": `W/"u123-45"`}, true},
		{"list", map[string]string{"If-None-Match": `"a", "u123-45"`}, true},
		{"star", map[string]string{"If-None-Match": `*`}, true},
		{"etag differs", map[string]string{"If-None-Match": `"other"`}, false},
		{"etag differs wins over date", map[string]string{"If-None-Match": `"other"`, "If-Modified-Since": lm.Add(time.Hour).Format(http.TimeFormat)}, false},
		{"same second", map[string]string{"If-Modified-Since": lm.Format(http.TimeFormat)}, true},
		{"later", map[string]string{"If-Modified-Since": lm.Add(time.Hour).Format(http.TimeFormat)}, true},
		{"earlier", map[string]string{"If-Modified-Since": lm.Add(-time.Second).Format(http.TimeFormat)}, false},
		{"garbage date", map[string]string{"If-Modified-Since": "yesterday"}, false},
	} {
		h := http.Header{}
		for k, v := range tc.hdr {
			h.Set(k, v)
		}
		assert.Equal(t, tc.want, NotModified(h, etag, lm), tc.name)
	}
	assert.False(t, NotModified(http.Header{"If-Modified-Since": {lm.Format(http.TimeFormat)}}, etag, time.Time{}), "no Last-Modified")
	// syumai/workers splits header values at commas.
	assert.True(t, NotModified(http.Header{"If-Modified-Since": {"Thu", " 19 Jan 2023 10:08:49 GMT"}}, etag, lm), "split date")
	assert.True(t, NotModified(http.Header{"If-None-Match": {`"a"`, ` "u123-45"`}}, etag, lm), "split list")
}

func TestETagOf(t *testing.T) {
	a, b := ETagOf("u", []byte("abc")), ETagOf("u", []byte("abd"))
	assert.NotEqual(t, a, b)
	assert.Equal(t, a, ETagOf("u", []byte("abc")))
	assert.True(t, strings.HasPrefix(a, `"u`) && strings.HasSuffix(a, `-3"`), a)
}

func TestOriginsAndCSP(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", []string{"*"}},
		{"*", []string{"*"}},
		{"https://a.fr, *", []string{"*"}},
		{"https://a.gouv.fr http://localhost:8080,https://[::1]:443", []string{"https://a.gouv.fr", "http://localhost:8080", "https://[::1]:443"}},
	} {
		got, err := ParseOrigins(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	for _, bad := range []string{"not-an-origin", "https://a.gouv.fr/", "https://x.fr/path", "javascript:alert(1)",
		"https://A.fr", "HTTPS://a.fr", "https://a.fr;script-src *", "https://a.fr'", "'self'", "https://a.fr:99999",
		"https://a.fr:", "ftp://a.fr", "https://", "https://a.fr?x", "https://u@a.fr", "https://.fr", "https://a.fr https://b.fr;"} {
		got, err := ParseOrigins(bad)
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "is not an origin", bad)
		assert.Nil(t, got, "an invalid list frames nothing but the site itself")
	}
	assert.Equal(t, "*", FrameAncestors([]string{"*"}))
	assert.Equal(t, "'self'", FrameAncestors(nil))
	assert.Equal(t, "'self' https://a.fr https://b.fr", FrameAncestors([]string{"https://a.fr", "https://b.fr"}))
	csp := CSP([]string{"https://a.fr"})
	assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval' "+boot.ScriptHash+";", "one inline script, by its hash")
	assert.NotContains(t, strings.Split(strings.SplitAfter(csp, "script-src")[1], ";")[0], "unsafe-inline")
	assert.True(t, strings.HasSuffix(csp, "frame-ancestors 'self' https://a.fr"), csp)

	hf := HeadersFile([]string{"https://a.fr"})
	assert.True(t, strings.HasPrefix(strings.SplitN(hf, "\n", 2)[1], "/*\n"))
	for _, want := range []string{"Content-Security-Policy: " + csp, "X-Content-Type-Options: nosniff",
		"Referrer-Policy: " + ReferrerPolicy, "Permissions-Policy: " + PermissionsPolicy} {
		assert.Contains(t, hf, "\n  "+want+"\n")
	}
	for _, path := range []string{"/app.wasm", "/app.js", "/wasm_exec.js", "/app.css", "/geo/*"} {
		assert.Contains(t, hf, "\n"+path+"\n  Cache-Control: "+StaticAssetCache+"\n", path)
	}
	assert.NotContains(t, hf, "\n/index.html\n", "the page itself is always revalidated")
	assert.Contains(t, hf, "\n/h/*\n  Cache-Control: public, max-age=31536000, immutable\n", "content-hashed files")
}

func TestLoadConfig(t *testing.T) {
	c, err := LoadConfig(func(string) string { return "" })
	require.NoError(t, err)
	assert.Equal(t, DefaultAPI, c.API)
	assert.Equal(t, "https://www.data.gouv.fr/api/1/datasets/barometre-des-resultats-de-laction-publique/", c.DatasetURL())
	require.Len(t, c.Files, 3)
	d, ok := c.File("detail")
	require.True(t, ok)
	assert.Equal(t, "barometre-resultats-detail-departemental.csv", d.Title)
	assert.Empty(t, d.URL)
	assert.Equal(t, 20*time.Second, c.Timeout)
	assert.Equal(t, int64(DefaultMaxBytes), c.MaxBytes)
	assert.LessOrEqual(t, c.MaxBytes, int64(40_000_000))
	assert.Equal(t, []string{"https://www.data.gouv.fr", "https://static.data.gouv.fr", "https://object.files.data.gouv.fr"}, c.UpstreamOrigins)
	assert.Equal(t, []string{"*"}, c.EmbedOrigins)

	env := map[string]string{"DATAGOUV_API": "http://127.0.0.1:9100/api/1/", "SYNTHESE_URL": "https://x/s.csv",
		"UPSTREAM_ORIGINS": "http://127.0.0.1:9100 https://x",
		"UPSTREAM_TIMEOUT": "2s", "MAX_UPSTREAM_BYTES": "1000", "EMBED_ORIGINS": "https://a.fr",
		"SNAPSHOT_LAST_MODIFIED": "2023-01-19", "DETAIL_RESOURCE": "other.csv"}
	c, err = LoadConfig(func(k string) string { return env[k] })
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:9100/api/1", c.API)
	s, _ := c.File("synthese")
	assert.Equal(t, "https://x/s.csv", s.URL)
	d, _ = c.File("detail")
	assert.Equal(t, "other.csv", d.Title)
	assert.Equal(t, 2*time.Second, c.Timeout)
	assert.Equal(t, int64(1000), c.MaxBytes)
	assert.Equal(t, time.Date(2023, 1, 19, 0, 0, 0, 0, time.UTC), c.SnapshotModified)

	// An invalid EMBED_ORIGINS frames nothing but the site, and says why.
	c, err = LoadConfig(func(k string) string { return map[string]string{"EMBED_ORIGINS": "https://a.fr;script-src *"}[k] })
	require.ErrorContains(t, err, `EMBED_ORIGINS: "https://a.fr;script-src" is not an origin`)
	assert.Empty(t, c.EmbedOrigins)
	assert.True(t, strings.HasSuffix(CSP(c.EmbedOrigins), "frame-ancestors 'self'"))
	// Upstream URLs must be in UPSTREAM_ORIGINS, https unless loopback.
	_, err = LoadConfig(func(k string) string {
		return map[string]string{"DATAGOUV_API": "https://evil.example/api/1", "DETAIL_URL": "http://169.254.169.254/x"}[k]
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `DATAGOUV_API: "https://evil.example" is not in UPSTREAM_ORIGINS`)
	assert.Contains(t, err.Error(), `DETAIL_URL: "http://169.254.169.254" is not in UPSTREAM_ORIGINS`)
	_, err = LoadConfig(func(k string) string { return map[string]string{"UPSTREAM_ORIGINS": "http://static.data.gouv.fr"}[k] })
	assert.ErrorContains(t, err, "plain http is allowed for loopback hosts only")
	_, err = LoadConfig(func(k string) string { return map[string]string{"UPSTREAM_ORIGINS": "*"}[k] })
	assert.ErrorContains(t, err, "UPSTREAM_ORIGINS")

	bad := map[string]string{"DATAGOUV_API": "ftp://x", "UPSTREAM_TIMEOUT": "soon", "MAX_UPSTREAM_BYTES": "-1", "DETAIL_URL": "nope"}
	_, err = LoadConfig(func(k string) string { return bad[k] })
	require.Error(t, err)
	for _, k := range []string{"DATAGOUV_API", "UPSTREAM_TIMEOUT", "MAX_UPSTREAM_BYTES", "DETAIL_URL"} {
		assert.Contains(t, err.Error(), k)
	}
}

func TestParseTime(t *testing.T) {
	want := time.Date(2023, 1, 19, 10, 8, 49, 604000000, time.UTC)
	for _, v := range []string{"2023-01-19T10:08:49.604000+00:00", "2023-01-19T10:08:49.604000", "2023-01-19T11:08:49.604+01:00"} {
		got, ok := ParseTime(v)
		assert.True(t, ok, v)
		assert.True(t, want.Equal(got), "%s → %s", v, got)
	}
	got, ok := ParseTime("Thu, 19 Jan 2023 10:08:49 GMT")
	assert.True(t, ok)
	assert.True(t, want.Truncate(time.Second).Equal(got))
	_, ok = ParseTime("19/01/2023")
	assert.False(t, ok)
}

func TestResolveResource(t *testing.T) {
	doc := `{"page":"https://www.data.gouv.fr/fr/datasets/x/","resources":[
	  {"title":"a.csv","url":"https://static.data.gouv.fr/a.csv","last_modified":"2023-01-19T10:08:49.604000+00:00"},
	  {"title":"b.csv","url":"javascript:x","last_modified":""}]}`
	r, err := ResolveResource(strings.NewReader(doc), "a.csv")
	require.NoError(t, err)
	assert.Equal(t, "https://static.data.gouv.fr/a.csv", r.URL)
	assert.Equal(t, 2023, r.LastModified.Year())
	assert.Equal(t, "https://www.data.gouv.fr/fr/datasets/x/", r.Page)
	_, err = ResolveResource(strings.NewReader(doc), "c.csv")
	assert.ErrorContains(t, err, `no resource titled "c.csv" (2 resources)`)
	_, err = ResolveResource(strings.NewReader(doc), "b.csv")
	assert.ErrorContains(t, err, "no usable url")
	_, err = ResolveResource(strings.NewReader("<html>"), "a.csv")
	assert.ErrorContains(t, err, "not valid JSON")
}

func TestCappedReader(t *testing.T) {
	c := &CappedReader{R: strings.NewReader("a,b\n1,2\n"), Max: 100}
	b, err := io.ReadAll(c)
	require.NoError(t, err)
	assert.Equal(t, "a,b\n1,2\n", string(b))
	assert.NoError(t, c.CheckComplete(8))
	assert.NoError(t, c.CheckComplete(-1))
	assert.ErrorContains(t, c.CheckComplete(10), "Content-Length said 10")

	c = &CappedReader{R: strings.NewReader("a,b\n1,"), Max: 100}
	_, _ = io.ReadAll(c)
	assert.ErrorContains(t, c.CheckComplete(-1), "without a newline after 6 bytes")

	c = &CappedReader{R: bytes.NewReader(make([]byte, 1000)), Max: 999}
	_, err = io.ReadAll(c)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, int64(1000), c.N, "reads at most one byte past the cap")
	c = &CappedReader{R: bytes.NewReader(make([]byte, 999)), Max: 999}
	_, err = io.ReadAll(c)
	assert.NoError(t, err)
}

func TestStripJSONCAndRepoWrangler(t *testing.T) {
	vars, err := WranglerVars([]byte("// c\n{\n \"vars\": { /* x */ \"A\": \"http://a//b\", \"B\": \"*\", },\n}\n"))
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"A": "http://a//b", "B": "*"}, vars)

	// The repository's wrangler.jsonc parses and names every var LoadConfig reads.
	b, err := os.ReadFile(filepath.Join("..", "..", "wrangler.jsonc"))
	require.NoError(t, err)
	vars, err = WranglerVars(b)
	require.NoError(t, err)
	for _, k := range []string{"DATAGOUV_API", "DATAGOUV_DATASET", "DETAIL_RESOURCE", "SYNTHESE_RESOURCE", "DETAIL_NATIONAL_RESOURCE", "EMBED_ORIGINS", "SNAPSHOT_LAST_MODIFIED"} {
		assert.Contains(t, vars, k)
	}
	_, err = LoadConfig(func(k string) string { return vars[k] })
	assert.NoError(t, err)
}

func TestSourceLine(t *testing.T) {
	assert.Equal(t, "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au 19 janvier 2023",
		SourceLine(time.Date(2023, 1, 19, 10, 0, 0, 0, time.UTC)))
	assert.Equal(t, "1er août 2022", FrenchDate(time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC)))
	assert.NotContains(t, SourceLine(time.Time{}), "données au")
}
