//go:build e2e

package e2e

import (
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewAfterMissingMonth: « Nouveaux ce mois » in August 2021 for the
// diagnostics follows an absent July: every place shows the monthly
// average (cum Aug − cum Jun) / 2 and says « moyenne mensuelle sur 2 mois ».
func TestNewAfterMissingMonth(t *testing.T) {
	need(t)
	const diag = "nb-diagnostics-individualises"
	recs, err := csv.NewReader(strings.NewReader(string(workerCSV(t, "detail.csv")))).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	cum := map[string]float64{} // code|yyyy-mm
	for _, r := range recs[1:] {
		if r[col["id_indicateur"]] != diag {
			continue
		}
		v, err := strconv.ParseFloat(r[col["valeur"]], 64)
		require.NoError(t, err)
		cum[r[col["code_departement"]]+"|"+r[col["date"]][:7]] = v
	}
	for k := range cum {
		require.False(t, strings.HasSuffix(k, "|2021-07"), "July 2021 is absent from the diagnostics")
	}
	ctx := open(t, "ind="+diag+"&metric=new&date=2021-08")
	checked := 0
	for _, code := range []string{"75", "13", "69", "33", "59"} {
		aug, ok1 := cum[code+"|2021-08"]
		jun, ok2 := cum[code+"|2021-06"]
		if !ok1 || !ok2 {
			continue
		}
		want := (aug - jun) / 2
		aria := eval[string](t, ctx, `document.querySelector('#map svg path[data-code="`+code+`"]').getAttribute('aria-label')`)
		_, num, _ := strings.Cut(aria, ") : ")
		got, ok := parseFR(strings.TrimPrefix(num, "+"))
		require.True(t, ok, "number in %q", aria)
		assert.InDelta(t, want, got, 0.051, "%s: map shows %q, (cum Aug − cum Jun)/2 = %v", code, aria, want)
		checked++
	}
	require.Greater(t, checked, 0)
	title := text(t, ctx, "#map-title")
	legend := text(t, ctx, "#legend")
	desc := text(t, ctx, "#description")
	for what, s := range map[string]string{"title": title, "legend": legend, "description": desc} {
		assert.Contains(t, s, "moyenne mensuelle sur 2\u00a0mois", "%s: %q", what, s)
	}
	// The legend's classes bound the mapped (averaged) values.
	max := eval[float64](t, ctx, `Math.max(...[...document.querySelectorAll('#map svg path[data-code]')].map(p => { const m = (p.getAttribute('aria-label').split(') : ')[1] || '').replace(/[\s\u00a0\u202f+]/g, '').replace(',', '.'); return parseFloat(m) || 0; }))`)
	top := eval[string](t, ctx, `document.querySelector('#legend li[data-class]:not([data-class=nodata]) .label').textContent`)
	lo, ok := parseFR(strings.TrimPrefix(top, "≥ "))
	require.True(t, ok, "top class %q", top)
	assert.LessOrEqual(t, lo, math.Ceil(max), "top class %q holds the largest average %v", top, max)
}
