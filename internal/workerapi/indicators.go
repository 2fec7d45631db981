package workerapi

import (
	"context"
	"net/http"
	"time"
)

// serveIndex answers GET /api/v1/indicators: built from the stored split
// (detail and synthese at least), else the build snapshot's index while a
// refresh runs in the background.
func (s *Service) serveIndex(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	now := s.now()
	st := s.LoadState(ctx)
	ss := s.loadSplit(ctx, st)
	if b, ok := ss.index(); ok {
		if !ss.stale {
			s.syncIndicators(ctx, st)
		} else if s.Persistent && now.Sub(st.RefreshStarted) > s.refreshBusy() {
			s.background(func() { _ = s.Refresh(context.Background()) })
		}
		s.writeData(w, r, JSONType, ETagOf("i", b), ss.updated, SourceCache,
			CacheControl(s.Config.MaxAge, s.Config.StaleWhile), int64(len(b)), bytesBody(b))
		return
	}
	if s.Persistent && st.File("detail").MayTryNow(now, s.Config.RetryAfter) && now.Sub(st.RefreshStarted) > s.refreshBusy() {
		s.background(func() { _ = s.Refresh(context.Background()) })
	}
	s.serveSnapshot(w, r, SnapshotIndexPath, JSONType, nil)
}

// serveIndicator answers one indicator's rows of a split file: from the
// store, else (persistent store, first request) after a download of at
// most SYNC_WAIT, else from the build snapshot. An id the split does not
// hold is a 404.
func (s *Service) serveIndicator(w http.ResponseWriter, r *http.Request, name, id string) {
	if s.servePart(w, r, name, id, SourceCache) {
		return
	}
	st := s.LoadState(r.Context())
	if s.Persistent && st.File(name).MayTryNow(s.now(), s.Config.RetryAfter) {
		if _, _, ok := s.refreshWithin(name); ok && s.servePart(w, r, name, id, SourceUpstream) {
			return
		}
	}
	s.serveSnapshot(w, r, SnapshotIndicatorPath(name, id), CSVType, func() { s.unknownIndicator(w, r, id, "") })
}

// servePart answers from the stored split; false when the split or the
// indicator's bytes are not in the store.
func (s *Service) servePart(w http.ResponseWriter, r *http.Request, name, id, source string) bool {
	ctx := r.Context()
	st := s.LoadState(ctx)
	fs := st.File(name)
	if fs.Current == nil {
		return false
	}
	set, ok := s.loadParts(ctx, fs.Current.Parts)
	if !ok {
		return false
	}
	p := set.Parts[id]
	if p == nil {
		s.unknownIndicator(w, r, id, set.Refused[id])
		return true
	}
	body, ok := s.openData(ctx, p.Key, r.Header, p.ETag, p.LastModified)
	if !ok {
		return false
	}
	if source == SourceCache {
		now := s.now()
		if !fs.Stale(now, s.Config.RefreshAfter, s.Config.RetryAfter) {
			s.syncIndicators(ctx, st) // the entry script answers the next ones
		} else if s.Persistent && now.Sub(st.RefreshStarted) > s.refreshBusy() {
			s.background(func() { _ = s.Refresh(context.Background()) })
		}
	}
	s.writeData(w, r, CSVType, p.ETag, p.LastModified, source, CacheControl(s.Config.MaxAge, s.Config.StaleWhile),
		int64(p.Bytes), body)
	return true
}

// unknownIndicator answers 404 for an id the data does not hold (why: the
// refresh's reason when it refused the id's rows).
func (s *Service) unknownIndicator(w http.ResponseWriter, r *http.Request, id, why string) {
	doc := map[string]string{"error": "unknown indicator", "id": id, "index": IndicatorsPath}
	if why != "" {
		doc["reason"] = "its rows were refused: " + why
	}
	w.Header().Set("Cache-Control", "no-cache")
	writeJSON(w, r, http.StatusNotFound, doc)
}

// refreshWithin downloads a file for a visitor, who waits at most
// SYNC_WAIT; a longer download goes on after the response (waitUntil).
func (s *Service) refreshWithin(name string) (*Version, []byte, bool) {
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
		return res.v, res.body, res.err == nil && res.v != nil
	case <-time.After(s.Config.SyncWait):
		s.background(func() { <-done })
	}
	return nil, nil, false
}
