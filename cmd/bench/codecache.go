package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"francenum-map/internal/browser"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// CodeCache is what Chromium's trace says about app.wasm's compiled code
// over a cold load, a reload at once (the bench's warm load) and, after a
// pause, a load in a new tab (a visitor coming back: no module in memory
// there, only the disk's compiled-code cache). Counts of trace events per
// load: v8.wasm.cachedModule (machine code written to the code cache),
// v8.wasm.moduleCacheHit (code read from it instead of compiling),
// wasm.GetNativeModuleFromCache (the module reused from the same renderer's
// memory), wasm.CompileBaseline (functions compiled by Liftoff).
type CodeCache struct {
	Pause  float64        `json:"pause_s"`
	Cold   map[string]int `json:"cold"`
	Warm   map[string]int `json:"reload"`
	Later  map[string]int `json:"new_tab_after_pause"`
	ColdMs float64        `json:"cold_compiled_ms"` // app.js start → module ready
	WarmMs float64        `json:"reload_compiled_ms"`
	LateMs float64        `json:"new_tab_compiled_ms"`
	// DiskBytes: the size of the profile's wasm code cache folder
	// (Default/Code Cache/wasm) after each load: where the cached machine
	// code is, whatever the trace says.
	DiskBytes [3]int64 `json:"code_cache_disk_bytes"`
	// JSDiskBytes: the same for the JavaScript code cache folder
	// (Default/Code Cache/js), the control: it fills on these same loads,
	// so an empty wasm folder is a finding, not a harness that cannot see.
	JSDiskBytes [3]int64 `json:"js_code_cache_disk_bytes"`
}

