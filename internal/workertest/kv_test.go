//go:build integration

package workertest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/workerapi"
)

// TestWorkerKVAndLazyRefresh runs the Worker with the optional DATA_KV
// binding (persistence on *.workers.dev) and a short REFRESH_AFTER: a new
// publisher version is picked up by the lazy refresh in ctx.waitUntil while
// the stale version keeps being served.
func TestWorkerKVAndLazyRefresh(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	f := startFake(t, dataDir(t))
	w := startWorker(t, root, web, map[string]string{
		"DATAGOUV_API":     f.URL + "/api/1",
		"UPSTREAM_TIMEOUT": "6s",
		"REFRESH_AFTER":    "2s",
		"RETRY_AFTER":      "0s",
	}, func(cfg map[string]any) {
		cfg["kv_namespaces"] = []map[string]string{{"binding": "DATA_KV", "id": "francenum-map-test"}}
	})
	want, _ := reference(t, datadir.MustFind(t, mirrorFiles["detail"]))

	r := w.do(t, "GET", detailPath)
	require.Equal(t, 200, r.Status, string(r.Body))
	assert.Equal(t, workerapi.SourceUpstream, r.Header.Get("X-Data-Source"))
	assert.True(t, string(want) == string(r.Body))
	r = w.do(t, "GET", detailPath)
	assert.Equal(t, workerapi.SourceCache, r.Header.Get("X-Data-Source"))
	assert.True(t, string(want) == string(r.Body), "bytes from KV")
	hits := f.count("barometre-resultats-detail-departemental.csv")

	f.set("", time.Date(2023, 5, 2, 8, 0, 0, 0, time.UTC))
	time.Sleep(2500 * time.Millisecond)
	r = w.do(t, "GET", detailPath)
	assert.Equal(t, workerapi.SourceCache, r.Header.Get("X-Data-Source"))
	assert.Equal(t, "2023-01-19", r.Header.Get("X-Data-Updated"), "the stale version is served at once")
	deadline := time.Now().Add(60 * time.Second)
	for {
		r = w.do(t, "GET", detailPath)
		if r.Header.Get("X-Data-Updated") == "2023-05-02" || time.Now().After(deadline) {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	if !assert.Equal(t, "2023-05-02", r.Header.Get("X-Data-Updated"), "the background refresh stored the new version") {
		t.Logf("meta: %s", w.do(t, "GET", "/api/v1/meta").Body)
	}
	assert.Equal(t, workerapi.SourceCache, r.Header.Get("X-Data-Source"))
	assert.True(t, string(want) == string(r.Body))
	assert.Greater(t, f.count("barometre-resultats-detail-departemental.csv"), hits)
	m := w.meta(t)
	assert.Empty(t, m.Files["detail"].LastError)
	assert.Equal(t, "kv", m.Store)
}
