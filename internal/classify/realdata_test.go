package classify

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"francenum-map/internal/datadir"
	"francenum-map/internal/frfmt"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pctTarget reads the published synthese file and returns, for indicator
// id, each department's valeur_actuelle / cible in percent (the file's own
// pourcentage_cible column is capped at 100 by the publisher).
func pctTarget(t *testing.T, id string) map[string]float64 {
	t.Helper()
	f, err := os.Open(datadir.MustFind(t, "barometre/barometre-resultats-synthese-departemental.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := map[string]float64{}
	for _, r := range rows[1:] {
		if r[col["id_indicateur"]] != id {
			continue
		}
		v, err1 := strconv.ParseFloat(r[col["valeur_actuelle"]], 64)
		c, err2 := strconv.ParseFloat(r[col["cible"]], 64)
		require.NoError(t, err1)
		require.NoError(t, err2)
		out[r[col["code_departement"]]] = v / c * 100
	}
	return out
}

// The overseas outliers (900–1 600 % of target for chèques) must not
// flatten the scale: with the capped top class the metropolitan
// departments spread over the classes.
func TestRealChequesPercentOfTarget(t *testing.T) {
	pct := pctTarget(t, "nb-entreprises-cheaque-numerique")
	require.Len(t, pct, 101)
	values := make([]float64, 0, 101)
	for _, v := range pct {
		values = append(values, v)
	}
	assert.InDelta(t, 1600, pct["974"], 1e-9)
	assert.Greater(t, pct["971"], 900.0)

	largest := func(counts []int) int {
		m := 0
		for _, c := range counts {
			m = max(m, c)
		}
		return m
	}
	flat := New(values, Options{Method: Equal, Classes: 5})
	_, flatCounts, _ := flat.ClassAll(values, nil)
	assert.GreaterOrEqual(t, largest(flatCounts), 95, "uncapped equal intervals put nearly everything in one class: %v", flatCounts)

	s := New(values, Options{Method: Equal, Classes: 5, Diverging: true, Pivot: 100, Cap: 150})
	require.True(t, s.Capped)
	_, counts, noData := s.ClassAll(values, nil)
	assert.Zero(t, noData)
	assert.Equal(t, 5, s.K())
	assert.Equal(t, 11, counts[4], "≥ 150 %: 3 overseas outliers, Mayotte and 7 metropolitan departments")
	assert.Equal(t, 101-57, counts[0]+counts[1], "44 departments below their target")
	// Checked independently (Python over the same file): breaks
	// (32.92+100)/2, 100, 125, 150.
	assert.InDeltaSlice(t, []float64{(pct["972"] + 100) / 2, 100, 125, 150}, s.Breaks, 1e-9)
	assert.Equal(t, []int{7, 37, 34, 12, 11}, counts, "the capped scale spreads the departments")
	assert.Equal(t, 4, s.Class(pct["974"]))
	assert.Equal(t, 0, s.Class(pct["972"]), "Martinique, 33 %, lowest")

	lg := s.Legend(values, Format{Lang: frfmt.FR, Unit: Percent})
	assert.Equal(t, "≥ 150"+nb+"%", lg.Items[4].Label)
	assert.Equal(t, "100"+nb+"% – < 125"+nb+"%", lg.Items[2].Label, "equal intervals between pivot and cap")
}

func TestRealDiagnosticsJenks(t *testing.T) {
	pct := pctTarget(t, "nb-diagnostics-individualises")
	values := make([]float64, 0, 101)
	for _, v := range pct {
		values = append(values, v)
	}
	s := New(values, Options{Method: Jenks, Classes: 6, Diverging: true, Pivot: 100, Cap: 150})
	_, counts, _ := s.ClassAll(values, nil)
	assert.Equal(t, 101-85, counts[0]+counts[1]+counts[2], "16 departments below target: %v %v", s.Breaks, counts)
	assert.Equal(t, 27, counts[len(counts)-1], "≥ 150 %")
	for i, c := range counts {
		assert.Positive(t, c, "Jenks never leaves a class empty (class %d, %v)", i, s.Breaks)
	}
}
