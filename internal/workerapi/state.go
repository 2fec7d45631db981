package workerapi

import (
	"encoding/json"
	"net/url"
	"strconv"
	"time"
)

// Store keys. The Cache API adapter turns them into URLs; KV uses them as is.
const (
	stateKeyPfx = "v2/state/"
	dataKeyPfx  = "v2/data/"
	// FastKeyPrefix + file name is the FastRecord the entry script reads
	// (entry.mjs names the same prefix).
	FastKeyPrefix = "v2/fast/"
)

// StateKey is the store key of the refresh state of one upstream
// configuration (Config.UpstreamID).
func StateKey(upstreamID string) string { return stateKeyPfx + upstreamID }

// DataKey is the store key of a filtered file: the upstream URL and the
// publisher's last-modified, so a new upstream version never overwrites the
// last good one before it has been validated.
func DataKey(name, upstreamURL string, lastModified time.Time) string {
	return dataKeyPfx + name + "?u=" + url.QueryEscape(upstreamURL) + "&lm=" + strconv.FormatInt(lastModified.Unix(), 10)
}

// Version is a validated filtered file kept in the store.
type Version struct {
	Key          string    `json:"key"`
	UpstreamURL  string    `json:"upstream_url"`
	LastModified time.Time `json:"last_modified"` // the publisher's
	FetchedAt    time.Time `json:"fetched_at"`
	ETag         string    `json:"etag"`
	Bytes        int       `json:"bytes"`
	UpstreamSize int64     `json:"upstream_bytes"`
	Rows         int       `json:"rows"`
	Rejected     int       `json:"rejected_rows"`
	Departments  int       `json:"departments"`
	FirstWarning string    `json:"first_warning,omitempty"`
	// Latest and Sums are the Summary's, for comparing the next version.
	Latest string                        `json:"latest,omitempty"`
	Sums   map[string]map[string]float64 `json:"sums,omitempty"`
	// Parts is the store key of the version's split per indicator
	// (PartSet); Indicators, KeptIndicators and RefusedIndicators sum it
	// up for /api/v1/meta (see MetaFile), which need not read it then.
	Parts             string            `json:"parts,omitempty"`
	Indicators        int               `json:"indicators,omitempty"`
	KeptIndicators    map[string]string `json:"kept_indicators,omitempty"`
	RefusedIndicators map[string]string `json:"refused_indicators,omitempty"`
}

// FileState is what the Worker remembers about one file between requests
// (each request runs a fresh wasm instance, so nothing survives in memory).
type FileState struct {
	Current *Version `json:"current,omitempty"` // the last good version
	// ResourceURL and ResourceModified are what the last resolution found.
	ResourceURL      string    `json:"resource_url,omitempty"`
	ResourceModified time.Time `json:"resource_modified,omitempty"`
	LastAttempt      time.Time `json:"last_attempt,omitempty"` // last refresh started
	LastCheck        time.Time `json:"last_check,omitempty"`   // last refresh that succeeded or found no change
	LastError        string    `json:"last_error,omitempty"`   // why the last refresh failed ("" when it did not)
	LastErrorAt      time.Time `json:"last_error_at,omitempty"`
}

// State is the persisted refresh state of all files.
type State struct {
	Files map[string]*FileState `json:"files"`
	// RefreshStarted marks a background refresh in progress, so concurrent
	// requests do not all start one.
	RefreshStarted time.Time `json:"refresh_started,omitempty"`
	// LastRefresh is when the last whole refresh (Refresh) started.
	LastRefresh time.Time `json:"last_refresh,omitempty"`
}

// DecodeState reads a stored state; garbage gives an empty state.
func DecodeState(b []byte) *State {
	s := &State{}
	if len(b) > 0 {
		_ = json.Unmarshal(b, s)
	}
	if s.Files == nil {
		s.Files = map[string]*FileState{}
	}
	return s
}

// Encode writes the state as JSON.
func (s *State) Encode() []byte {
	b, _ := json.Marshal(s)
	return b
}

// File returns the state of a file, creating it.
func (s *State) File(name string) *FileState {
	f := s.Files[name]
	if f == nil {
		f = &FileState{}
		s.Files[name] = f
	}
	return f
}

// Stale reports whether a file's data should be refreshed in the background:
// its last successful check is older than refreshAfter and no attempt was
// made in the last retryAfter.
func (f *FileState) Stale(now time.Time, refreshAfter, retryAfter time.Duration) bool {
	if now.Sub(f.LastCheck) < refreshAfter {
		return false
	}
	return now.Sub(f.LastAttempt) >= retryAfter
}

// MayTryNow reports whether a synchronous attempt is allowed (no data in
// store): not when an attempt failed less than retryAfter ago, so a broken
// upstream is not hammered by every visitor.
func (f *FileState) MayTryNow(now time.Time, retryAfter time.Duration) bool {
	return f.LastAttempt.IsZero() || now.Sub(f.LastAttempt) >= retryAfter
}
