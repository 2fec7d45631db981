//go:build e2e

package e2e

import (
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestURLStateSurvivesReload(t *testing.T) {
	q := "ind=nb-diagnostics-individualises&metric=per10k&date=2022-06&dep=75,13&scheme=equal&classes=4&lang=fr"
	ctx := open(t, q)
	check := func(when string) {
		assert.Equal(t, "nb-diagnostics-individualises", value(t, ctx, "indicator"), when)
		assert.Equal(t, "per10k", value(t, ctx, "metric"), when)
		assert.Equal(t, "equal", value(t, ctx, "scheme"), when)
		assert.Equal(t, "4", value(t, ctx, "classes"), when)
		// The panels follow the map in an idle moment: wait for them.
		poll[bool](t, ctx, `!!document.querySelector('#compare [data-code="75"]') && !!document.querySelector('#compare [data-code="13"]')`, when+": pinned 75 and 13", waitTimeout)
		u, err := url.Parse(eval[string](t, ctx, `location.href`))
		require.NoError(t, err)
		assert.Equal(t, "2022-06", u.Query().Get("date"), when)
		assert.Contains(t, text(t, ctx, "#month-label"), "2022", when)
	}
	check("from the URL")
	rctx, cancel := timeout(ctx, loadTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(rctx, chromedp.Reload()))
	waitReady(t, ctx)
	check("after reload")

	// A user change is written to the URL and survives a reload.
	setControl(t, ctx, "metric", "new")
	poll[bool](t, ctx, `new URLSearchParams(location.search).get('metric') === 'new'`, "metric=new in the URL", waitTimeout)
	require.NoError(t, chromedp.Do(rctx, chromedp.Reload()))
	waitReady(t, ctx)
	assert.Equal(t, "new", value(t, ctx, "metric"))
}

func TestURLBackForward(t *testing.T) {
	ctx := open(t, "metric=per10k&classes=5")
	setControl(t, ctx, "metric", "new")
	poll[bool](t, ctx, `new URLSearchParams(location.search).get('metric') === 'new'`, "metric=new in the URL", waitTimeout)
	setControl(t, ctx, "classes", "3")
	poll[bool](t, ctx, `new URLSearchParams(location.search).get('classes') === '3'`, "classes=3 in the URL", waitTimeout)

	eval[chromedp.Void](t, ctx, `history.back()`)
	poll[bool](t, ctx, `document.getElementById('classes').value === '5'`, "back: #classes=5 again", waitTimeout)
	assert.Equal(t, "new", value(t, ctx, "metric"))
	eval[chromedp.Void](t, ctx, `history.back()`)
	poll[bool](t, ctx, `document.getElementById('metric').value === 'per10k'`, "back: #metric=per10k again", waitTimeout)
	eval[chromedp.Void](t, ctx, `history.forward()`)
	poll[bool](t, ctx, `document.getElementById('metric').value === 'new'`, "forward: #metric=new again", waitTimeout)
	waitReady(t, ctx)
}

func TestURLMalformedFallsBack(t *testing.T) {
	ctx := open(t, "metric=bogus&classes=99&date=2099-13&ind=nope&dep=<b>x</b>")
	assert.Contains(t, options(t, ctx, "metric"), value(t, ctx, "metric"))
	assert.NotEqual(t, "bogus", value(t, ctx, "metric"))
	assert.Equal(t, "nb-entreprises-cheaque-numerique", value(t, ctx, "indicator"), "unknown indicator falls back to the default")
	n := eval[int](t, ctx, `document.querySelectorAll('#map svg path[data-code]').length`)
	assert.GreaterOrEqual(t, n, 101, "the map is still drawn")
	assert.False(t, exists(t, ctx, "#compare b"), "URL text never becomes HTML")
	// The notice: some visible message mentions the refused value.
	notice := eval[string](t, ctx, `document.body.innerText`)
	assert.Regexp(t, `(?i)bogus|ignor|invalid|non reconnu|inconnu|par défaut|default`, notice, "a notice about the malformed URL values")
}
