package browser

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// Dataset is the data.gouv.fr dataset slug the Worker resolves by default.
const Dataset = "barometre-des-resultats-de-laction-publique"

// FakeDataGouv is a stand-in for data.gouv.fr serving the mirror files:
// GET /api/1/datasets/{Dataset}/ lists the resources (title, url,
// last_modified) and GET /files/{name} serves a file of barometre/.
type FakeDataGouv struct {
	// URL is the base address; the Worker's DATAGOUV_API is URL+"/api/1".
	URL string
	// Hits counts requests for files (not the API).
	Hits atomic.Int64
	// Modified is the Last-Modified of every file.
	Modified time.Time

	srv *http.Server
}

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
	f := &FakeDataGouv{URL: "http://" + l.Addr().String(), Modified: time.Date(2023, 1, 19, 10, 0, 0, 0, time.UTC)}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/1/datasets/"+Dataset+"/", func(w http.ResponseWriter, r *http.Request) {
		names := []string{"barometre-resultats-detail-departemental.csv", "barometre-resultats-synthese-departemental.csv",
			"barometre-resultats-detail-national.csv", "barometre-resultats-synthese-national.csv"}
		var b strings.Builder
		b.WriteString(`{"id":"fake","slug":"` + Dataset + `","title":"Baromètre des résultats de l'action publique","resources":[`)
		for i, n := range names {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id":"r%d","title":%q,"format":"csv","url":%q,"last_modified":%q}`,
				i, n, f.URL+"/files/"+n, f.Modified.Format("2006-01-02T15:04:05.000000+00:00"))
		}
		b.WriteString("]}")
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(b.String()))
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {
		f.Hits.Add(1)
		name := filepath.Base(r.URL.Path)
		fh, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer fh.Close()
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		http.ServeContent(w, r, name, f.Modified, fh)
	})
	f.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go f.srv.Serve(l)
	return f, nil
}

// API is the value for the Worker's DATAGOUV_API variable.
func (f *FakeDataGouv) API() string { return f.URL + "/api/1" }

// Close stops the server.
func (f *FakeDataGouv) Close() error { return f.srv.Close() }
