package workerapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/dept"
)

// detailWith is detailCSV(101, bump) with each kept row passed through
// edit (id, department index, date index, value), which may drop it (ok
// false) or change its value; dates lists the dates written.
func detailWith(bump int, dates []string, edit func(id string, i, d int, v float64) (float64, bool)) string {
	var b strings.Builder
	b.WriteString(detailHeader)
	for i, code := range dept.Codes()[:101] {
		for _, id := range allIDs {
			for d, date := range dates {
				v := float64(10*i + d + bump)
				ok := true
				if id != otherID && edit != nil {
					v, ok = edit(id, i, d, v)
				}
				if ok {
					b.WriteString(`"Numérisation des petites et moyennes entreprises",Label ` + id + "," + id + "," + code + ",Dept " + code + "," +
						date + "," + strconv.FormatFloat(v, 'f', 1, 64) + ",entreprises\n")
				}
			}
		}
	}
	return b.String()
}

var fixtureDates = []string{"2021-01-31", "2021-02-28"}

// hostile serves the wrong and hostile detail files of the fake
// data.gouv.fr (plausible releases that must not replace a good one);
// it reports whether it answered.
func hostile(w http.ResponseWriter, r *http.Request, mode string, bump int, body *string) bool {
	switch mode {
	case "halved":
		*body = detailWith(bump, fixtureDates, func(_ string, _, _ int, v float64) (float64, bool) { return v / 2, true })
	case "onedept-diag": // diagnostics for one department only
		*body = detailWith(bump, fixtureDates, func(id string, i, _ int, v float64) (float64, bool) {
			return v, id != Indicators[1] || i == 0
		})
	case "older": // an older release: fewer months
		*body = detailWith(bump, fixtureDates[:1], nil)
	case "negative":
		*body = detailWith(bump, fixtureDates, func(_ string, i, d int, v float64) (float64, bool) {
			if i == 7 && d == 1 {
				return -v, true
			}
			return v, true
		})
	case "bigfield": // one kept row with a 5 MB quoted field of newlines
		big := `"Numérisation des petites et moyennes entreprises` + strings.Repeat("\n", 5<<20) + `"`
		*body = strings.Replace(detailWith(bump, fixtureDates, nil), `"Numérisation des petites et moyennes entreprises"`, big, 1)
	case "huge-other": // the good file, then another indicator's rows up to 100 MB, no Content-Length
		if _, err := w.Write([]byte(detailWith(bump, fixtureDates, nil))); err != nil {
			return true
		}
		row := []byte(`"Autre politique",Autre,` + otherID + ",01,Ain,2021-01-31,1.0,%\n")
		chunk := bytes.Repeat(row, (64<<10)/len(row))
		for sent := 0; sent < 100<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				break
			}
		}
		return true
	case "big-valid": // a valid 36 MB release: the good file and 40 more indicators, streamed
		good := detailWith(bump, fixtureDates, nil)
		w.Header().Set("Content-Length", strconv.Itoa(len(good)+bigRows(nil)))
		w.Write([]byte(good))
		bigRows(w)
		return true
	case "huge100": // 100 MB without Content-Length
		for sent := 0; sent < 100<<20; sent += len(*body) {
			if _, err := w.Write([]byte(*body)); err != nil {
				break
			}
		}
		return true
	case "redirect-out":
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		return true
	case "redirect-ok", "redirect-loop":
		hop, _ := strconv.Atoi(r.URL.Query().Get("hop"))
		if mode == "redirect-loop" || hop < 3 {
			http.Redirect(w, r, r.URL.Path+"?hop="+strconv.Itoa(hop+1), http.StatusFound)
			return true
		}
	}
	return false
}

