//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// Step and wait bounds: generous for a loaded 2-core CI machine, but every
// wait fails with what it was waiting for.
const (
	loadTimeout = 60 * time.Second
	waitTimeout = 20 * time.Second
)

// open opens the app at query in a new tab and waits for a coloured map.
func open(t *testing.T, query string) context.Context {
	t.Helper()
	ctx := tab(t)
	navigate(t, ctx, appURL(query))
	return ctx
}

// phone emulates a phone's screen: w×h CSS pixels at 2 device pixels each,
// mobile layout and touch input.
func phone(w, h int64) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(w, h, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
}

// openPhone is open on a w×h phone: the screen is set before the page loads.
func openPhone(t *testing.T, w, h int64, query string) context.Context {
	t.Helper()
	return openScreen(t, w, h, true, query)
}

// openScreen is open on a w×h screen, a phone's (touch) or a desktop's,
// set before the page loads.
func openScreen(t *testing.T, w, h int64, touch bool, query string) context.Context {
	t.Helper()
	ctx := tab(t)
	vctx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	screen := chromedp.EmulateViewport(w, h)
	if touch {
		screen = phone(w, h)
	}
	require.NoError(t, chromedp.Do(vctx, screen))
	navigate(t, ctx, appURL(query))
	return ctx
}

// nextFrames lets two animation frames go by: what was just changed
// (a scroll, a tap) has been painted, and a tap is hit-tested against it.
func nextFrames(t *testing.T, ctx context.Context) {
	t.Helper()
	evalAwait[bool](t, ctx, `new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res(true))))`, waitTimeout)
}

// visiblePoint is a point of department code's shape that a tap there
// reaches (not covered, on the screen), or an empty slice.
func visiblePoint(t *testing.T, ctx context.Context, code string) []float64 {
	t.Helper()
	return eval[[]float64](t, ctx, fmt.Sprintf(`(() => {
  const b = document.querySelector('#map path[data-code="%[1]s"]').getBoundingClientRect();
  for (let fy = 0.5; fy > 0.05; fy -= 0.1) for (let fx = 0.5; fx > 0.05; fx -= 0.1) for (const [x, y] of [[b.left + b.width * fx, b.top + b.height * fy], [b.right - b.width * fx, b.bottom - b.height * fy]]) {
    const e = document.elementFromPoint(x, y);
    if (e && e.getAttribute('data-code') === '%[1]s' && y > 0 && y < innerHeight) return [x, y];
  }
  return [];
})()`, code))
}

// navigate loads url in the tab and waits for data-state=ready.
func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	nctx, cancel := timeout(ctx, loadTimeout)
	defer cancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	waitReady(t, ctx)
}

// waitReady waits for <html data-state=ready>; data-state=error fails with
// the [role=alert] text.
func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	st := poll[string](t, ctx, `(() => { const s = document.documentElement.dataset.state; return s === 'ready' || s === 'error' ? s : ''; })()`,
		"html[data-state] to become ready", loadTimeout)
	if st == "error" {
		t.Fatalf("app in error state: %q", text(t, ctx, "[role=alert]"))
	}
}

// eval evaluates js and decodes its JSON value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	ectx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	v, err := chromedp.Run(ectx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", abbrev(js), err)
	}
	return v
}

// evalAwait evaluates js, waits for its Promise and decodes the result.
func evalAwait[T any](t *testing.T, ctx context.Context, js string, d time.Duration) T {
	t.Helper()
	ectx, cancel := timeout(ctx, d)
	defer cancel()
	v, err := chromedp.Run(ectx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", abbrev(js), err)
	}
	return v
}

