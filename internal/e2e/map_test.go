//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The 101 department codes, as data-code must spell them.
func allCodes() []string {
	var c []string
	for i := 1; i <= 95; i++ {
		if i == 20 {
			c = append(c, "2A", "2B")
			continue
		}
		c = append(c, fmt.Sprintf("%02d", i))
	}
	return append(c, "971", "972", "973", "974", "976")
}

type dept struct {
	Code, Fill, Class, Label, Tabindex string
}

func departments(t *testing.T, ctx context.Context) map[string]dept {
	t.Helper()
	list := eval[[]dept](t, ctx, `[...document.querySelectorAll('#map svg path[data-code]')].map(p => ({
	  Code: p.getAttribute('data-code'), Fill: p.getAttribute('fill') || p.style.fill || '',
	  Class: p.getAttribute('data-class') || '', Label: p.getAttribute('aria-label') || '', Tabindex: p.getAttribute('tabindex') || ''}))`)
	m := map[string]dept{}
	for _, d := range list {
		if _, dup := m[d.Code]; !dup {
			m[d.Code] = d
		}
	}
	return m
}

func TestMapHas101ColouredDepartments(t *testing.T) {
	ctx := tab(t)
	var mu sync.Mutex
	var exceptions []string
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdpruntime.EventExceptionThrown); ok {
			mu.Lock()
			defer mu.Unlock()
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			exceptions = append(exceptions, msg)
		}
	}))
	navigate(t, ctx, appURL(""))
	deps := departments(t, ctx)
	require.Len(t, deps, 101, "distinct path[data-code] in #map svg")
	for _, code := range allCodes() {
		d, ok := deps[code]
		if !assert.True(t, ok, "department %s has no path[data-code]", code) {
			continue
		}
		assert.NotEmpty(t, d.Fill, "%s has no fill", code)
		assert.NotEqual(t, "none", d.Fill, "%s fill", code)
		assert.NotEqual(t, "nodata", d.Class, "%s has no data in the default view (chèques, latest month)", code)
		assert.NotEmpty(t, d.Label, "%s has no aria-label", code)
		assert.NotEmpty(t, d.Tabindex, "%s has no tabindex", code)
	}
	// Several classes are in use, so the fills differ.
	fills := map[string]bool{}
	for _, d := range deps {
		fills[d.Fill] = true
	}
	assert.GreaterOrEqual(t, len(fills), 3, "distinct fills on the default map")
	// Accessible name = name + value: Seine-Saint-Denis is named.
	assert.Contains(t, deps["93"].Label, "Seine-Saint-Denis")

	requireHook(t, ctx, "#legend [data-class]")
	n := eval[int](t, ctx, `document.querySelectorAll('#legend [data-class]').length`)
	assert.GreaterOrEqual(t, n, 3, "legend classes")
	src := text(t, ctx, "#source")
	assert.Contains(t, src, "Source")
	assert.Contains(t, src, "Baromètre des résultats de l'action publique")
	assert.Contains(t, src, "Licence Ouverte 2.0")
	assert.Contains(t, src, "données au")
	nat := text(t, ctx, "#national")
	assert.NotEmpty(t, nat, "#national total vs sum of departments")

	// No uncaught exception during the load.
	mu.Lock()
	defer mu.Unlock()
	assert.Empty(t, exceptions, "uncaught exceptions in the page")
}

