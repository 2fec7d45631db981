package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"francenum-map/internal/browser"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// First card (issue 22): from navigation, a real CDP mouse moves over a
// department every few ms until #tooltip shows that department's name and
// a number; the time is the page's own (performance.now() at the DOM
// change, ms since navigation start), so the CDP round trips are not
// counted. Once Go is ready the mouse moves off and back, and Go's card
// must show the same value: the build's card is Go's.

// cardCode is the department the mouse moves over (Cher, the issue's).
const cardCode = "18"

// cardObserverJS tells the binding fnBenchCard the moment the card of
// code is shown with a number: that moment, its name and value.
func cardObserverJS(code string) string {
	return fmt.Sprintf(`(() => {
  const w = { at: 0 };
  const mo = new MutationObserver(() => {
    const t = document.getElementById('tooltip');
    if (w.at || !t || t.hidden || t.dataset.code !== %[1]q) return;
    const h = t.querySelector('h3'), big = t.querySelector('.big');
    if (!h || !big || !/\d/.test(big.textContent)) return;
    w.at = performance.now(); w.name = h.textContent; w.value = big.textContent;
    if (window.fnBenchCard) fnBenchCard(JSON.stringify(w));
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'data-code'] });
})();`, code)
}

// cardPointJS is a point of code's shape that the mouse reaches, or [].
func cardPointJS(code string) string {
	return fmt.Sprintf(`(() => {
  const p = document.querySelector('#map path[data-code=%[1]q]');
  if (!p) return [];
  const b = p.getBoundingClientRect();
  for (let fy = 0.5; fy > 0.05; fy -= 0.1) for (let fx = 0.5; fx > 0.05; fx -= 0.1) {
    const x = b.left + b.width * fx, y = b.top + b.height * fy, e = document.elementFromPoint(x, y);
    if (e && e.getAttribute('data-code') === %[1]q && e.closest('#map') && document.elementFromPoint(x + 1, y + 1) === e) return [x, y];
  }
  return [];
})()`, code)
}

// FirstCard is one load's first card.
type FirstCard struct {
	Ms    float64 // navigation start → the card shown
	Value string  // the card's value then
	GoVal string  // Go's card's value once ready
}

// cardPoint loads url once in a browser of its own and returns where the
// mouse finds cardCode (the layout does not depend on the cache).
func cardPoint(parent context.Context, url string) ([2]float64, error) {
	ctx, cancel, err := browser.NewChrome(parent, browser.ChromeOptions{})
	if err != nil {
		return [2]float64{}, err
	}
	defer cancel()
	nctx, ncancel := context.WithTimeout(ctx, 60*time.Second)
	defer ncancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
		return [2]float64{}, err
	}
	pt, err := pollPage(ctx, cardPointJS(cardCode), "no visible point of "+cardCode, 30*time.Second, func(v []float64) (bool, error) { return len(v) == 2, nil })
	if err != nil {
		return [2]float64{}, err
	}
	return [2]float64{pt[0], pt[1]}, nil
}

// firstCards loads url cold in a fresh profile, then reloads it (warm),
// each time moving the mouse over pt until the card shows.
func firstCards(parent context.Context, url string, pt [2]float64) (cold, warm FirstCard, err error) {
	ctx, cancel, err := browser.NewChrome(parent, browser.ChromeOptions{})
	if err != nil {
		return cold, warm, err
	}
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cardObserverJS(cardCode)}); err != nil {
		return cold, warm, err
	}
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: "fnBenchCard"}); err != nil {
		return cold, warm, err
	}
	cards := make(chan string, 4)
	if err := chromedp.Listen(ctx, func(ev any) {
		if b, ok := ev.(*runtime.EventBindingCalled); ok && b.Name == "fnBenchCard" {
			select {
			case cards <- b.Payload:
			default:
			}
		}
	}); err != nil {
		return cold, warm, err
	}
	start := func() error {
		_, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: url})
		return err
	}
	if cold, err = cardLoad(ctx, start, pt, cards); err != nil {
		return cold, warm, fmt.Errorf("%s cold: %w", url, err)
	}
	reload := func() error {
		_, err := chromedp.Call(ctx, page.Reload, page.ReloadParams{})
		return err
	}
	if warm, err = cardLoad(ctx, reload, pt, cards); err != nil {
		return cold, warm, fmt.Errorf("%s warm: %w", url, err)
	}
	return cold, warm, nil
}