// poll waits until js is truthy and returns its value; what says what for.
// It evaluates in the tab's main frame (Runtime.evaluate) from Go, every
// 25 ms: chromedp.Poll runs in whichever frame it attached last, which with
// iframes on the page need not be the main one. An exception counts as
// "not yet" and is reported if the wait fails.
func poll[T any](t *testing.T, ctx context.Context, js, what string, d time.Duration) T {
	t.Helper()
	var zero T
	deadline := time.Now().Add(d)
	var last string
	for {
		ectx, cancel := timeout(ctx, 10*time.Second)
		raw, err := chromedp.Run(ectx, chromedp.Evaluate[[]byte](js))
		cancel()
		if err == nil && truthy(raw) {
			var v T
			if err := json.Unmarshal(raw, &v); err != nil {
				t.Fatalf("waiting for %s: decode %s: %v", what, raw, err)
			}
			return v
		}
		if err != nil {
			last = err.Error()
		} else {
			last = "value " + string(raw)
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s (last: %s)", d, what, abbrev(last))
			return zero
		}
		if ctx.Err() != nil {
			t.Fatalf("waiting for %s: %v", what, ctx.Err())
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// truthy is JavaScript truthiness of a JSON value.
func truthy(raw []byte) bool {
	switch strings.TrimSpace(string(raw)) {
	case "", "null", "false", "0", `""`, "-0":
		return false
	}
	return true
}

func abbrev(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// jsString quotes a Go string for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// text is the trimmed textContent of the first match of sel ("" if none).
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`(document.querySelector(%s) || {textContent: ''}).textContent.trim()`, jsString(sel)))
}

// exists tells whether sel matches.
func exists(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	return eval[bool](t, ctx, fmt.Sprintf(`!!document.querySelector(%s)`, jsString(sel)))
}

// requireHook fails the test when a DOM-contract hook is missing.
func requireHook(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if !exists(t, ctx, sel) {
		t.Fatalf("DOM contract: %s is missing", sel)
	}
}

// viewJS is a signature of what the map shows: every department's fill and
// class, the circles, and the legend text.
const viewJS = `(() => {
  const parts = [];
  for (const p of document.querySelectorAll('#map svg [data-code]'))
    parts.push(p.getAttribute('data-code') + '=' + (p.getAttribute('fill') || p.style.fill || '') + '/' + (p.getAttribute('data-class') || ''));
  parts.sort();
  const circles = [...document.querySelectorAll('#map svg circle')].map(c => c.getAttribute('r')).join(',');
  const legend = (document.querySelector('#legend') || {textContent: ''}).textContent.replace(/\s+/g, ' ').trim();
  // Class labels without their counts (the count is the item's last child).
  const labels = [...document.querySelectorAll('#legend [data-class]')].map(e => e.children.length > 1
    ? [...e.children].slice(0, -1).map(c => c.textContent.trim()).join(' ') : e.textContent.trim()).join(' | ');
  return JSON.stringify({fills: parts.join(';'), circles, legend, labels});
})()`

type view struct {
	Fills, Circles, Legend, Labels string
}

func currentView(t *testing.T, ctx context.Context) view {
	t.Helper()
	var v view
	if err := json.Unmarshal([]byte(eval[string](t, ctx, viewJS)), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// waitViewChange waits until the view differs from before, and returns it.
func waitViewChange(t *testing.T, ctx context.Context, before view, what string) view {
	t.Helper()
	js := fmt.Sprintf(`(() => { const v = %s; return v !== %s ? v : ''; })()`, viewJS, jsString(mustJSON(before)))
	s := poll[string](t, ctx, js, "the map or legend to change after "+what, waitTimeout)
	var v view
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func mustJSON(v view) string {
	b, _ := json.Marshal(map[string]string{"fills": v.Fills, "circles": v.Circles, "legend": v.Legend, "labels": v.Labels})
	return string(b)
}

// setControl sets a <select> or <input> like a user would: value, then the
// input and change events.
func setControl(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	requireHook(t, ctx, "#"+id)
	ok := eval[bool](t, ctx, fmt.Sprintf(`(() => {
  const el = document.getElementById(%s);
  if (el.tagName === 'SELECT' && ![...el.options].some(o => o.value === %s)) return false;
  el.value = %s;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
  return true;
})()`, jsString(id), jsString(value), jsString(value)))
	if !ok {
		opts := eval[[]string](t, ctx, fmt.Sprintf(`[...document.getElementById(%s).options].map(o => o.value)`, jsString(id)))
		t.Fatalf("#%s has no option %q (options: %v)", id, value, opts)
	}
}

// options lists the values of a <select>.
func options(t *testing.T, ctx context.Context, id string) []string {
	t.Helper()
	requireHook(t, ctx, "#"+id)
	return eval[[]string](t, ctx, fmt.Sprintf(`[...document.getElementById(%s).options].map(o => o.value)`, jsString(id)))
}

func value(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	requireHook(t, ctx, "#"+id)
	return eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%s).value`, jsString(id)))
}

// click dispatches a click on the first match of sel (SVG shapes too small
// to hit reliably with the mouse, e.g. Paris, are clicked this way).
func click(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	requireHook(t, ctx, sel)
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`document.querySelector(%s).dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))`, jsString(sel)))
}

// screenshot writes build/e2e/name.png.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	sctx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	buf, err := chromedp.Run(sctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(env.shotsDir, name+".png")
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

// downloads collects the files the browser saves (allowAndName: each file
// is saved under its download GUID in dir).
type downloads struct {
	dir  string
	mu   sync.Mutex
	name map[string]string // guid → suggested name
	done map[string]string // guid → path, once completed
	seq  []string          // guids in order of start
}

func newDownloads(ctx context.Context) (*downloads, error) {
	dir, err := os.MkdirTemp("", "francenum-e2e-downloads-")
	if err != nil {
		return nil, err
	}
	d := &downloads{dir: dir, name: map[string]string{}, done: map[string]string{}}
	if err := chromedp.ListenBrowser(ctx, func(ev any) {
		d.mu.Lock()
		defer d.mu.Unlock()
		switch e := ev.(type) {
		case *cdpbrowser.EventDownloadWillBegin:
			d.name[e.GUID] = e.SuggestedFilename
			d.seq = append(d.seq, e.GUID)
		case *cdpbrowser.EventDownloadProgress:
			if e.State == cdpbrowser.DownloadProgressStateCompleted {
				d.done[e.GUID] = filepath.Join(dir, e.GUID)
			}
		}
	}); err != nil {
		return nil, err
	}
	_, err = chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true)})
	return d, err
}

// expect runs trigger and returns the suggested name and bytes of the one
// download it starts.
func (d *downloads) expect(t *testing.T, what string, trigger func()) (string, []byte) {
	t.Helper()
	d.mu.Lock()
	n := len(d.seq)
	d.mu.Unlock()
	trigger()
	deadline := time.Now().Add(waitTimeout)
	for time.Now().Before(deadline) {
		d.mu.Lock()
		var guid, path string
		if len(d.seq) > n {
			guid = d.seq[n]
			path = d.done[guid]
		}
		name := d.name[guid]
		d.mu.Unlock()
		if path != "" {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%s: read download: %v", what, err)
			}
			return name, b
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: no completed download within %s", what, waitTimeout)
	return "", nil
}