func TestControlsChangeFillsAndLegend(t *testing.T) {
	ctx := open(t, "")
	// Indicator.
	inds := options(t, ctx, "indicator")
	require.Contains(t, inds, "nb-entreprises-cheaque-numerique")
	require.Contains(t, inds, "nb-diagnostics-individualises")
	assert.Equal(t, "nb-entreprises-cheaque-numerique", value(t, ctx, "indicator"), "default indicator")
	v := currentView(t, ctx)
	// change sets a control and checks that both the map (fills or
	// circles) and the legend changed.
	change := func(id, val string) {
		t.Helper()
		before := v
		setControl(t, ctx, id, val)
		v = waitViewChange(t, ctx, before, id+" → "+val)
		assert.True(t, v.Fills != before.Fills || v.Circles != before.Circles, "%s → %s: the map's fills or circles change", id, val)
		assert.NotEqual(t, before.Legend, v.Legend, "%s → %s: the legend changes", id, val)
	}
	change("indicator", "nb-diagnostics-individualises")
	change("indicator", "nb-entreprises-cheaque-numerique")

	// Metric: every value of the contract changes the view.
	metrics := options(t, ctx, "metric")
	for _, m := range []string{"target", "per10k", "count", "new"} {
		assert.Contains(t, metrics, m, "#metric option")
	}
	assert.NotEqual(t, "count", value(t, ctx, "metric"), "raw counts must not be the default choropleth")
	cur := value(t, ctx, "metric")
	for _, m := range []string{"target", "per10k", "count", "new"} {
		if m == cur {
			continue
		}
		change("metric", m)
		cur = m
	}
	change("metric", "per10k")

	// Classes: the legend has as many classes as chosen.
	for _, n := range []string{"3", "7", "5"} {
		if value(t, ctx, "classes") == n {
			continue
		}
		change("classes", n)
		got := eval[int](t, ctx, `new Set([...document.querySelectorAll('#legend [data-class]')].map(e => e.getAttribute('data-class')).filter(c => c !== 'nodata')).size`)
		assert.Equal(t, n, fmt.Sprint(got), "legend classes after #classes=%s", n)
	}
	// Scheme.
	for _, s := range []string{"equal", "jenks", "quantile"} {
		assert.Contains(t, options(t, ctx, "scheme"), s)
	}
	change("scheme", "equal")
	labelsBefore := v.Labels

	// Month: breaks stay fixed, fills change, the label changes.
	requireHook(t, ctx, "#month-label")
	label := text(t, ctx, "#month-label")
	min := eval[string](t, ctx, `document.getElementById('month').min`)
	monthBefore := v
	setControl(t, ctx, "month", min)
	v = waitViewChange(t, ctx, v, "month → first")
	assert.NotEqual(t, monthBefore.Fills, v.Fills, "the first month's fills differ from the last month's")
	assert.NotEqual(t, monthBefore.Legend, v.Legend, "the legend's counts follow the month")
	assert.NotEqual(t, label, text(t, ctx, "#month-label"), "#month-label after moving #month")
	assert.Equal(t, labelsBefore, v.Labels, "class breaks (legend labels) must stay fixed while the month changes")
}

func TestPlayAdvancesMonths(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#play")
	min := eval[string](t, ctx, `document.getElementById('month').min`)
	setControl(t, ctx, "month", min)
	start := text(t, ctx, "#month-label")
	click(t, ctx, "#play")
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('month').value !== %s`, jsString(min)), "#play to advance #month", waitTimeout)
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('month-label').textContent.trim() !== %s`, jsString(start)), "#month-label to follow play", waitTimeout)
	click(t, ctx, "#play") // pause
	paused := value(t, ctx, "month")
	// Paused: the value stays put for a few frames.
	evalAwait[chromedp.Void](t, ctx, `new Promise(r => setTimeout(r, 1500))`, waitTimeout)
	assert.Equal(t, paused, value(t, ctx, "month"), "#play toggles pause")
}

func TestPinAndCompare(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#compare")
	click(t, ctx, `#map svg path[data-code="75"]`)
	click(t, ctx, `#map svg path[data-code="13"]`)
	poll[bool](t, ctx, `!!document.querySelector('#compare [data-code="75"]') && !!document.querySelector('#compare [data-code="13"]')`,
		"#compare to show 75 and 13 after clicking them", waitTimeout)
	// Enter on a focused department pins it too.
	eval[chromedp.Void](t, ctx, `document.querySelector('#map svg path[data-code="69"]').focus()`)
	kctx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(kctx, chromedp.KeyEvent(kb.Enter)))
	poll[bool](t, ctx, `!!document.querySelector('#compare [data-code="69"]')`, "#compare to show 69 after Enter", waitTimeout)
	cmp := text(t, ctx, "#compare")
	assert.Contains(t, cmp, "Paris")
	assert.Contains(t, cmp, "Bouches-du-Rhône")
	// The pins are in the URL.
	loc := eval[string](t, ctx, `location.search`)
	assert.Regexp(t, `dep=[^&]*75`, loc)
	// Escape closes the card and keeps the pins (issue 14, item 9).
	require.NoError(t, chromedp.Do(kctx, chromedp.KeyEvent(kb.Escape)))
	poll[bool](t, ctx, `document.getElementById('tooltip').hidden`, "Escape to close the card", waitTimeout)
	assert.True(t, eval[bool](t, ctx, `!!document.querySelector('#compare [data-code="75"]')`), "Escape keeps the pins")
}

func TestSearch(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#search")
	for _, c := range []struct{ query, code string }{{"Seine-Saint-Denis", "93"}, {"2A", "2A"}} {
		sctx, cancel := timeout(ctx, waitTimeout)
		eval[chromedp.Void](t, ctx, `(() => { const s = document.getElementById('search'); s.value = ''; s.focus(); })()`)
		require.NoError(t, chromedp.Do(sctx,
			chromedp.SendKeys(chromedp.ID("search"), c.query),
			chromedp.KeyEvent(kb.Enter)))
		cancel()
		poll[bool](t, ctx, fmt.Sprintf(`!!document.querySelector('#compare [data-code=%s]')`, jsString(c.code)),
			fmt.Sprintf("search %q + Enter to pin %s", c.query, c.code), waitTimeout)
	}
}

