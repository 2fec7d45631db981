package workerapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func (s *Service) serveData(w http.ResponseWriter, r *http.Request, name string) {
	ctx := r.Context()
	now := s.now()
	st := s.LoadState(ctx)
	fs := st.File(name)
	cc := CacheControl(s.Config.MaxAge, s.Config.StaleWhile)
	if v := fs.Current; v != nil {
		body, ok := s.openData(ctx, v.Key, r.Header, v.ETag, v.LastModified)
		if ok {
			stale := fs.Stale(now, s.Config.RefreshAfter, s.Config.RetryAfter)
			if stale && s.Persistent && now.Sub(st.RefreshStarted) > s.refreshBusy() {
				s.background(func() { _ = s.Refresh(context.Background()) })
			}
			if !stale {
				// The entry script answers the next requests (its record
				// may be missing or written under other vars).
				s.syncFast(ctx, name, fs)
			}
			s.writeData(w, r, CSVType, v.ETag, v.LastModified, SourceCache, cc, int64(v.Bytes), body)
			return
		}
	}
	if s.Persistent && fs.MayTryNow(now, s.Config.RetryAfter) {
		if v, body, ok := s.refreshWithin(name); ok {
			s.writeData(w, r, CSVType, v.ETag, v.LastModified, SourceUpstream, cc, int64(len(body)), bytesBody(body))
			return
		}
	}
	s.serveSnapshot(w, r, SnapshotPath(name), CSVType, nil)
}

// StreamStore is a Store that can also hand out a value as a stream: the
// Worker then forwards the Cache API's own body without copying it through
// Go, which is most of the cost of a cached response.
type StreamStore interface {
	Open(ctx context.Context, key string) (io.ReadCloser, bool, error)
}

// openData returns the stored file as a body, or (nil, true) when the
// request is conditional and matches (a 304 needs no body, so the data is
// not read; the state says it is the current version), or false when the
// data is not in the store.
func (s *Service) openData(ctx context.Context, key string, req http.Header, etag string, lm time.Time) (io.ReadCloser, bool) {
	if NotModified(req, etag, lm) {
		return nil, true
	}
	if ss, ok := s.Store.(StreamStore); ok {
		rc, found, err := ss.Open(ctx, key)
		return rc, err == nil && found
	}
	b, found, err := s.Store.Get(ctx, key)
	if err != nil || !found {
		return nil, false
	}
	return bytesBody(b), true
}

// has reports whether a key is in the store without copying its value
// into Go when the store can stream (a closed stream is never read): the
// meta checks three data files per request.
func (s *Service) has(ctx context.Context, key string) (bool, error) {
	if ss, ok := s.Store.(StreamStore); ok {
		rc, found, err := ss.Open(ctx, key)
		if rc != nil {
			rc.Close()
		}
		return found, err
	}
	_, found, err := s.Store.Get(ctx, key)
	return found, err
}

func bytesBody(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }

func (s *Service) background(f func()) {
	if s.Background == nil {
		f()
		return
	}
	s.Background(f)
}

// The Content-Type of the data answers.
const (
	CSVType  = "text/csv; charset=utf-8"
	JSONType = "application/json; charset=utf-8"
)

// SnapshotPath is the static asset path of a file's build snapshot.
func SnapshotPath(name string) string { return "/snapshot/" + name + ".csv" }

// serveSnapshot answers with a file of the build snapshot from the static
// assets, forwarding the asset's body. Its ETag derives from the asset's
// own. When the asset does not exist, notFound answers (nil: a 503).
func (s *Service) serveSnapshot(w http.ResponseWriter, r *http.Request, asset, ctype string, notFound func()) {
	fail := func(err error) {
		writeJSON(w, r, http.StatusServiceUnavailable, map[string]string{
			"error": "no data: upstream and cache failed and the snapshot is unavailable: " + err.Error()})
	}
	if s.Assets == nil {
		fail(errors.New("no ASSETS binding"))
		return
	}
	resp, err := s.Assets.Get(r.Context(), asset)
	if err != nil {
		fail(err)
		return
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		if resp.StatusCode == http.StatusNotFound && notFound != nil {
			notFound()
			return
		}
		fail(errors.New(asset + " answered " + resp.Status))
		return
	}
	body := resp.Body
	size := resp.ContentLength
	etag := ""
	if t := strings.Trim(strings.TrimPrefix(resp.Header.Get("ETag"), "W/"), `"`); t != "" {
		etag = `"s-` + t + `"`
	} else {
		b, err := io.ReadAll(io.LimitReader(resp.Body, s.Config.MaxBytes))
		resp.Body.Close()
		if err != nil {
			fail(err)
			return
		}
		etag, body, size = ETagOf("s", b), bytesBody(b), int64(len(b))
	}
	// Short freshness: clients should come back once upstream answers.
	s.writeData(w, r, ctype, etag, s.Config.SnapshotModified, SourceSnapshot, CacheControl(time.Minute, s.Config.MaxAge), size, body)
}

// writeData answers a data file: headers, then 304 or the body (size < 0
// when unknown). body may be nil for a 304; it is always closed.
func (s *Service) writeData(w http.ResponseWriter, r *http.Request, ctype, etag string, lm time.Time, source, cacheControl string, size int64, body io.ReadCloser) {
	if body != nil {
		defer body.Close()
	}
	h := w.Header()
	dataHeaders(h, ctype, etag, lm, source, cacheControl)
	if body == nil || NotModified(r.Header, etag, lm) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if size >= 0 {
		h.Set("Content-Length", itoa64(size))
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead || headBody(r) {
		// io.Copy lets a JS stream body hand itself to the Workers response.
		io.Copy(w, body)
	}
}

// dataHeaders sets the headers of a data file answer (all but the security,
// CORS and Content-Length headers); FastRecordOf stores the same.
func dataHeaders(h http.Header, ctype, etag string, lm time.Time, source, cacheControl string) {
	h.Set("Content-Type", ctype)
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl)
	h.Set("X-Data-Source", source)
	if !lm.IsZero() {
		h.Set("Last-Modified", lm.UTC().Format(http.TimeFormat))
		h.Set("X-Data-Updated", lm.UTC().Format("2006-01-02"))
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
