package workerapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeGouv is a data.gouv.fr stand-in whose detail resource can misbehave.
type fakeGouv struct {
	srv      *httptest.Server
	mu       sync.Mutex
	mode     string // "" = good, else a fault of the detail file
	modified time.Time
	bump     int
	apiHits  atomic.Int64
	fileHits atomic.Int64
}

func (f *fakeGouv) set(mode string, modified time.Time, bump int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mode, f.modified, f.bump = mode, modified, bump
}

func (f *fakeGouv) get() (string, time.Time, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mode, f.modified, f.bump
}

var titles = map[string]string{
	"detail":   "barometre-resultats-detail-departemental.csv",
	"synthese": "barometre-resultats-synthese-departemental.csv",
	"national": "barometre-resultats-detail-national.csv",
}

func newFakeGouv(t *testing.T) *fakeGouv {
	f := &fakeGouv{modified: time.Date(2023, 1, 19, 10, 8, 49, 0, time.UTC)}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/1/datasets/"+DefaultDataset+"/", func(w http.ResponseWriter, r *http.Request) {
		f.apiHits.Add(1)
		mode, lm, _ := f.get()
		var res []map[string]string
		for _, name := range []string{"detail", "synthese", "national"} {
			if name == "detail" && mode == "notitle" {
				continue
			}
			u := f.srv.URL + "/files/" + titles[name]
			if name == "detail" {
				u = hostileURL(mode, u)
			}
			lmText := lm.Format("2006-01-02T15:04:05.000000+00:00")
			if strings.HasPrefix(mode, "badlm") {
				lmText = "lundi 19 février 2023" // no layout reads it
			}
			res = append(res, map[string]string{"title": titles[name], "url": u, "last_modified": lmText})
		}
		json.NewEncoder(w).Encode(map[string]any{"page": "https://www.data.gouv.fr/fr/datasets/x/", "resources": res})
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {
		f.fileHits.Add(1)
		mode, lm, bump := f.get()
		name := strings.TrimPrefix(r.URL.Path, "/files/")
		var body string
		switch name {
		case titles["detail"]:
			body = detailCSV(101, bump)
		case titles["synthese"]:
			body = syntheseCSV(101)
		case titles["national"]:
			body = nationalCSV()
		default:
			http.NotFound(w, r)
			return
		}
		if mode != "badlm-nohdr" {
			w.Header().Set("Last-Modified", lm.Format(http.TimeFormat))
		}
		w.Header().Set("Content-Type", "text/csv")
		if name == titles["detail"] {
			if hostile(w, r, mode, bump, &body) {
				return
			}
			switch mode {
			case "500":
				http.Error(w, "boom", http.StatusInternalServerError)
				return
			case "timeout":
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
				return
			case "html":
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				body = "<!doctype html><html><body>Maintenance</body></html>\n"
			case "html-as-csv":
				body = "<!doctype html><html><body>Maintenance</body></html>\n"
			case "truncated":
				body = body[:len(body)/2]
			case "novaleur":
				body = strings.Replace(body, ",valeur,", ",value,", 1)
			case "other-halved": // another indicator's values halved: its rows alone are refused
				lines := strings.SplitAfter(body, "\n")
				for i, l := range lines {
					if strings.Contains(l, ","+otherID+",") {
						f := strings.Split(l, ",")
						v, _ := strconv.ParseFloat(f[6], 64)
						f[6] = strconv.FormatFloat(v/2, 'f', 1, 64)
						lines[i] = strings.Join(f, ",")
					}
				}
				body = strings.Join(lines, "")
			case "few":
				body = detailCSV(50, bump)
			case "huge":
				w.Header().Del("Content-Length")
				for i := 0; i < 200; i++ { // ~ 200 × 44 kB, streamed, no Content-Length
					if _, err := w.Write([]byte(body)); err != nil {
						return
					}
				}
				return
			}
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write([]byte(body))
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// snapshotDetail is the build snapshot of the tests: distinct from upstream.
var snapshotDetail = refFilter(detailCSV(101, 7))

// testSnapshot is the tests' snapshot split per indicator (from the whole
// detail file the snapshot detail comes from).
var testSnapshot = func() SnapshotSplit {
	s, err := BuildSnapshot(map[string][]byte{"detail": []byte(detailCSV(101, 7)), "synthese": []byte(syntheseCSV(101)),
		"national": []byte(nationalCSV())}, time.Date(2023, 1, 19, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	return s
}()

func newAssetServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body string
		switch r.URL.Path {
		case SnapshotPath("detail"):
			body = snapshotDetail
		case SnapshotPath("synthese"):
			body = refFilter(syntheseCSV(101))
		case SnapshotPath("national"):
			body = refFilter(nationalCSV())
		default:
			b, ok := testSnapshot.Assets[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			body = string(b)
		}
		w.Header().Set("ETag", `"`+strconv.Itoa(len(body))+`"`)
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

type harness struct {
	svc   *Service
	gouv  *fakeGouv
	store *memStore
	now   time.Time
	bg    []func()
}

func newHarness(t *testing.T, env map[string]string) *harness {
	h := &harness{gouv: newFakeGouv(t), store: newMemStore(), now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	vars := map[string]string{"DATAGOUV_API": h.gouv.srv.URL + "/api/1", "UPSTREAM_ORIGINS": h.gouv.srv.URL, "UPSTREAM_TIMEOUT": "300ms",
		"MAX_UPSTREAM_BYTES": "1048576", "SNAPSHOT_LAST_MODIFIED": "2023-01-19", "RETRY_AFTER": "5m", "REFRESH_AFTER": "6h"}
	for k, v := range env {
		vars[k] = v
	}
	cfg, err := LoadConfig(func(k string) string { return vars[k] })
	require.NoError(t, err)
	h.svc = &Service{Config: cfg, Store: h.store, Upstream: httpFetcher{}, Assets: httpFetcher{base: newAssetServer(t).URL},
		Now: func() time.Time { return h.now }, Background: func(f func()) { h.bg = append(h.bg, f) }, Persistent: true}
	return h
}

func (h *harness) do(method, path string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.svc.ServeHTTP(rec, req)
	return rec
}

func (h *harness) meta(t *testing.T) Meta {
	rec := h.do("GET", "/api/v1/meta")
	require.Equal(t, 200, rec.Code)
	var m Meta
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &m))
	return m
}

const detailPath = DataPrefix + "detail.csv"

func TestColdStartUpstreamThenCache(t *testing.T) {
	h := newHarness(t, nil)
	want := refFilter(detailCSV(101, 0))

	r := h.do("GET", detailPath)
	require.Equal(t, 200, r.Code, r.Body.String())
	assert.Equal(t, SourceUpstream, r.Header().Get("X-Data-Source"))
	assert.Equal(t, want, r.Body.String())
	assert.Equal(t, "text/csv; charset=utf-8", r.Header().Get("Content-Type"))
	assert.Equal(t, "Thu, 19 Jan 2023 10:08:49 GMT", r.Header().Get("Last-Modified"))
	assert.Equal(t, "2023-01-19", r.Header().Get("X-Data-Updated"))
	assert.Equal(t, "public, max-age=300, stale-while-revalidate=86400", r.Header().Get("Cache-Control"))
	assert.Equal(t, "*", r.Header().Get("Access-Control-Allow-Origin"))
	assert.Contains(t, r.Header().Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'")
	assert.Equal(t, "nosniff", r.Header().Get("X-Content-Type-Options"))
	assert.Equal(t, strconv.Itoa(len(want)), r.Header().Get("Content-Length"))
	etag := r.Header().Get("ETag")
	require.NotEmpty(t, etag)
	assert.EqualValues(t, 1, h.gouv.apiHits.Load())
	assert.EqualValues(t, 1, h.gouv.fileHits.Load())

	r = h.do("GET", detailPath)
	assert.Equal(t, SourceCache, r.Header().Get("X-Data-Source"))
	assert.Equal(t, want, r.Body.String())
	assert.Equal(t, etag, r.Header().Get("ETag"))
	assert.EqualValues(t, 1, h.gouv.fileHits.Load(), "served from the store")
	assert.Empty(t, h.bg, "fresh data: no background refresh")

	r = h.do("GET", detailPath, "If-None-Match", etag)
	assert.Equal(t, 304, r.Code)
	assert.Empty(t, r.Body.String())
	assert.Equal(t, etag, r.Header().Get("ETag"))
	r = h.do("GET", detailPath, "If-Modified-Since", "Thu, 19 Jan 2023 10:08:49 GMT")
	assert.Equal(t, 304, r.Code)
	r = h.do("GET", detailPath, "If-Modified-Since", "Thu, 19 Jan 2023 10:08:48 GMT")
	assert.Equal(t, 200, r.Code)
	r = h.do("HEAD", detailPath)
	assert.Equal(t, 200, r.Code)
	assert.Empty(t, r.Body.String())
	assert.Equal(t, strconv.Itoa(len(want)), r.Header().Get("Content-Length"))

	m := h.meta(t)
	d := m.Files["detail"]
	require.NotNil(t, d)
	assert.Equal(t, SourceCache, d.Source)
	assert.Equal(t, 101*2*2, d.Rows)
	assert.Equal(t, 0, d.RejectedRows)
	assert.Equal(t, 101, d.Departments)
	assert.Equal(t, len(want), d.Bytes)
	assert.Equal(t, h.gouv.srv.URL+"/files/"+titles["detail"], d.ServedURL)
	assert.Contains(t, d.Reason, "up to date")
	assert.Equal(t, SourceSnapshot, m.Source, "synthese and national not fetched yet")
	assert.Contains(t, m.Files["synthese"].Reason, "not fetched yet")
	assert.Contains(t, m.SourceLine, "données au 19 janvier 2023")
}

func TestRefreshAllAndUnchanged(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))
	assert.EqualValues(t, 1, h.gouv.apiHits.Load(), "one dataset document for all files")
	assert.EqualValues(t, 3, h.gouv.fileHits.Load())
	for name, src := range map[string]string{"detail": detailCSV(101, 0), "synthese": syntheseCSV(101), "national": nationalCSV()} {
		r := h.do("GET", DataPrefix+name+".csv")
		assert.Equal(t, SourceCache, r.Header().Get("X-Data-Source"), name)
		assert.Equal(t, refFilter(src), r.Body.String(), name)
	}
	m := h.meta(t)
	assert.Equal(t, SourceCache, m.Source)
	assert.Equal(t, 101*2, m.Files["synthese"].Rows)
	assert.Equal(t, 2, m.Files["national"].Rows)

	// Same last_modified: nothing is downloaded again.
	h.now = h.now.Add(7 * time.Hour)
	require.NoError(t, h.svc.Refresh(context.Background()))
	assert.EqualValues(t, 3, h.gouv.fileHits.Load())
	assert.True(t, h.meta(t).Files["detail"].LastCheck.Equal(h.now))

	// A new version replaces the old one, whose bytes are deleted.
	h.gouv.set("", time.Date(2023, 2, 20, 9, 0, 0, 0, time.UTC), 3)
	require.NoError(t, h.svc.Refresh(context.Background()))
	r := h.do("GET", detailPath)
	assert.Equal(t, refFilter(detailCSV(101, 3)), r.Body.String())
	assert.Equal(t, "2023-02-20", r.Header().Get("X-Data-Updated"))
	// 3 files, 3 splits of 3 indicators each, and the index: nothing of
	// the old version is left.
	keys := h.store.dataKeys()
	assert.Len(t, keys, 3+3+9+1)
	lm := "&lm=" + strconv.FormatInt(time.Date(2023, 2, 20, 9, 0, 0, 0, time.UTC).Unix(), 10)
	for _, k := range keys {
		assert.True(t, strings.HasSuffix(k, lm) || strings.HasPrefix(k, dataKeyPfx+"indicators?"), k)
	}
}

func TestUpstreamFaultsKeepLastGood(t *testing.T) {
	for _, tc := range []struct{ mode, want string }{
		{"500", "answered 500"},
		{"timeout", "timeout"},
		{"html", "HTML page"},
		{"html-as-csv", "an HTML page, not a CSV file"},
		{"truncated", "truncated"},
		{"novaleur", "refused"},
		{"few", "only 50 departments"},
		{"huge", "over the cap"},
		{"notitle", `no resource titled "barometre-resultats-detail-departemental.csv"`},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			h := newHarness(t, nil)
			good := h.do("GET", detailPath)
			require.Equal(t, SourceUpstream, good.Header().Get("X-Data-Source"))

			h.now = h.now.Add(7 * time.Hour)
			h.gouv.set(tc.mode, time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 5)
			err := h.svc.Refresh(context.Background())
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)

			r := h.do("GET", detailPath)
			assert.Equal(t, 200, r.Code)
			assert.Equal(t, SourceCache, r.Header().Get("X-Data-Source"))
			assert.Equal(t, good.Body.String(), r.Body.String(), "last good data kept")
			assert.Equal(t, good.Header().Get("ETag"), r.Header().Get("ETag"))
			d := h.meta(t).Files["detail"]
			assert.Equal(t, SourceCache, d.Source)
			assert.Contains(t, d.LastError, tc.want)
			assert.Contains(t, d.Reason, "was refused: ")
			assert.Contains(t, d.Reason, "serving the last good version")
			// The other files were refreshed normally.
			assert.Empty(t, h.meta(t).Files["synthese"].LastError)

			// Back to normal: the next refresh takes the new version.
			h.gouv.set("", time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 5)
			require.NoError(t, h.svc.Refresh(context.Background()))
			r = h.do("GET", detailPath)
			assert.Equal(t, refFilter(detailCSV(101, 5)), r.Body.String())
			assert.Empty(t, h.meta(t).Files["detail"].LastError)
		})
	}
}

func TestColdFaultServesSnapshot(t *testing.T) {
	h := newHarness(t, nil)
	h.gouv.set("500", h.gouv.modified, 0)
	r := h.do("GET", detailPath)
	require.Equal(t, 200, r.Code)
	assert.Equal(t, SourceSnapshot, r.Header().Get("X-Data-Source"))
	assert.Equal(t, snapshotDetail, r.Body.String())
	assert.Equal(t, "2023-01-19", r.Header().Get("X-Data-Updated"))
	assert.Equal(t, "public, max-age=60, stale-while-revalidate=300", r.Header().Get("Cache-Control"))
	etag := r.Header().Get("ETag")
	assert.Equal(t, `"s-`+strconv.Itoa(len(snapshotDetail))+`"`, etag)
	d := h.meta(t).Files["detail"]
	assert.Equal(t, SourceSnapshot, d.Source)
	assert.Contains(t, d.Reason, "no valid upstream data yet: ")
	assert.Contains(t, d.Reason, "answered 500")

	// Within RETRY_AFTER the upstream is left alone.
	hits := h.gouv.fileHits.Load()
	r = h.do("GET", detailPath, "If-None-Match", etag)
	assert.Equal(t, 304, r.Code)
	assert.Equal(t, SourceSnapshot, r.Header().Get("X-Data-Source"))
	assert.Equal(t, hits, h.gouv.fileHits.Load())

	// After it, and with upstream back, the request fetches upstream.
	h.gouv.set("", h.gouv.modified, 0)
	h.now = h.now.Add(6 * time.Minute)
	r = h.do("GET", detailPath)
	assert.Equal(t, SourceUpstream, r.Header().Get("X-Data-Source"))
	assert.Equal(t, refFilter(detailCSV(101, 0)), r.Body.String())
}

func TestNoSnapshotIs503(t *testing.T) {
	h := newHarness(t, nil)
	h.svc.Assets = nil
	h.gouv.set("500", h.gouv.modified, 0)
	r := h.do("GET", detailPath)
	assert.Equal(t, 503, r.Code)
	assert.Contains(t, r.Body.String(), "snapshot is unavailable")
}

func TestLazyRefreshInBackground(t *testing.T) {
	h := newHarness(t, nil)
	require.Equal(t, SourceUpstream, h.do("GET", detailPath).Header().Get("X-Data-Source"))
	h.gouv.set("", time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC), 9)
	h.now = h.now.Add(5 * time.Hour)
	h.do("GET", detailPath)
	assert.Empty(t, h.bg, "not stale yet")

	h.now = h.now.Add(2 * time.Hour)
	r := h.do("GET", detailPath)
	assert.Equal(t, SourceCache, r.Header().Get("X-Data-Source"))
	assert.Equal(t, refFilter(detailCSV(101, 0)), r.Body.String(), "stale data served at once")
	require.Len(t, h.bg, 1)
	h.bg[0]()
	r = h.do("GET", detailPath)
	assert.Equal(t, refFilter(detailCSV(101, 9)), r.Body.String())
	assert.Len(t, h.bg, 1, "fresh again")
}

