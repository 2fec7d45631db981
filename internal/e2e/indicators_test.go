//go:build e2e

package e2e

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// publishedRows reads one of the publisher's files in DATA_DIR (never the
// Worker's copy: the map must show what data.gouv.fr publishes) and
// returns, for indicator id, value by department (or "national") and date.
func publishedRows(t *testing.T, file, id string) map[pair]float64 {
	t.Helper()
	f, err := os.Open(filepath.Join(need(t).dataDir, "barometre", file))
	require.NoError(t, err, "the published file must be in DATA_DIR")
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	out := map[pair]float64{}
	for _, r := range recs[1:] {
		if r[col["id_indicateur"]] != id {
			continue
		}
		v, err := strconv.ParseFloat(r[col["valeur"]], 64)
		require.NoError(t, err)
		where := "national" // the national file has maille_geographique
		if c, ok := col["code_departement"]; ok {
			where = r[c]
		}
		out[pair{where, r[col["date"]]}] = v
	}
	return out
}

// TestIndicatorsByKind: five indicators of different kinds, chosen in the
// picker as a user would, each loaded on demand. Each shows the metrics
// that make sense for its kind, its unit in the legend, the national
// figure of the national file (a rate's never a sum: « non disponible »
// without one), and 10 random department × month values equal to the
// published file (E2E_SEED replays a run).
func TestIndicatorsByKind(t *testing.T) {
	need(t)
	cases := []struct {
		id, kind string
		metrics  []string
		unit     string
		natLabel string // the national panel's first line
	}{
		{"tx-gs-rep", "rate with target, no national value", []string{"target", "count"}, "% des classes", "Valeur nationale"},
		{"taux-deploiement-fibre", "rate without target", []string{"count"}, "% de déploiement", "Valeur nationale"},
		{"km-amenagement-cyclables-securises", "amount, running total, with target", []string{"target", "per10k", "share", "count", "new"}, "kilomètres", "Total national"},
		{"nb-morts-routes", "count in the year, without target", []string{"per10k", "share", "count"}, "morts dans l'année", "Total national"},
		{"nb-maisons-sante", "count, running total, with target", []string{"target", "per10k", "share", "count", "new"}, "maisons de santé", "Total national"},
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("E2E_SEED"); s != "" {
		var err error
		seed, err = strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
	}
	t.Logf("indicators seed: E2E_SEED=%d", seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x16))
	ctx := open(t, "")
	// The picker lists every indicator of the index, France Num's first.
	poll[bool](t, ctx, `document.querySelectorAll('#indicator option').length >= 54`, "the picker's 54 indicators", waitTimeout)
	opts := options(t, ctx, "indicator")
	require.Equal(t, []string{cheques, "nb-diagnostics-individualises"}, opts[:2], "France Num's two first")
	assert.Equal(t, cheques, value(t, ctx, "indicator"), "and the default")
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			setControl(t, ctx, "indicator", tc.id)
			sw := poll[map[string]any](t, ctx, fmt.Sprintf(`(() => { const s = francenumApp.stats().indSwitch; return document.documentElement.dataset.state === 'ready' && s && s.id === %s ? s : null; })()`, jsString(tc.id)),
				"the switch to "+tc.id, loadTimeout)
			t.Logf("%s (%s): switch %.0f ms, fetch+parse %.0f ms", tc.id, tc.kind, sw["ms"], sw["fetchMs"])
			assert.Equal(t, true, sw["loaded"], "loaded on demand")
			assert.Equal(t, tc.metrics, options(t, ctx, "metric"), "the metric list offers only what makes sense")
			assert.False(t, eval[bool](t, ctx, `!document.getElementById('notices').hidden && document.getElementById('notices').textContent !== ''`),
				"no « ignored parameter » notice: %q", text(t, ctx, "#notices"))
			assert.Contains(t, text(t, ctx, "#source"), "mesure « ", "the source line names the policy")
			assert.NotContains(t, text(t, ctx, "#title"), "Numérisation", "the header follows the policy")

			setControl(t, ctx, "metric", "count")
			poll[bool](t, ctx, `(() => { const l = new URLSearchParams(location.search); return l.get('metric') === 'count'; })()`, "metric=count", waitTimeout)
			assert.Contains(t, text(t, ctx, "#legend h3"), "("+tc.unit+")", "the legend names the unit")
			circles := strings.HasPrefix(tc.natLabel, "Total")
			assert.Equal(t, circles, eval[bool](t, ctx, `document.querySelector('#map .circles').style.display !== 'none'`), "circles only for what adds up")

			// The national figure, at the month shown (the latest).
			nat := publishedRows(t, "barometre-resultats-detail-national.csv", tc.id)
			det := publishedRows(t, "barometre-resultats-detail-departemental.csv", tc.id)
			require.NotEmpty(t, det)
			last := ""
			for p := range det {
				if p.date > last {
					last = p.date
				}
			}
			poll[bool](t, ctx, `document.querySelectorAll('#national p').length > 0`, "the national panel", waitTimeout)
			lines := eval[[]string](t, ctx, `[...document.querySelectorAll('#national p')].map(p => p.textContent)`)
			require.NotEmpty(t, lines)
			// French typography: a no-break space before the colon.
			assert.True(t, strings.HasPrefix(lines[0], tc.natLabel+"\u00a0: "), "%q", lines[0])
			shown := strings.TrimPrefix(lines[0], tc.natLabel+"\u00a0: ")
			if want, ok := nat[pair{"national", last}]; ok {
				got, okp := parseFR(shown)
				assert.True(t, okp && got == want, "national at %s: file %v, shown %q", last, want, shown)
			} else {
				assert.Equal(t, "non disponible", shown, "no national value at %s", last)
			}
			if !circles {
				assert.Len(t, lines, 1, "a rate is never summed: no sum of departments, no remainder")
			}

			// 10 random department × month values, each month by URL (ind=
			// in the URL loads the indicator at boot).
			var pairs []pair
			for p := range det {
				pairs = append(pairs, p)
			}
			sort.Slice(pairs, func(a, b int) bool { return pairs[a].date+pairs[a].code < pairs[b].date+pairs[b].code })
			byMonth := map[string][]pair{}
			for _, k := range rng.Perm(len(pairs))[:10] {
				p := pairs[k]
				byMonth[p.date[:7]] = append(byMonth[p.date[:7]], p)
			}
			vctx := tab(t)
			for month, ps := range byMonth {
				navigate(t, vctx, appURL("ind="+tc.id+"&metric=count&date="+month))
				require.Equal(t, tc.id, value(t, vctx, "indicator"))
				poll[bool](t, vctx, `document.querySelectorAll('#table tr[data-code]').length === 101`, "the table's rows", waitTimeout)
				for _, p := range ps {
					assertShown(t, vctx, p, det[p])
				}
			}
		})
	}
}

