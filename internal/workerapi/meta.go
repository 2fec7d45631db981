package workerapi

import (
	"context"
	"time"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/source"
)

// LicenceURL is the text of the Licence Ouverte 2.0.
const LicenceURL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

// SourceLine is the attribution line with the data date in French: the
// app's own (package source), so that /api/v1/meta and the map say the
// same thing.
func SourceLine(updated time.Time) string { return source.Line(frfmt.FR, dateOf(updated)) }

// FrenchDate writes a date as "19 janvier 2023" ("1er" for the first day).
func FrenchDate(t time.Time) string { return frfmt.Date(dateOf(t), frfmt.FR) }

// dateOf is the calendar day of t (0 for the zero time).
func dateOf(t time.Time) barometre.Date {
	if t.IsZero() {
		return 0
	}
	return barometre.NewDate(t.Year(), int(t.Month()), t.Day())
}

// DateUnknownNote is /api/v1/meta's word for a version whose publisher
// gave no date that parses (neither the dataset's last_modified nor the
// file's Last-Modified).
const DateUnknownNote = "the publisher's date of this version is unknown: neither the dataset's last_modified nor the file's Last-Modified header could be read"

// NoStoreNote is /api/v1/meta's word when no KV namespace is bound.
const NoStoreNote = "no persistent store bound (KV namespace DATA_KV): visitors never start a download, " +
	"only the Cron Trigger refreshes, at most once per RETRY_AFTER"

// MetaDataset names the upstream dataset.
type MetaDataset struct {
	ID     string `json:"id"`
	APIURL string `json:"api_url"`
	Page   string `json:"page"`
}

// MetaFile is the state of one served file in /api/v1/meta.
type MetaFile struct {
	Endpoint      string     `json:"endpoint"`
	ResourceTitle string     `json:"resource_title"`
	ResourceURL   string     `json:"resource_url,omitempty"`        // as last resolved
	ServedURL     string     `json:"served_upstream_url,omitempty"` // of the version served
	LastModified  *time.Time `json:"publisher_last_modified,omitempty"`
	DataUpdated   string     `json:"data_updated,omitempty"`
	// DateUnknown says why the version served has no date (DataUpdated
	// is then empty).
	DateUnknown  string     `json:"data_date_unknown,omitempty"`
	Source       string     `json:"source"`
	Reason       string     `json:"reason"`
	LastFetch    *time.Time `json:"last_fetch,omitempty"` // when the served version was downloaded
	LastCheck    *time.Time `json:"last_check,omitempty"`
	LastAttempt  *time.Time `json:"last_attempt,omitempty"`
	LastError    string     `json:"last_error,omitempty"`
	LastErrorAt  *time.Time `json:"last_error_at,omitempty"`
	Rows         int        `json:"rows"`
	RejectedRows int        `json:"rejected_rows"`
	Departments  int        `json:"departments,omitempty"`
	Bytes        int        `json:"bytes,omitempty"`
	ETag         string     `json:"etag,omitempty"`
	// Indicators is how many indicators the served version's split holds;
	// KeptIndicators are those still served from an earlier release, and
	// why; RefusedIndicators those of the release with no rows served.
	Indicators        int               `json:"indicators,omitempty"`
	KeptIndicators    map[string]string `json:"kept_indicators,omitempty"`
	RefusedIndicators map[string]string `json:"refused_indicators,omitempty"`
}

// Meta is the /api/v1/meta document.
type Meta struct {
	Dataset     MetaDataset          `json:"dataset"`
	Source      string               `json:"source"` // the worst source among the files
	Store       string               `json:"store,omitempty"`
	Persistent  bool                 `json:"persistent"`
	StoreNote   string               `json:"store_note,omitempty"`
	Files       map[string]*MetaFile `json:"files"`
	Licence     string               `json:"licence"`
	LicenceURL  string               `json:"licence_url"`
	SourceLine  string               `json:"source_line"`
	ConfigError string               `json:"config_error,omitempty"`
	Now         time.Time            `json:"now"`
}