func TestDirectURLOverride(t *testing.T) {
	h := newHarness(t, nil)
	h2 := newHarness(t, map[string]string{"DETAIL_URL": h.gouv.srv.URL + "/files/" + titles["detail"],
		"DATAGOUV_API": h.gouv.srv.URL + "/api/1", "UPSTREAM_ORIGINS": h.gouv.srv.URL})
	h2.svc.Upstream = httpFetcher{}
	r := h2.do("GET", detailPath)
	assert.Equal(t, SourceUpstream, r.Header().Get("X-Data-Source"))
	assert.EqualValues(t, 0, h.gouv.apiHits.Load(), "no dataset lookup with DETAIL_URL")
	assert.EqualValues(t, 1, h.gouv.fileHits.Load())
	assert.Equal(t, "Thu, 19 Jan 2023 10:08:49 GMT", r.Header().Get("Last-Modified"), "from the file's Last-Modified")
	assert.Equal(t, h.gouv.srv.URL+"/files/"+titles["detail"], h2.meta(t).Files["detail"].ResourceURL)
}

func TestOtherRoutes(t *testing.T) {
	h := newHarness(t, map[string]string{"EMBED_ORIGINS": "https://www.economie.gouv.fr https://a.fr"})
	r := h.do("POST", detailPath)
	assert.Equal(t, 405, r.Code)
	assert.Equal(t, Allow, r.Header().Get("Allow"))
	assert.Equal(t, "application/json; charset=utf-8", r.Header().Get("Content-Type"))
	assert.Contains(t, r.Body.String(), `"method not allowed"`)

	r = h.do("GET", "/api/v2/whatever")
	assert.Equal(t, 404, r.Code)
	assert.Equal(t, "*", r.Header().Get("Access-Control-Allow-Origin"))
	var nf map[string]any
	require.NoError(t, json.Unmarshal(r.Body.Bytes(), &nf))
	assert.Equal(t, "/api/v2/whatever", nf["path"])

	r = h.do("OPTIONS", detailPath, "Origin", "https://x.fr", "Access-Control-Request-Method", "GET")
	assert.Equal(t, 204, r.Code)
	assert.Equal(t, "GET, HEAD, OPTIONS", r.Header().Get("Access-Control-Allow-Methods"))

	r = h.do("GET", "/healthz")
	assert.Equal(t, 200, r.Code)
	assert.JSONEq(t, `{"status":"ok"}`, r.Body.String())
	assert.Empty(t, r.Header().Get("Access-Control-Allow-Origin"))
	assert.Contains(t, r.Header().Get("Content-Security-Policy"), "frame-ancestors 'self' https://www.economie.gouv.fr https://a.fr")

	r = h.do("GET", "/api/v1/config")
	assert.JSONEq(t, `{"embed_origins":["https://www.economie.gouv.fr","https://a.fr"]}`, r.Body.String())
	assert.EqualValues(t, 0, h.gouv.apiHits.Load()+h.gouv.fileHits.Load(), "no upstream traffic for these")
}

