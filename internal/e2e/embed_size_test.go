//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"francenum-map/internal/browser"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snippetTmpl is a host page that embeds the map exactly as the README's
// snippet does (the iframe, then the listener that checks e.origin and
// applies francenum:height), in a column of a given width, the iframe
// starting at a given height. It also keeps every message it gets.
var snippetTmpl = template.Must(template.New("snippet").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page hôte (extrait du README)</title>
<style>body{margin:0;font:14px sans-serif} .col{width:{{.Width}}px}</style>
</head><body>
<div class="col">
<iframe id="francenum-map" src="{{.Src}}" title="Carte France Num par département" style="width:100%;height:{{.Height}}px;border:0"></iframe>
</div>
<script>
window.__msgs = [];
window.addEventListener("message", function (e) { window.__msgs.push({origin: e.origin, data: e.data, at: performance.now()}); });
window.addEventListener("message", function (e) {
  if (e.origin !== {{.Origin}} || !e.data) return;
  if (e.data.type === "francenum:height") {
    document.getElementById("francenum-map").style.height = e.data.height + "px";
  }
});
</script></body></html>`))

func serveSnippet(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	wd, _ := strconv.Atoi(q.Get("width"))
	ht, _ := strconv.Atoi(q.Get("height"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	snippetTmpl.Execute(w, struct {
		Src           template.URL
		Origin        string
		Width, Height int
	}{template.URL(q.Get("src")), q.Get("origin"), wd, ht})
}

// snippetURL is host A's README-snippet page embedding the map at width×height.
func snippetURL(width, height int) string {
	v := url.Values{}
	v.Set("src", appURL("embed=1"))
	v.Set("origin", env.worker.URL)
	v.Set("width", strconv.Itoa(width))
	v.Set("height", strconv.Itoa(height))
	return localhost(env.hostA.URL) + "/snippet.html?" + v.Encode()
}

// settledHeight waits until the host has applied the embed's latest
// francenum:height and no new one came for a second, and returns it with
// the number of height messages received.
func settledHeight(t *testing.T, ctx context.Context) (float64, int) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const hs = window.__msgs.filter(m => m.origin === %s && m.data && m.data.type === 'francenum:height');
  if (!hs.length) return null; const f = document.getElementById('francenum-map').getBoundingClientRect().height, last = hs[hs.length - 1];
  return Math.abs(f - last.data.height) < 0.5 && performance.now() - last.at > 1000 ? [last.data.height, hs.length] : null; })()`, jsString(env.worker.URL))
	v := poll[[]float64](t, ctx, js, "the host to apply a last francenum:height, then none for 1 s", loadTimeout)
	return v[0], int(v[1])
}

// embedFit is the embedded page's layout as seen from inside the frame.
type embedFit struct {
	ScrollH, ClientH, ClientW, InnerH, InnerW float64
	Map, Drawing, Legend, Source, Controls    rect
	Insets                                    int
}

type rect struct{ L, T, R, B float64 }

func (a rect) overlaps(b rect) bool {
	return a.L < b.R-0.5 && b.L < a.R-0.5 && a.T < b.B-0.5 && b.T < a.B-0.5
}

const embedFitJS = `(() => {
  const rc = (e) => { const r = e.getBoundingClientRect(); return {L: r.left, T: r.top, R: r.right, B: r.bottom}; };
  const q = (s) => document.querySelector(s);
  // What is drawn: every department and inset frame (the svg box may be
  // wider than the drawing, which keeps its aspect ratio).
  const d = {L: 1e9, T: 1e9, R: -1e9, B: -1e9};
  for (const p of document.querySelectorAll('#map svg path')) { const r = p.getBoundingClientRect(); if (!r.width) continue;
    d.L = Math.min(d.L, r.left); d.T = Math.min(d.T, r.top); d.R = Math.max(d.R, r.right); d.B = Math.max(d.B, r.bottom); }
  const de = document.documentElement;
  return {ScrollH: de.scrollHeight, ClientH: de.clientHeight, ClientW: de.clientWidth, InnerH: innerHeight, InnerW: innerWidth,
    Map: rc(q('#map svg')), Drawing: d, Legend: rc(q('#legend')), Source: rc(q('#source')), Controls: rc(q('#controls')),
    Insets: ['971', '972', '973', '974', '976'].filter(c => { const r = q('#map svg path[data-code="' + c + '"]').getBoundingClientRect();
      return r.width > 0 && r.left >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5; }).length};
})()`

// TestEmbedSizesItself embeds the map from a host page on another origin
// with the README's snippet, in frames 320, 600 and 1000 px wide that
// start 300 or 1400 px high. Issue 14, item 1: the page filled whatever
// height the frame had and reported it back (a 300 px frame stayed about
// 300 px with the legend on the map, a 1400 px one stayed 1400 px). The
// frame must end at the page's own height for its width, whatever it
// started at; nothing cut, no scrolling inside, legend and source line
// clear of the map, and the map at least 80 % of a 320 px frame's width.
func TestEmbedSizesItself(t *testing.T) {
	for _, w := range []int{320, 600, 1000} {
		t.Run(strconv.Itoa(w), func(t *testing.T) {
			final := map[int]float64{}
			for _, h0 := range []int{300, 1400} {
				// A subtest each: its tab (and frame target) closes at its end.
				t.Run(fmt.Sprintf("from %d", h0), func(t *testing.T) { final[h0] = embedSettles(t, w, h0) })
			}
			assert.InDelta(t, final[300], final[1400], 2, "final height at %d px wide: from 300 vs from 1400", w)
		})
	}
}

