package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"francenum-map/internal/barometre"
)

func cmdData(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("data", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "directory to fill with barometre/ and geo/")
	api := fs.String("api", DataGouvAPI, "data.gouv.fr API root")
	geo := fs.String("geo", GeoBase, "base URL of the boundary files")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *out == "" || fs.NArg() != 0 {
		fmt.Fprint(stderr, "data: need -out DIR\n"+usage)
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	d := downloader{client: &http.Client{Timeout: 5 * time.Minute}, api: *api, geo: *geo, log: stdout}
	if err := d.all(ctx, *out); err != nil {
		fmt.Fprintf(stderr, "data: %v\n", err)
		return exitRefused
	}
	fmt.Fprintf(stdout, "data: done; licence of every file: %s\n", Licence)
	return exitOK
}

type downloader struct {
	client   *http.Client
	api, geo string
	log      io.Writer
}

// resource is the part of a data.gouv.fr resource the resolver reads.
type resource struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// resolve returns the URL of each wanted title among the dataset's
// resources: the resource whose title is the name (case-insensitive), else
// the one whose URL ends with it.
func resolve(resources []resource, wanted []string) (map[string]string, error) {
	out := map[string]string{}
	for _, w := range wanted {
		for _, r := range resources {
			if strings.EqualFold(strings.TrimSpace(r.Title), w) {
				out[w] = r.URL
				break
			}
		}
		for _, r := range resources {
			if out[w] != "" {
				break
			}
			if u, err := url.Parse(r.URL); err == nil && strings.EqualFold(path.Base(u.Path), w) {
				out[w] = r.URL
			}
		}
		if out[w] == "" {
			return nil, fmt.Errorf("no resource titled %q among the %d resources of the dataset", w, len(resources))
		}
		if u, err := url.Parse(out[w]); err != nil || (u.Scheme != "https" && u.Scheme != "http") {
			return nil, fmt.Errorf("resource %q has no usable URL (%q)", w, out[w])
		}
	}
	return out, nil
}

func (d downloader) all(ctx context.Context, dir string) error {
	dataset := strings.TrimSuffix(d.api, "/") + "/datasets/" + Dataset + "/"
	body, err := d.get(ctx, dataset, 16<<20)
	if err != nil {
		return err
	}
	var doc struct {
		Resources []resource `json:"resources"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return fmt.Errorf("%s: not the expected JSON: %w", dataset, err)
	}
	urls, err := resolve(doc.Resources, BarometreFiles)
	if err != nil {
		return fmt.Errorf("%s: %w", dataset, err)
	}
	for _, name := range BarometreFiles {
		b, err := d.get(ctx, urls[name], 512<<20)
		if err != nil {
			return err
		}
		// Refuse to store an error page or a broken file.
		if _, err := barometre.Parse(b); err != nil {
			return fmt.Errorf("%s: %w", urls[name], err)
		}
		if err := writeAtomic(filepath.Join(dir, "barometre", name), b); err != nil {
			return err
		}
		fmt.Fprintf(d.log, "data: %s (%d bytes) from %s\n", name, len(b), urls[name])
	}
	for _, name := range GeoFiles {
		u := strings.TrimSuffix(d.geo, "/") + "/" + name
		b, err := d.get(ctx, u, 256<<20)
		if err != nil {
			return err
		}
		var fc struct {
			Type     string            `json:"type"`
			Features []json.RawMessage `json:"features"`
		}
		if err := json.Unmarshal(b, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
			return fmt.Errorf("%s: not a GeoJSON FeatureCollection", u)
		}
		if err := writeAtomic(filepath.Join(dir, "geo", name), b); err != nil {
			return err
		}
		fmt.Fprintf(d.log, "data: %s (%d features) from %s\n", name, len(fc.Features), u)
	}
	return nil
}

// get fetches u, refusing a non-200 answer or a body over max bytes.
func (d downloader) get(ctx context.Context, u string, max int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "francenum-map (maintainer data download)")
	resp, err := d.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if int64(len(b)) > max {
		return nil, errors.New("GET " + u + ": answer larger than expected")
	}
	return b, nil
}

func writeAtomic(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