func TestHeadBodyForTheRuntime(t *testing.T) {
	h := newHarness(t, nil)
	h.svc.HeadBody = true
	get := h.do("GET", detailPath)
	r := h.do("HEAD", detailPath)
	assert.Equal(t, 200, r.Code)
	assert.Equal(t, get.Body.String(), r.Body.String(), "the runtime, not Go, drops HEAD bodies")
	assert.Equal(t, get.Header().Get("Content-Length"), r.Header().Get("Content-Length"))
	r = h.do("HEAD", "/api/v1/config")
	assert.Equal(t, r.Header().Get("Content-Length"), strconv.Itoa(r.Body.Len()))
}

// streamStore is a memStore that also streams (like the Cache API adapter).
type streamStore struct {
	*memStore
	opens int
}

func (s *streamStore) Open(ctx context.Context, k string) (io.ReadCloser, bool, error) {
	b, ok, err := s.Get(ctx, k)
	if !ok || err != nil {
		return nil, ok, err
	}
	s.opens++
	return io.NopCloser(bytes.NewReader(b)), true, nil
}

func TestStreamStoreAndConditionalWithoutRead(t *testing.T) {
	h := newHarness(t, nil)
	ss := &streamStore{memStore: h.store}
	h.svc.Store = ss
	first := h.do("GET", detailPath)
	require.Equal(t, SourceUpstream, first.Header().Get("X-Data-Source"))
	r := h.do("GET", detailPath)
	assert.Equal(t, SourceCache, r.Header().Get("X-Data-Source"))
	assert.Equal(t, first.Body.String(), r.Body.String())
	assert.Equal(t, 1, ss.opens)
	r = h.do("GET", detailPath, "If-None-Match", first.Header().Get("ETag"))
	assert.Equal(t, 304, r.Code)
	assert.Equal(t, 1, ss.opens, "a 304 does not read the data")
}

