//go:build integration

package workertest

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"francenum-map/internal/browser"
	"francenum-map/internal/datadir"
	"francenum-map/internal/workerapi"
)

// Ports reserved by docs/DESIGN.md.
const (
	wranglerLow, wranglerHigh = 8790, 8799
	fakeLow, fakeHigh         = 9150, 9199
)

var mirrorFiles = map[string]string{
	"detail":   "barometre/barometre-resultats-detail-departemental.csv",
	"synthese": "barometre/barometre-resultats-synthese-departemental.csv",
	"national": "barometre/barometre-resultats-detail-national.csv",
}

// fake is a data.gouv.fr stand-in serving the mirror; mode makes the detail
// resource misbehave.
type fake struct {
	URL      string
	dataDir  string
	srv      *http.Server
	mu       sync.Mutex
	mode     string
	modified time.Time
	hang     chan struct{}
	hits     map[string]int
}

func startFake(t *testing.T, dataDir string) *fake {
	l, err := browser.Listen(fakeLow, fakeHigh)
	require.NoError(t, err)
	f := &fake{URL: "http://" + l.Addr().String(), dataDir: dataDir, hang: make(chan struct{}),
		modified: time.Date(2023, 1, 19, 10, 8, 49, 0, time.UTC), hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/1/datasets/"+workerapi.DefaultDataset+"/", f.dataset)
	mux.HandleFunc("/files/", f.file)
	f.srv = &http.Server{Handler: mux}
	go f.srv.Serve(l)
	t.Cleanup(func() {
		close(f.hang)
		f.srv.Close()
	})
	return f
}

func (f *fake) set(mode string, modified time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mode, f.modified = mode, modified
}

func (f *fake) state() (string, time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mode, f.modified
}

func (f *fake) hit(k string) {
	f.mu.Lock()
	f.hits[k]++
	f.mu.Unlock()
}

func (f *fake) dataset(w http.ResponseWriter, r *http.Request) {
	f.hit("api")
	mode, lm := f.state()
	var res []map[string]any
	for _, name := range []string{"detail", "synthese", "national", "other"} {
		title := "barometre-resultats-synthese-national.csv"
		if rel, ok := mirrorFiles[name]; ok {
			title = filepath.Base(rel)
		}
		if name == "detail" && mode == "notitle" {
			continue
		}
		res = append(res, map[string]any{"id": name, "title": title, "format": "csv",
			"url": f.URL + "/files/" + title, "last_modified": lm.Format("2006-01-02T15:04:05.000000+00:00")})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"id": "fake", "slug": workerapi.DefaultDataset,
		"page": f.URL + "/datasets/" + workerapi.DefaultDataset + "/", "resources": res})
}