// dirBytes is the total size of the files under dir (0 if none).
func dirBytes(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// wasmCacheEvents are the trace events counted.
var wasmCacheEvents = []string{"v8.wasm.cachedModule", "v8.wasm.moduleCacheHit", "v8.wasm.moduleCacheInvalid",
	"wasm.GetNativeModuleFromCache", "wasm.CompileBaseline", "wasm.TopTierCompilation"}

// codeCache loads url cold, waits, reloads at once, waits pause and loads
// it in a new tab, tracing each load, and counts the code cache's events.
func codeCache(parent context.Context, url string, pause time.Duration) (CodeCache, error) {
	cc := CodeCache{Pause: pause.Seconds()}
	profile, err := os.MkdirTemp("", "francenum-codecache-")
	if err != nil {
		return cc, err
	}
	defer os.RemoveAll(profile)
	wasmDir := filepath.Join(profile, "Default", "Code Cache", "wasm")
	jsDir := filepath.Join(profile, "Default", "Code Cache", "js")
	bctx, cancel, err := browser.NewChrome(parent, browser.ChromeOptions{UserDataDir: profile})
	if err != nil {
		return cc, err
	}
	defer cancel()
	var mu sync.Mutex
	counts := map[string]int{}
	done := make(chan struct{}, 1)
	listen := func(ctx context.Context) error {
		return chromedp.Listen(ctx, func(ev any) {
			switch e := ev.(type) {
			case *tracing.EventDataCollected:
				mu.Lock()
				for _, v := range e.Value {
					var te struct {
						Name string `json:"name"`
					}
					if json.Unmarshal(v, &te) == nil {
						counts[te.Name]++
					}
				}
				mu.Unlock()
			case *tracing.EventTracingComplete:
				select {
				case done <- struct{}{}:
				default:
				}
			}
		})
	}
	traced := func(ctx context.Context, load chromedp.Action[chromedp.Void], settle time.Duration) (map[string]int, float64, error) {
		mu.Lock()
		counts = map[string]int{}
		mu.Unlock()
		if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "v8.wasm", "disabled-by-default-v8.wasm.detailed", "v8"}}}); err != nil {
			return nil, 0, fmt.Errorf("tracing: %w", err)
		}
		lctx, lcancel := context.WithTimeout(ctx, 60*time.Second)
		defer lcancel()
		if err := chromedp.Do(lctx, load); err != nil {
			return nil, 0, err
		}
		t, err := loadTimeline(ctx)
		if err != nil {
			return nil, 0, err
		}
		// V8 writes the code cache a while after the code it holds was
		// compiled (wasm_caching_timeout_ms, 2 s): let it land in the trace.
		time.Sleep(settle)
		if _, err := chromedp.Call(ctx, tracing.End, struct{}{}); err != nil {
			return nil, 0, fmt.Errorf("tracing end: %w", err)
		}
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			return nil, 0, fmt.Errorf("tracing: no end")
		}
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for _, k := range wasmCacheEvents {
			out[k] = counts[k]
		}
		return out, t["compiled"] - t["wasmEnd"], nil
	}
	for _, ctx := range []context.Context{bctx} {
		if err := listen(ctx); err != nil {
			return cc, err
		}
		if err := installObserver(ctx); err != nil {
			return cc, err
		}
	}
	if cc.Cold, cc.ColdMs, err = traced(bctx, chromedp.Navigate(url), 5*time.Second); err != nil {
		return cc, fmt.Errorf("cold: %w", err)
	}
	cc.DiskBytes[0], cc.JSDiskBytes[0] = dirBytes(wasmDir), dirBytes(jsDir)
	if cc.Warm, cc.WarmMs, err = traced(bctx, chromedp.Reload(), time.Second); err != nil {
		return cc, fmt.Errorf("reload: %w", err)
	}
	cc.DiskBytes[1], cc.JSDiskBytes[1] = dirBytes(wasmDir), dirBytes(jsDir)
	time.Sleep(pause)
	// A new tab of the same browser (same HTTP and code caches), in a
	// renderer of its own: the first tab goes first.
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		return cc, err
	}
	tctx, tcancel := chromedp.NewContext(bctx)
	defer tcancel()
	if err := listen(tctx); err != nil {
		return cc, err
	}
	if err := installObserver(tctx); err != nil {
		return cc, err
	}
	if cc.Later, cc.LateMs, err = traced(tctx, chromedp.Navigate(url), time.Second); err != nil {
		return cc, fmt.Errorf("new tab: %w", err)
	}
	cc.DiskBytes[2], cc.JSDiskBytes[2] = dirBytes(wasmDir), dirBytes(jsDir)
	return cc, nil
}

// codeCacheMarkdown lists, per app page, the cache's events of each load.
func codeCacheMarkdown(r *Report) string {
	if len(r.CodeCache) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\napp.wasm's compiled code in Chromium (trace events per load: code-cache writes, code-cache hits, module reused from memory, functions compiled by Liftoff; compile = app.wasm's response end → module ready; disk = the profile's wasm code cache folder after the load, and its JavaScript one, the control):\n\n| page | cold load | reload at once | new tab after a pause |\n|---|---|---|---|\n")
	cell := func(m map[string]int, ms float64, disk, js int64) string {
		return fmt.Sprintf("written %d, hit %d, from memory %d, Liftoff %d; compile %s ms; disk %s (js: %s)", m["v8.wasm.cachedModule"], m["v8.wasm.moduleCacheHit"],
			m["wasm.GetNativeModuleFromCache"], m["wasm.CompileBaseline"], num(ms), kb(disk), kb(js))
	}
	for _, k := range slices.Sorted(maps.Keys(r.CodeCache)) {
		c := r.CodeCache[k]
		fmt.Fprintf(&b, "| %s | %s | %s | %s (%.0f s) |\n", k, cell(c.Cold, c.ColdMs, c.DiskBytes[0], c.JSDiskBytes[0]), cell(c.Warm, c.WarmMs, c.DiskBytes[1], c.JSDiskBytes[1]), cell(c.Later, c.LateMs, c.DiskBytes[2], c.JSDiskBytes[2]), c.Pause)
	}
	return b.String()
}
