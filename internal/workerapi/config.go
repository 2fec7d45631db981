package workerapi

import (
	"errors"
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Indicators are the two id_indicateur values the map uses (the first is
// the publisher's spelling, sic).
var Indicators = []string{"nb-entreprises-cheaque-numerique", "nb-diagnostics-individualises"}

// FileSpec describes one data file the Worker serves.
type FileSpec struct {
	// Name is the short name used in paths and keys: detail, synthese, national.
	Name string
	// TitleVar and URLVar are the wrangler vars naming the resource title
	// and the optional direct URL override.
	TitleVar, URLVar string
	// DefaultTitle is the data.gouv.fr resource title used when TitleVar is unset.
	DefaultTitle string
	// Departmental files must cover at least MinDepartments departments.
	Departmental bool
	// Split files are also served per indicator (/api/v1/indicators/…).
	Split bool
}

// Files are the served files, in refresh order.
var Files = []FileSpec{
	{Name: "detail", TitleVar: "DETAIL_RESOURCE", URLVar: "DETAIL_URL", DefaultTitle: "barometre-resultats-detail-departemental.csv", Departmental: true, Split: true},
	{Name: "synthese", TitleVar: "SYNTHESE_RESOURCE", URLVar: "SYNTHESE_URL", DefaultTitle: "barometre-resultats-synthese-departemental.csv", Departmental: true, Split: true},
	{Name: "national", TitleVar: "DETAIL_NATIONAL_RESOURCE", URLVar: "DETAIL_NATIONAL_URL", DefaultTitle: "barometre-resultats-detail-national.csv", Split: true},
}

// FileByName returns the spec of a served file.
func FileByName(name string) (FileSpec, bool) {
	for _, f := range Files {
		if f.Name == name {
			return f, true
		}
	}
	return FileSpec{}, false
}

// MinDepartments is the least number of departments a departmental file
// must cover to replace the cached one (101 exist; a few may lag).
const MinDepartments = 95

// FileConfig is the resolved upstream configuration of one file.
type FileConfig struct {
	Spec FileSpec
	// Title is the data.gouv.fr resource title looked up in the dataset.
	Title string
	// URL, when set, is used directly instead of the dataset lookup.
	URL string
}

// Config is the Worker's configuration, read from wrangler vars. Nothing in
// a request can change it: the Worker is not an open proxy.
type Config struct {
	API     string // DATAGOUV_API, e.g. https://www.data.gouv.fr/api/1
	Dataset string // DATAGOUV_DATASET slug or id
	Files   []FileConfig

	// EmbedOrigins are the origins allowed to frame the app and exchange
	// postMessage with it (EMBED_ORIGINS, space or comma separated; "*" = any).
	EmbedOrigins []string
	// UpstreamOrigins are the only origins the Worker fetches from
	// (UPSTREAM_ORIGINS): the API, every resource and every redirect hop.
	UpstreamOrigins []string

	// UpstreamID names the upstream configuration (API, dataset, resource
	// titles and URLs): the refresh state is kept under it, so changing one
	// of these vars starts afresh instead of inheriting another URL's errors.
	UpstreamID string
	// Stamp is the raw value of every var LoadConfig reads (StampVars): the
	// entry script replays stored headers only under the same Stamp.
	Stamp string

	Timeout      time.Duration // UPSTREAM_TIMEOUT: a whole download (default 20s)
	MaxBytes     int64         // MAX_UPSTREAM_BYTES: cap on one download (default DefaultMaxBytes)
	RefreshAfter time.Duration // REFRESH_AFTER: age of a check that triggers a lazy refresh (default 6h)
	RetryAfter   time.Duration // RETRY_AFTER: least time between two failed attempts (default 5m)
	SyncWait     time.Duration // SYNC_WAIT: how long a visitor waits for a first download before the snapshot (default 10s)
	MaxAge       time.Duration // CACHE_MAX_AGE: browser max-age of data responses (default 5m)
	StaleWhile   time.Duration // STALE_WHILE_REVALIDATE (default 1 day)

	// SnapshotModified is the publisher's date of the build snapshot
	// (SNAPSHOT_LAST_MODIFIED, RFC 3339 or YYYY-MM-DD).
	SnapshotModified time.Time
}

// Defaults of the wrangler vars.
const (
	DefaultAPI     = "https://www.data.gouv.fr/api/1"
	DefaultDataset = "barometre-des-resultats-de-laction-publique"
	// DefaultUpstreamOrigins are data.gouv.fr's API host and the hosts its
	// resource URLs point to: files uploaded to data.gouv.fr are served from
	// static.data.gouv.fr (older releases) or object.files.data.gouv.fr,
	// and www.data.gouv.fr/fr/datasets/r/{id} links redirect to those.
	DefaultUpstreamOrigins = "https://www.data.gouv.fr,https://static.data.gouv.fr,https://object.files.data.gouv.fr"
	// DefaultMaxBytes caps one download: the published detail file is 22.8 MB.
	DefaultMaxBytes = 40_000_000
)

// StampVars are the wrangler vars LoadConfig reads, in Stamp order.
var StampVars = []string{"DATAGOUV_API", "DATAGOUV_DATASET", "DETAIL_RESOURCE", "DETAIL_URL", "SYNTHESE_RESOURCE",
	"SYNTHESE_URL", "DETAIL_NATIONAL_RESOURCE", "DETAIL_NATIONAL_URL", "UPSTREAM_ORIGINS", "EMBED_ORIGINS",
	"UPSTREAM_TIMEOUT", "MAX_UPSTREAM_BYTES", "REFRESH_AFTER", "RETRY_AFTER", "SYNC_WAIT", "CACHE_MAX_AGE",
	"STALE_WHILE_REVALIDATE", "SNAPSHOT_LAST_MODIFIED"}

// StampSep separates the values in Config.Stamp (entry.mjs joins with it too).
const StampSep = "\x1f"

// LoadConfig reads the configuration through getenv (cloudflare.Getenv in
// the Worker, a map in tests). An invalid value is an error naming the var.
func LoadConfig(getenv func(string) string) (Config, error) {
	get := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	c := Config{
		API:     strings.TrimRight(get("DATAGOUV_API", DefaultAPI), "/"),
		Dataset: get("DATAGOUV_DATASET", DefaultDataset),
	}
	raw := make([]string, len(StampVars))
	for i, k := range StampVars {
		raw[i] = getenv(k)
	}
	c.Stamp = strings.Join(raw, StampSep)
	var errs []error
	up, err := ParseUpstreamOrigins(get("UPSTREAM_ORIGINS", DefaultUpstreamOrigins))
	if err != nil {
		errs = append(errs, errors.New("UPSTREAM_ORIGINS: "+err.Error()))
	}
	c.UpstreamOrigins = up
	if err := checkHTTPURL("DATAGOUV_API", c.API); err != nil {
		errs = append(errs, err)
	} else if err := c.CheckUpstream(c.API); err != nil {
		errs = append(errs, errors.New("DATAGOUV_API: "+err.Error()))
	}
	id := []string{c.API, c.Dataset}
	for _, s := range Files {
		fc := FileConfig{Spec: s, Title: get(s.TitleVar, s.DefaultTitle), URL: get(s.URLVar, "")}
		if fc.URL != "" {
			if err := checkHTTPURL(s.URLVar, fc.URL); err != nil {
				errs = append(errs, err)
			} else if err := c.CheckUpstream(fc.URL); err != nil {
				errs = append(errs, errors.New(s.URLVar+": "+err.Error()))
			}
		}
		c.Files = append(c.Files, fc)
		id = append(id, fc.Title, fc.URL)
	}
	h := fnv.New64a()
	h.Write([]byte(strings.Join(id, "\n")))
	c.UpstreamID = strconv.FormatUint(h.Sum64(), 36)
	eo, err := ParseOrigins(get("EMBED_ORIGINS", "*"))
	if err != nil {
		errs = append(errs, errors.New("EMBED_ORIGINS: "+err.Error()))
	}
	c.EmbedOrigins = eo
	dur := func(k string, def time.Duration) time.Duration {
		v := get(k, "")
		if v == "" {
			return def
		}
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			errs = append(errs, errors.New(k+": not a duration: "+strconv.Quote(v)))
			return def
		}
		return d
	}
	c.Timeout = dur("UPSTREAM_TIMEOUT", 20*time.Second)
	c.RefreshAfter = dur("REFRESH_AFTER", 6*time.Hour)
	c.RetryAfter = dur("RETRY_AFTER", 5*time.Minute)
	c.SyncWait = dur("SYNC_WAIT", 10*time.Second)
	c.MaxAge = dur("CACHE_MAX_AGE", 5*time.Minute)
	c.StaleWhile = dur("STALE_WHILE_REVALIDATE", 24*time.Hour)
	c.MaxBytes = DefaultMaxBytes
	if v := get("MAX_UPSTREAM_BYTES", ""); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			errs = append(errs, errors.New("MAX_UPSTREAM_BYTES: not a positive integer: "+strconv.Quote(v)))
		} else {
			c.MaxBytes = n
		}
	}
	if v := get("SNAPSHOT_LAST_MODIFIED", ""); v != "" {
		t, ok := ParseTime(v)
		if !ok {
			errs = append(errs, errors.New("SNAPSHOT_LAST_MODIFIED: not a date: "+strconv.Quote(v)))
		}
		c.SnapshotModified = t
	}
	return c, errors.Join(errs...)
}

// File returns the configuration of the named file.
func (c Config) File(name string) (FileConfig, bool) {
	for _, f := range c.Files {
		if f.Spec.Name == name {
			return f, true
		}
	}
	return FileConfig{}, false
}

// DatasetURL is the data.gouv.fr API address of the dataset.
func (c Config) DatasetURL() string {
	return c.API + "/datasets/" + url.PathEscape(c.Dataset) + "/"
}

func checkHTTPURL(name, v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New(name + ": not an http(s) URL: " + strconv.Quote(v))
	}
	return nil
}

// ParseTime reads the dates data.gouv.fr writes (RFC 3339 with or without
// zone and fraction, or a bare YYYY-MM-DD) and HTTP dates; UTC is assumed
// when no zone is given.
func ParseTime(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02", time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