func TestEvictedDataIsDownloadedAgain(t *testing.T) {
	h := newHarness(t, nil)
	require.Equal(t, SourceUpstream, h.do("GET", detailPath).Header().Get("X-Data-Source"))
	for _, k := range h.store.dataKeys() {
		require.NoError(t, h.store.Delete(context.Background(), k))
	}
	assert.Equal(t, SourceSnapshot, h.meta(t).Files["detail"].Source)
	assert.Contains(t, h.meta(t).Files["detail"].Reason, "evicted")
	h.now = h.now.Add(6 * time.Minute)
	r := h.do("GET", detailPath)
	assert.Equal(t, SourceUpstream, r.Header().Get("X-Data-Source"), "same upstream version, but the bytes were gone")
	assert.Equal(t, refFilter(detailCSV(101, 0)), r.Body.String())
}

func TestSlowFirstDownloadServesSnapshotAfterSyncWait(t *testing.T) {
	h := newHarness(t, map[string]string{"SYNC_WAIT": "50ms", "UPSTREAM_TIMEOUT": "400ms"})
	h.gouv.set("timeout", h.gouv.modified, 0)
	start := time.Now()
	r := h.do("GET", detailPath)
	assert.Less(t, time.Since(start), 350*time.Millisecond, "the visitor does not wait for the whole timeout")
	assert.Equal(t, SourceSnapshot, r.Header().Get("X-Data-Source"))
	require.Len(t, h.bg, 1, "the download goes on in waitUntil")
	h.bg[0]() // waits for the refresh to end
	assert.Contains(t, h.meta(t).Files["detail"].LastError, "(timeout)")
}

