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
