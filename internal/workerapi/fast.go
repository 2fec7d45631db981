package workerapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"time"
)

// FastRecord lets the entry script (wasm/worker/entry.mjs) answer a GET of
// a data file without starting the Go wasm: Go decides the headers and
// freshness, stores them here next to the data, and the script only
// replays them while FreshUntil has not passed and the wrangler vars still
// give the same Stamp. Anything else (a miss, a stale or foreign record)
// goes to Go.
type FastRecord struct {
	// Stamp is Config.Stamp when the record was written: the raw values of
	// Vars joined with Sep (the script joins its own env the same way).
	Stamp string   `json:"stamp"`
	Vars  []string `json:"vars"`
	Sep   string   `json:"sep"`
	// Key is the store key of the data's bytes.
	Key string `json:"key"`
	// FreshUntil (ms since the epoch) is when Go would start a refresh.
	FreshUntil int64 `json:"fresh_until"`
	// ETag and LastModified (s since the epoch, 0 when unknown) answer
	// If-None-Match and If-Modified-Since with a 304.
	ETag         string `json:"etag"`
	LastModified int64  `json:"last_modified"`
	// Headers are every header of Go's 200 answer, sorted.
	Headers [][2]string `json:"headers"`
}

// FastKey is the store key of a file's FastRecord.
func FastKey(name string) string { return FastKeyPrefix + name }

// freshUntil is when a file's data stops being fresh (FileState.Stale).
func (s *Service) freshUntil(fs *FileState) time.Time {
	t := fs.LastCheck.Add(s.Config.RefreshAfter)
	if r := fs.LastAttempt.Add(s.Config.RetryAfter); r.After(t) {
		t = r
	}
	return t
}

// cachedHeaders are all the headers of Go's 200 answer of a stored version.
func (s *Service) cachedHeaders(v *Version) http.Header {
	h := http.Header{}
	SetSecurity(h, s.Config.EmbedOrigins)
	SetCORS(h)
	dataHeaders(h, CSVType, v.ETag, v.LastModified, SourceCache, CacheControl(s.Config.MaxAge, s.Config.StaleWhile))
	h.Set("Content-Length", itoa64(int64(v.Bytes)))
	return h
}

// FastRecordOf builds the record of a file's current version.
func (s *Service) FastRecordOf(fs *FileState) FastRecord {
	v := fs.Current
	r := FastRecord{Stamp: s.Config.Stamp, Vars: StampVars, Sep: StampSep, Key: v.Key,
		FreshUntil: s.freshUntil(fs).UnixMilli(), ETag: v.ETag}
	if !v.LastModified.IsZero() {
		r.LastModified = v.LastModified.Unix()
	}
	h := s.cachedHeaders(v)
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.Headers = append(r.Headers, [2]string{k, h.Get(k)})
	}
	return r
}

// syncFast writes a file's FastRecord when it differs from the stored one
// (a KV write is counted; a read is cheap), or deletes it when there is no
// current version.
func (s *Service) syncFast(ctx context.Context, name string, fs *FileState) {
	key := FastKey(name)
	old, found, err := s.Store.Get(ctx, key)
	if err != nil {
		return
	}
	if fs.Current == nil {
		if found {
			_ = s.Store.Delete(ctx, key)
		}
		return
	}
	b, _ := json.Marshal(s.FastRecordOf(fs))
	if !found || !bytes.Equal(old, b) {
		_ = s.Store.Put(ctx, key, b)
	}
}