func TestArrowKeysMoveToNeighbour(t *testing.T) {
	ctx := open(t, "")
	neighbours := map[string][]string{"75": {"92", "93", "94"}, "93": {"75", "77", "92", "94", "95"}}
	eval[chromedp.Void](t, ctx, `document.querySelector('#map svg path[data-code="75"]').focus()`)
	require.Equal(t, "75", eval[string](t, ctx, `document.activeElement.getAttribute('data-code') || ''`), "focus on Paris")
	from := "75"
	for _, key := range []string{kb.ArrowRight, kb.ArrowDown, kb.ArrowLeft, kb.ArrowUp} {
		kctx, cancel := timeout(ctx, waitTimeout)
		require.NoError(t, chromedp.Do(kctx, chromedp.KeyEvent(key)))
		cancel()
		got := poll[string](t, ctx, fmt.Sprintf(`(() => { const c = document.activeElement && document.activeElement.getAttribute('data-code'); return c && c !== %s ? c : ''; })()`, jsString(from)),
			"an arrow key to move focus off "+from, waitTimeout)
		if want, ok := neighbours[from]; ok {
			assert.Contains(t, want, got, "arrow from %s went to %s, not a neighbour", from, got)
		}
		from = got
	}
	live := text(t, ctx, "#live")
	assert.NotEmpty(t, live, "#live announces the focused department")
	assert.Equal(t, "polite", eval[string](t, ctx, `document.getElementById('live').getAttribute('aria-live') || ''`))
	// The tooltip follows the focus.
	assert.NotEmpty(t, text(t, ctx, "#tooltip"), "#tooltip for the focused department")
}

func TestTableSorts(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#table")
	n := eval[int](t, ctx, `document.querySelectorAll('#table tr[data-code]').length`)
	require.Equal(t, 101, n, "#table rows")
	buttons := eval[[]string](t, ctx, `[...document.querySelectorAll('#table th button[data-sort]')].map(b => b.getAttribute('data-sort'))`)
	require.NotEmpty(t, buttons, "#table th button[data-sort]")
	for _, key := range buttons {
		order := func() string {
			return eval[string](t, ctx, `[...document.querySelectorAll('#table tr[data-code]')].map(r => r.getAttribute('data-code')).join(',')`)
		}
		before := order()
		click(t, ctx, fmt.Sprintf(`#table th button[data-sort=%s]`, jsString(key)))
		first := poll[string](t, ctx, fmt.Sprintf(`(() => { const o = [...document.querySelectorAll('#table tr[data-code]')].map(r => r.getAttribute('data-code')).join(','); return o !== %s ? o : ''; })()`, jsString(before)),
			"the table to re-sort by "+key, waitTimeout)
		// The column of that button is sorted (numbers parsed French-style).
		col := eval[[]string](t, ctx, fmt.Sprintf(`(() => {
		  const th = document.querySelector('#table th button[data-sort=%s]').closest('th');
		  const i = [...th.parentElement.children].indexOf(th);
		  return [...document.querySelectorAll('#table tr[data-code]')].map(r => (r.children[i] || {textContent: ''}).textContent.trim());
		})()`, jsString(key)))
		assert.True(t, sortedEitherWay(col), "column %q not sorted after its button: %v", key, head(col))
		click(t, ctx, fmt.Sprintf(`#table th button[data-sort=%s]`, jsString(key)))
		poll[string](t, ctx, fmt.Sprintf(`(() => { const o = [...document.querySelectorAll('#table tr[data-code]')].map(r => r.getAttribute('data-code')).join(','); return o !== %s ? o : ''; })()`, jsString(first)),
			"a second click to reverse the sort by "+key, waitTimeout)
		assert.Equal(t, 101, len(strings.Split(order(), ",")))
	}
}

func head(xs []string) []string {
	if len(xs) > 8 {
		return xs[:8]
	}
	return xs
}

func TestDescriptionChanges(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#description")
	d1 := text(t, ctx, "#description")
	require.NotEmpty(t, d1)
	setControl(t, ctx, "indicator", "nb-diagnostics-individualises")
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('description').textContent.trim() !== %s`, jsString(d1)),
		"#description to change with the indicator", waitTimeout)
	d2 := text(t, ctx, "#description")
	assert.NotEmpty(t, d2)
	min := eval[string](t, ctx, `document.getElementById('month').min`)
	setControl(t, ctx, "month", min)
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('description').textContent.trim() !== %s`, jsString(d2)),
		"#description to change with the month", waitTimeout)
}
