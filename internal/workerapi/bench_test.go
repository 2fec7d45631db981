package workerapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	"francenum-map/internal/datadir"
)

// bytesFetcher answers every GET with the same body.
type bytesFetcher struct{ body []byte }

func (f bytesFetcher) Get(context.Context, string) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Status: "200 OK", Header: http.Header{"Content-Type": {"text/csv"}},
		ContentLength: int64(len(f.body)), Body: io.NopCloser(bytes.NewReader(f.body))}, nil
}

// BenchmarkRefreshDetail is the work of one refresh of the real published
// departmental detail file: stream-filter 22.8 MB, validate the result.
func BenchmarkRefreshDetail(b *testing.B) {
	data, err := os.ReadFile(datadir.MustFind(b, "barometre/barometre-resultats-detail-departemental.csv"))
	if err != nil {
		b.Fatal(err)
	}
	cfg, err := LoadConfig(func(k string) string {
		return map[string]string{"UPSTREAM_TIMEOUT": "1m", "DETAIL_URL": "http://x/d.csv"}[k]
	})
	if err != nil {
		b.Fatal(err)
	}
	svc := &Service{Config: cfg, Upstream: bytesFetcher{data}, Now: time.Now}
	fc, _ := cfg.File("detail")
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v, _, sp, err := svc.download(context.Background(), fc, Resource{URL: fc.URL, LastModified: time.Unix(int64(i+1), 0)}, nil, nil)
		if err != nil || v == nil || v.Rows != 3938 || len(sp.IDs()) != 54 {
			b.Fatalf("%v %+v", err, v)
		}
	}
}

// BenchmarkServeCached is a cached detail.csv request (native; in the
// Worker the fresh wasm instance costs more than this).
func BenchmarkServeCached(b *testing.B) {
	data, err := os.ReadFile(datadir.MustFind(b, "barometre/barometre-resultats-detail-departemental.csv"))
	if err != nil {
		b.Fatal(err)
	}
	cfg, _ := LoadConfig(func(k string) string { return map[string]string{"DETAIL_URL": "http://x/d.csv"}[k] })
	svc := &Service{Config: cfg, Store: newMemStore(), Upstream: bytesFetcher{data}, Now: time.Now}
	if _, _, err := svc.RefreshFile(context.Background(), "detail", nil); err != nil {
		b.Fatal(err)
	}
	req, _ := http.NewRequest("GET", DataPrefix+"detail.csv", nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := &discardWriter{h: http.Header{}}
		svc.ServeHTTP(w, req)
		if w.code != 200 || w.h.Get("X-Data-Source") != SourceCache {
			b.Fatal(w.code, w.h)
		}
	}
}

type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(c int)           { w.code = c }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
