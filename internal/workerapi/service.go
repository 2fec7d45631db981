package workerapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// Store keeps byte values between requests (Workers Cache API or KV).
type Store interface {
	// Get returns the value and true, or false when the key is absent.
	Get(ctx context.Context, key string) ([]byte, bool, error)
	Put(ctx context.Context, key string, value []byte) error
	Delete(ctx context.Context, key string) error
}

// Fetcher makes GET requests: to the upstream (a URL the Service checked
// against UPSTREAM_ORIGINS) or to the static assets (a path such as
// /snapshot/detail.csv). It must not follow redirects: the Service follows
// them itself, checking each hop.
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
	// Persistent is true when the Store really keeps data (a KV namespace
	// is bound). Without it (the Cache API alone stores nothing on
	// *.workers.dev) a visitor's request never starts a download: the
	// snapshot is served and only the Cron Trigger refreshes, at most once
	// per RETRY_AFTER.
	Persistent bool
	Upstream   Fetcher
	Assets     Fetcher
	Now        func() time.Time
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
	case RouteIndex:
		s.serveIndex(w, r)
	case RouteIndicator:
		s.serveIndicator(w, r, m.File, m.ID)
	default:
		doc := map[string]any{"error": "not found", "path": r.URL.Path,
			"endpoints": []string{DataPrefix + "detail.csv", DataPrefix + "synthese.csv", DataPrefix + "national.csv",
				IndicatorsPath, IndicatorsPrefix + "{id}.csv", IndicatorsPrefix + "{id}/synthese.csv",
				IndicatorsPrefix + "{id}/national.csv", "/api/v1/meta", "/api/v1/config", "/healthz"}}
		if m.Why != "" {
			doc["reason"] = m.Why
		}
		writeJSON(w, r, http.StatusNotFound, doc)
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
	b, ok, err := s.Store.Get(ctx, StateKey(s.Config.UpstreamID))
	if err != nil || !ok {
		return DecodeState(nil)
	}
	return DecodeState(b)
}

func (s *Service) saveState(ctx context.Context, st *State) error {
	return s.Store.Put(ctx, StateKey(s.Config.UpstreamID), st.Encode())
}

// refreshBusy is how long a started background refresh keeps others off.
func (s *Service) refreshBusy() time.Duration {
	return 2*s.Config.Timeout*time.Duration(len(s.Config.Files)+1) + time.Minute
}
