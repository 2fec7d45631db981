//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keepPrerender keeps, once the HTML is parsed (before the deferred
// scripts run), the build-time map's element and its path data; with
// spoil, it then gives the map another geometry ID, as a page whose HTML
// was drawn from other outlines would carry.
func keepPrerender(spoil bool) string {
	s := `document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  const s = document.querySelector('#map svg.prerender');
  window.__pre = s;
  window.__preD = s ? [...s.querySelectorAll('g:not(.frames) > path')].map((p) => p.getAttribute('d')) : [];`
	if spoil {
		s += `
  if (s) s.setAttribute('data-geo', '00000000');`
	}
	return s + `
});`
}

// liveMapJS describes the live map: whether it is the build-time element,
// its departments' paths, and whether it shows.
const liveMapJS = `(() => {
  const svgs = document.querySelectorAll('#map svg');
  const s = svgs[0];
  const ps = [...s.querySelectorAll('path.dep')];
  return {svgs: svgs.length, same: s === window.__pre, shown: getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 300,
    cls: s.getAttribute('class') || '', role: s.getAttribute('role'), deps: ps.length,
    coded: ps.filter((p) => p.dataset.code && p.getAttribute('role') === 'img').length,
    focusable: ps.filter((p) => p.getAttribute('tabindex') === '0').length,
    filled: ps.filter((p) => /^#[0-9a-f]{6}$/.test(p.getAttribute('fill'))).length,
    sameD: ps.length === window.__preD.length && ps.every((p, i) => p.getAttribute('d') === window.__preD[i]),
    labels: s.querySelectorAll('.frames text.frame-label').length, circles: s.querySelectorAll('circle.sym').length};
})()`

type liveMap struct {
	Svgs, Deps, Coded, Focusable, Filled, Labels, Circles int
	Same, Shown, SameD                                    bool
	Cls, Role                                             string
}

// TestLiveMapAdoptsBuildTimeMap: Go leaves the path data out of its first
// answer when the page's build-time map was drawn from the geometry it
// loaded, and app.js makes that very element the live map — also when the
// URL had hidden it; with another geometry ID, Go sends the paths and
// app.js draws a new map, with the same outlines.
func TestLiveMapAdoptsBuildTimeMap(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		spoil       bool
	}{
		{"default view", "", false},
		{"a URL that hid it", "lang=en&metric=per10k", false},
		{"another geometry ID", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tab(t)
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: keepPrerender(tc.spoil)})
			require.NoError(t, err)
			navigate(t, ctx, appURL(tc.query))
			m := eval[liveMap](t, ctx, liveMapJS)
			assert.Equal(t, 1, m.Svgs, "one map")
			assert.Equal(t, !tc.spoil, m.Same, "the build-time element is the live map")
			assert.True(t, m.Shown)
			assert.Empty(t, m.Cls, "no longer « pre »")
			assert.Equal(t, "group", m.Role)
			assert.Equal(t, 101, m.Deps)
			assert.Equal(t, 101, m.Coded, "each department has its code and role")
			assert.Equal(t, 1, m.Focusable, "one department in the tab order")
			assert.Equal(t, 101, m.Filled)
			assert.True(t, m.SameD, "the outlines Go draws are the build-time ones, in the same order")
			assert.Equal(t, 5, m.Labels)
			assert.Equal(t, 101, m.Circles)
			// The map is live: a department's card opens on hover.
			pt := visiblePoint(t, ctx, "29")
			require.Len(t, pt, 2)
			mctx, cancel := timeout(ctx, waitTimeout)
			defer cancel()
			require.NoError(t, chromedp.Do(mctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pt[0], pt[1])))
			poll[bool](t, ctx, `!document.getElementById('tooltip').hidden && document.getElementById('tooltip').textContent.includes('Finistère')`, "the card of Finistère", waitTimeout)
		})
	}
}
