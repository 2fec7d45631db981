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

	"francenum-map/internal/rowfilter"
)

// resolver finds a file's upstream resource; Refresh shares one dataset
// document between the files.
type resolver func(ctx context.Context, fc FileConfig) (Resource, error)

// Refresh checks every file against the upstream and replaces those with a
// new valid version (Cron Trigger and lazy refresh). Failures are recorded
// in the state, and returned joined.
func (s *Service) Refresh(ctx context.Context) error {
	st := s.LoadState(ctx)
	if !s.Persistent && !st.LastRefresh.IsZero() && s.now().Sub(st.LastRefresh) < s.Config.RetryAfter {
		return nil // without persistence only the cron refreshes, at most once per RETRY_AFTER
	}
	st.RefreshStarted = s.now()
	st.LastRefresh = st.RefreshStarted
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
	// baseline is what a new version is compared with, even when its bytes
	// were evicted; current is what may be kept as is.
	baseline := st.File(name).Current
	current := baseline
	if current != nil {
		if found, err := s.has(ctx, current.Key); err == nil && !found {
			current = nil // evicted: download again even if upstream is unchanged
		}
	}
	var prevParts *PartSet
	if fc.Spec.Split && baseline != nil {
		var ok bool
		if prevParts, ok = s.loadParts(ctx, baseline.Parts); !ok {
			current = nil // not split yet, or evicted: split again
		}
	}

	r, err := res(ctx, fc)
	var v *Version
	var body []byte
	var sp *Splitter
	if err == nil {
		v, body, sp, err = s.download(ctx, fc, r, current, baseline)
	}
	var parts *PartSet
	if err == nil && v != nil {
		err = s.Store.Put(ctx, v.Key, body)
		if err == nil && sp != nil {
			parts, err = s.storeParts(ctx, fc, sp, prevParts, v)
		}
		sp = nil
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
		s.syncFast(ctx, name, fs) // the current version stays, fresh until the next retry
		s.syncIndicators(ctx, st)
		return nil, nil, err
	}
	fs.LastError, fs.LastErrorAt, fs.LastCheck = "", time.Time{}, s.now()
	if v != nil {
		old := fs.Current
		fs.Current = v
		if old != nil && old.Key != v.Key {
			_ = s.Store.Delete(ctx, old.Key)
		}
		if old != nil && old.Parts != v.Parts {
			s.dropParts(ctx, old.Parts, prevParts, parts)
		}
	}
	if err := s.saveState(ctx, st); err != nil {
		return nil, nil, errors.New("saving state: " + err.Error())
	}
	s.syncFast(ctx, name, fs)
	s.syncIndicators(ctx, st)
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
		resp, _, err := s.fetchUpstream(ctx, u)
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

// download fetches, filters and validates one resource, and splits it per
// indicator when the file is served so (the Splitter then holds every
// row). It returns (nil, nil, nil, nil) when the upstream version is the
// current one.
func (s *Service) download(ctx context.Context, fc FileConfig, r Resource, current, baseline *Version) (*Version, []byte, *Splitter, error) {
	same := func(lm time.Time) bool {
		return current != nil && !lm.IsZero() && current.UpstreamURL == r.URL && current.LastModified.Equal(lm)
	}
	if same(r.LastModified) {
		return nil, nil, nil, nil
	}
	type out struct {
		v    *Version
		body []byte
		sp   *Splitter
	}
	o, err := withTimeout(ctx, s.Config.Timeout, "download "+r.URL, func(ctx context.Context) (out, error) {
		resp, _, err := s.fetchUpstream(ctx, r.URL)
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
		// Neither the dataset's last_modified nor the file's Last-Modified
		// parses: the date stays unknown (zero), never the fetch time (it
		// served « données au 7 décembre 2026 » for a release of February
		// 2023); /api/v1/meta says so.
		if resp.ContentLength > s.Config.MaxBytes {
			return out{}, errors.New("download " + r.URL + ": " + strconv.FormatInt(resp.ContentLength, 10) +
				" bytes announced, over the " + strconv.FormatInt(s.Config.MaxBytes, 10) + "-byte cap")
		}
		c := &CappedReader{R: resp.Body, Max: s.Config.MaxBytes}
		// Memory stays bounded whatever arrives: the input is capped, no
		// record may be long, and the filtered output is capped too.
		g := &RecordGuard{R: c, Max: MaxRecordBytes}
		buf := &cappedWriter{max: MaxFilteredBytes}
		var src io.Reader = g
		var sp *Splitter
		if fc.Spec.Split {
			// Every row is kept once more, per indicator: at most what the
			// download cap lets through.
			sp = &Splitter{Max: int(s.Config.MaxBytes)}
			src = io.TeeReader(g, sp)
		}
		_, err = rowfilter.Filter(buf, src, Indicators)
		if err == nil && sp != nil {
			err = sp.Close()
		}
		if err != nil {
			if c.N > c.Max || errors.Is(err, ErrTooLarge) {
				return out{}, errors.New("download " + r.URL + ": more than " + strconv.FormatInt(s.Config.MaxBytes, 10) + " bytes, over the cap")
			}
			if errors.Is(err, errFilteredTooLarge) {
				return out{}, errors.New("refused " + r.URL + ": " + err.Error())
			}
			return out{}, errors.New("download " + r.URL + ": " + err.Error())
		}
		if err := c.CheckComplete(resp.ContentLength); err != nil {
			return out{}, errors.New("download " + r.URL + ": " + err.Error())
		}
		body := buf.buf.Bytes()
		sum, err := Validate(fc.Spec, body, baseline)
		if err != nil {
			return out{}, errors.New("refused " + r.URL + ": " + err.Error())
		}
		return out{v: &Version{
			Key: DataKey(fc.Spec.Name, r.URL, lm), UpstreamURL: r.URL, LastModified: lm, FetchedAt: s.now(),
			ETag: ETagOf("u", body), Bytes: len(body), UpstreamSize: c.N, Rows: sum.Rows, Rejected: sum.Rejected,
			Departments: sum.Departments, FirstWarning: sum.FirstWarning, Latest: sum.Latest, Sums: sum.Sums,
		}, body: body, sp: sp}, nil
	})
	return o.v, o.body, o.sp, err
}
