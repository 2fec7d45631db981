//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScreenshots writes build/e2e/{desktop,phone,iframe}.png on every run
// and checks the layout fits each width.
func TestScreenshots(t *testing.T) {
	t.Run("desktop 1280x800", func(t *testing.T) {
		ctx := tab(t)
		vctx, cancel := timeout(ctx, waitTimeout)
		defer cancel()
		require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(1280, 800)))
		navigate(t, ctx, appURL(""))
		screenshot(t, ctx, "desktop")
		assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), 1280, "no horizontal scroll at 1280 px")
	})
	t.Run("phone 390x844", func(t *testing.T) {
		ctx := tab(t)
		vctx, cancel := timeout(ctx, waitTimeout)
		defer cancel()
		require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)))
		navigate(t, ctx, appURL(""))
		screenshot(t, ctx, "phone")
		assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), 390, "no horizontal scroll on a phone")
		w := eval[float64](t, ctx, `document.querySelector('#map svg').getBoundingClientRect().width`)
		assert.Greater(t, w, 300.0, "the map uses the phone's width")
	})
	t.Run("iframe 600x500", func(t *testing.T) {
		ctx := tab(t)
		vctx, cancel := timeout(ctx, waitTimeout)
		defer cancel()
		require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(600, 500)))
		nctx, ncancel := timeout(ctx, loadTimeout)
		defer ncancel()
		require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(hostURL(need(t).hostA.URL, "embed=1", true, false))))
		// The embed posts its state once its map is drawn.
		poll[bool](t, ctx, `window.__msgs.some(m => m.data && m.data.type === 'francenum:state')`, "the embedded map to be drawn", loadTimeout)
		screenshot(t, ctx, "iframe")
	})
}
