package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"francenum-map/internal/browser"

	"github.com/chromedp/chromedp"
)

// The wasm floor: a blank page that only compiles app.wasm (streaming, from
// the same static brotli server and URL as the app) and starts Go (the
// runtime and main, which registers francenumGo), with nothing else on
// its main thread: no HTML to parse, no data, no map. No page built on
// this wasm can be interactive before this; the report sets it beside the
// best peer's interactive time (issue 15's goal is ≤ 1.0× it, warm).
const (
	floorPage = "/floor.html"
	floorHTML = `<!doctype html><meta charset="utf-8"><title>wasm floor</title>` +
		`<script src="/wasm_exec.js"></script><script src="/floor.js"></script>`
	// floorJS: %s is the wasm's URL (the app's content-hashed name).
	floorJS = `(() => {
  const T = {};
  fetch(%q).then((r) => WebAssembly.compileStreaming(r)).then((m) => {
    T.compiled = performance.now();
    const go = new Go();
    return WebAssembly.instantiate(m, go.importObject).then((i) => { go.run(i); T.goStarted = performance.now(); window.__floor = T; });
  }).catch((e) => { window.__floor = { error: String(e) }; });
})();`
)

// Floor keys of Report.Floor.
const (
	FloorCompiledCold = "compiled, cold"
	FloorGoCold       = "Go started, cold"
	FloorCompiledWarm = "compiled, warm"
	FloorGoWarm       = "Go started, warm"
)

// wasmHref is the app's wasm URL in its page (the head's fn-wasm link).
var wasmHref = regexp.MustCompile(`<link id="fn-wasm"[^>]* href="([^"]+)"`)

// floorHandler serves the floor page beside app (the app's static brotli
// server, which serves the wasm), for the wasm named in web/index.html.
func floorHandler(web string, app http.Handler) (http.Handler, error) {
	page, err := os.ReadFile(filepath.Join(web, "index.html"))
	if err != nil {
		return nil, err
	}
	m := wasmHref.FindSubmatch(page)
	if m == nil {
		return nil, fmt.Errorf("floor: no fn-wasm link in %s", filepath.Join(web, "index.html"))
	}
	js := fmt.Sprintf(floorJS, string(m[1]))
	mux := http.NewServeMux()
	mux.Handle("/", app)
	mux.HandleFunc(floorPage, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(floorHTML))
	})
	mux.HandleFunc("/floor.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write([]byte(js))
	})
	return mux, nil
}

// floorLoads loads url cold then reloads it, runs times (a fresh browser
// each run, as navColdWarm), and returns the floor's marks per key, ms
// since navigation start.
func floorLoads(parent context.Context, url string, runs int) (map[string][]float64, error) {
	out := map[string][]float64{}
	for i := 0; i < runs; i++ {
		ctx, cancel, err := browser.NewChrome(parent, browser.ChromeOptions{})
		if err != nil {
			return nil, err
		}
		for j, load := range []chromedp.Action[chromedp.Void]{chromedp.Navigate(url), chromedp.Reload()} {
			lctx, lcancel := context.WithTimeout(ctx, 60*time.Second)
			err := chromedp.Do(lctx, load)
			lcancel()
			if err != nil {
				cancel()
				return nil, fmt.Errorf("floor: %w", err)
			}
			t, err := waitFloor(ctx)
			if err != nil {
				cancel()
				return nil, err
			}
			if j == 0 {
				out[FloorCompiledCold] = append(out[FloorCompiledCold], t.Compiled)
				out[FloorGoCold] = append(out[FloorGoCold], t.GoStarted)
			} else {
				out[FloorCompiledWarm] = append(out[FloorCompiledWarm], t.Compiled)
				out[FloorGoWarm] = append(out[FloorGoWarm], t.GoStarted)
			}
		}
		cancel()
	}
	return out, nil
}

type floorMarks struct {
	Compiled, GoStarted float64
	Error               string
}

// waitFloor waits for the floor page's marks.
func waitFloor(ctx context.Context) (floorMarks, error) {
	return pollPage(ctx, `window.__floor || {}`, "floor page: Go not started", 60*time.Second, func(t floorMarks) (bool, error) {
		if t.Error != "" {
			return false, fmt.Errorf("floor page: %s", t.Error)
		}
		return t.GoStarted > 0, nil
	})
}

// floorMarkdown sets the floor beside the best peer's interactive time on
// the static brotli path.
func floorMarkdown(r *Report) string {
	if len(r.Floor) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\nThe wasm floor: a blank page on the static brotli server that only compiles app.wasm and starts Go (no HTML, data or map), ms since navigation start (medians), beside the best peer's interactive time on that path:\n\n")
	b.WriteString("| load | wasm compiled | Go started | best peer interactive | Go started / best peer |\n|---|---|---|---|---|\n")
	for _, x := range []struct{ label, c, g, m string }{
		{"cold", FloorCompiledCold, FloorGoCold, InteractiveColdM},
		{"warm", FloorCompiledWarm, FloorGoWarm, InteractiveWarmM},
	} {
		peer, ratio := "—", "—"
		if pr, ok := r.PeerRatios["static_br"][x.m]; ok && pr.Best > 0 {
			peer = fmt.Sprintf("%.0f ms (%s)", pr.Best, pr.BestPeer)
			ratio = fmt.Sprintf("%.2f×", r.Floor[x.g].Median/pr.Best)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", x.label, fmtStat(r.Floor[x.c], "ms"), fmtStat(r.Floor[x.g], "ms"), peer, ratio)
	}
	return b.String()
}
