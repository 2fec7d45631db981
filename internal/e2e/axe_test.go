//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// axe injects node_modules/axe-core/axe.min.js and returns the serious and
// critical violations of the page (WCAG 2.x A/AA and best practices).
func axe(t *testing.T, ctx context.Context) []axeViolation {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(need(t).root, "node_modules", "axe-core", "axe.min.js"))
	require.NoError(t, err, "axe-core from npm")
	eval[chromedp.Void](t, ctx, string(src)+";undefined")
	all := evalAwait[[]axeViolation](t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`, 2*time.Minute)
	var bad []axeViolation
	for _, v := range all {
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, v)
		}
	}
	return bad
}

func describeAxe(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  [%s] %s: %s", v.Impact, v.ID, v.Help)
		for i, n := range v.Nodes {
			if i == 3 {
				fmt.Fprintf(&b, "\n      … %d more", len(v.Nodes)-3)
				break
			}
			fmt.Fprintf(&b, "\n      %v %s", n.Target, abbrev(n.HTML))
		}
	}
	return b.String()
}

func TestAccessibility(t *testing.T) {
	t.Run("main view", func(t *testing.T) {
		ctx := open(t, "")
		if vs := axe(t, ctx); len(vs) > 0 {
			t.Errorf("axe: %d serious/critical violations on the main view:%s", len(vs), describeAxe(vs))
		}
	})
	t.Run("table view", func(t *testing.T) {
		ctx := open(t, "")
		requireHook(t, ctx, "#table")
		// Show the table the way a user does: open its <details> or press
		// the control that shows it.
		eval[chromedp.Void](t, ctx, `(() => {
		  const d = document.getElementById('table').closest('details'); if (d) d.open = true;
		  const b = document.querySelector('[aria-controls="table"]'); if (b && b.getAttribute('aria-expanded') === 'false') b.click();
		  document.getElementById('table').scrollIntoView();
		})()`)
		poll[bool](t, ctx, `document.getElementById('table').getBoundingClientRect().height > 0`, "the table to be visible", waitTimeout)
		if vs := axe(t, ctx); len(vs) > 0 {
			t.Errorf("axe: %d serious/critical violations on the table view:%s", len(vs), describeAxe(vs))
		}
	})
	t.Run("phone view", func(t *testing.T) {
		// Settings folded, then unfolded with a department's card open
		// as a bottom sheet.
		ctx := openPhone(t, 390, 844, "")
		if vs := axe(t, ctx); len(vs) > 0 {
			t.Errorf("axe: %d serious/critical violations on the phone view:%s", len(vs), describeAxe(vs))
		}
		click(t, ctx, "#more")
		eval[chromedp.Void](t, ctx, `document.querySelector('#map path[data-code="29"]').dispatchEvent(new PointerEvent('pointerover', {bubbles: true}))`)
		poll[bool](t, ctx, `!document.getElementById('tooltip').hidden && document.getElementById('metric').getClientRects().length > 0`, "the card and the settings", waitTimeout)
		if vs := axe(t, ctx); len(vs) > 0 {
			t.Errorf("axe: %d serious/critical violations on the phone view, unfolded, card open:%s", len(vs), describeAxe(vs))
		}
	})
	t.Run("embed view", func(t *testing.T) {
		ctx := open(t, "embed=1")
		if vs := axe(t, ctx); len(vs) > 0 {
			t.Errorf("axe: %d serious/critical violations on the embed view:%s", len(vs), describeAxe(vs))
		}
	})
}

// TestBeforeGoAccessibleAndStill (issue 22, item 3): the page before Go
// (app.wasm blocked, the table open) is axe-clean like the live one, and
// Go's taking over moves nothing: Chromium's layout-shift score over the
// load, until ready and a few frames after, is 0, for the page and the
// embed.
func TestBeforeGoAccessibleAndStill(t *testing.T) {
	ctx := openNoWasm(t, "")
	poll[bool](t, ctx, `!!document.querySelector('#map svg.prerender path[data-code="18"][tabindex]')`, "the build-time map wired", waitTimeout)
	eval[chromedp.Void](t, ctx, `(() => { document.getElementById('table-details').open = true; })()`)
	if vs := axe(t, ctx); len(vs) > 0 {
		t.Errorf("axe: %d serious/critical violations before Go:%s", len(vs), describeAxe(vs))
	}
	const clsJS = `new Promise((res) => {
  let s = 0; const seen = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { s += e.value; seen.push(e.value.toFixed(4) + ' @' + Math.round(e.startTime) + ' ' + (e.sources || []).map(x => (x.node && (x.node.id || x.node.className || x.node.nodeName)) + JSON.stringify([x.previousRect.y, x.previousRect.height, x.currentRect.y, x.currentRect.height, x.previousRect.x, x.currentRect.x])).join(',')); } })
    .observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => res(JSON.stringify({ s, seen })), 300)));
})`
	for _, q := range []string{"", "embed=1"} {
		live := open(t, q)
		waitReady(t, live)
		nextFrames(t, live)
		got := evalAwait[string](t, live, clsJS, waitTimeout)
		assert.Contains(t, got, `{"s":0,`, "layout shifts over the load of ?%s: %s", q, got)
	}
}
