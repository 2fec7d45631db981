//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sliderBox is where the month slider and the map sit, and what the slider
// says, at one moment.
type sliderBox struct {
	Left, Width, MapTop float64
	Value               int
	Label               string
}

const sliderBoxJS = `(() => { const m = document.getElementById('month'), r = m.getBoundingClientRect();
  return {Left: r.left, Width: r.width, MapTop: document.getElementById('map').getBoundingClientRect().top + scrollY,
    Value: +m.value, Label: document.getElementById('month-label').textContent}; })()`

// TestMonthSliderStill walks every month (absent months included: their
// label is longer) and checks that the slider and the page below it do
// not move; then drags the thumb from the last month to the first with
// real mouse events (press, moves, release) and checks that the month only
// ever goes down. Issue 14, item 5: the label of a missing month squeezed
// the slider from 220 to 128 px, so the thumb jumped under the pointer
// (juillet 2022 → novembre 2022 while dragging left).
func TestMonthSliderStill(t *testing.T) {
	for _, c := range []struct{ w, h int64 }{{1280, 800}, {600, 900}, {390, 844}, {320, 640}} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			ctx := tab(t)
			vctx, cancel := timeout(ctx, waitTimeout)
			defer cancel()
			require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(c.w, c.h)))
			navigate(t, ctx, appURL(""))
			eval[chromedp.Void](t, ctx, `document.getElementById('month').scrollIntoView({block: 'center'})`)
			nextFrames(t, ctx)
			first := eval[sliderBox](t, ctx, sliderBoxJS)
			n := eval[int](t, ctx, `+document.getElementById('month').max`) + 1
			require.Greater(t, n, 12, "months on the slider")

			// Every month, through the input event a user's move sends.
			absent := 0
			for i := 0; i < n; i++ {
				b := eval[sliderBox](t, ctx, fmt.Sprintf(`(() => { const m = document.getElementById('month'); m.value = '%d';
  m.dispatchEvent(new Event('input', {bubbles: true})); return %s; })()`, i, sliderBoxJS))
				if eval[bool](t, ctx, `document.getElementById('month-label').classList.contains('absent')`) {
					absent++
				}
				assert.InDelta(t, first.Width, b.Width, 0.5, "slider width at %q", b.Label)
				assert.InDelta(t, first.Left, b.Left, 0.5, "slider left edge at %q", b.Label)
				assert.InDelta(t, first.MapTop, b.MapTop, 0.5, "map top (page shift) at %q", b.Label)
			}
			require.Positive(t, absent, "the default indicator has absent months (what made the label grow)")

			// Back to the last month, then a real drag to the left edge.
			eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => { const m = document.getElementById('month'); m.value = '%d'; m.dispatchEvent(new Event('input', {bubbles: true})); })()`, n-1))
			nextFrames(t, ctx)
			start := eval[sliderBox](t, ctx, sliderBoxJS)
			require.Equal(t, n-1, start.Value)
			y := eval[float64](t, ctx, `(() => { const r = document.getElementById('month').getBoundingClientRect(); return r.top + r.height / 2; })()`)
			// The thumb's centre at the last month: the right end less half
			// a thumb (Chromium's is 16 px wide at most).
			x := start.Left + start.Width - 7
			steps := dragMonths(t, ctx, x, y, start.Left-20, 40)
			prev := start
			for _, s := range steps {
				assert.LessOrEqual(t, s.Value, prev.Value, "dragging left moved the month from %q to %q", prev.Label, s.Label)
				assert.InDelta(t, start.Width, s.Width, 0.5, "slider width during the drag at %q", s.Label)
				assert.InDelta(t, start.Left, s.Left, 0.5, "slider left edge during the drag at %q", s.Label)
				prev = s
			}
			assert.Equal(t, 0, prev.Value, "the drag ends on the first month")
			seen := map[int]bool{}
			for _, s := range steps {
				seen[s.Value] = true
			}
			assert.Greater(t, len(seen), n/2, "the drag went through most months one by one")
		})
	}
}

// dragMonths presses the left button at (x, y), moves to (x1, y) in steps
// moves, reading the slider after each, and releases.
func dragMonths(t *testing.T, ctx context.Context, x, y, x1 float64, steps int) []sliderBox {
	t.Helper()
	do := func(typ input.DispatchMouseEventType, x float64) {
		dctx, cancel := timeout(ctx, waitTimeout)
		defer cancel()
		_, err := chromedp.Call(dctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1})
		require.NoError(t, err)
	}
	do(input.DispatchMouseEventTypeMousePressed, x)
	var out []sliderBox
	for i := 1; i <= steps; i++ {
		do(input.DispatchMouseEventTypeMouseMoved, x+(x1-x)*float64(i)/float64(steps))
		out = append(out, eval[sliderBox](t, ctx, sliderBoxJS))
	}
	do(input.DispatchMouseEventTypeMouseReleased, x1)
	return out
}
