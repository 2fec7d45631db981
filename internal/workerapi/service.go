package workerapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"francenum-map/internal/rowfilter"
)

// Store keeps byte values between requests (Workers Cache API or KV).
type Store interface {
	// Get returns the value and true, or false when the key is absent.
	Get(ctx context.Context, key string) ([]byte, bool, error)
	Put(ctx context.Context, key string, value []byte) error
	Delete(ctx context.Context, key string) error
}

// Fetcher makes GET requests: to the upstream (any URL) or to the static
// assets (a path such as /snapshot/detail.csv).
type Fetcher interface {
	Get(ctx context.Context, urlOrPath string) (*http.Response, error)
}

// The values of the X-Data-Source header.
const (
	SourceUpstream = "upstream" // fetched, filtered and validated during this request
	SourceCache    = "cache"    // the last good version from the store
	SourceSnapshot = "snapshot" // the files shipped with the build
)

// Service is the Worker: it answers requests and refreshes the data.
type Service struct {
	Config Config
	// ConfigErr is an invalid wrangler var; it is reported by /api/v1/meta.
	ConfigErr error
	Store     Store
	// StoreName says where data persists ("cache" for the Cache API, "kv"), for /api/v1/meta.
	StoreName string
	Upstream  Fetcher
	Assets    Fetcher
	Now       func() time.Time
	// Background runs work after the response (ctx.waitUntil); nil runs it
	// before returning.
	Background func(func())
	// HeadBody writes the body of HEAD responses too: the Workers runtime
	// drops it, but syumai/workers turns Content-Length into a
	// FixedLengthStream that fails when fewer bytes are written.
	HeadBody bool
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// ServeHTTP answers the Go routes (/api/*, /healthz).
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.HeadBody && r.Method == http.MethodHead {
		r = r.WithContext(context.WithValue(r.Context(), headBodyKey{}, true))
	}
	m := Resolve(r.Method, r.URL.Path)
	h := w.Header()
	SetSecurity(h, s.Config.EmbedOrigins)
	if m.Route != RouteNone && m.Route != RouteHealth {
		SetCORS(h)
	}
	switch m.Status {
	case http.StatusNoContent:
		SetPreflight(h)
		w.WriteHeader(http.StatusNoContent)
		return
	case http.StatusMethodNotAllowed:
		h.Set("Allow", Allow)
		writeJSON(w, r, http.StatusMethodNotAllowed, map[string]string{
			"error": "method not allowed", "method": r.Method, "allow": Allow})
		return
	}
	switch m.Route {
	case RouteHealth:
		h.Set("Cache-Control", "no-store")
		writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
	case RouteConfig:
		h.Set("Cache-Control", "public, max-age=300")
		writeJSON(w, r, http.StatusOK, map[string][]string{"embed_origins": nonNil(s.Config.EmbedOrigins)})
	case RouteMeta:
		h.Set("Cache-Control", "no-cache")
		writeJSON(w, r, http.StatusOK, s.Meta(r.Context()))
	case RouteData:
		s.serveData(w, r, m.File)
	default:
		writeJSON(w, r, http.StatusNotFound, map[string]any{"error": "not found", "path": r.URL.Path,
			"endpoints": []string{DataPrefix + "detail.csv", DataPrefix + "synthese.csv", DataPrefix + "national.csv",
				"/api/v1/meta", "/api/v1/config", "/healthz"}})
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, _ := json.MarshalIndent(v, "", "  ")
	b = append(b, '\n')
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead || headBody(r) {
		w.Write(b)
	}
}

type headBodyKey struct{}

// headBody reports whether the Service asked for HEAD bodies (see HeadBody).
func headBody(r *http.Request) bool {
	v, _ := r.Context().Value(headBodyKey{}).(bool)
	return v
}

// LoadState reads the persisted state (empty when absent or unreadable).
func (s *Service) LoadState(ctx context.Context) *State {
	b, ok, err := s.Store.Get(ctx, StateKey)
	if err != nil || !ok {
		return DecodeState(nil)
	}
	return DecodeState(b)
}

func (s *Service) saveState(ctx context.Context, st *State) error {
	return s.Store.Put(ctx, StateKey, st.Encode())
}

// refreshBusy is how long a started background refresh keeps others off.
func (s *Service) refreshBusy() time.Duration {
	return 2*s.Config.Timeout*time.Duration(len(s.Config.Files)+1) + time.Minute
}

func (s *Service) serveData(w http.ResponseWriter, r *http.Request, name string) {
	ctx := r.Context()
	now := s.now()
	st := s.LoadState(ctx)
	fs := st.File(name)
	cc := CacheControl(s.Config.MaxAge, s.Config.StaleWhile)
	if v := fs.Current; v != nil {
		body, ok := s.openData(ctx, v.Key, r.Header, v.ETag, v.LastModified)
		if ok {
			if fs.Stale(now, s.Config.RefreshAfter, s.Config.RetryAfter) && now.Sub(st.RefreshStarted) > s.refreshBusy() {
				s.background(func() { _ = s.Refresh(context.Background()) })
			}
			s.writeData(w, r, v.ETag, v.LastModified, SourceCache, cc, int64(v.Bytes), body)
			return
		}
	}
	if fs.MayTryNow(now, s.Config.RetryAfter) {
		// A visitor waits at most SyncWait; a longer download goes on after
		// the response (waitUntil) and the snapshot is served meanwhile.
		type result struct {
			v    *Version
			body []byte
			err  error
		}
		done := make(chan result, 1)
		go func() {
			v, body, err := s.RefreshFile(context.Background(), name, nil)
			done <- result{v, body, err}
		}()
		select {
		case res := <-done:
			if res.err == nil && res.v != nil {
				s.writeData(w, r, res.v.ETag, res.v.LastModified, SourceUpstream, cc, int64(len(res.body)), bytesBody(res.body))
				return
			}
		case <-time.After(s.Config.SyncWait):
			s.background(func() { <-done })
		}
	}
	s.serveSnapshot(w, r, name)
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

func bytesBody(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }

func (s *Service) background(f func()) {
	if s.Background == nil {
		f()
		return
	}
	s.Background(f)
}

// SnapshotPath is the static asset path of a file's build snapshot.
func SnapshotPath(name string) string { return "/snapshot/" + name + ".csv" }

// serveSnapshot answers with the build snapshot from the static assets,
// forwarding the asset's body. Its ETag derives from the asset's own.
func (s *Service) serveSnapshot(w http.ResponseWriter, r *http.Request, name string) {
	fail := func(err error) {
		writeJSON(w, r, http.StatusServiceUnavailable, map[string]string{
			"error": "no data: upstream and cache failed and the snapshot is unavailable: " + err.Error()})
	}
	if s.Assets == nil {
		fail(errors.New("no ASSETS binding"))
		return
	}
	resp, err := s.Assets.Get(r.Context(), SnapshotPath(name))
	if err != nil {
		fail(err)
		return
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		fail(errors.New(SnapshotPath(name) + " answered " + resp.Status))
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
	s.writeData(w, r, etag, s.Config.SnapshotModified, SourceSnapshot, CacheControl(time.Minute, s.Config.MaxAge), size, body)
}

// writeData answers a data file: headers, then 304 or the body (size < 0
// when unknown). body may be nil for a 304; it is always closed.
func (s *Service) writeData(w http.ResponseWriter, r *http.Request, etag string, lm time.Time, source, cacheControl string, size int64, body io.ReadCloser) {
	if body != nil {
		defer body.Close()
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl)
	h.Set("X-Data-Source", source)
	if !lm.IsZero() {
		h.Set("Last-Modified", lm.UTC().Format(http.TimeFormat))
		h.Set("X-Data-Updated", lm.UTC().Format("2006-01-02"))
	}
	if body == nil || NotModified(r.Header, etag, lm) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if size >= 0 {
		h.Set("Content-Length", strconv.FormatInt(size, 10))
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead || headBody(r) {
		// io.Copy lets a JS stream body hand itself to the Workers response.
		io.Copy(w, body)
	}
}

// resolver finds a file's upstream resource; Refresh shares one dataset
// document between the files.
type resolver func(ctx context.Context, fc FileConfig) (Resource, error)

// Refresh checks every file against the upstream and replaces those with a
// new valid version (Cron Trigger and lazy refresh). Failures are recorded
// in the state, and returned joined.
func (s *Service) Refresh(ctx context.Context) error {
	st := s.LoadState(ctx)
	st.RefreshStarted = s.now()
	_ = s.saveState(ctx, st)
	var doc []byte
	var docErr error
	res := func(ctx context.Context, fc FileConfig) (Resource, error) {
		if fc.URL != "" {
			return Resource{Title: fc.Title, URL: fc.URL}, nil
		}
		if doc == nil && docErr == nil {
			doc, docErr = s.fetchDataset(ctx)
		}
		if docErr != nil {
			return Resource{}, docErr
		}
		return ResolveResource(bytes.NewReader(doc), fc.Title)
	}
	var errs []error
	for _, fc := range s.Config.Files {
		if _, _, err := s.RefreshFile(ctx, fc.Spec.Name, res); err != nil {
			errs = append(errs, errors.New(fc.Spec.Name+": "+err.Error()))
		}
	}
	st = s.LoadState(ctx)
	st.RefreshStarted = time.Time{}
	_ = s.saveState(ctx, st)
	return errors.Join(errs...)
}

// RefreshFile brings one file up to date. It returns the current version
// and its bytes when a new one was stored, (nil, nil, nil) when upstream is
// unchanged, or the reason the upstream was refused (the last good version
// stays). res may be nil (the dataset is then fetched for this file).
func (s *Service) RefreshFile(ctx context.Context, name string, res resolver) (*Version, []byte, error) {
	fc, ok := s.Config.File(name)
	if !ok {
		return nil, nil, errors.New("unknown file " + strconv.Quote(name))
	}
	if res == nil {
		res = func(ctx context.Context, fc FileConfig) (Resource, error) {
			if fc.URL != "" {
				return Resource{Title: fc.Title, URL: fc.URL}, nil
			}
			doc, err := s.fetchDataset(ctx)
			if err != nil {
				return Resource{}, err
			}
			return ResolveResource(bytes.NewReader(doc), fc.Title)
		}
	}
	started := s.now()
	st := s.LoadState(ctx)
	st.File(name).LastAttempt = started
	_ = s.saveState(ctx, st)
	current := st.File(name).Current
	if current != nil {
		if _, found, err := s.Store.Get(ctx, current.Key); err == nil && !found {
			current = nil // evicted: download again even if upstream is unchanged
		}
	}

	r, err := res(ctx, fc)
	var v *Version
	var body []byte
	if err == nil {
		v, body, err = s.download(ctx, fc, r, current)
	}
	if err == nil && v != nil {
		err = s.Store.Put(ctx, v.Key, body)
	}
	// Reload: another request may have written meanwhile; change only ours.
	st = s.LoadState(ctx)
	fs := st.File(name)
	fs.LastAttempt = started
	if r.URL != "" {
		fs.ResourceURL, fs.ResourceModified = r.URL, r.LastModified
	}
	if err != nil {
		fs.LastError, fs.LastErrorAt = err.Error(), s.now()
		_ = s.saveState(ctx, st)
		return nil, nil, err
	}
	fs.LastError, fs.LastErrorAt, fs.LastCheck = "", time.Time{}, s.now()
	if v != nil {
		old := fs.Current
		fs.Current = v
		if old != nil && old.Key != v.Key {
			_ = s.Store.Delete(ctx, old.Key)
		}
	}
	if err := s.saveState(ctx, st); err != nil {
		return nil, nil, errors.New("saving state: " + err.Error())
	}
	return v, body, nil
}

// withTimeout runs f and gives up after d (the Workers fetch cannot be
// cancelled by a context, so the wait itself is bounded).
func withTimeout[T any](ctx context.Context, d time.Duration, what string, f func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	type result struct {
		v   T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := f(ctx)
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, errors.New(what + ": no complete answer within " + d.String() + " (timeout)")
	}
}

// MaxDatasetBytes caps the data.gouv.fr dataset document.
const MaxDatasetBytes = 8 << 20

func (s *Service) fetchDataset(ctx context.Context) ([]byte, error) {
	u := s.Config.DatasetURL()
	return withTimeout(ctx, s.Config.Timeout, "dataset "+u, func(ctx context.Context) ([]byte, error) {
		resp, err := s.Upstream.Get(ctx, u)
		if err != nil {
			return nil, errors.New("dataset " + u + ": " + err.Error())
		}
		defer resp.Body.Close()
		stop := context.AfterFunc(ctx, func() { resp.Body.Close() })
		defer stop()
		if resp.StatusCode != http.StatusOK {
			return nil, errors.New("dataset " + u + " answered " + resp.Status)
		}
		c := &CappedReader{R: resp.Body, Max: MaxDatasetBytes}
		b, err := io.ReadAll(c)
		if err != nil {
			return nil, errors.New("dataset " + u + ": " + err.Error())
		}
		return b, nil
	})
}

// download fetches, filters and validates one resource. It returns
// (nil, nil, nil) when the upstream version is the current one.
func (s *Service) download(ctx context.Context, fc FileConfig, r Resource, current *Version) (*Version, []byte, error) {
	same := func(lm time.Time) bool {
		return current != nil && !lm.IsZero() && current.UpstreamURL == r.URL && current.LastModified.Equal(lm)
	}
	if same(r.LastModified) {
		return nil, nil, nil
	}
	type out struct {
		v    *Version
		body []byte
	}
	o, err := withTimeout(ctx, s.Config.Timeout, "download "+r.URL, func(ctx context.Context) (out, error) {
		resp, err := s.Upstream.Get(ctx, r.URL)
		if err != nil {
			return out{}, errors.New("download " + r.URL + ": " + err.Error())
		}
		defer resp.Body.Close()
		stop := context.AfterFunc(ctx, func() { resp.Body.Close() })
		defer stop()
		if resp.StatusCode != http.StatusOK {
			return out{}, errors.New("download " + r.URL + " answered " + resp.Status)
		}
		if ct := strings.ToLower(resp.Header.Get("Content-Type")); strings.Contains(ct, "html") {
			return out{}, errors.New("download " + r.URL + " sent an HTML page (" + ct + "), not a CSV file")
		}
		lm := r.LastModified
		if lm.IsZero() {
			lm, _ = ParseTime(resp.Header.Get("Last-Modified"))
		}
		if same(lm) {
			return out{}, nil
		}
		if lm.IsZero() {
			lm = s.now().Truncate(time.Second)
		}
		if resp.ContentLength > s.Config.MaxBytes {
			return out{}, errors.New("download " + r.URL + ": " + strconv.FormatInt(resp.ContentLength, 10) +
				" bytes announced, over the " + strconv.FormatInt(s.Config.MaxBytes, 10) + "-byte cap")
		}
		c := &CappedReader{R: resp.Body, Max: s.Config.MaxBytes}
		var buf bytes.Buffer
		if _, err := rowfilter.Filter(&buf, c, Indicators); err != nil {
			if c.N > c.Max || errors.Is(err, ErrTooLarge) {
				return out{}, errors.New("download " + r.URL + ": more than " + strconv.FormatInt(s.Config.MaxBytes, 10) + " bytes, over the cap")
			}
			return out{}, errors.New("download " + r.URL + ": " + err.Error())
		}
		if err := c.CheckComplete(resp.ContentLength); err != nil {
			return out{}, errors.New("download " + r.URL + ": " + err.Error())
		}
		body := buf.Bytes()
		sum, err := Validate(fc.Spec, body)
		if err != nil {
			return out{}, errors.New("refused " + r.URL + ": " + err.Error())
		}
		return out{v: &Version{
			Key: DataKey(fc.Spec.Name, r.URL, lm), UpstreamURL: r.URL, LastModified: lm, FetchedAt: s.now(),
			ETag: ETagOf("u", body), Bytes: len(body), UpstreamSize: c.N, Rows: sum.Rows, Rejected: sum.Rejected,
			Departments: sum.Departments, FirstWarning: sum.FirstWarning,
		}, body: body}, nil
	})
	return o.v, o.body, err
}