// bigRows writes (w nil: counts) 40 indicators × 101 departments × 45
// months of rows, about 36 MB, without holding them.
func bigRows(w io.Writer) int {
	n := 0
	line := make([]byte, 0, 512)
	for k := 0; k < 40; k++ {
		id := "autre-indicateur-" + strconv.Itoa(10+k)
		for i, code := range dept.Codes()[:101] {
			for m := 0; m < 45; m++ {
				date := time.Date(2015, time.Month(2+m), 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
				line = append(line[:0], `"Une autre politique publique au long nom",Un indicateur au long libellé `+id+","+id+","+code+
					",Département "+code+","+date+","+strconv.Itoa(1000*i+m)+`.0,"unités comptées, par département et par mois"`+"\n"...)
				n += len(line)
				if w != nil {
					if _, err := w.Write(line); err != nil {
						return n
					}
				}
			}
		}
	}
	return n
}

// hostileURL is the detail resource's URL in the dataset document.
func hostileURL(mode, u string) string {
	switch mode {
	case "foreign-url":
		return "http://169.254.169.254/latest/meta-data/iam"
	case "loopback-url":
		return "http://127.0.0.1:9/barometre.csv"
	}
	return u
}

// TestHostileReleasesKeepGoodData: each wrong or hostile answer is refused
// by the refresh, the good bytes stay served and meta says why.
func TestHostileReleasesKeepGoodData(t *testing.T) {
	for _, tc := range []struct{ mode, want string }{
		{"halved", "down from"},
		{"onedept-diag", "only 1 departments for nb-diagnostics-individualises"},
		{"older", "is earlier than the current version's 2021-02-28"},
		{"negative", "negative value"},
		{"bigfield", "is longer than 65536 bytes"},
		{"foreign-url", `"http://169.254.169.254" is not in UPSTREAM_ORIGINS`},
		{"loopback-url", `"http://127.0.0.1:9" is not in UPSTREAM_ORIGINS`},
		{"redirect-out", "redirected from"},
		{"redirect-loop", "more than 3 redirects"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			// A long timeout: the 5 MB body is built by the fake on a
			// machine that may be busy, and no case here is a timeout.
			h := newHarness(t, map[string]string{"MAX_UPSTREAM_BYTES": "40000000", "UPSTREAM_TIMEOUT": "20s"})
			require.NoError(t, h.svc.Refresh(context.Background()))
			good := h.do("GET", detailPath)
			require.Equal(t, SourceCache, good.Header().Get("X-Data-Source"))

			h.now = h.now.Add(7 * time.Hour)
			h.gouv.set(tc.mode, time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 0)
			err := h.svc.Refresh(context.Background())
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			r := h.do("GET", detailPath)
			assert.Equal(t, good.Body.String(), r.Body.String(), "good bytes kept")
			assert.Equal(t, good.Header().Get("ETag"), r.Header().Get("ETag"))
			d := h.meta(t).Files["detail"]
			assert.Contains(t, d.LastError, tc.want)
			assert.Contains(t, d.Reason, "was refused: ")
		})
	}
}

func TestRedirectsWithinTheOriginsAreFollowed(t *testing.T) {
	h := newHarness(t, nil)
	h.gouv.set("redirect-ok", h.gouv.modified, 0)
	r := h.do("GET", detailPath)
	assert.Equal(t, SourceUpstream, r.Header().Get("X-Data-Source"), "three hops inside the allowed origin")
	assert.Equal(t, refFilter(detailCSV(101, 0)), r.Body.String())
}

func TestCorrectionsWithinLimitsAreAccepted(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))
	// 5 % lower everywhere: a correction, accepted.
	h.gouv.set("", time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 0)
	h.now = h.now.Add(7 * time.Hour)
	lower := detailWith(0, fixtureDates, func(_ string, _, _ int, v float64) (float64, bool) { return v * 0.95, true })
	cur := h.svc.LoadState(context.Background()).File("detail").Current
	_, err := Validate(Files[0], []byte(refFilter(lower)), cur)
	assert.NoError(t, err)
	// A newer release with a month more, same totals before it.
	more := detailWith(0, append(fixtureDates, "2021-03-31"), nil)
	_, err = Validate(Files[0], []byte(refFilter(more)), cur)
	assert.NoError(t, err)
}

// TestHostileFilesBoundedMemory runs each hostile file through a refresh
// with the default caps and asserts the heap never reaches 64 MB (the
// Worker has 128 MB; the 5 MB quoted field used to cost ~750 MB).
func TestHostileFilesBoundedMemory(t *testing.T) {
	for _, mode := range []string{"halved", "onedept-diag", "older", "negative", "bigfield", "huge100", "huge-other", "redirect-loop"} {
		t.Run(mode, func(t *testing.T) {
			h := newHarness(t, map[string]string{"MAX_UPSTREAM_BYTES": "", "UPSTREAM_TIMEOUT": "60s"})
			require.Equal(t, int64(DefaultMaxBytes), h.svc.Config.MaxBytes)
			require.NoError(t, h.svc.Refresh(context.Background()))
			h.gouv.set(mode, time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 0)
			h.now = h.now.Add(7 * time.Hour)
			runtime.GC()
			peak := peakHeap(func() {
				_, _, err := h.svc.RefreshFile(context.Background(), "detail", nil)
				assert.Error(t, err)
			})
			t.Logf("%s: peak heap %.1f MB", mode, float64(peak)/1e6)
			assert.Less(t, peak, uint64(64<<20))
		})
	}
}

