// Command bench measures francenum-map in Chromium against two peers — the
// State's <map-chart> of @gouvfr/dsfr-chart and a hand-written D3 choropleth
// — in the same browser and run, plus the binaries' sizes and the Worker's
// throughput on workerd, and writes build/bench/report.json and report.md.
// With -check it compares an existing report with bench/budgets.json and
// exits 1 listing each missed budget.
//
//	go run ./cmd/bench -out build/bench            # needs make build
//	go run ./cmd/bench -check -out build/bench -budgets bench/budgets.json
package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"francenum-map/internal/browser"
	"francenum-map/internal/datadir"
	"francenum-map/internal/indicator"

	"github.com/chromedp/chromedp"
)

func main() {
	out := flag.String("out", "build/bench", "report folder")
	check := flag.Bool("check", false, "compare report.json in -out with -budgets and exit 1 on a miss")
	budgets := flag.String("budgets", "bench/budgets.json", "budgets file")
	runs := flag.Int("runs", 10, "runs per timed measure (≥ 10 for a report)")
	wrkSecs := flag.Int("wrk-seconds", 10, "duration of each wrk run of one kind of Worker request")
	mixSecs := flag.Int("mix-seconds", 30, "duration of the wrk run of the Worker's request mix (c=8)")
	connsFlag := flag.String("conns", "8,4", "wrk connection counts of the Worker runs of one kind (comma-separated; issue 12 used 4)")
	workerOnly := flag.Bool("worker-only", false, "measure only the Worker load (report in -out)")
	only := flag.String("pages", "app,app_static,dsfr,d3", "pages to measure (comma-separated; for development)")
	flag.Parse()
	conns, err := ParseConns(*connsFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if *check {
		os.Exit(runCheck(*out, *budgets))
	}
	if *workerOnly {
		if err := runWorkerOnly(*out, conns, *wrkSecs, *mixSecs); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*out, *runs, conns, *wrkSecs, *mixSecs, strings.Split(*only, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func runCheck(out, budgetsPath string) int {
	b, err := LoadBudgets(budgetsPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench -check:", err)
		return 2
	}
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench -check: no report (run make bench first):", err)
		return 2
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		fmt.Fprintln(os.Stderr, "bench -check:", err)
		return 2
	}
	miss := Check(&r, b)
	if len(miss) == 0 {
		fmt.Println("bench -check: every budget met")
		return 0
	}
	fmt.Printf("bench -check: %d budget(s) missed:\n", len(miss))
	for _, m := range miss {
		fmt.Println("  -", m)
	}
	return 1
}

func run(out string, runs int, conns []int, wrkSecs, mixSecs int, only []string) error {
	start := time.Now()
	root, out, dataDir, err := locate(out)
	if err != nil {
		return err
	}
	r := newReport()
	r.When = time.Now().UTC().Format(time.RFC3339)
	r.Runs = runs
	r.Machine = machine()
	if v, err := exec.Command(mustChrome(), "--version").Output(); err == nil {
		r.Chromium = strings.TrimSpace(string(v))
	}

	// Sizes.
	for name, p := range map[string]string{"app.wasm": "build/web/app.wasm", "worker wasm": "build/worker/app.wasm"} {
		s, err := FileSize(filepath.Join(root, p))
		if err != nil {
			r.problem("size of %s: %v", name, err)
			continue
		}
		r.Sizes[name] = s
	}

	// Peers: bundle with esbuild, copy the CSS and the GeoJSON.
	peersDir := filepath.Join(out, "peers")
	if err := buildPeers(root, dataDir, peersDir); err != nil {
		return err
	}
	ctx := context.Background()
	// Without a Worker (no build yet) the peers are still measured, on the
	// snapshot or on a filter of the mirror, and the report says so.
	// Upstream points at a loopback port where nothing listens: the Worker
	// serves its snapshot at once, offline, as `make run` does without
	// internet (and no DNS look-up slows a request).
	dead, err := browser.FreePort(browser.FakeGouvLow, browser.FakeGouvHi)
	if err != nil {
		return err
	}
	w, err := browser.StartWrangler(ctx, browser.WranglerOptions{Root: root, Low: browser.BenchLow, High: browser.BenchHigh,
		Vars: map[string]string{"DATAGOUV_API": fmt.Sprintf("http://127.0.0.1:%d/api/1", dead)}})
	detailCSV := filepath.Join(peersDir, "data", "detail.csv")
	if err != nil {
		r.problem("Worker not started, app not measured: %v", firstLine(err.Error()))
		w = nil
		if err := filteredDetail(root, dataDir, detailCSV); err != nil {
			return err
		}
	} else {
		defer func() {
			if exited, err := w.Exited(); exited {
				r.problem("wrangler stopped during the run: %v (log in wrangler.log)", err)
			}
			os.WriteFile(filepath.Join(out, "wrangler.log"), []byte(w.Output()), 0o644)
			w.Stop()
		}()
		// The peers load the very bytes the app loads.
		if err := download(w.URL+"/api/v1/numerisation/detail.csv", detailCSV); err != nil {
			r.problem("detail.csv from the Worker: %v (peers use a filter of the mirror)", err)
			if err := filteredDetail(root, dataDir, detailCSV); err != nil {
				return err
			}
		}
	}
	fullPath := filepath.Join(dataDir, "barometre", "barometre-resultats-detail-departemental.csv")
	mux := http.NewServeMux()
	peersFS := http.FileServer(http.Dir(out))
	mux.Handle("/peers/", peersFS)
	mux.HandleFunc("/full/detail.csv", func(rw http.ResponseWriter, req *http.Request) {
		rw.Header().Set("Access-Control-Allow-Origin", "*")
		http.ServeFile(rw, req, fullPath)
	})
	static, err := browser.StartStatic(browser.BenchLow, browser.BenchHigh, mux)
	if err != nil {
		return err
	}
	defer static.Close()
	// The same app build served by a Go static server, like the peers: the
	// difference with "app" is what wrangler dev's asset serving costs.
	appMux := http.NewServeMux()
	web := filepath.Join(root, "build", "web")
	appMux.Handle("/", http.FileServer(http.Dir(web)))
	// Its app.wasm is the bench build when there is one (make bench): the
	// same app plus francenumGo.benchParse, timed on this page below.
	if benchWasm := filepath.Join(root, "build", "bench", "app.wasm"); fileExists(benchWasm) {
		appMux.HandleFunc("/app.wasm", func(rw http.ResponseWriter, req *http.Request) {
			rw.Header().Set("Content-Type", "application/wasm")
			http.ServeFile(rw, req, benchWasm)
		})
	}
	appMux.HandleFunc("/api/v1/numerisation/", func(rw http.ResponseWriter, req *http.Request) {
		rw.Header().Set("Content-Type", "text/csv; charset=utf-8")
		http.ServeFile(rw, req, filepath.Join(web, "snapshot", filepath.Base(req.URL.Path)))
	})
	// The full published file, same origin as the app (the app's CSP allows
	// connect-src 'self' only), for the in-page parse benchmark.
	appMux.HandleFunc("/full/detail.csv", func(rw http.ResponseWriter, req *http.Request) {
		http.ServeFile(rw, req, fullPath)
	})
	appMux.HandleFunc("/api/v1/config", func(rw http.ResponseWriter, req *http.Request) {
		rw.Header().Set("Content-Type", "application/json")
		rw.Write([]byte(`{"embed_origins":[]}`))
	})
	appStatic, err := browser.StartStatic(browser.BenchLow, browser.BenchHigh, appMux)
	if err != nil {
		return err
	}
	defer appStatic.Close()
	pages := map[string]string{DSFR: static.URL + "/peers/dsfr.html", D3: static.URL + "/peers/d3.html"}
	order := []string{DSFR, D3}
	if _, err := os.Stat(filepath.Join(web, "app.wasm")); err == nil {
		pages[AppStatic] = appStatic.URL + "/"
		order = []string{AppStatic, DSFR, D3}
	}
	if w != nil {
		pages[App] = w.URL + "/"
		order = append([]string{App}, order...)
	}
	keep := order[:0]
	for _, p := range order {
		if contains(only, p) {
			keep = append(keep, p)
		} else {
			delete(pages, p)
		}
	}
	order = keep

	for _, p := range order {
		fl, err := firstLoad(ctx, pages[p])
		if err != nil {
			r.problem("first load of %s: %v", p, err)
			continue
		}
		r.FirstLoad[p] = fl
	}
	cold, warm := map[string][]float64{}, map[string][]float64{}
	failed := map[string]int{}
	appStats := map[string][]float64{}
	for i := 0; i < runs; i++ {
		for _, p := range order { // interleaved so drift hits every page alike
			if failed[p] >= 3 {
				continue
			}
			var st map[string][]float64
			if p == App {
				st = appStats
			}
			c, wm, err := navColdWarm(ctx, pages[p], st)
			if err != nil {
				// A failed run is reported and not counted; three end the page.
				r.problem("navigation of %s (run %d): %v", p, i+1, err)
				failed[p]++
				continue
			}
			cold[p], warm[p] = append(cold[p], c), append(warm[p], wm)
		}
	}
	for _, p := range order {
		r.NavCold[p], r.NavWarm[p] = Summarise(cold[p]), Summarise(warm[p])
	}
	for k, v := range appStats {
		r.AppColdStats[k] = Summarise(v)
	}
	fmt.Fprintf(os.Stderr, "bench: navigation done in %s\n", time.Since(start).Round(time.Second))

	interactions(ctx, r, pages, static.URL+"/full/detail.csv", runs)

	if w != nil {
		// The load runs on a Worker of its own, with data in KV.
		workerLoad(ctx, r, root, dataDir, conns, wrkSecs, mixSecs)
	}
	r.computeRatios()
	if err := r.Write(out); err != nil {
		return err
	}
	fmt.Print(r.Markdown())
	fmt.Fprintf(os.Stderr, "bench: done in %s, report in %s\n", time.Since(start).Round(time.Second), out)
	return nil
}

// interactions measures month change, play, and the full-file parse in one
// warm browser per page.
func interactions(parent context.Context, r *Report, pages map[string]string, fullURL string, runs int) {
	ctx, cancel, err := browser.NewChrome(parent, browser.ChromeOptions{})
	if err != nil {
		r.problem("interactions: %v", err)
		return
	}
	defer cancel()
	load := func(url string) error {
		if err := installObserver(ctx); err != nil {
			return err
		}
		nctx, ncancel := context.WithTimeout(ctx, 60*time.Second)
		defer ncancel()
		if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
			return err
		}
		_, err := waitColored(ctx, 60*time.Second)
		return err
	}
	// The app.
	if pages[App] == "" {
		// not started: already reported
	} else if err := load(pages[App]); err != nil {
		r.problem("app interactions: %v", err)
	} else {
		if m, err := evalAwait[monthResult](ctx, monthJS+fmt.Sprintf("(%d, 5)", 10*runs), 120*time.Second); err != nil {
			r.problem("app month change: %v", err)
		} else {
			r.MonthChange[App], r.MonthChange["app_wall"] = Summarise(finite(m.Render)), Summarise(m.Wall)
			if len(finite(m.Render)) == 0 {
				r.problem("app month change: francenum:rendered carries no detail.ms")
			}
		}
		if p, err := evalAwait[playResult](ctx, playJS+"(6000)", 60*time.Second); err != nil {
			r.problem("app play: %v", err)
		} else {
			r.PlayFrame["render"], r.PlayFrame["interval"] = Summarise(finite(p.Render)), Summarise(p.Interval)
			if len(p.Interval) == 0 {
				r.problem("app play: fewer than two rendered months in 6 s")
			}
		}
		// The parse runs in the app served like the peers, where the full file
		// is same-origin (the Worker build's CSP forbids other origins).
		appFull := fullURL
		if pages[AppStatic] != "" {
			if err := load(pages[AppStatic]); err != nil {
				r.problem("app parse: %v", err)
			}
			appFull = strings.TrimSuffix(pages[AppStatic], "/") + "/full/detail.csv"
		}
		has, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(window.francenumApp && typeof window.francenumApp.benchParse === 'function')`))
		if !has {
			r.problem("app parse: window.francenumApp.benchParse(arrayBuffer) is missing")
		} else if res, err := evalAwait[parseResult](ctx, parseJS(appFull, "(b) => window.francenumApp.benchParse(b)", runs), 300*time.Second); err != nil {
			r.problem("app parse: %v", err)
		} else {
			r.ParseBytes = res.Bytes
			r.Parse[App] = Summarise(mbPerSec(res.Bytes, res.Ms))
		}
	}
	// The D3 peer: recolour and d3-dsv parse.
	if pages[D3] == "" {
		return
	}
	if err := load(pages[D3]); err != nil {
		r.problem("d3 interactions: %v", err)
		return
	}
	var rec []float64
	for i := 0; i < runs; i++ {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.peer.recolour(200)`))
		if err != nil {
			r.problem("d3 recolour: %v", err)
			break
		}
		rec = append(rec, v)
	}
	r.MonthChange[D3] = Summarise(rec)
	for key, fn := range map[string]string{D3: "(b) => window.peer.parseRows(b)", "d3_objects": "(b) => window.peer.parse(b)"} {
		if res, err := evalAwait[parseResult](ctx, parseJS(fullURL, fn, runs), 300*time.Second); err != nil {
			r.problem("d3 parse: %v", err)
		} else {
			r.ParseBytes = res.Bytes
			r.Parse[key] = Summarise(mbPerSec(res.Bytes, res.Ms))
		}
	}
}

