//go:build integration

package workertest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/browser"
	"francenum-map/internal/datadir"
	"francenum-map/internal/workerapi"
)

// TestHostileReleasesThroughCron: the project's fake data.gouv.fr serves
// plausible but wrong, or hostile, releases; the Cron Trigger refuses each,
// the good version stays served byte for byte, and /api/v1/meta says why.
func TestHostileReleasesThroughCron(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	fake, err := browser.StartFakeDataGouv(dataDir(t))
	require.NoError(t, err)
	defer fake.Close()
	w := startWorker(t, root, web, map[string]string{"DATAGOUV_API": fake.API(), "UPSTREAM_TIMEOUT": "20s"})
	want, _ := reference(t, datadir.MustFind(t, mirrorFiles["detail"]))

	w.scheduled(t)
	good := w.do(t, "GET", detailPath)
	require.Equal(t, 200, good.Status, string(good.Body))
	require.Equal(t, workerapi.SourceCache, good.Header.Get("X-Data-Source"))
	require.True(t, string(want) == string(good.Body), "the good release is served")

	for i, tc := range []struct{ mode, want string }{
		{browser.FakeHalved, "down from"},
		{browser.FakeOneDeptDiag, "only 1 departments for nb-diagnostics-individualises"},
		{browser.FakeOlder, "is earlier than the current version's 2022-11-30"},
		{browser.FakeBigField, "is longer than 65536 bytes"},
		{browser.FakeForeignURL, `"http://169.254.169.254" is not in UPSTREAM_ORIGINS`},
		{browser.FakeRedirectOut, `redirected from ` + fake.URL + `/files/` + browser.DetailFile + `, refused: "http://127.0.0.1:9" is not in UPSTREAM_ORIGINS`},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			// A new publisher date: the Worker downloads again.
			fake.Set(tc.mode, time.Date(2023, 2, 1+i, 8, 0, 0, 0, time.UTC))
			w.scheduled(t)
			d := w.meta(t).Files["detail"]
			assert.Contains(t, d.LastError, tc.want)
			assert.Contains(t, d.Reason, "was refused: ")
			assert.Equal(t, workerapi.SourceCache, d.Source)
			for _, method := range []string{"GET", "GET"} { // fast path, then its read-through copy
				r := w.do(t, method, detailPath)
				require.Equal(t, 200, r.Status)
				assert.True(t, string(good.Body) == string(r.Body), "good bytes kept (%d vs %d)", len(r.Body), len(good.Body))
				assert.Equal(t, good.Header.Get("ETag"), r.Header.Get("ETag"))
				assert.Equal(t, good.Header.Get("Last-Modified"), r.Header.Get("Last-Modified"))
			}
		})
	}

	t.Run("a good release replaces it", func(t *testing.T) {
		fake.Set(browser.FakeGood, time.Date(2023, 3, 1, 8, 0, 0, 0, time.UTC))
		w.scheduled(t)
		r := w.do(t, "GET", detailPath)
		assert.Equal(t, "2023-03-01", r.Header.Get("X-Data-Updated"))
		assert.True(t, string(want) == string(r.Body))
		assert.Empty(t, w.meta(t).Files["detail"].LastError)
	})
}

// TestConfigChangeStartsAfresh: a Worker whose upstream failed is restarted
// on the same KV with another DATAGOUV_API: no error from the old URL, no
// wait inherited from it.
func TestConfigChangeStartsAfresh(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	persist := t.TempDir()
	fake, err := browser.StartFakeDataGouv(dataDir(t))
	require.NoError(t, err)
	defer fake.Close()
	dead, err := browser.FreePort(browser.FakeGouvLow, browser.FakeGouvHi)
	require.NoError(t, err)

	w := startWorkerIn(t, root, web, persist, map[string]string{"DATAGOUV_API": "http://127.0.0.1:" + itoa(dead) + "/api/1"})
	r := w.do(t, "GET", detailPath)
	assert.Equal(t, workerapi.SourceSnapshot, r.Header.Get("X-Data-Source"))
	require.NotEmpty(t, w.meta(t).Files["detail"].LastError)
	w.Stop()

	w = startWorkerIn(t, root, web, persist, map[string]string{"DATAGOUV_API": fake.API()})
	d := w.meta(t).Files["detail"]
	assert.Empty(t, d.LastError, "no error from a URL that is no longer configured")
	assert.Nil(t, d.LastAttempt)
	r = w.do(t, "GET", detailPath)
	assert.Equal(t, workerapi.SourceUpstream, r.Header.Get("X-Data-Source"), "fetched at once: RETRY_AFTER's wait is not inherited")
}

// TestWithoutKV: with no KV namespace bound a visitor never starts a
// download; meta says why; the cron refreshes, at most once per RETRY_AFTER.
func TestWithoutKV(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	fake, err := browser.StartFakeDataGouv(dataDir(t))
	require.NoError(t, err)
	defer fake.Close()
	w := startWorker(t, root, web, map[string]string{"DATAGOUV_API": fake.API()},
		func(cfg map[string]any) { delete(cfg, "kv_namespaces") })

	for i := 0; i < 3; i++ {
		r := w.do(t, "GET", detailPath)
		require.Equal(t, 200, r.Status)
		assert.Equal(t, workerapi.SourceSnapshot, r.Header.Get("X-Data-Source"))
	}
	assert.EqualValues(t, 0, fake.Hits.Load(), "no download started by a visitor")
	m := w.meta(t)
	assert.False(t, m.Persistent)
	assert.Equal(t, "cache", m.Store)
	assert.Equal(t, workerapi.NoStoreNote, m.StoreNote)
	assert.Contains(t, m.Files["detail"].Reason, "no persistent store bound")

	w.scheduled(t)
	hits := fake.Hits.Load()
	assert.Greater(t, hits, int64(0), "the cron refreshes")
	// wrangler dev's Cache API keeps what the cron stored (on *.workers.dev
	// it would not, and the snapshot would stay).
	assert.Equal(t, workerapi.SourceCache, w.do(t, "GET", detailPath).Header.Get("X-Data-Source"))
	fake.Set(browser.FakeGood, time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC))
	w.scheduled(t)
	assert.Equal(t, hits, fake.Hits.Load(), "within RETRY_AFTER the cron leaves upstream alone")
}