func TestMetaReportsAnUnfinishedRefresh(t *testing.T) {
	h := newHarness(t, nil)
	require.Equal(t, SourceUpstream, h.do("GET", detailPath).Header().Get("X-Data-Source"))
	// A refresh that was killed: its attempt is recorded, its outcome never.
	st := h.svc.LoadState(context.Background())
	st.File("detail").LastAttempt = h.now.Add(time.Minute)
	require.NoError(t, h.svc.saveState(context.Background(), st))
	h.now = h.now.Add(2 * time.Minute)
	assert.NotContains(t, h.meta(t).Files["detail"].Reason, "never finished", "may still be running")
	h.now = h.now.Add(time.Hour)
	d := h.meta(t).Files["detail"]
	assert.Contains(t, d.Reason, "never finished")
	assert.Contains(t, d.LastError, "CPU or memory limit")
	assert.Equal(t, SourceCache, d.Source)
}

// TestUnparsedDateNeverTheFetchTime (issue 24 item 6): a dataset
// last_modified that does not parse falls back to the file's own
// Last-Modified; without one the date stays unknown, said so in
// /api/v1/meta, never the fetch time.
func TestUnparsedDateNeverTheFetchTime(t *testing.T) {
	h := newHarness(t, nil)
	h.gouv.set("badlm", time.Date(2023, 2, 19, 8, 0, 0, 0, time.UTC), 0)
	require.NoError(t, h.svc.Refresh(context.Background()))
	r := h.do("GET", detailPath)
	assert.Equal(t, "2023-02-19", r.Header().Get("X-Data-Updated"), "the file's Last-Modified")
	m := h.meta(t)
	assert.Equal(t, "2023-02-19", m.Files["detail"].DataUpdated)
	assert.Contains(t, m.SourceLine, "données au 19 février 2023")

	h2 := newHarness(t, nil)
	h2.gouv.set("badlm-nohdr", time.Date(2023, 2, 19, 8, 0, 0, 0, time.UTC), 0)
	require.NoError(t, h2.svc.Refresh(context.Background()))
	r = h2.do("GET", detailPath)
	assert.Equal(t, SourceCache, r.Header().Get("X-Data-Source"), "the version is served")
	assert.Empty(t, r.Header().Get("X-Data-Updated"), "no date rather than the fetch time")
	assert.Empty(t, r.Header().Get("Last-Modified"))
	m = h2.meta(t)
	assert.Empty(t, m.Files["detail"].DataUpdated)
	assert.Equal(t, DateUnknownNote, m.Files["detail"].DateUnknown)
	fetch := h2.now.Format("2") + " " // the fetch day must not date the data
	assert.NotContains(t, m.SourceLine, "données au "+fetch, m.SourceLine)
}
