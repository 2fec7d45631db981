package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"francenum-map/internal/browser"
)

// servers are what one run serves the pages from: on each serving path
// (servePaths) the app and the two peers go through the same kind of
// server.
type servers struct {
	pages map[string]string // page key → URL
	order []string          // page keys, in measuring order
	// worker is the app's wrangler dev (nil when it did not start).
	worker *browser.Wrangler
	// fullURL is the full published detail file (CORS *), for the peers'
	// parse; parseApp is the app on the static brotli server with the
	// bench build of app.wasm (francenumGo.benchParse), for the app's.
	fullURL, parseApp string
	// floorURL is the wasm floor's page (floor.go), "" without the app.
	floorURL string
	closers  []func()
}

// static serves h on a loopback port of the bench's range until Close and
// returns its base URL ("http://127.0.0.1:PORT").
func (s *servers) static(h http.Handler) (string, error) {
	st, err := browser.StartStatic(browser.BenchLow, browser.BenchHigh, h)
	if err != nil {
		return "", err
	}
	s.closers = append(s.closers, func() { st.Close() })
	return st.URL, nil
}

func (s *servers) Close() {
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
}

// wasmPath matches the app's wasm under its plain or content-hashed name.
var wasmPath = regexp.MustCompile(`^(/h)?/app(\.[0-9a-f]{8,})?\.wasm$`)

// startServers builds the peers and starts: the app's Worker on wrangler dev
// (offline: it serves the build snapshot), a second wrangler dev serving
// the peers as static assets, and static brotli servers (brServer) for the
// app (build/web plus the API's data files from its snapshot, at the same
// paths) and for the peers. The peers load the very detail.csv the Worker
// serves.
func startServers(ctx context.Context, r *Report, root, out, dataDir string) (*servers, error) {
	s := &servers{pages: map[string]string{}}
	site := filepath.Join(out, "peer-site")
	peersDir := filepath.Join(site, "peers")
	if err := buildPeers(root, dataDir, peersDir); err != nil {
		return nil, err
	}
	web := filepath.Join(root, "build", "web")
	// Upstream points at a loopback port where nothing listens: the Worker
	// serves its snapshot at once, offline, as `make run` does without
	// internet (and no DNS look-up slows a request).
	dead, err := browser.FreePort(browser.FakeGouvLow, browser.FakeGouvHi)
	if err != nil {
		return nil, err
	}
	w, err := browser.StartWrangler(ctx, browser.WranglerOptions{Root: root, Low: browser.BenchLow, High: browser.BenchHigh,
		Vars: map[string]string{"DATAGOUV_API": fmt.Sprintf("http://127.0.0.1:%d/api/1", dead)}})
	detailCSV := filepath.Join(peersDir, "data", "detail.csv")
	if err != nil {
		r.problem("Worker not started, app on wrangler dev not measured: %v", firstLine(err.Error()))
		if err := filteredDetail(root, dataDir, detailCSV); err != nil {
			return nil, err
		}
	} else {
		s.worker = w
		s.closers = append(s.closers, func() {
			if exited, err := w.Exited(); exited {
				r.problem("wrangler stopped during the run: %v (log in wrangler.log)", err)
			}
			os.WriteFile(filepath.Join(out, "wrangler.log"), []byte(w.Output()), 0o644)
			w.Stop()
		})
		if err := download(w.URL+"/api/v1/numerisation/detail.csv", detailCSV); err != nil {
			r.problem("detail.csv from the Worker: %v (peers use a filter of the mirror)", err)
			if err := filteredDetail(root, dataDir, detailCSV); err != nil {
				return nil, err
			}
		}
		s.pages[App] = w.URL + "/"
	}
	// The peers on wrangler dev: an assets-only Worker on the peers' folder.
	cfg := filepath.Join(out, "peers.wrangler.jsonc")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`{"name": "bench-peers", "compatibility_date": "2025-06-01", "assets": {"directory": %q}}`, site)), 0o644); err != nil {
		return nil, err
	}
	pw, err := browser.StartWrangler(ctx, browser.WranglerOptions{Root: root, Config: cfg, Low: browser.BenchLow, High: browser.BenchHigh, Ready: "/peers/d3.html"})
	if err != nil {
		r.problem("peers' wrangler dev not started, peers on wrangler dev not measured: %v", firstLine(err.Error()))
	} else {
		s.closers = append(s.closers, func() { pw.Stop() })
		s.pages[DSFR], s.pages[D3] = pw.URL+"/peers/dsfr.html", pw.URL+"/peers/d3.html"
	}

	// The full published file, for the parse measures.
	fullPath := filepath.Join(dataDir, "barometre", "barometre-resultats-detail-departemental.csv")
	full := http.NewServeMux()
	full.HandleFunc("/full/detail.csv", func(rw http.ResponseWriter, req *http.Request) {
		rw.Header().Set("Access-Control-Allow-Origin", "*")
		http.ServeFile(rw, req, fullPath)
	})
	fullBase, err := s.static(full)
	if err != nil {
		return nil, err
	}
	s.fullURL = fullBase + "/full/detail.csv"

	// The static brotli path.
	peersBr, err := newBrServer(site)
	if err != nil {
		return nil, err
	}
	peersBase, err := s.static(peersBr)
	if err != nil {
		return nil, err
	}
	s.pages[DSFRStatic], s.pages[D3Static] = peersBase+"/peers/dsfr.html", peersBase+"/peers/d3.html"
	if fileExists(filepath.Join(web, "index.html")) {
		appBr, err := appBrServer(web, "")
		if err != nil {
			return nil, err
		}
		appBase, err := s.static(appBr)
		if err != nil {
			return nil, err
		}
		s.pages[AppStatic] = appBase + "/"
		// The wasm floor, on a server of its own with the app's files.
		fh, err := floorHandler(web, appBr)
		if err != nil {
			return nil, err
		}
		floorBase, err := s.static(fh)
		if err != nil {
			return nil, err
		}
		s.floorURL = floorBase + floorPage
		// The parse page: the same, with the bench build of the wasm (make
		// bench) and the full file on the app's origin (its CSP allows
		// connect-src 'self' only).
		benchWasm := filepath.Join(root, "build", "bench", "app.wasm")
		if !fileExists(benchWasm) {
			benchWasm = ""
		}
		parseBr, err := appBrServer(web, benchWasm)
		if err != nil {
			return nil, err
		}
		parseMux := http.NewServeMux()
		parseMux.Handle("/", parseBr)
		parseMux.HandleFunc("/full/detail.csv", func(rw http.ResponseWriter, req *http.Request) { http.ServeFile(rw, req, fullPath) })
		parseBase, err := s.static(parseMux)
		if err != nil {
			return nil, err
		}
		s.parseApp = parseBase + "/"
	}
	for _, p := range []string{App, DSFR, D3, AppStatic, DSFRStatic, D3Static} {
		if s.pages[p] != "" {
			s.order = append(s.order, p)
		}
	}
	return s, nil
}