// assertShown checks that department p.code's row or aria-label shows want.
func assertShown(t *testing.T, ctx context.Context, p pair, want float64) {
	t.Helper()
	shown := eval[[]string](t, ctx, fmt.Sprintf(`(() => {
	  const out = [];
	  const row = document.querySelector('#table tr[data-code="%[1]s"]');
	  if (row) for (const c of row.children) out.push(c.textContent.trim());
	  const path = document.querySelector('#map svg [data-code="%[1]s"]');
	  if (path) out.push(...(path.getAttribute('aria-label') || '').split(/[:,;()—–]/).map(s => s.trim()));
	  return out;
	})()`, p.code))
	for _, s := range shown {
		if v, ok := parseFR(s); ok && v == want {
			return
		}
	}
	t.Errorf("department %s at %s: the file says %v, the UI shows %q", p.code, p.date, want, shown)
}

// TestIndicatorScreens: a rate and a count, in French and English, on a
// desktop and a phone: build/e2e/ind-*.png, to be looked at.
func TestIndicatorScreens(t *testing.T) {
	need(t)
	for _, id := range []string{"taux-deploiement-fibre", "nb-morts-routes"} {
		for _, lang := range []string{"fr", "en"} {
			for _, w := range []int64{1280, 390} {
				ctx := openScreen(t, w, map[int64]int64{1280: 900, 390: 844}[w], w < 500, "ind="+id+"&lang="+lang)
				assert.Equal(t, id, value(t, ctx, "indicator"))
				screenshot(t, ctx, fmt.Sprintf("ind-%s-%s-%d", id, lang, w))
			}
		}
	}
}
