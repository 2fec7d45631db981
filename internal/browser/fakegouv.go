package browser

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Dataset is the data.gouv.fr dataset slug the Worker resolves by default.
const Dataset = "barometre-des-resultats-de-laction-publique"

// DetailFile is the departmental detail resource, the one Set can spoil.
const DetailFile = "barometre-resultats-detail-departemental.csv"

// FakeDataGouv is a stand-in for data.gouv.fr serving the mirror files:
// GET /api/1/datasets/{Dataset}/ lists the resources (title, url,
// last_modified) and GET /files/{name} serves a file of barometre/. Set
// makes it answer with a plausible but wrong, or hostile, detail file
// (the Fake* modes).
type FakeDataGouv struct {
	// URL is the base address; the Worker's DATAGOUV_API is URL+"/api/1".
	URL string
	// Hits counts requests for files (not the API).
	Hits atomic.Int64
	// Modified is the Last-Modified of every file until Set changes it.
	Modified time.Time

	dir     string
	srv     *http.Server
	mu      sync.Mutex
	mode    string
	spoiled map[string][]byte // detail file per mode, built once
}

// The modes of Set: each spoils the detail file (or its URL) of an
// otherwise faithful release.
const (
	FakeGood        = ""
	FakeHalved      = "halved"       // every value of the two indicators halved
	FakeOneDeptDiag = "onedept-diag" // diagnostics for one department only
	FakeOlder       = "older"        // an older release: dates up to 2021-07
	FakeBigField    = "bigfield"     // one kept row carries a 5 MB quoted field
	FakeForeignURL  = "foreign-url"  // the resource URL points at another host
	FakeRedirectOut = "redirect-out" // the file redirects to another host
)

// StartFakeDataGouv serves dataDir/barometre on the first free port of
// 9100–9199.
func StartFakeDataGouv(dataDir string) (*FakeDataGouv, error) {
	dir := filepath.Join(dataDir, "barometre")
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("browser: fake data.gouv.fr: %w", err)
	}
	l, err := Listen(FakeGouvLow, FakeGouvHi)
	if err != nil {
		return nil, err
	}
	f := &FakeDataGouv{URL: "http://" + l.Addr().String(), Modified: time.Date(2023, 1, 19, 10, 0, 0, 0, time.UTC),
		dir: dir, spoiled: map[string][]byte{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/1/datasets/"+Dataset+"/", f.dataset)
	mux.HandleFunc("/files/", f.file)
	f.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go f.srv.Serve(l)
	return f, nil
}

// Set changes the mode and the publisher's date of every file.
func (f *FakeDataGouv) Set(mode string, modified time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mode, f.Modified = mode, modified
}

func (f *FakeDataGouv) state() (string, time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mode, f.Modified
}

func (f *FakeDataGouv) dataset(w http.ResponseWriter, r *http.Request) {
	mode, lm := f.state()
	names := []string{DetailFile, "barometre-resultats-synthese-departemental.csv",
		"barometre-resultats-detail-national.csv", "barometre-resultats-synthese-national.csv"}
	var b strings.Builder
	b.WriteString(`{"id":"fake","slug":"` + Dataset + `","title":"Baromètre des résultats de l'action publique","resources":[`)
	for i, n := range names {
		if i > 0 {
			b.WriteString(",")
		}
		u := f.URL + "/files/" + n
		if n == DetailFile && mode == FakeForeignURL {
			u = "http://169.254.169.254/latest/meta-data/" + n
		}
		fmt.Fprintf(&b, `{"id":"r%d","title":%q,"format":"csv","url":%q,"last_modified":%q}`,
			i, n, u, lm.Format("2006-01-02T15:04:05.000000+00:00"))
	}
	b.WriteString("]}")
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(b.String()))
}

func (f *FakeDataGouv) file(w http.ResponseWriter, r *http.Request) {
	f.Hits.Add(1)
	mode, lm := f.state()
	name := filepath.Base(r.URL.Path)
	if name == DetailFile && mode != FakeGood {
		if mode == FakeRedirectOut {
			http.Redirect(w, r, "http://127.0.0.1:9/"+name, http.StatusFound)
			return
		}
		body, err := f.spoil(mode)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		http.ServeContent(w, r, name, lm, strings.NewReader(string(body)))
		return
	}
	fh, err := os.Open(filepath.Join(f.dir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer fh.Close()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	http.ServeContent(w, r, name, lm, fh)
}

// API is the value for the Worker's DATAGOUV_API variable.
func (f *FakeDataGouv) API() string { return f.URL + "/api/1" }

// Close stops the server.
func (f *FakeDataGouv) Close() error { return f.srv.Close() }