// appBrServer serves build/web as Cloudflare would, with the API's data
// files (its snapshot, at /api/v1/numerisation/NAME, with the Worker's
// data headers) and /api/v1/config; benchWasm, when set, is served for the
// app's wasm instead.
func appBrServer(web, benchWasm string) (*brServer, error) {
	s, err := newBrServer(web)
	if err != nil {
		return nil, err
	}
	dataCache := "public, max-age=300, stale-while-revalidate=86400" // the Worker's, from wrangler.jsonc
	s.route = func(p string) (string, http.Header, bool) {
		switch {
		case benchWasm != "" && wasmPath.MatchString(p):
			return benchWasm, nil, true
		case p == "/api/v1/config":
			return filepath.Join(web, "..", "bench-config.json"), http.Header{"Content-Type": {"application/json"}}, true
		case filepath.Dir(p) == "/api/v1/numerisation":
			return filepath.Join(web, "snapshot", filepath.Base(p)), http.Header{
				"Content-Type": {"text/csv; charset=utf-8"}, "Cache-Control": {dataCache}, "Access-Control-Allow-Origin": {"*"}}, true
		}
		return "", nil, false
	}
	return s, os.WriteFile(filepath.Join(web, "..", "bench-config.json"), []byte(`{"embed_origins":[]}`), 0o644)
}

// startVariants serves each name=dir of spec (comma-separated) as the app
// on the static brotli path, page key "app_static:name", and returns the
// keys: other builds of build/web, to measure a lever before and after in
// the same run.
func (s *servers) startVariants(spec string) ([]string, error) {
	var keys []string
	for _, kv := range strings.Split(spec, ",") {
		if kv == "" {
			continue
		}
		name, dir, ok := strings.Cut(kv, "=")
		if !ok || !fileExists(filepath.Join(dir, "index.html")) {
			return nil, fmt.Errorf("-variants: %q is not name=dir with dir/index.html", kv)
		}
		h, err := appBrServer(dir, "")
		if err != nil {
			return nil, err
		}
		base, err := s.static(h)
		if err != nil {
			return nil, err
		}
		key := AppStatic + ":" + name
		s.pages[key] = base + "/"
		keys = append(keys, key)
	}
	return keys, nil
}
