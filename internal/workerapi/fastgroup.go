package workerapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"time"
)

// FastGroup lets the entry script answer the indicator routes (the index
// and every indicator's files) without starting Go, as FastRecord does for
// the numerisation files: one record for all of them, so that a refresh
// writes one record and not one per indicator. Answers are keyed by the
// request path; Headers are the headers every answer shares and each
// answer adds its own (the script sets the shared ones, then the answer's).
type FastGroup struct {
	Stamp   string                `json:"stamp"`
	Vars    []string              `json:"vars"`
	Sep     string                `json:"sep"`
	Headers [][2]string           `json:"headers"`
	Answers map[string]FastAnswer `json:"answers"`
}

// FastAnswer is one answer of a FastGroup (fields as in FastRecord).
type FastAnswer struct {
	Key          string      `json:"key"`
	FreshUntil   int64       `json:"fresh_until"`
	ETag         string      `json:"etag"`
	LastModified int64       `json:"last_modified"`
	Headers      [][2]string `json:"headers"`
}

// FastGroupKey is the store key of the FastGroup (entry.mjs reads it).
const FastGroupKey = FastKeyPrefix + "indicators"

// IndexKey is the store key of an index's bytes (named by its ETag).
func IndexKey(etag string) string { return dataKeyPfx + "indicators?e=" + strings.Trim(etag, `"`) }

// splitState is what the store holds of the split files.
type splitState struct {
	sets    map[string]*PartSet // by file name, present ones only
	updated time.Time           // the detail version's publisher date
	fresh   time.Time           // until when all of them are fresh
	stale   bool                // one of them should be refreshed
}

// loadSplit reads the PartSets of the current versions.
func (s *Service) loadSplit(ctx context.Context, st *State) splitState {
	out := splitState{sets: map[string]*PartSet{}}
	now := s.now()
	for _, fc := range s.Config.Files {
		if !fc.Spec.Split {
			continue
		}
		fs := st.File(fc.Spec.Name)
		if fs.Current == nil {
			continue
		}
		set, ok := s.loadParts(ctx, fs.Current.Parts)
		if !ok {
			continue
		}
		out.sets[fc.Spec.Name] = set
		if fc.Spec.Name == "detail" {
			out.updated = fs.Current.LastModified
		}
		if f := s.freshUntil(fs); out.fresh.IsZero() || f.Before(out.fresh) {
			out.fresh = f
		}
		out.stale = out.stale || fs.Stale(now, s.Config.RefreshAfter, s.Config.RetryAfter)
	}
	return out
}

// index returns the index of the stored split, false when the detail or
// the synthese split is missing.
func (ss splitState) index() ([]byte, bool) {
	if ss.sets["detail"] == nil || ss.sets["synthese"] == nil {
		return nil, false
	}
	return BuildIndex(ss.sets["detail"], ss.sets["synthese"], ss.sets["national"], ss.updated), true
}

// answerHeaders are all the headers of Go's 200 answer of stored bytes.
func (s *Service) answerHeaders(ctype, etag string, lm time.Time, size int) http.Header {
	h := http.Header{}
	SetSecurity(h, s.Config.EmbedOrigins)
	SetCORS(h)
	dataHeaders(h, ctype, etag, lm, SourceCache, CacheControl(s.Config.MaxAge, s.Config.StaleWhile))
	h.Set("Content-Length", itoa64(int64(size)))
	return h
}

// FastGroupOf builds the group record of the stored split (index: its
// bytes and key, nil when there is none).
func (s *Service) FastGroupOf(st *State, ss splitState, index []byte, indexKey string) FastGroup {
	g := FastGroup{Stamp: s.Config.Stamp, Vars: StampVars, Sep: StampSep, Answers: map[string]FastAnswer{}}
	full := map[string]http.Header{}
	add := func(path, key, ctype, etag string, lm time.Time, size int, fresh time.Time) {
		a := FastAnswer{Key: key, FreshUntil: fresh.UnixMilli(), ETag: etag}
		if !lm.IsZero() {
			a.LastModified = lm.Unix()
		}
		g.Answers[path] = a
		full[path] = s.answerHeaders(ctype, etag, lm, size)
	}
	if index != nil {
		etag := ETagOf("i", index)
		add(IndicatorsPath, indexKey, JSONType, etag, ss.updated, len(index), ss.fresh)
	}
	for name, set := range ss.sets {
		fresh := s.freshUntil(st.File(name))
		for id, p := range set.Parts {
			add(IndicatorPath(name, id), p.Key, CSVType, p.ETag, p.LastModified, p.Bytes, fresh)
		}
	}
	// Shared: the headers with one value in every answer.
	var shared []string
	for k, v := range full[anyKey(full)] {
		same := true
		for _, h := range full {
			if vs := h.Values(k); len(vs) != 1 || vs[0] != v[0] {
				same = false
				break
			}
		}
		if same {
			shared = append(shared, k)
		}
	}
	sort.Strings(shared)
	for _, k := range shared {
		g.Headers = append(g.Headers, [2]string{k, full[anyKey(full)].Get(k)})
	}
	for path, h := range full {
		a := g.Answers[path]
		keys := make([]string, 0, len(h))
		for k := range h {
			if !contains(shared, k) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			a.Headers = append(a.Headers, [2]string{k, h.Get(k)})
		}
		g.Answers[path] = a
	}
	return g
}

func anyKey(m map[string]http.Header) string {
	for k := range m {
		return k
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// syncIndicators writes the group record (and the index it names) when it
// differs from the stored one, or deletes it when the split is incomplete.
func (s *Service) syncIndicators(ctx context.Context, st *State) {
	old, found, err := s.Store.Get(ctx, FastGroupKey)
	if err != nil {
		return
	}
	ss := s.loadSplit(ctx, st)
	index, ok := ss.index()
	if !ok {
		if found {
			_ = s.Store.Delete(ctx, FastGroupKey)
		}
		return
	}
	key := IndexKey(ETagOf("i", index))
	b, _ := json.Marshal(s.FastGroupOf(st, ss, index, key))
	if found && bytes.Equal(old, b) {
		return
	}
	if have, err := s.has(ctx, key); err != nil || !have {
		if s.Store.Put(ctx, key, index) != nil {
			return
		}
	}
	if s.Store.Put(ctx, FastGroupKey, b) == nil && found {
		var prev FastGroup
		if json.Unmarshal(old, &prev) == nil {
			if a, ok := prev.Answers[IndicatorsPath]; ok && a.Key != key && strings.HasPrefix(a.Key, dataKeyPfx+"indicators?") {
				_ = s.Store.Delete(ctx, a.Key) // the previous index
			}
		}
	}
}