func (f *fake) file(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Path)
	f.hit(name)
	mode, lm := f.state()
	body, err := os.ReadFile(filepath.Join(f.dataDir, "barometre", name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Last-Modified", lm.Format(http.TimeFormat))
	if name == filepath.Base(mirrorFiles["detail"]) {
		switch mode {
		case "500":
			http.Error(w, "Internal Server Error", http.StatusInternalServerError)
			return
		case "timeout":
			select { // answer nothing until the client gives up or the test ends
			case <-r.Context().Done():
			case <-f.hang:
			}
			return
		case "html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			body = []byte("<!DOCTYPE html>\n<html lang=\"fr\"><head><title>data.gouv.fr</title></head><body><h1>Maintenance en cours</h1></body></html>\n")
		case "truncated":
			body = body[:len(body)/2]
		case "novaleur":
			body = bytes.Replace(body, []byte(",valeur,"), []byte(",montant,"), 1)
		case "huge":
			// 100 MB: the real file again and again, streamed without Content-Length.
			for sent := 0; sent < 100<<20; sent += len(body) {
				if _, err := w.Write(body); err != nil {
					return
				}
			}
			return
		}
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

func (f *fake) count(k string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits[k]
}

// worker is a running `wrangler dev` (started by internal/browser, the
// launcher the e2e tests and the benchmark use too).
type worker struct {
	*browser.Wrangler
}

// webDir is the static assets root: build/web, or $WORKERTEST_WEB_DIR.
func webDir(t *testing.T, root string) string {
	d := os.Getenv("WORKERTEST_WEB_DIR")
	if d == "" {
		d = filepath.Join(root, "build", "web")
	}
	for _, f := range []string{"_headers", "snapshot/detail.csv", "snapshot/synthese.csv", "snapshot/national.csv"} {
		_, err := os.Stat(filepath.Join(d, f))
		require.NoError(t, err, "%s missing: run `make build` first", filepath.Join(d, f))
	}
	return d
}

// startWorker writes a copy of the repository's wrangler.jsonc with absolute
// paths and the given vars, and starts wrangler dev in its own process group.
func startWorker(t *testing.T, root, web string, vars map[string]string, edit ...func(cfg map[string]any)) *worker {
	return startWorkerIn(t, root, web, "", vars, edit...)
}

// startWorkerIn is startWorker keeping KV and the Cache API in persist
// (when not empty), so that a second Worker finds what the first stored.
func startWorkerIn(t *testing.T, root, web, persist string, vars map[string]string, edit ...func(cfg map[string]any)) *worker {
	for _, f := range []string{"build/worker/entry.mjs", "build/worker/worker.mjs", "build/worker/app.wasm", "node_modules/.bin/wrangler"} {
		_, err := os.Stat(filepath.Join(root, f))
		require.NoError(t, err, "%s missing: run `make build` (and npm ci)", f)
	}
	src, err := os.ReadFile(filepath.Join(root, "wrangler.jsonc"))
	require.NoError(t, err)
	var cfg map[string]any
	require.NoError(t, json.Unmarshal(workerapi.StripJSONC(src), &cfg))
	delete(cfg, "$schema")
	cfg["main"] = filepath.Join(root, cfg["main"].(string))
	cfg["assets"].(map[string]any)["directory"] = web
	v := cfg["vars"].(map[string]any)
	for k, val := range vars {
		v[k] = val
	}
	if api, ok := vars["DATAGOUV_API"]; ok && vars["UPSTREAM_ORIGINS"] == "" {
		u, err := url.Parse(api)
		require.NoError(t, err)
		v["UPSTREAM_ORIGINS"] = u.Scheme + "://" + u.Host // the fake's origin
	}
	for _, e := range edit {
		e(cfg)
	}
	dir := t.TempDir()
	b, _ := json.MarshalIndent(cfg, "", "  ")
	conf := filepath.Join(dir, "wrangler.json")
	require.NoError(t, os.WriteFile(conf, b, 0o644))

	wr, err := browser.StartWrangler(context.Background(), browser.WranglerOptions{
		Root: root, Config: conf, Low: wranglerLow, High: wranglerHigh, Timeout: 90 * time.Second, PersistTo: persist,
	})
	require.NoError(t, err)
	t.Cleanup(func() {
		wr.Stop()
		if t.Failed() {
			t.Logf("--- wrangler output (tail) ---\n%s", tail(wr.Output(), 4000))
		}
	})
	return &worker{wr}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// scheduled fires the Cron Trigger and waits for the handler to finish.
func (w *worker) scheduled(t *testing.T) {
	c := &http.Client{Timeout: 3 * time.Minute}
	resp, err := c.Get(w.URL + "/cdn-cgi/local/scheduled?cron=" + "17+5+*+*+*")
	require.NoError(t, err)
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
}

type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func (w *worker) do(t *testing.T, method, path string, hdr ...string) response {
	req, err := http.NewRequest(method, w.URL+path, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	c := &http.Client{Timeout: 2 * time.Minute}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return response{resp.StatusCode, resp.Header, b}
}

func (w *worker) meta(t *testing.T) workerapi.Meta {
	r := w.do(t, "GET", "/api/v1/meta")
	require.Equal(t, 200, r.Status, string(r.Body))
	var m workerapi.Meta
	require.NoError(t, json.Unmarshal(r.Body, &m))
	return m
}

// reference filters a mirror file with encoding/csv, independently of
// internal/rowfilter: the header and the raw bytes of every record of the
// two indicators, and the number of such records.
func reference(t *testing.T, path string) ([]byte, int) {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	require.NoError(t, err)
	col := -1
	for i, h := range head {
		if h == "id_indicateur" {
			col = i
		}
	}
	require.GreaterOrEqual(t, col, 0)
	out := append([]byte(nil), data[:r.InputOffset()]...)
	n := 0
	for {
		start := r.InputOffset()
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		if rec[col] == workerapi.Indicators[0] || rec[col] == workerapi.Indicators[1] {
			out = append(out, data[start:r.InputOffset()]...)
			n++
		}
	}
	return out, n
}

func repoRoot(t *testing.T) string {
	root, err := datadir.RepoRoot()
	require.NoError(t, err)
	return root
}

func dataDir(t *testing.T) string {
	return filepath.Dir(filepath.Dir(datadir.MustFind(t, mirrorFiles["detail"])))
}

func countLines(b []byte) int { return strings.Count(string(b), "\n") }

func itoa(n int) string { return strconv.Itoa(n) }
