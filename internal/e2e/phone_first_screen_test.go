//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// insetLabel is an overseas inset's name and its frame, on screen.
type insetLabel struct {
	Text        string
	FontPx      float64
	Label, Box  rect
	Overflowing bool
}

// insetLabelsJS pairs each inset's name with its frame (the map draws
// them as frame, name, frame, name…) and measures both.
const insetLabelsJS = `(() => {
  const rc = (e) => { const r = e.getBoundingClientRect(); return {L: r.left, T: r.top, R: r.right, B: r.bottom}; };
  const out = [];
  for (const t of document.querySelectorAll('#map svg .frame-label')) {
    const f = t.previousElementSibling;
    const k = t.ownerSVGElement.getScreenCTM().a;
    out.push({Text: t.textContent, FontPx: +t.getAttribute('font-size') * k, Label: rc(t), Box: f && f.classList.contains('frame') ? rc(f) : null});
  }
  return out;
})()`

// checkInsetLabels asserts that every inset name lies inside its frame
// and reads at 11 px or more.
func checkInsetLabels(t *testing.T, labels []insetLabel, where string) {
	t.Helper()
	require.Len(t, labels, 5, "inset names %s", where)
	for _, l := range labels {
		in := l.Label.L >= l.Box.L-0.5 && l.Label.R <= l.Box.R+0.5 && l.Label.T >= l.Box.T-0.5 && l.Label.B <= l.Box.B+0.5
		assert.True(t, in, "inset name %q %v spills out of its frame %v %s", l.Text, l.Label, l.Box, where)
		assert.GreaterOrEqual(t, l.FontPx, 10.5, "inset name %q font size on screen %s", l.Text, where)
	}
}

// TestPhoneFirstScreen opens the default view on a 320×640 phone and
// checks that the whole map down to Mayotte and the legend are on the
// first screen, and that on phones and in between the inset names stay
// inside their frames (issue 14, item 11: at 320 px Mayotte and the
// legend were below the first screen, « Guadeloupe » ran 23 px out of
// its 44 px frame).
func TestPhoneFirstScreen(t *testing.T) {
	t.Run("320x640", func(t *testing.T) {
		ctx := openPhone(t, 320, 640, "")
		nextFrames(t, ctx)
		type first struct{ ScrollY, Mayotte, Legend, Viewport, MapW, Inner float64 }
		f := eval[first](t, ctx, `(() => ({ScrollY: scrollY, Viewport: innerHeight, Inner: innerWidth,
  Mayotte: document.querySelector('#map svg path[data-code="976"]').getBoundingClientRect().bottom,
  Legend: document.getElementById('legend').getBoundingClientRect().bottom,
  MapW: document.querySelector('#map svg').getBoundingClientRect().width}))()`)
		t.Logf("320×640: Mayotte's bottom at %.0f px, the legend's at %.0f px", f.Mayotte, f.Legend)
		screenshot(t, ctx, "phone-320x640")
		require.Zero(t, f.ScrollY, "the page opens at its top")
		assert.LessOrEqual(t, f.Mayotte, f.Viewport, "Mayotte on the first screen")
		assert.LessOrEqual(t, f.Legend, f.Viewport, "the legend on the first screen")
		assert.Greater(t, f.MapW, 0.9*f.Inner, "the map keeps the phone's width")
		checkInsetLabels(t, eval[[]insetLabel](t, ctx, insetLabelsJS), "at 320 px")
	})
	for _, c := range []struct {
		w, h  int64
		touch bool
	}{{390, 844, true}, {600, 960, true}, {1280, 800, false}} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			ctx := openScreen(t, c.w, c.h, c.touch, "")
			nextFrames(t, ctx)
			checkInsetLabels(t, eval[[]insetLabel](t, ctx, insetLabelsJS), fmt.Sprintf("at %d px", c.w))
		})
	}
	// The build-time map, before the wasm (here: never) runs: the page's
	// inline script applies the same rule.
	t.Run("build-time map 320x640", func(t *testing.T) {
		ctx := openNoWasm(t, "", phone(320, 640))
		require.True(t, eval[prerenderState](t, ctx, prerenderJS).Shown)
		checkInsetLabels(t, eval[[]insetLabel](t, ctx, insetLabelsJS), "on the build-time map at 320 px")
	})
	// The embed at its narrowest and a middle width.
	for _, w := range []int64{320, 600} {
		t.Run(fmt.Sprintf("embed %d", w), func(t *testing.T) {
			ctx := tab(t)
			vctx, cancel := timeout(ctx, waitTimeout)
			defer cancel()
			require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(w, 600)))
			navigate(t, ctx, appURL("embed=1"))
			nextFrames(t, ctx)
			checkInsetLabels(t, eval[[]insetLabel](t, ctx, insetLabelsJS), fmt.Sprintf("in a %d px embed", w))
		})
	}
}