// embedSettles opens the snippet page w px wide with the frame starting
// h0 px high, checks the embed's layout once the height settled, and
// returns that height.
func embedSettles(t *testing.T, w, h0 int) float64 {
	ctx := tab(t)
	vctx, cancel := timeout(ctx, waitTimeout)
	require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(int64(w)+40, 1600)))
	cancel()
	nctx, ncancel := timeout(ctx, loadTimeout)
	require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(snippetURL(w, h0))))
	ncancel()
	fctx := frameTab(t, ctx, env.worker.URL)
	poll[bool](t, fctx, `document.documentElement.dataset.state === 'ready' && document.querySelectorAll('#map svg [data-code][fill]').length === 101`, "the embedded map to be drawn", loadTimeout)
	h, n := settledHeight(t, ctx)
	t.Logf("%d px wide, starting at %d px: settled at %.0f px after %d francenum:height", w, h0, h, n)

	f := eval[embedFit](t, fctx, embedFitJS)
	assert.InDelta(t, h, f.InnerH, 1, "the frame is as high as the height reported")
	assert.LessOrEqual(t, f.ScrollH, f.ClientH, "no scrolling inside the frame (%d wide from %d)", w, h0)
	// Nor an empty scrollbar gutter once settled (issue 26, smaller: the
	// 1000 px embed showed one).
	assert.InDelta(t, f.InnerW, f.ClientW, 0.5, "no scrollbar gutter in the frame (%d wide from %d)", w, h0)
	assert.LessOrEqual(t, f.Source.B, f.InnerH+0.5, "source line inside the frame")
	assert.LessOrEqual(t, f.Legend.B, f.InnerH+0.5, "legend inside the frame")
	assert.LessOrEqual(t, f.Map.B, f.InnerH+0.5, "map inside the frame")
	assert.Equal(t, 5, f.Insets, "the five overseas insets inside the frame")
	assert.False(t, f.Legend.overlaps(f.Drawing), "legend %v over the map %v", f.Legend, f.Drawing)
	assert.False(t, f.Source.overlaps(f.Drawing), "source line %v over the map %v", f.Source, f.Drawing)
	assert.False(t, f.Source.overlaps(f.Legend), "source line %v over the legend %v", f.Source, f.Legend)
	assert.False(t, f.Controls.overlaps(f.Map), "controls %v over the map %v", f.Controls, f.Map)
	// The map is drawn at its box's size, not letterboxed in a box
	// stretched to the frame's height.
	assert.Greater(t, f.Drawing.B-f.Drawing.T, 0.9*(f.Map.B-f.Map.T), "drawing %v in the map's box %v", f.Drawing, f.Map)
	// The white space left in the frame is small: the map is not
	// floating in a tall frame.
	assert.Less(t, f.InnerH-f.Source.B, 24.0, "space under the source line")
	if w == 320 {
		assert.GreaterOrEqual(t, f.Drawing.R-f.Drawing.L, 0.8*f.InnerW, "the map's width at 320 px")
	}
	// No feedback loop: a second later, nothing more was sent.
	time.Sleep(time.Second)
	_, n2 := settledHeight(t, ctx)
	assert.Equal(t, n, n2, "francenum:height keeps coming after the layout settled")
	screenshot(t, ctx, fmt.Sprintf("embed-%d-from-%d", w, h0))
	return h
}

// TestEmbedShowsNoScrollbarGutter (issue 26, smaller): with scrollbars
// shown, as on a desktop (the suite's browser hides them), the 1000 px
// embed settles without a scrollbar or an empty gutter, from a frame
// first too low or too high.
func TestEmbedShowsNoScrollbarGutter(t *testing.T) {
	need(t)
	bctx, stop, err := browser.NewChrome(context.Background(), browser.ChromeOptions{Width: 1040, Height: 1600, Flags: map[string]any{"hide-scrollbars": false, "site-per-process": true}})
	require.NoError(t, err)
	defer stop()
	for _, h0 := range []int{300, 1400} {
		t.Run(fmt.Sprint(h0), func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			require.NoError(t, chromedp.Do(ctx), "open a tab")
			vctx, vcancel := timeout(ctx, waitTimeout)
			require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(1040, 1600)))
			vcancel()
			nctx, ncancel := timeout(ctx, loadTimeout)
			require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(snippetURL(1000, h0))))
			ncancel()
			fctx := frameTab(t, ctx, env.worker.URL)
			poll[bool](t, fctx, `document.documentElement.dataset.state === 'ready'`, "the embedded map", loadTimeout)
			settledHeight(t, ctx)
			got := eval[[]float64](t, fctx, `[innerWidth - document.documentElement.clientWidth, document.documentElement.scrollHeight - document.documentElement.clientHeight, innerHeight - document.documentElement.clientHeight]`)
			assert.Zero(t, got[0], "no vertical scrollbar or gutter (%v px)", got[0])
			assert.LessOrEqual(t, got[1], 0.0, "nothing to scroll")
			assert.Zero(t, got[2], "no horizontal scrollbar (%v px)", got[2])
			screenshot(t, ctx, fmt.Sprintf("embed-1000-scrollbars-from-%d", h0))
		})
	}
}
