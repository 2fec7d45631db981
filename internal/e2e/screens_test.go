//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
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
		ctx := openPhone(t, 390, 844, "")
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
		// The embed posts its state as it applies its first view, before
		// the frame has painted it: wait in the frame itself (an
		// out-of-process iframe, its own target) for the drawn map.
		poll[bool](t, ctx, `window.__msgs.some(m => m.data && m.data.type === 'francenum:state')`, "the embed's first state", loadTimeout)
		fctx := frameTab(t, ctx, env.worker.URL)
		poll[bool](t, fctx, `document.documentElement.dataset.state === 'ready' && document.querySelectorAll('#map svg [data-code][fill]').length === 101`, "the embedded map to be drawn", loadTimeout)
		nextFrames(t, fctx)
		// Everything an embedding page needs is inside the 500 px: the five
		// insets, the legend and the dated source line.
		inView := eval[[]string](t, fctx, `[...document.querySelectorAll('#map .frame, #legend, #source')].filter(e => { const r = e.getBoundingClientRect(); return r.height === 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5; }).map(e => e.id || e.getAttribute('class'))`)
		assert.Empty(t, inView, "parts outside the 600×500 frame")
		assert.Contains(t, text(t, fctx, "#source"), "données au")
		screenshot(t, ctx, "iframe")
	})
}

