package workerapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Resource is a data.gouv.fr resource of the dataset.
type Resource struct {
	Title        string
	URL          string
	LastModified time.Time
	// Page is the dataset's human page (for /api/v1/meta).
	Page string
}

type datasetJSON struct {
	Page      string `json:"page"`
	Resources []struct {
		Title        string `json:"title"`
		URL          string `json:"url"`
		LastModified string `json:"last_modified"`
	} `json:"resources"`
}

// ResolveResource reads a data.gouv.fr dataset document
// (GET {api}/datasets/{id}/) and returns the resource titled title.
func ResolveResource(dataset io.Reader, title string) (Resource, error) {
	var d datasetJSON
	if err := json.NewDecoder(dataset).Decode(&d); err != nil {
		return Resource{}, errors.New("dataset document is not valid JSON: " + err.Error())
	}
	for _, r := range d.Resources {
		if r.Title != title {
			continue
		}
		if err := checkHTTPURL("resource url", r.URL); err != nil {
			return Resource{}, errors.New("resource " + strconv.Quote(title) + " has no usable url: " + err.Error())
		}
		lm, _ := ParseTime(r.LastModified)
		return Resource{Title: title, URL: r.URL, LastModified: lm, Page: d.Page}, nil
	}
	return Resource{}, errors.New("dataset has no resource titled " + strconv.Quote(title) +
		" (" + strconv.Itoa(len(d.Resources)) + " resources)")
}

// ErrTooLarge is returned by a CappedReader past its cap.
var ErrTooLarge = errors.New("upstream body exceeds the size cap")

// CappedReader counts what it reads, remembers the last byte and fails
// with ErrTooLarge once more than Max bytes came through.
type CappedReader struct {
	R    io.Reader
	Max  int64
	N    int64
	Last byte
}

// Read reads from R.
func (c *CappedReader) Read(p []byte) (int, error) {
	if c.N > c.Max {
		return 0, ErrTooLarge
	}
	if rest := c.Max + 1 - c.N; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := c.R.Read(p)
	c.N += int64(n)
	if n > 0 {
		c.Last = p[n-1]
	}
	if c.N > c.Max {
		return n, ErrTooLarge
	}
	return n, err
}

// CheckComplete reports a download that cannot be a whole CSV file: a
// Content-Length that was not met, or a last line without its newline
// (the published files always end with one).
func (c *CappedReader) CheckComplete(contentLength int64) error {
	if contentLength > 0 && c.N != contentLength {
		return errors.New("upstream body is " + strconv.FormatInt(c.N, 10) + " bytes, Content-Length said " +
			strconv.FormatInt(contentLength, 10) + ": truncated")
	}
	if c.N > 0 && c.Last != '\n' {
		return errors.New("upstream file ends without a newline after " + strconv.FormatInt(c.N, 10) + " bytes: truncated")
	}
	return nil
}

// MaxRedirects is how many redirects one upstream fetch follows.
const MaxRedirects = 3

// fetchUpstream GETs an upstream URL, following redirects itself so that
// every hop is checked against UPSTREAM_ORIGINS (the Fetcher never follows
// them). It returns the final response and its URL.
func (s *Service) fetchUpstream(ctx context.Context, raw string) (*http.Response, string, error) {
	u := raw
	for hop := 0; ; hop++ {
		if err := s.Config.CheckUpstream(u); err != nil {
			if hop > 0 {
				return nil, u, errors.New("redirected from " + raw + ", refused: " + err.Error())
			}
			return nil, u, errors.New("refused: " + err.Error())
		}
		resp, err := s.Upstream.Get(ctx, u)
		if err != nil {
			return nil, u, err
		}
		switch resp.StatusCode {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		default:
			return resp, u, nil
		}
		loc := resp.Header.Get("Location")
		resp.Body.Close()
		if hop == MaxRedirects {
			return nil, u, errors.New("more than " + strconv.Itoa(MaxRedirects) + " redirects from " + raw)
		}
		base, err := url.Parse(u)
		if err != nil {
			return nil, u, err
		}
		next, err := base.Parse(loc)
		if loc == "" || err != nil {
			return nil, u, errors.New(u + " answered " + resp.Status + " without a usable Location")
		}
		u = next.String()
	}
}
