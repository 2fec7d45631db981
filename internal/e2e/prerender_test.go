//go:build e2e

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cspWatch records Content-Security-Policy violations of every document.
const cspWatch = `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`

// openNoWasm opens the app at query in a tab whose requests for app.wasm
// (under its plain or content-hashed name) fail: what a visitor sees
// before the wasm has arrived, held still.
func openNoWasm(t *testing.T, query string, before ...chromedp.Action[chromedp.Void]) context.Context {
	t.Helper()
	ctx := tab(t)
	if len(before) > 0 {
		bctx, cancel := timeout(ctx, waitTimeout)
		defer cancel()
		require.NoError(t, chromedp.Do(bctx, before...))
	}
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: "*://*:*/app.wasm", Block: true}, {URLPattern: "*://*:*/h/app.*.wasm", Block: true}}})
	require.NoError(t, err)
	nctx, cancel := timeout(ctx, loadTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(appURL(query))))
	return ctx
}

// prerenderJS describes the build-time map: shown or not, its filled paths.
const prerenderJS = `(() => {
  const s = document.querySelector('#map svg.prerender');
  if (!s) return {present: false};
  return {present: true, shown: getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 300,
    filled: [...s.querySelectorAll('path[fill]')].filter(p => /^#[0-9a-f]{6}$/.test(p.getAttribute('fill'))).length,
    legendShown: [...document.querySelectorAll('#legend .pre')].some(e => getComputedStyle(e).display !== 'none'),
    date: [...document.querySelectorAll('#source .pre')].filter(e => getComputedStyle(e).display !== 'none').map(e => e.textContent).join('')};
})()`

type prerenderState struct {
	Present, Shown, LegendShown bool
	Filled                      int
	Date                        string
}

