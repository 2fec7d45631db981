package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"francenum-map/internal/browser"

	"github.com/chromedp/chromedp"
)

// IndicatorSwitchKey is the report key of a switch of the map to an
// indicator not loaded yet (issue 16: ≤ 150 ms to a coloured map).
const IndicatorSwitchKey = "indicator switch, not loaded, to coloured map"

// indicatorSwitches is how many indicators the page switches to (each
// once, none loaded before).
const indicatorSwitches = 10

// indicatorSwitch measures, in Chromium on the app served by a Worker with
// data in its store (base), the time from choosing an indicator not loaded
// yet in #indicator to its coloured map: its files fetched (the Worker's
// fast path), parsed and merged into the model (G.add), the view computed
// and painted: the page's stats().indSwitch. Indicators are taken across
// the index, between those indicatorFetch fetched, so that neither the
// browser's cache nor the entry script's memo has them.
func indicatorSwitch(ctx context.Context, r *Report, base string) {
	var idx struct {
		Indicators []struct{ ID string } `json:"indicators"`
	}
	if err := getJSON(base+"/api/v1/indicators", &idx); err != nil || len(idx.Indicators) < 2*indicatorSwitches {
		r.problem("indicator switch: index unreadable or too short (%v)", err)
		return
	}
	cctx, cancel, err := browser.NewChrome(ctx, browser.ChromeOptions{})
	if err != nil {
		r.problem("indicator switch: chromium: %v", err)
		return
	}
	defer cancel()
	nctx, ncancel := context.WithTimeout(cctx, 60*time.Second)
	defer ncancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(base+"/")); err != nil {
		r.problem("indicator switch: %v", err)
		return
	}
	// Ready, and the picker filled from the index (fetched after the map).
	if _, err := evalAwait[bool](cctx, `window.francenumApp.ready.then(() => new Promise((res) => {
  const poll = () => (document.querySelectorAll('#indicator option').length > 2 ? res(true) : setTimeout(poll, 10));
  poll();
}))`, 60*time.Second); err != nil {
		r.problem("indicator switch: app not ready: %v", err)
		return
	}
	var ms, fetch, add []float64
	step := len(idx.Indicators) / indicatorSwitches
	for i := 0; i < indicatorSwitches; i++ {
		id := idx.Indicators[i*step+step/2].ID
		if id == "nb-entreprises-cheaque-numerique" || id == "nb-diagnostics-individualises" {
			continue // loaded with the page
		}
		s, err := evalAwait[map[string]any](cctx, fmt.Sprintf(`new Promise((res, rej) => {
  const sel = document.getElementById('indicator');
  if (![...sel.options].some((o) => o.value === %[1]q)) { rej(new Error('not in the picker: ' + %[1]q)); return; }
  sel.value = %[1]q;
  sel.dispatchEvent(new Event('change', { bubbles: true }));
  const t0 = performance.now();
  const poll = () => {
    const s = francenumApp.stats().indSwitch;
    if (s && s.id === %[1]q && document.documentElement.dataset.state === 'ready') { requestAnimationFrame(() => res(s)); return; }
    if (performance.now() - t0 > 20000) { rej(new Error('no switch to ' + %[1]q)); return; }
    setTimeout(poll, 1);
  };
  poll();
})`, id), 30*time.Second)
		if err != nil {
			r.problem("indicator switch %s: %v", id, err)
			return
		}
		if loaded, _ := s["loaded"].(bool); !loaded {
			r.problem("indicator switch %s: was already loaded", id)
			return
		}
		m, _ := s["ms"].(float64)
		f, _ := s["fetchMs"].(float64)
		a, _ := s["addMs"].(float64)
		ms, fetch, add = append(ms, round3(m)), append(fetch, round3(f)), append(add, round3(a))
	}
	r.IndicatorFetch[IndicatorSwitchKey] = Summarise(ms)
	r.IndicatorFetch["indicator switch: fetch + parse part"] = Summarise(fetch)
	r.IndicatorFetch["indicator switch: Go parse part"] = Summarise(add)
}

// getJSON decodes the JSON answer of a GET.
func getJSON(url string, v any) error {
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// indicatorSwitchMarkdown is the report's line for indicatorSwitch.
func indicatorSwitchMarkdown(r *Report) string {
	s, ok := r.IndicatorFetch[IndicatorSwitchKey]
	if !ok || s.N == 0 {
		return ""
	}
	f := r.IndicatorFetch["indicator switch: fetch + parse part"]
	a := r.IndicatorFetch["indicator switch: Go parse part"]
	return fmt.Sprintf("\nApp: switch to an indicator not loaded yet, choice to coloured map, Chromium on loopback: median %.1f ms "+
		"(min %.1f, max %.1f, n=%d; fetch and parse median %.1f ms, of which Go's parse %.1f ms; budget 150 ms)\n",
		s.Median, s.Min, s.Max, s.N, f.Median, a.Median)
}