// cardLoad starts a load and moves the mouse over pt (1 px back and forth:
// a card follows the mouse's moves) every 4 ms until the page records the
// card, then waits for Go and reads Go's card at the same place.
func cardLoad(ctx context.Context, start func() error, pt [2]float64, cards <-chan string) (FirstCard, error) {
	var fc FirstCard
	move := func(x, y float64) error {
		_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y})
		return err
	}
	if err := move(2, 2); err != nil { // off the map: the load starts with no card
		return fc, err
	}
	if err := start(); err != nil {
		return fc, err
	}
	type seen struct {
		At    float64 `json:"at"`
		Name  string  `json:"name"`
		Value string  `json:"value"`
	}
	// No evaluation while the mouse moves: one waits for the new
	// document's context (until about its load, cold), and CDP commands
	// to a tab wait their turn. The page calls a binding instead.
	var got seen
	deadline := time.After(30 * time.Second)
loop:
	for i := 0; ; i++ {
		select {
		case msg := <-cards:
			if err := json.Unmarshal([]byte(msg), &got); err != nil {
				return fc, err
			}
			break loop
		case <-deadline:
			return fc, errors.New("no card of " + cardCode + " within 30 s")
		case <-time.After(4 * time.Millisecond):
		}
		d := float64(i % 2)
		_ = move(pt[0]+d, pt[1]+d) // fails while no document takes input
	}
	if !strings.Contains(got.Name, "("+cardCode+")") {
		return fc, fmt.Errorf("the card shown names %q, not department %s", got.Name, cardCode)
	}
	fc.Ms, fc.Value = got.At, got.Value
	// Go's card, once ready: off the map, then back over the department.
	if _, err := pollPage(ctx, `document.documentElement.dataset.state`, "data-state=ready", 60*time.Second, func(s string) (bool, error) {
		if s == "error" {
			return false, errors.New("data-state=error")
		}
		return s == "ready", nil
	}); err != nil {
		return fc, err
	}
	_ = move(2, 2)
	goVal, err := pollPage(ctx, `(() => { const t = document.getElementById('tooltip'); return t && !t.hidden && t.dataset.code === `+fmt.Sprintf("%q", cardCode)+` ? t.querySelector('.big').textContent : ''; })()`,
		"Go's card of "+cardCode, 10*time.Second, func(s string) (bool, error) {
			if s == "" {
				_ = move(pt[0], pt[1])
				_ = move(pt[0]+1, pt[1]+1)
			}
			return s != "", nil
		})
	if err != nil {
		return fc, err
	}
	fc.GoVal = goVal
	return fc, nil
}

// Keys of the embedded default view (?embed=1) in the first-card maps.
const embedSuffix = "_embed"

// firstCardRuns measures the first card of the app on each serving path,
// the page and the embed, runs cold and warm loads each, interleaved, and
// fills the report: medians, and whether every build card read as Go's.
func firstCardRuns(ctx context.Context, r *Report, pages map[string]string, order []string, runs int) {
	type target struct{ key, url string }
	var ts []target
	for _, p := range []string{App, AppStatic} {
		if !contains(order, p) || pages[p] == "" {
			continue
		}
		sep := "?"
		if strings.Contains(pages[p], "?") {
			sep = "&"
		}
		ts = append(ts, target{p, pages[p]}, target{p + embedSuffix, pages[p] + sep + "embed=1"})
	}
	pts := map[string][2]float64{}
	for _, t := range ts {
		pt, err := cardPoint(ctx, t.url)
		if err != nil {
			r.problem("first card of %s: %v", t.key, err)
			continue
		}
		pts[t.key] = pt
	}
	cold, warm := map[string][]float64{}, map[string][]float64{}
	failed := map[string]int{}
	for i := 0; i < runs; i++ {
		for _, t := range ts {
			pt, ok := pts[t.key]
			if !ok || failed[t.key] >= 3 {
				continue
			}
			c, w, err := firstCards(ctx, t.url, pt)
			if err != nil {
				r.problem("first card of %s (run %d): %v", t.key, i+1, err)
				failed[t.key]++
				continue
			}
			for _, fc := range []FirstCard{c, w} {
				if fc.Value != fc.GoVal {
					r.problem("first card of %s (run %d): the build's card says %q, Go's %q", t.key, i+1, fc.Value, fc.GoVal)
					r.FirstCardDiffers[t.key]++
				}
			}
			cold[t.key] = append(cold[t.key], c.Ms)
			warm[t.key] = append(warm[t.key], w.Ms)
		}
	}
	for _, t := range ts {
		if len(cold[t.key]) > 0 {
			r.FirstCardCold[t.key], r.FirstCardWarm[t.key] = Summarise(cold[t.key]), Summarise(warm[t.key])
		}
	}
}
