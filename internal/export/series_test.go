package export

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app/apptest"
	"francenum-map/internal/exportfmt"
	"francenum-map/internal/indicator"
)

// published reads the mirror's departmental detail rows of indicator id:
// "code|date" → value, as the Worker serves them.
func published(t *testing.T, id string) map[string]float64 {
	t.Helper()
	detail, _, _ := apptest.Files(t, id)
	recs, err := csv.NewReader(strings.NewReader(string(detail))).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	out := map[string]float64{}
	for _, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[col["valeur"]], 64)
		require.NoError(t, err)
		out[r[col["code_departement"]]+"|"+r[col["date"]]] = v
	}
	return out
}

// TestSeriesLongIsThePublishedFile (issue 26 item 11): the long export has
// one row per published departmental value of the indicator, each equal to
// the published one, dated and sourced.
func TestSeriesLongIsThePublishedFile(t *testing.T) {
	a := newApp(t)
	want := published(t, indicator.Cheques)
	st := a.Series()
	recs, err := csv.NewReader(strings.NewReader(SeriesLong(&st, exportfmt.Standard))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"code_departement", "libelle_departement", "id_indicateur", "indicateur", "date", "valeur", "unite", "source"}, recs[0])
	require.Len(t, recs[1:], len(want), "one row per published value")
	for _, r := range recs[1:] {
		// The published file writes 2A as « 2A », 01 as « 1 » or « 01 »:
		// compare by value through the normalised code and the date.
		v, err := strconv.ParseFloat(r[5], 64)
		require.NoError(t, err)
		pub, ok := want[r[0]+"|"+r[4]]
		if !ok {
			pub, ok = want[strings.TrimPrefix(r[0], "0")+"|"+r[4]]
		}
		require.True(t, ok, "row %v not in the published file", r)
		assert.Equal(t, pub, v, "%s %s", r[0], r[4])
		assert.Equal(t, indicator.Cheques, r[2])
		assert.Contains(t, r[7], "Licence Ouverte 2.0 — données au ")
	}
}

// TestSeriesWideOneColumnPerMonth: the wide export for Excel has a row per
// department, a column per published date, the values of the long one,
// and the source line under the table.
func TestSeriesWideOneColumnPerMonth(t *testing.T) {
	a := newApp(t)
	st := a.Series()
	out := SeriesWide(&st, exportfmt.ExcelFR)
	assert.True(t, strings.HasPrefix(out, "\ufeff"), "Excel's BOM")
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(recs), 103)
	head := recs[0]
	assert.Equal(t, "2021-02-28", head[2], "the first published date of the chèques")
	assert.Len(t, head, 2+len(st.Dates))
	rows := recs[1:102]
	assert.Equal(t, "01", rows[0][0])
	last := len(head) - 1
	for _, row := range rows {
		require.Len(t, row, len(head))
	}
	// Ain's last value as published, with a decimal comma or none.
	pub := published(t, indicator.Cheques)
	v := pub["01|"+head[last]]
	if v == 0 {
		v = pub["1|"+head[last]]
	}
	assert.Equal(t, strconv.FormatFloat(v, 'f', -1, 64), strings.ReplaceAll(rows[0][last], ",", "."))
	tail := strings.Join(recs[len(recs)-1], "")
	assert.Contains(t, tail, "Source : Baromètre des résultats de l'action publique")
	assert.Contains(t, tail, "données au ")
}