// TestNarrowScreens checks the page from a 320 px phone to a 1280 px
// desktop, with four departments pinned (compare panel) and the table
// open, so that everything that can widen the page is on it. It writes
// build/e2e/width-N.png.
func TestNarrowScreens(t *testing.T) {
	for _, c := range []struct {
		w, h  int64
		touch bool
	}{{320, 640, true}, {360, 740, true}, {390, 844, true}, {600, 960, true}, {1280, 800, false}} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			ctx := openScreen(t, c.w, c.h, c.touch, "dep=75,13,69,974")
			poll[bool](t, ctx, `document.querySelectorAll('#compare tbody tr').length === 4 && document.querySelectorAll('#table tbody tr').length === 101`,
				"the compare panel and the table", waitTimeout)
			eval[chromedp.Void](t, ctx, `document.getElementById('table-details').open = true`)
			screenshot(t, ctx, fmt.Sprintf("width-%d", c.w))
			w := float64(c.w)

			assert.LessOrEqual(t, eval[float64](t, ctx, `document.documentElement.scrollWidth`), w, "no horizontal scroll at %d px", c.w)
			// A visually hidden element is positioned where it cannot widen
			// the page either.
			for _, r := range eval[[]string](t, ctx, `[...document.querySelectorAll('.sr-only')].filter(e => e.getBoundingClientRect().right > innerWidth).map(e => e.textContent)`) {
				t.Errorf(".sr-only %q is past the right edge at %d px", r, c.w)
			}

			// Phones fold measure, classes and hatching behind one toggle so
			// that the first screen reaches the map; wider screens have no
			// toggle and show every setting.
			type fold struct {
				Shown            bool
				Expanded         string
				Visible          []string
				MapTop, Viewport float64
			}
			foldJS := `(() => { const m = document.getElementById('more');
  return {Shown: m.getClientRects().length > 0, Expanded: m.getAttribute('aria-expanded'),
    Visible: ['metric', 'scheme', 'classes', 'quality'].filter(id => document.getElementById(id).getClientRects().length),
    MapTop: document.getElementById('map').getBoundingClientRect().top + scrollY, Viewport: innerHeight}; })()`
			before := eval[fold](t, ctx, foldJS)
			if c.w > 520 {
				assert.False(t, before.Shown, "no settings toggle at %d px", c.w)
				assert.Len(t, before.Visible, 4, "every setting shows at %d px", c.w)
			} else {
				require.True(t, before.Shown, "the settings toggle shows at %d px", c.w)
				assert.Equal(t, "false", before.Expanded, "settings start folded at %d px", c.w)
				assert.Empty(t, before.Visible, "measure, classes and hatching are folded at %d px", c.w)
				pt := eval[[]float64](t, ctx, `(() => { const m = document.getElementById('more'); m.scrollIntoView({block: 'center'});
  const r = m.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
				tctx, tcancel := timeout(ctx, waitTimeout)
				require.NoError(t, touchTap(tctx, pt[0], pt[1]))
				tcancel()
				after := poll[fold](t, ctx, `(() => { const f = `+foldJS+`; return f.Expanded === 'true' ? f : null; })()`, "the settings to unfold", waitTimeout)
				assert.Len(t, after.Visible, 4, "every setting shows once unfolded at %d px", c.w)
				t.Logf("map top at %d×%d: %.0f px folded, %.0f px unfolded", c.w, c.h, before.MapTop, after.MapTop)
				// What the fold saves: at least two rows of settings.
				assert.Greater(t, after.MapTop-before.MapTop, 150.0, "the fold moves the map up at %d px", c.w)
				if c.w == 390 {
					// On the reference phone the map starts in the upper
					// 55 % of the first screen.
					assert.Less(t, before.MapTop, 0.55*before.Viewport, "the map's top on the first screen at %d px", c.w)
				}
				screenshot(t, ctx, fmt.Sprintf("width-%d-settings", c.w))
			}

			// Selects: the page's own arrow, and the chosen option's text
			// fits left of it.
			type sel struct {
				ID, Appearance, Text string
				TextW, Room, Left    float64
				Right                float64
			}
			sels := eval[[]sel](t, ctx, `(() => {
  const cv = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('#controls select')].filter(s => s.getClientRects().length).map(s => {
    const cs = getComputedStyle(s);
    cv.font = cs.font;
    const text = s.options[s.selectedIndex].textContent;
    const r = s.getBoundingClientRect();
    return {ID: s.id, Appearance: cs.appearance, Text: text, TextW: cv.measureText(text).width,
      Room: s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight), Left: r.left, Right: r.right};
  });
})()`)
			require.NotEmpty(t, sels)
			for _, s := range sels {
				assert.Equal(t, "none", s.Appearance, "#%s keeps the native arrow", s.ID)
				assert.LessOrEqual(t, s.Right, w, "#%s runs past the right edge", s.ID)
				if s.ID == "indicator" || s.ID == "metric" {
					assert.LessOrEqual(t, s.TextW, s.Room, "#%s: %q is clipped at %d px", s.ID, s.Text, c.w)
				}
			}
			if c.w <= 520 {
				// One column: every select starts at the same left edge,
				// but the one-digit number of classes, on the scheme's row.
				byID := map[string]sel{}
				for _, s := range sels {
					byID[s.ID] = s
					if s.ID != "classes" {
						assert.InDelta(t, sels[0].Left, s.Left, 0.5, "#%s is not in the one column at %d px", s.ID, c.w)
					}
				}
				for _, id := range []string{"indicator", "metric"} {
					assert.InDelta(t, w-2*sels[0].Left, byID[id].Right-byID[id].Left, 1, "#%s spans the column at %d px", id, c.w)
				}
				assert.Greater(t, byID["classes"].Left, byID["scheme"].Right, "#classes sits right of #scheme at %d px", c.w)
			}

			// Tap targets: 44 px high with a coarse pointer.
			if c.touch {
				for _, r := range eval[[]string](t, ctx, `[...document.querySelectorAll('button, select, input[type=search], input[type=text], input[type=range], summary, .field-check label, .file-label')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter(e => e.getBoundingClientRect().height < 44)
  .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + e.textContent.trim().slice(0, 20) + ': ' + e.getBoundingClientRect().height.toFixed(1))`) {
					t.Errorf("tap target under 44 px at %d px: %s", c.w, r)
				}
			}

			// The overseas insets' names, on screen.
			for _, r := range eval[[]string](t, ctx, `[...document.querySelectorAll('#map .frame-label')]
  .map(e => [e.textContent, e.getScreenCTM().a * parseFloat(getComputedStyle(e).fontSize)])
  .filter(([, px]) => !(px >= 10.5)).map(([n, px]) => n + ': ' + px.toFixed(1) + ' px')`) {
				t.Errorf("inset label under 10.5 px at %d px: %s", c.w, r)
			}
			assert.Equal(t, 5, eval[int](t, ctx, `document.querySelectorAll('#map .frame-label').length`), "five inset labels")

			// Placeholder contrast on the search field's background.
			assert.GreaterOrEqual(t, eval[float64](t, ctx, contrastJS+`(getComputedStyle(document.getElementById('search'), '::placeholder').color, getComputedStyle(document.getElementById('search')).backgroundColor)`),
				4.5, "placeholder contrast")

			// Pinned rows: a shade one can see, text readable on it, and
			// a marker that does not rely on the shade.
			pin := eval[[]float64](t, ctx, `(() => {
  const on = getComputedStyle(document.querySelector('#table tr.pinned td')), off = getComputedStyle(document.querySelector('#table tr:not(.pinned) td'));
  return [`+contrastJS+`(on.backgroundColor, 'rgb(255, 255, 255)'), `+contrastJS+`(on.color, on.backgroundColor),
    on.backgroundColor === off.backgroundColor ? 0 : 1, getComputedStyle(document.querySelector('#table tr.pinned > :first-child')).boxShadow === 'none' ? 0 : 1];
})()`)
			assert.GreaterOrEqual(t, pin[0], 1.4, "pinned rows' shade against white")
			assert.GreaterOrEqual(t, pin[1], 4.5, "text contrast in pinned rows")
			assert.Equal(t, 1.0, pin[2], "pinned rows differ from the others")
			assert.Equal(t, 1.0, pin[3], "pinned rows' first cell has a bar")

			// Compare panel: inside the page; its table may scroll in its
			// own box but the unpin buttons stay in that box's view.
			cmp := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('compare').getBoundingClientRect(); return [r.left, r.right]; })()`)
			assert.GreaterOrEqual(t, cmp[0], 0.0, "compare panel's left edge")
			assert.LessOrEqual(t, cmp[1], w, "compare panel's right edge")
			for _, r := range eval[[]string](t, ctx, `(() => {
  const box = document.querySelector('#compare .table-box').getBoundingClientRect();
  return [...document.querySelectorAll('#compare tbody button')].filter(b => { const r = b.getBoundingClientRect(); return r.left < box.left - 0.5 || r.right > box.right + 0.5; })
    .map(b => b.getAttribute('aria-label'));
})()`) {
				t.Errorf("unpin button out of view at %d px: %s", c.w, r)
			}

			// The department card after a tap (phones) or a hover (desktop)
			// on a department at the map's east edge half scrolled out at
			// the top of the screen, then on one at the bottom of the
			// screen: inside the viewport.
			for _, code := range []string{"67", "2A"} {
				scroll := `b0.top + b0.height * 0.4` // the top 40 % above the screen
				if code == "2A" {
					scroll = `b0.bottom - innerHeight + 4` // at the bottom
				}
				// Scroll, then let a frame or two go by: the browser hit-tests
				// a tap with what it has painted.
				eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => {
  const b0 = document.querySelector('#map path[data-code="%s"]').getBoundingClientRect();
  window.scrollBy(0, %s);
})()`, code, scroll))
				nextFrames(t, ctx)
				pt := visiblePoint(t, ctx, code)
				require.Len(t, pt, 2, "a visible point of department %s", code)
				pctx, pcancel := timeout(ctx, waitTimeout)
				if c.touch {
					require.NoError(t, touchTap(pctx, pt[0], pt[1]))
				} else {
					require.NoError(t, chromedp.Do(pctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pt[0], pt[1])))
				}
				pcancel()
				box := poll[[]float64](t, ctx, fmt.Sprintf(`(() => { const e = document.getElementById('tooltip');
  if (e.hidden || e.dataset.code !== '%s') return null;
  const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`, code),
					"the card of department "+code, waitTimeout)
				screenshot(t, ctx, fmt.Sprintf("width-%d-tip-%s", c.w, code))
				if c.touch {
					// The tap reached the department (its card is open) and
					// only opened the card: it pins nothing (issue 14, item 9).
					nextFrames(t, ctx)
					assert.False(t, eval[bool](t, ctx, fmt.Sprintf(`!!document.querySelector('#compare tbody tr[data-code="%s"]')`, code)), "a tap on %s pins nothing", code)
				}
				assert.GreaterOrEqual(t, box[0], 0.0, "%s card's left edge at %d px", code, c.w)
				assert.GreaterOrEqual(t, box[1], 0.0, "%s card's top edge at %d px", code, c.w)
				assert.LessOrEqual(t, box[2], w, "%s card's right edge at %d px", code, c.w)
				assert.LessOrEqual(t, box[3], float64(c.h), "%s card's bottom edge at %d px", code, c.w)
				if c.w <= 600 {
					// A bottom sheet: full width, at the bottom.
					assert.InDelta(t, 0, box[0], 0.5, "%s card is a bottom sheet at %d px", code, c.w)
					assert.InDelta(t, w, box[2], 0.5, "%s card is a bottom sheet at %d px", code, c.w)
					assert.InDelta(t, float64(c.h), box[3], 0.5, "%s card is a bottom sheet at %d px", code, c.w)
				}
				// Leave the map (a tap elsewhere, the mouse away) before
				// the next department.
				dismiss(t, ctx, c.touch)
			}
		})
	}
}

// dismiss taps (or moves the mouse to) the page's top left corner, away
// from the map: the page scrolls to its top first, since on a phone the
// map spans the screen's width once scrolled to.
func dismiss(t *testing.T, ctx context.Context, touch bool) {
	t.Helper()
	dctx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	eval[chromedp.Void](t, ctx, `document.activeElement && document.activeElement.blur && document.activeElement.blur(), window.scrollTo(0, 0)`)
	nextFrames(t, ctx)
	var err error
	if touch {
		err = touchTap(dctx, 1, 1)
	} else {
		err = chromedp.Do(dctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 1, 1))
	}
	require.NoError(t, err)
	poll[bool](t, ctx, `document.getElementById('tooltip').hidden`, "the card to close", waitTimeout)
}

// touchTap is a finger's tap at x, y (CSS pixels of the viewport).
func touchTap(ctx context.Context, x, y float64) error {
	if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
	return err
}

// touchSwipe is a finger put down at x, y, moved dy CSS pixels vertically
// in small steps, then lifted.
func touchSwipe(ctx context.Context, x, y, dy float64) error {
	if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}); err != nil {
		return err
	}
	const steps = 10
	for i := 1; i <= steps; i++ {
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchMove, TouchPoints: []*input.TouchPoint{{X: x, Y: y + dy*float64(i)/steps}}}); err != nil {
			return err
		}
	}
	_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
	return err
}

// contrastJS is a JS function (two CSS rgb()/rgba() colours) returning
// their WCAG contrast ratio.
const contrastJS = `((a, b) => {
  const lum = (c) => { const v = c.match(/[\d.]+/g).slice(0, 3).map(Number).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
})`

// frameTab attaches to the out-of-process iframe whose URL starts with
// prefix, in the tab ctx.
func frameTab(t *testing.T, ctx context.Context, prefix string) context.Context {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		ts, err := chromedp.Targets(ctx)
		require.NoError(t, err)
		for _, ti := range ts {
			if ti.Type == "iframe" && strings.HasPrefix(ti.URL, prefix) {
				fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(ti.TargetID))
				t.Cleanup(cancel)
				require.NoError(t, chromedp.Do(fctx))
				return fctx
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no iframe target at %s", prefix)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestPhoneSheetScrolls opens, on a 320×568 phone (iPhone SE), the card of the
// department with the most data-quality notes (diagnostics: several
// decreases). Such a card is taller than the bottom sheet may be; once the
// tap has ended the sheet takes touches: a swipe scrolls it and a tap on it
// keeps it open, a tap elsewhere closes it.
func TestPhoneSheetScrolls(t *testing.T) {
	ctx := openPhone(t, 320, 568, "ind=nb-diagnostics-individualises")
	code := eval[string](t, ctx, `(() => {
  let best = '', most = -1;
  for (const p of document.querySelectorAll('#map path[data-code]')) {
    const n = JSON.parse(window.francenumGo.tip(p.dataset.code)).notes.length;
    if (n > most) { most = n; best = p.dataset.code; }
  }
  return best;
})()`)
	require.NotEmpty(t, code)

	// The department near the top of the screen, above where the sheet goes.
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`window.scrollBy(0, document.querySelector('#map path[data-code="%s"]').getBoundingClientRect().top - 60)`, code))
	nextFrames(t, ctx)
	pt := visiblePoint(t, ctx, code)
	require.Len(t, pt, 2, "a visible point of department %s", code)
	tctx, tcancel := timeout(ctx, waitTimeout)
	require.NoError(t, touchTap(tctx, pt[0], pt[1]))
	tcancel()
	sheet := poll[[]float64](t, ctx, fmt.Sprintf(`(() => { const e = document.getElementById('tooltip');
  if (e.hidden || e.dataset.code !== '%s' || !e.classList.contains('settled')) return null;
  const r = e.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2, e.scrollHeight, e.clientHeight, e.querySelectorAll('.notes li').length]; })()`, code),
		"the settled card of "+code, waitTimeout)
	t.Logf("department %s: %v notes, card %v px for a sheet of %v px", code, sheet[4], sheet[2], sheet[3])
	require.Greater(t, sheet[2], sheet[3]+20, "the card of %s overflows its sheet (the premise of this test)", code)

	// A finger's swipe up on the sheet scrolls it, and the sheet stays.
	sctx, scancel := timeout(ctx, waitTimeout)
	require.NoError(t, touchSwipe(sctx, sheet[0], sheet[1], -150))
	scancel()
	scrolled := poll[float64](t, ctx, `(() => { const e = document.getElementById('tooltip'); return !e.hidden && e.scrollTop > 0 ? e.scrollTop : null; })()`,
		"the sheet to scroll", waitTimeout)
	assert.Greater(t, scrolled, 0.0)
	screenshot(t, ctx, "phone-sheet-scrolled")

	// A tap on the sheet keeps it open (and does not pin what is under it).
	pinned := eval[int](t, ctx, `document.querySelectorAll('#compare tbody tr').length`)
	r := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('tooltip').getBoundingClientRect(); return [r.left + r.width / 2, r.top + 20]; })()`)
	tctx, tcancel = timeout(ctx, waitTimeout)
	require.NoError(t, touchTap(tctx, r[0], r[1]))
	tcancel()
	nextFrames(t, ctx)
	assert.False(t, eval[bool](t, ctx, `document.getElementById('tooltip').hidden`), "a tap on the sheet keeps it open")
	assert.Equal(t, pinned, eval[int](t, ctx, `document.querySelectorAll('#compare tbody tr').length`), "a tap on the sheet pins nothing")

	// A tap elsewhere closes it.
	dismiss(t, ctx, true)
}
