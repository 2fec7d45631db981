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
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"francenum-map/internal/browser"
	"francenum-map/internal/datadir"

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
	only := flag.String("pages", "app,dsfr,d3,app_static,dsfr_static,d3_static", "pages to measure (comma-separated; for development)")
	variants := flag.String("variants", "", "extra app builds on the static brotli path, name=dir,… (page app_static:name; A/B of a lever in one run)")
	codeCacheOn := flag.Bool("code-cache", true, "trace app.wasm's compiled-code cache on each app page (about 40 s a page)")
	navOnly := flag.Bool("nav-only", false, "measure only the page loads (sizes, first load, timelines; for development)")
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
	if err := run(*out, *runs, conns, *wrkSecs, *mixSecs, strings.Split(*only, ","), *navOnly, *variants, *codeCacheOn); err != nil {
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

func run(out string, runs int, conns []int, wrkSecs, mixSecs int, only []string, navOnly bool, variants string, codeCacheOn bool) error {
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
	for name, p := range map[string]string{"app.wasm": "build/web/app.wasm", "index.html": "build/web/index.html", "worker wasm": "build/worker/app.wasm"} {
		s, err := FileSize(filepath.Join(root, p))
		if err != nil {
			r.problem("size of %s: %v", name, err)
			continue
		}
		r.Sizes[name] = s
	}

	if b, err := LoadBudgets(filepath.Join(root, "bench", "budgets.json")); err == nil {
		r.RatioGoals = b.ratioGoals()
	}
	ctx := context.Background()
	srv, err := startServers(ctx, r, root, out, dataDir)
	if err != nil {
		return err
	}
	defer srv.Close()
	pages, order := srv.pages, srv.order
	vkeys, err := srv.startVariants(variants)
	if err != nil {
		return err
	}
	only = append(only, vkeys...)
	order = append(order, vkeys...)
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
	tlCold, tlWarm := map[string]map[string][]float64{}, map[string]map[string][]float64{}
	failed := map[string]int{}
	for i := 0; i < runs; i++ {
		for _, p := range order { // interleaved so drift hits every page alike
			if failed[p] >= 3 {
				continue
			}
			c, wm, err := navColdWarm(ctx, pages[p])
			if err != nil {
				// A failed run is reported and not counted; three end the page.
				r.problem("navigation of %s (run %d): %v", p, i+1, err)
				failed[p]++
				continue
			}
			for _, x := range []struct {
				dst map[string]map[string][]float64
				t   map[string]float64
			}{{tlCold, c}, {tlWarm, wm}} {
				if x.dst[p] == nil {
					x.dst[p] = map[string][]float64{}
				}
				for k, v := range x.t {
					x.dst[p][k] = append(x.dst[p][k], v)
				}
			}
		}
	}
	for _, p := range order {
		r.TimelineCold[p], r.TimelineWarm[p] = summariseAll(tlCold[p]), summariseAll(tlWarm[p])
		r.NavCold[p], r.NavWarm[p] = Summarise(tlCold[p]["coloredAt"]), Summarise(tlWarm[p]["coloredAt"])
		r.PaintCold[p], r.PaintWarm[p] = Summarise(tlCold[p]["coloredPaint"]), Summarise(tlWarm[p]["coloredPaint"])
	}
	// The first card, before Go (issue 22), on both paths, page and embed.
	firstCardRuns(ctx, r, pages, order, runs) // a load measure: -nav-only too
	// The wasm floor, beside the app on the static brotli path.
	if srv.floorURL != "" && contains(order, AppStatic) {
		if fl, err := floorLoads(ctx, srv.floorURL, runs); err != nil {
			r.problem("wasm floor: %v", err)
		} else {
			for k, v := range fl {
				r.Floor[k] = Summarise(v)
			}
		}
	}
	// Chromium's compiled-code cache of app.wasm, from its trace.
	for _, p := range order {
		if !codeCacheOn || p != App && !strings.HasPrefix(p, AppStatic) {
			continue
		}
		if cc, err := codeCache(ctx, pages[p], 10*time.Second); err != nil {
			r.problem("code cache of %s: %v", p, err)
		} else {
			r.CodeCache[p] = cc
		}
	}
	fmt.Fprintf(os.Stderr, "bench: navigation done in %s\n", time.Since(start).Round(time.Second))

	if navOnly {
		r.problem("-nav-only: interactions, parse and Worker load not measured")
	} else {
		interactions(ctx, r, pages, srv.fullURL, srv.parseApp, runs)
	}
	if srv.worker != nil && !navOnly {
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
func interactions(parent context.Context, r *Report, pages map[string]string, fullURL, parseApp string, runs int) {
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
		if parseApp != "" {
			if err := load(parseApp); err != nil {
				r.problem("app parse: %v", err)
			}
			appFull = strings.TrimSuffix(parseApp, "/") + "/full/detail.csv"
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