// TestSplitBoundedMemory: a valid release just under the download cap (36
// MB, 43 indicators) is split and stored with the heap under 64 MB.
func TestSplitBoundedMemory(t *testing.T) {
	h := newHarness(t, map[string]string{"MAX_UPSTREAM_BYTES": "", "UPSTREAM_TIMEOUT": "60s"})
	require.NoError(t, h.svc.Refresh(context.Background()))
	// The parts' bytes are counted, not kept (the test measures the Worker).
	sizes := &sizeStore{memStore: h.store, sizes: map[string]int{}}
	h.svc.Store = sizes
	h.gouv.set("big-valid", time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 1)
	h.now = h.now.Add(7 * time.Hour)
	// The Worker runs with this soft limit (wasm/worker): the live split is
	// most of it, and garbage collections keep the rest small.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(MemoryLimit))
	runtime.GC()
	peak := peakHeap(func() {
		_, _, err := h.svc.RefreshFile(context.Background(), "detail", nil)
		assert.NoError(t, err)
	})
	t.Logf("big-valid: %d bytes upstream, peak heap %.1f MB", len(detailWith(1, fixtureDates, nil))+bigRows(nil), float64(peak)/1e6)
	assert.Less(t, peak, uint64(64<<20))
	d := h.meta(t).Files["detail"]
	assert.Equal(t, 43, d.Indicators)
	total := 0
	for k, n := range sizes.sizes {
		if strings.Contains(k, "/autre-indicateur-") {
			total += n
		}
	}
	assert.Equal(t, bigRows(nil)+40*len(detailHeader), total, "every row stored once")
}

// sizeStore keeps only the size of the indicators' files.
type sizeStore struct {
	*memStore
	sizes map[string]int
}

func (s *sizeStore) Put(ctx context.Context, k string, v []byte) error {
	if strings.HasPrefix(k, dataKeyPfx+"detail/") && !strings.HasPrefix(k, dataKeyPfx+"detail/parts?") {
		s.sizes[k] = len(v)
		v = nil
	}
	return s.memStore.Put(ctx, k, v)
}

// peakHeap runs f while sampling the bytes of heap objects (live and not
// yet swept) every 50 µs, and returns the largest sample.
func peakHeap(f func()) uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	go func() {
		defer close(stopped)
		for {
			select {
			case <-done:
				return
			default:
			}
			read()
			time.Sleep(50 * time.Microsecond)
		}
	}()
	f()
	read()
	close(done)
	<-stopped
	return peak.Load()
}

// TestConfigChangeStartsAfresh: the state of one upstream configuration is
// not inherited by another (its error, its wait before a retry).
func TestConfigChangeStartsAfresh(t *testing.T) {
	h := newHarness(t, nil)
	h.gouv.set("500", h.gouv.modified, 0)
	require.Equal(t, SourceSnapshot, h.do("GET", detailPath).Header().Get("X-Data-Source"))
	require.Contains(t, h.meta(t).Files["detail"].LastError, "answered 500")

	other := newFakeGouv(t)
	vars := map[string]string{"DATAGOUV_API": other.srv.URL + "/api/1", "UPSTREAM_ORIGINS": other.srv.URL, "RETRY_AFTER": "5m"}
	cfg, err := LoadConfig(func(k string) string { return vars[k] })
	require.NoError(t, err)
	require.NotEqual(t, h.svc.Config.UpstreamID, cfg.UpstreamID)
	h.svc.Config = cfg
	d := h.meta(t).Files["detail"]
	assert.Empty(t, d.LastError, "no error from a URL that is no longer configured")
	assert.Nil(t, d.LastAttempt)
	r := h.do("GET", detailPath)
	assert.Equal(t, SourceUpstream, r.Header().Get("X-Data-Source"), "no wait inherited: fetched at once")
	assert.EqualValues(t, 1, other.fileHits.Load())

	// Each of the upstream vars makes a new configuration; the others do not.
	base, _ := LoadConfig(func(string) string { return "" })
	for _, k := range []string{"DATAGOUV_API", "DATAGOUV_DATASET", "DETAIL_RESOURCE", "DETAIL_URL", "SYNTHESE_RESOURCE",
		"SYNTHESE_URL", "DETAIL_NATIONAL_RESOURCE", "DETAIL_NATIONAL_URL"} {
		c, _ := LoadConfig(func(v string) string {
			if v == k {
				return "https://www.data.gouv.fr/x"
			}
			return ""
		})
		assert.NotEqual(t, base.UpstreamID, c.UpstreamID, k)
	}
	c, _ := LoadConfig(func(v string) string { return map[string]string{"RETRY_AFTER": "1m"}[v] })
	assert.Equal(t, base.UpstreamID, c.UpstreamID)
	assert.NotEqual(t, base.Stamp, c.Stamp, "but the entry script's stamp changes")
}