// TestBuildTimeMap: the page's HTML carries the default view, coloured,
// before any script or wasm has run; a URL asking for another view hides it
// (the inline script allowed by the Worker's CSP hash); the live map
// replaces it.
func TestBuildTimeMap(t *testing.T) {
	t.Run("default view without the wasm", func(t *testing.T) {
		ctx := openNoWasm(t, "")
		st := eval[prerenderState](t, ctx, prerenderJS)
		require.True(t, st.Present, "the page's HTML holds the map")
		assert.True(t, st.Shown)
		assert.Equal(t, 101, st.Filled, "101 departments coloured")
		assert.True(t, st.LegendShown)
		assert.Regexp(t, `^ — données au \d+ \S+ \d{4}$`, st.Date, "the source line gives the data date")
		assert.Contains(t, text(t, ctx, "#map-title"), "Chèques numériques")
		// The wasm cannot load: the error is said, the picture stays.
		poll[bool](t, ctx, `document.documentElement.dataset.state === 'error'`, "the load error", loadTimeout)
		assert.NotEmpty(t, text(t, ctx, "[role=alert]"))
		assert.Contains(t, text(t, ctx, "[role=alert]"), "app.wasm", "the message names what failed")
		assert.Contains(t, text(t, ctx, "[role=alert]"), "réseau injoignable", "and why, in French")
		assert.True(t, eval[prerenderState](t, ctx, prerenderJS).Shown)
		assert.Empty(t, eval[[]string](t, ctx, `window.__csp`), "no CSP violation")
		// The network is back: the retry button loads the live map (a fresh
		// fetch, not the failed early compile of the page's inline script).
		_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{}})
		require.NoError(t, err)
		click(t, ctx, "[role=alert] button")
		waitReady(t, ctx)
		assert.Equal(t, 101, eval[int](t, ctx, `document.querySelectorAll('#map svg [data-code][fill]').length`))
		assert.False(t, exists(t, ctx, "#map svg.prerender, [role=alert]"))
	})
	t.Run("another view shows its outlines, not the default's colours", func(t *testing.T) {
		ctx := openNoWasm(t, "lang=en&ind=nb-diagnostics-individualises")
		st := eval[prerenderState](t, ctx, prerenderJS)
		require.True(t, st.Present)
		// Issue 26 item 9: the outlines, not an empty area; none of the
		// default view's colours, legend or date.
		assert.True(t, st.Shown, "the outlines are shown")
		fills := eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll('#map svg.prerender path[data-code]')].map(p => getComputedStyle(p).fill))]`)
		assert.Equal(t, []string{"rgb(236, 238, 246)"}, fills, "every department an outline")
		assert.False(t, st.LegendShown)
		assert.Empty(t, st.Date)
		assert.Equal(t, "nb-diagnostics-individualises", value(t, ctx, "indicator"), "the control asked for")
		assert.True(t, eval[bool](t, ctx, `document.documentElement.classList.contains('has-query')`), "the inline script ran under the Worker's CSP")
		assert.Empty(t, eval[[]string](t, ctx, `window.__csp`), "no CSP violation")
		// The load error in the URL's language, though Go never ran.
		poll[bool](t, ctx, `document.documentElement.dataset.state === 'error'`, "the load error", loadTimeout)
		msg := text(t, ctx, "[role=alert]")
		assert.Contains(t, msg, "Loading failed: app.wasm: network unreachable")
		assert.Equal(t, "Retry", text(t, ctx, "[role=alert] button"))
	})
	t.Run("the default view embedded keeps it, in the embed layout", func(t *testing.T) {
		ctx := openNoWasm(t, "embed=1")
		vctx, cancel := timeout(ctx, waitTimeout)
		defer cancel()
		require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(600, 500)))
		st := eval[prerenderState](t, ctx, prerenderJS)
		assert.True(t, st.Shown)
		assert.Equal(t, 101, st.Filled)
		assert.True(t, eval[bool](t, ctx, `document.documentElement.classList.contains('embed') && !document.documentElement.classList.contains('has-query')`))
		assert.False(t, eval[bool](t, ctx, `getComputedStyle(document.querySelector('.exports')).display !== 'none'`), "embed layout: no export bar")
		screenshot(t, ctx, "iframe-without-wasm") // the build-time map and the load error
	})
	t.Run("on a phone its inset names are readable", func(t *testing.T) {
		// Without the wasm, app.js never sizes these names: the page's
		// inline script did, before the first paint.
		ctx := openNoWasm(t, "", phone(390, 844))
		require.True(t, eval[prerenderState](t, ctx, prerenderJS).Shown)
		labels := eval[[]float64](t, ctx, `[...document.querySelectorAll('#map svg.prerender .frame-label')].map(e => e.getScreenCTM().a * parseFloat(getComputedStyle(e).fontSize))`)
		require.Len(t, labels, 5, "five inset names")
		for _, px := range labels {
			assert.GreaterOrEqual(t, px, 10.5, "inset name size on screen, px")
		}
		assert.Empty(t, eval[[]string](t, ctx, `window.__csp`), "no CSP violation")
		screenshot(t, ctx, "phone-without-wasm")
	})
	t.Run("a resize sizes its inset names again", func(t *testing.T) {
		// The page's inline script observes the map's size (no wasm here):
		// names at 1280 px, codes when a phone's width leaves them no room,
		// names again on the way back.
		ctx := openNoWasm(t, "")
		const names = `[...document.querySelectorAll('#map svg.prerender .frame-label')].map(e => e.textContent).join(',')`
		const sizes = `[...document.querySelectorAll('#map svg.prerender .frame-label')].map(e => e.getScreenCTM().a * parseFloat(getComputedStyle(e).fontSize))`
		assert.Equal(t, "Guadeloupe,Martinique,Guyane,La Réunion,Mayotte", eval[string](t, ctx, names))
		for _, w := range []struct {
			w, h int64
			want string
		}{{390, 844, "971,972,973,974,976"}, {1280, 800, "Guadeloupe,Martinique,Guyane,La Réunion,Mayotte"}} {
			vctx, cancel := timeout(ctx, waitTimeout)
			require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(w.w, w.h)))
			cancel()
			poll[bool](t, ctx, names+` === `+jsString(w.want), "inset names "+w.want, waitTimeout)
			for _, px := range eval[[]float64](t, ctx, sizes) {
				assert.GreaterOrEqual(t, px, 10.5, "inset name size on screen at %d px, px", w.w)
			}
		}
	})
	t.Run("the live map replaces it", func(t *testing.T) {
		ctx := open(t, "")
		assert.False(t, exists(t, ctx, "#map svg.prerender"))
		assert.False(t, exists(t, ctx, "#legend .pre, #map-title .pre, #source .pre"))
		assert.Equal(t, 101, eval[int](t, ctx, `document.querySelectorAll('#map svg [data-code]').length`))
		assert.Contains(t, text(t, ctx, "#source"), "données au")
		assert.Equal(t, 1, eval[int](t, ctx, `window.francenumApp.stats().earlyCompile || 0`), "the module compiled by the page's inline script was used")
	})
}
