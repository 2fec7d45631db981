//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// typeBreaks types text into the breaks box with the keyboard, replacing
// what is there, and presses Enter.
func typeBreaks(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, `(() => { const b = document.getElementById('breaks'); b.focus(); b.select(); })()`)
	kctx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(kctx, chromedp.SendKeys(chromedp.ID("breaks"), kb.Delete+text), chromedp.KeyEvent(kb.Enter)))
}

// Manual breaks typed in French (decimal commas, « ; »), a refused text
// named with its reason and the map kept, and breaks kept per metric
// (issue 14, item 7).
func TestManualBreaksTyped(t *testing.T) {
	ctx := open(t, "metric=per10k")
	setControl(t, ctx, "scheme", "manual")
	shown := poll[string](t, ctx, `document.getElementById('breaks').value`, "the box to hold the breaks shown", waitTimeout)
	require.Contains(t, shown, "\u00a0; ", "breaks shown in French, separated by « ; »")
	// The breaks as numbers, read from the French text.
	nums := eval[[]float64](t, ctx, `document.getElementById('breaks').value.split(';').map(s => parseFloat(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')))`)
	require.GreaterOrEqual(t, len(nums), 2)
	lo, hi := nums[0]+0.5, nums[len(nums)-1]
	require.Less(t, lo, hi)
	fr := func(v float64) string {
		return strings.Replace(strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", v), "0"), "."), ".", ",", 1)
	}
	before := currentView(t, ctx)
	typeBreaks(t, ctx, fr(lo)+" ; "+fr(hi))
	after := waitViewChange(t, ctx, before, "typing two breaks with a decimal comma")
	classes := eval[int](t, ctx, `document.querySelectorAll('#legend [data-class]:not([data-class=nodata])').length`)
	assert.Equal(t, 3, classes, "two breaks, three classes: %s", after.Labels)
	assert.Contains(t, after.Labels, fr(lo), "the legend shows the typed break")
	assert.Contains(t, eval[string](t, ctx, `location.search`), "breaks=")
	assert.Equal(t, "false", eval[string](t, ctx, `document.getElementById('breaks').getAttribute('aria-invalid')`))

	// Not increasing: refused, the reason next to the box, the text kept.
	bad := fr(hi) + " ; " + fr(lo)
	typeBreaks(t, ctx, bad)
	msg := poll[string](t, ctx, `(() => { const e = document.getElementById('breaks-error'); return e.hidden ? '' : e.textContent; })()`,
		"the refusal's reason", waitTimeout)
	assert.Contains(t, msg, "Seuil 2")
	assert.Contains(t, msg, "«\u00a0"+fr(lo)+"\u00a0»")
	assert.Equal(t, "true", eval[string](t, ctx, `document.getElementById('breaks').getAttribute('aria-invalid')`))
	assert.Equal(t, bad, value(t, ctx, "breaks"), "the box keeps the text to fix")
	assert.Equal(t, after, currentView(t, ctx), "the map keeps its breaks")

	// Another metric has its own breaks; coming back restores these. (The
	// reader leaves the box for the metric's select.)
	eval[chromedp.Void](t, ctx, `document.getElementById('metric').focus()`)
	setControl(t, ctx, "metric", "target")
	other := poll[string](t, ctx, fmt.Sprintf(`(() => { const v = document.getElementById('breaks').value; return v && v !== %s ? v : ''; })()`, jsString(bad)),
		"the target metric's own breaks", waitTimeout)
	assert.NotEqual(t, fr(lo)+"\u00a0; "+fr(hi), other)
	assert.True(t, eval[bool](t, ctx, `document.getElementById('breaks-error').hidden`), "the message goes with the change")
	setControl(t, ctx, "metric", "per10k")
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('breaks').value === %s`, jsString(fr(lo)+"\u00a0; "+fr(hi))),
		"per 10 000's breaks to come back", waitTimeout)
}
