//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pinnedCodes are the departments of the compare panel, in its order.
const pinnedCodes = `[...document.querySelectorAll('#compare tbody tr[data-code]')].map(r => r.dataset.code)`

// Issue 14, item 9: a 5th pin is refused with a message and the unpin
// buttons focused; Escape closes the card and keeps the pins; « Tout
// retirer » can be undone.
func TestPinLimitEscapeAndUndo(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#compare")
	for _, code := range []string{"29", "33", "67", "13", "59"} {
		pt := visiblePoint(t, ctx, code)
		require.Len(t, pt, 2, "a visible point of %s", code)
		mctx, cancel := timeout(ctx, waitTimeout)
		require.NoError(t, chromedp.Do(mctx, chromedp.MouseClickXY(pt[0], pt[1])), "mouse click on %s", code)
		cancel()
		nextFrames(t, ctx)
	}
	poll[bool](t, ctx, `document.querySelectorAll('#compare tbody tr').length === 4`, "4 pins", waitTimeout)
	assert.Equal(t, []string{"29", "33", "67", "13"}, eval[[]string](t, ctx, pinnedCodes), "the 5th click drops no pin")
	msg := poll[string](t, ctx, `(document.querySelector('#compare .pins-full') || {}).textContent || null`, "the pin limit message", waitTimeout)
	assert.Contains(t, msg, "4 départements épinglés au plus")
	assert.Equal(t, "BUTTON", eval[string](t, ctx, `document.activeElement.tagName`), "an unpin button has the focus")
	assert.True(t, eval[bool](t, ctx, `document.getElementById('compare').contains(document.activeElement)`), "the focus is in the compare panel")
	// Enter on the focused unpin button removes that pin, then the 5th fits.
	kctx, cancel := timeout(ctx, waitTimeout)
	require.NoError(t, chromedp.Do(kctx, chromedp.KeyEvent(kb.Enter)))
	cancel()
	poll[bool](t, ctx, `document.querySelectorAll('#compare tbody tr').length === 3`, "the unpin button to remove a pin", waitTimeout)

	// Escape on a focused department closes its card and keeps the pins.
	eval[chromedp.Void](t, ctx, `document.querySelector('#map svg path[data-code="69"]').focus()`)
	poll[bool](t, ctx, `(() => { const e = document.getElementById("tooltip"); return !e.hidden && e.dataset.code === "69"; })()`, "the card of 69", waitTimeout)
	kctx, cancel = timeout(ctx, waitTimeout)
	require.NoError(t, chromedp.Do(kctx, chromedp.KeyEvent(kb.Escape)))
	cancel()
	poll[bool](t, ctx, `document.getElementById('tooltip').hidden`, "Escape to close the card", waitTimeout)
	// The mouse still rests on 59: the page moving under it (Chromium then
	// sends a pointerover) opens no card; the next real move does.
	eval[chromedp.Void](t, ctx, `window.scrollBy(0, 24)`)
	nextFrames(t, ctx)
	nextFrames(t, ctx)
	assert.True(t, eval[bool](t, ctx, `document.getElementById('tooltip').hidden`), "a resting mouse reopens no card after Escape")
	assert.Len(t, eval[[]string](t, ctx, pinnedCodes), 3, "Escape keeps the pins")
	pt := visiblePoint(t, ctx, "69")
	require.Len(t, pt, 2)
	mctx, cancel := timeout(ctx, waitTimeout)
	require.NoError(t, chromedp.Do(mctx, chromedp.MouseEvent("mouseMoved", pt[0], pt[1])))
	cancel()
	poll[bool](t, ctx, `(() => { const e = document.getElementById("tooltip"); return !e.hidden && e.dataset.code === "69"; })()`, "a real move to open the card again", waitTimeout)

	// « Tout retirer », then « Annuler » brings them back.
	before := eval[[]string](t, ctx, pinnedCodes)
	eval[chromedp.Void](t, ctx, `[...document.querySelectorAll('#compare button')].find(b => b.textContent === 'Tout retirer').click()`)
	poll[bool](t, ctx, `document.querySelectorAll('#compare tbody tr').length === 0 && !!document.getElementById('undo-pins')`, "the pins cleared, with an undo", waitTimeout)
	click(t, ctx, "#undo-pins")
	poll[bool](t, ctx, `document.querySelectorAll('#compare tbody tr').length === 3`, "undo to bring the pins back", waitTimeout)
	assert.Equal(t, before, eval[[]string](t, ctx, pinnedCodes))
}

// Issue 14, item 9: on a phone a tap opens the card only; the sheet has a
// labelled 44 px close button and a pin button.
func TestPhoneTapOpensCardOnly(t *testing.T) {
	ctx := openPhone(t, 390, 844, "")
	code := "29"
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`window.scrollBy(0, document.querySelector('#map path[data-code="%s"]').getBoundingClientRect().top - 80)`, code))
	nextFrames(t, ctx)
	pt := visiblePoint(t, ctx, code)
	require.Len(t, pt, 2)
	tctx, cancel := timeout(ctx, waitTimeout)
	require.NoError(t, touchTap(tctx, pt[0], pt[1]))
	cancel()
	poll[bool](t, ctx, fmt.Sprintf(`(() => { const e = document.getElementById('tooltip'); return !e.hidden && e.dataset.code === '%s' && e.classList.contains('settled'); })()`, code),
		"the card of "+code, waitTimeout)
	nextFrames(t, ctx)
	assert.Empty(t, eval[[]string](t, ctx, pinnedCodes), "a tap opens the card and pins nothing")

	// The pin button of the card pins it.
	btn := func(act string) []float64 {
		return eval[[]float64](t, ctx, fmt.Sprintf(`(() => { const b = document.querySelector('#tooltip [data-act="%s"]'); if (!b) return [];
  const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height, (b.getAttribute('aria-label') || '').length]; })()`, act))
	}
	pb := btn("pin")
	require.Len(t, pb, 5, "a pin button in the sheet")
	tctx, cancel = timeout(ctx, waitTimeout)
	require.NoError(t, touchTap(tctx, pb[0], pb[1]))
	cancel()
	poll[bool](t, ctx, fmt.Sprintf(`!!document.querySelector('#compare tbody tr[data-code="%s"]')`, code), "the card's button to pin "+code, waitTimeout)
	assert.False(t, eval[bool](t, ctx, `document.getElementById('tooltip').hidden`), "the sheet stays open after pinning")

	// The close button: labelled, at least 44 px, closes the sheet.
	cb := btn("close")
	require.Len(t, cb, 5, "a close button in the sheet")
	assert.GreaterOrEqual(t, cb[2], 44.0, "close button width")
	assert.GreaterOrEqual(t, cb[3], 44.0, "close button height")
	assert.Equal(t, "Fermer", eval[string](t, ctx, `document.querySelector('#tooltip [data-act="close"]').getAttribute('aria-label')`))
	screenshot(t, ctx, "phone-sheet-buttons")
	tctx, cancel = timeout(ctx, waitTimeout)
	require.NoError(t, touchTap(tctx, cb[0], cb[1]))
	cancel()
	poll[bool](t, ctx, `document.getElementById('tooltip').hidden`, "the close button to close the sheet", waitTimeout)
	assert.Equal(t, []string{code}, eval[[]string](t, ctx, pinnedCodes))
}
