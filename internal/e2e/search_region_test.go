//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 14, item 10: a new search replaces the last one, and regions and
// « 20 » find their departments. Real typing: a mouse click into the box,
// keystrokes, Enter.
func TestSearchReplacesAndFindsRegions(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#search")
	search := func(q string) {
		t.Helper()
		// Measured each time: the page may have moved since (the list of
		// a region's departments, the indicator filter arriving).
		box := eval[[]float64](t, ctx, `(() => { const s = document.getElementById('search'); s.scrollIntoView({block: 'center'});
  const r = s.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
		sctx, cancel := timeout(ctx, waitTimeout)
		defer cancel()
		require.NoError(t, chromedp.Do(sctx, chromedp.MouseClickXY(box[0], box[1])))
		require.NoError(t, chromedp.Do(sctx, chromedp.KeyEvent(q)))
		require.NoError(t, chromedp.Do(sctx, chromedp.KeyEvent(kb.Enter)))
		nextFrames(t, ctx)
	}
	search("93")
	poll[bool](t, ctx, `!!document.querySelector('#compare tbody tr[data-code="93"]')`, "« 93 » to pin 93", waitTimeout)
	// Typing right after Enter (the box keeps the focus) replaces the text.
	sctx, cancel := timeout(ctx, waitTimeout)
	require.NoError(t, chromedp.Do(sctx, chromedp.KeyEvent("75"+kb.Enter)))
	cancel()
	poll[bool](t, ctx, `!!document.querySelector('#compare tbody tr[data-code="75"]')`, "« 75 » typed after « 93 » to pin 75", waitTimeout)
	assert.Equal(t, "75", value(t, ctx, "search"), "a new search replaces the last one")
	// A click back into the box, then typing, replaces it too.
	search("2A")
	poll[bool](t, ctx, `!!document.querySelector('#compare tbody tr[data-code="2A"]')`, "« 2A » to pin 2A", waitTimeout)
	assert.Equal(t, "2A", value(t, ctx, "search"))

	prev := ""
	for _, c := range []struct {
		q     string
		codes []string
	}{
		{"Bretagne", []string{"22", "29", "35", "56"}},
		{"ile de france", []string{"75", "77", "78", "91", "92", "93", "94", "95"}},
		{"20", []string{"2A", "2B"}},
	} {
		search(c.q)
		// The last search's list stays until this one's replaces it: wait
		// for a list that is not the previous one.
		got := poll[[]string](t, ctx, fmt.Sprintf(`(() => { const b = document.getElementById('search-results');
  const c = [...b.querySelectorAll('button[data-code]')].map(x => x.dataset.code);
  return !b.hidden && c.length && JSON.stringify(c) !== %s ? c : null; })()`, jsString(prev)),
			fmt.Sprintf("the departments of « %s »", c.q), waitTimeout)
		b, _ := json.Marshal(got)
		prev = string(b)
		assert.Equal(t, c.codes, got, c.q)
		assert.Equal(t, c.q, value(t, ctx, "search"))
	}
	// A listed department pins with its button.
	eval[chromedp.Void](t, ctx, `document.querySelector('#compare tbody button').click()`) // room for one
	poll[bool](t, ctx, `document.querySelectorAll('#compare tbody tr').length === 2`, "an unpin", waitTimeout)
	click(t, ctx, `#search-results button[data-code="2B"]`)
	poll[bool](t, ctx, `!!document.querySelector('#compare tbody tr[data-code="2B"]')`, "the listed 2B to pin", waitTimeout)
}