// TestNoPersistentStore: without KV a visitor never starts a download, meta
// says why, and the cron refreshes at most once per RETRY_AFTER.
func TestNoPersistentStore(t *testing.T) {
	h := newHarness(t, nil)
	h.svc.Persistent = false
	r := h.do("GET", detailPath)
	assert.Equal(t, SourceSnapshot, r.Header().Get("X-Data-Source"))
	assert.EqualValues(t, 0, h.gouv.fileHits.Load()+h.gouv.apiHits.Load(), "no download started by a visitor")
	assert.Empty(t, h.bg)
	m := h.meta(t)
	assert.False(t, m.Persistent)
	assert.Equal(t, NoStoreNote, m.StoreNote)
	assert.Contains(t, m.Files["detail"].Reason, "no persistent store bound")

	require.NoError(t, h.svc.Refresh(context.Background()))
	assert.EqualValues(t, 3, h.gouv.fileHits.Load())
	assert.Equal(t, SourceCache, h.do("GET", detailPath).Header().Get("X-Data-Source"))
	h.now = h.now.Add(4 * time.Minute)
	require.NoError(t, h.svc.Refresh(context.Background()))
	assert.EqualValues(t, 1, h.gouv.apiHits.Load(), "within RETRY_AFTER the cron leaves upstream alone")
	h.now = h.now.Add(7 * time.Hour)
	h.do("GET", detailPath)
	assert.Empty(t, h.bg, "no lazy refresh either")
	require.NoError(t, h.svc.Refresh(context.Background()))
	assert.EqualValues(t, 2, h.gouv.apiHits.Load())
}

// TestFastRecord: the record the entry script replays holds exactly Go's
// headers, the freshness Go applies and the configuration's stamp.
func TestFastRecord(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))
	rec := fastRecord(t, h, "detail")
	goAnswer := h.do("GET", detailPath)
	require.Equal(t, SourceCache, goAnswer.Header().Get("X-Data-Source"))
	got := http.Header{}
	for _, kv := range rec.Headers {
		got.Set(kv[0], kv[1])
	}
	assert.Equal(t, goAnswer.Header(), got, "the same headers as Go's answer")
	assert.Equal(t, h.now.Add(6*time.Hour).UnixMilli(), rec.FreshUntil)
	assert.Equal(t, goAnswer.Header().Get("ETag"), rec.ETag)
	assert.Equal(t, time.Date(2023, 1, 19, 10, 8, 49, 0, time.UTC).Unix(), rec.LastModified)
	assert.Equal(t, h.svc.Config.Stamp, rec.Stamp)
	assert.Equal(t, StampVars, rec.Vars)
	b, ok, _ := h.store.Get(context.Background(), rec.Key)
	require.True(t, ok)
	assert.Equal(t, goAnswer.Body.String(), string(b))

	// A failed refresh keeps the version, fresh until the next retry.
	h.now = h.now.Add(7 * time.Hour)
	h.gouv.set("500", time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 0)
	require.Error(t, h.svc.Refresh(context.Background()))
	assert.Equal(t, h.now.Add(5*time.Minute).UnixMilli(), fastRecord(t, h, "detail").FreshUntil)

	// Other vars: Go's next answer rewrites the record under the new stamp.
	vars := map[string]string{"DATAGOUV_API": h.gouv.srv.URL + "/api/1", "UPSTREAM_ORIGINS": h.gouv.srv.URL,
		"RETRY_AFTER": "5m", "EMBED_ORIGINS": "https://a.fr", "UPSTREAM_TIMEOUT": "300ms", "MAX_UPSTREAM_BYTES": "1048576", "SNAPSHOT_LAST_MODIFIED": "2023-01-19"}
	cfg, err := LoadConfig(func(k string) string { return vars[k] })
	require.NoError(t, err)
	require.Equal(t, h.svc.Config.UpstreamID, cfg.UpstreamID)
	h.svc.Config = cfg
	h.now = h.now.Add(10 * time.Minute)
	h.gouv.set("", time.Date(2023, 1, 19, 10, 8, 49, 0, time.UTC), 0)
	require.NoError(t, h.svc.Refresh(context.Background()))
	rec = fastRecord(t, h, "detail")
	assert.Equal(t, cfg.Stamp, rec.Stamp)
	for _, kv := range rec.Headers {
		if kv[0] == "Content-Security-Policy" {
			assert.True(t, strings.HasSuffix(kv[1], "frame-ancestors 'self' https://a.fr"), kv[1])
		}
	}
}

func fastRecord(t *testing.T, h *harness, name string) FastRecord {
	t.Helper()
	b, ok, err := h.store.Get(context.Background(), FastKey(name))
	require.NoError(t, err)
	require.True(t, ok, "no fast record for %s", name)
	var r FastRecord
	require.NoError(t, json.Unmarshal(b, &r))
	return r
}