func tp(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// Meta builds the /api/v1/meta document from the stored state; a file's
// source is "cache" when its last good version is in the store, else
// "snapshot", and Reason says why in a sentence.
func (s *Service) Meta(ctx context.Context) Meta {
	st := s.LoadState(ctx)
	now := s.now()
	m := Meta{
		Dataset:    MetaDataset{ID: s.Config.Dataset, APIURL: s.Config.DatasetURL(), Page: "https://www.data.gouv.fr/fr/datasets/" + s.Config.Dataset + "/"},
		Source:     SourceCache,
		Files:      map[string]*MetaFile{},
		Licence:    "Licence Ouverte 2.0",
		LicenceURL: LicenceURL,
		Now:        now,
		Store:      s.StoreName,
		Persistent: s.Persistent,
	}
	if !s.Persistent {
		m.StoreNote = NoStoreNote
	}
	if s.ConfigErr != nil {
		m.ConfigError = s.ConfigErr.Error()
	}
	var dataDate time.Time
	for _, fc := range s.Config.Files {
		fs := st.File(fc.Spec.Name)
		mf := &MetaFile{Endpoint: DataPrefix + fc.Spec.Name + ".csv", ResourceTitle: fc.Title, ResourceURL: fs.ResourceURL,
			LastCheck: tp(fs.LastCheck), LastAttempt: tp(fs.LastAttempt), LastError: fs.LastError, LastErrorAt: tp(fs.LastErrorAt)}
		if fc.URL != "" {
			mf.ResourceURL = fc.URL
		}
		v := fs.Current
		present := false
		if v != nil {
			present, _ = s.has(ctx, v.Key)
		}
		// An attempt newer than its outcome and older than any refresh could
		// last was cut short (e.g. the plan's CPU or memory limit).
		unfinished := !fs.LastAttempt.IsZero() && fs.LastAttempt.After(fs.LastCheck) && fs.LastAttempt.After(fs.LastErrorAt) &&
			now.Sub(fs.LastAttempt) > s.refreshBusy()
		cut := "the refresh started " + fs.LastAttempt.Format(time.RFC3339) + " never finished (CPU or memory limit of the plan?)"
		if unfinished {
			mf.LastError = cut
		}
		if present {
			mf.Source = SourceCache
			mf.ServedURL, mf.LastModified, mf.LastFetch = v.UpstreamURL, tp(v.LastModified), tp(v.FetchedAt)
			if v.LastModified.IsZero() {
				mf.DateUnknown = DateUnknownNote
			} else {
				mf.DataUpdated = v.LastModified.Format("2006-01-02")
			}
			mf.Rows, mf.RejectedRows, mf.Departments, mf.Bytes, mf.ETag = v.Rows, v.Rejected, v.Departments, v.Bytes, v.ETag
			mf.Indicators, mf.KeptIndicators, mf.RefusedIndicators = v.Indicators, v.KeptIndicators, v.RefusedIndicators
			if unfinished {
				mf.Reason = cut + "; serving the last good version, fetched " + v.FetchedAt.Format(time.RFC3339)
			} else if fs.LastError != "" {
				mf.Reason = "the last refresh (" + fs.LastErrorAt.Format(time.RFC3339) + ") was refused: " + fs.LastError +
					"; serving the last good version, fetched " + v.FetchedAt.Format(time.RFC3339)
			} else {
				mf.Reason = "up to date: upstream checked " + fs.LastCheck.Format(time.RFC3339) +
					", publisher's version of " + v.LastModified.Format(time.RFC3339)
			}
			if fc.Spec.Name == "detail" {
				dataDate = v.LastModified
			}
		} else {
			mf.Source = SourceSnapshot
			m.Source = SourceSnapshot
			mf.LastModified = tp(s.Config.SnapshotModified)
			if !s.Config.SnapshotModified.IsZero() {
				mf.DataUpdated = s.Config.SnapshotModified.Format("2006-01-02")
			}
			switch {
			case unfinished:
				mf.Reason = cut + "; serving the build snapshot"
			case fs.LastError != "":
				mf.Reason = "no valid upstream data yet: " + fs.LastError + "; serving the build snapshot"
			case v != nil:
				mf.Reason = "the cached version was evicted; serving the build snapshot until the next refresh"
			case !s.Persistent:
				mf.Reason = NoStoreNote + "; serving the build snapshot"
			default:
				mf.Reason = "upstream not fetched yet; serving the build snapshot"
			}
			if fc.Spec.Name == "detail" {
				dataDate = s.Config.SnapshotModified
			}
		}
		m.Files[fc.Spec.Name] = mf
	}
	m.SourceLine = SourceLine(dataDate)
	return m
}