func finite(xs []float64) []float64 {
	out := xs[:0:0]
	for _, x := range xs {
		if x == x && x >= 0 { // drops NaN (absent detail.ms)
			out = append(out, x)
		}
	}
	return out
}

func mbPerSec(bytes int64, ms []float64) []float64 {
	out := make([]float64, 0, len(ms))
	for _, m := range ms {
		if m > 0 {
			out = append(out, float64(bytes)/1e6/(m/1000))
		}
	}
	return out
}

// staticAsset picks a static file the Worker serves (app.css, else /).
func staticAsset(base string) string {
	for _, p := range []string{"/app.css", "/app.js", "/wasm_exec.js"} {
		resp, err := http.Get(base + p)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p
			}
		}
	}
	return "/"
}

func download(url, dst string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// buildPeers bundles bench/peers/*.js with esbuild into dir and copies the
// HTML, the DSFR Chart CSS and the department GeoJSON next to them.
func buildPeers(root, dataDir, dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return err
	}
	for _, name := range []string{"d3", "dsfr"} {
		cmd := exec.Command(filepath.Join(root, "node_modules", ".bin", "esbuild"), filepath.Join(root, "bench", "peers", name+".js"),
			"--bundle", "--minify", "--format=esm", "--log-level=warning", "--outfile="+filepath.Join(dir, name+".js"))
		cmd.Dir = root
		cmd.Env = browser.NodeEnv(root)
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("esbuild %s: %w: %s", name, err, b)
		}
	}
	copies := map[string]string{
		filepath.Join(root, "bench", "peers", "d3.html"):                                                   filepath.Join(dir, "d3.html"),
		filepath.Join(root, "bench", "peers", "dsfr.html"):                                                 filepath.Join(dir, "dsfr.html"),
		filepath.Join(root, "node_modules", "@gouvfr", "dsfr-chart", "dist", "DSFRChart", "DSFRChart.css"): filepath.Join(dir, "DSFRChart.css"),
		filepath.Join(dataDir, "geo", "departements-1000m.geojson"):                                        filepath.Join(dir, "data", "departements.geojson"),
	}
	for src, dst := range copies {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func mustChrome() string {
	p, err := browser.ChromePath()
	if err != nil {
		return "chromium"
	}
	return p
}

func machine() string {
	model := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				if i := strings.Index(l, ":"); i > 0 {
					model = strings.TrimSpace(l[i+1:])
				}
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d CPU, %s/%s", model, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// filteredDetail writes the two indicators' rows of the mirror's detail
// file (the snapshot when the build made one) for the peers.
func filteredDetail(root, dataDir, dst string) error {
	if b, err := os.ReadFile(filepath.Join(root, "build", "web", "snapshot", "detail.csv")); err == nil {
		return os.WriteFile(dst, b, 0o644)
	}
	in, err := os.Open(filepath.Join(dataDir, "barometre", "barometre-resultats-detail-departemental.csv"))
	if err != nil {
		return err
	}
	defer in.Close()
	rd := csv.NewReader(in)
	var buf strings.Builder
	wr := csv.NewWriter(&buf)
	for i := 0; ; i++ {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if i == 0 || len(rec) > 2 && (rec[2] == indicator.Cheques || rec[2] == indicator.Diagnostics) {
			if err := wr.Write(rec); err != nil {
				return err
			}
		}
	}
	wr.Flush()
	return os.WriteFile(dst, []byte(buf.String()), 0o644)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// fileExists reports whether path is a regular file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// locate finds the repository root and the data mirror, and makes the
// report folder out absolute (relative to the root).
func locate(out string) (root, absOut, dataDir string, err error) {
	if root, err = datadir.RepoRoot(); err != nil {
		return "", "", "", err
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	dataDir, err = datadir.Find()
	return root, out, dataDir, err
}
