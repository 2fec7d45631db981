package barometre

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
)

const (
	cheques = "nb-entreprises-cheaque-numerique"
	diags   = "nb-diagnostics-individualises"
)

var twoIDs = []string{cheques, diags}

func readReal(t testing.TB, name string) []byte {
	data, err := os.ReadFile(datadir.MustFind(t, "barometre/"+name))
	require.NoError(t, err)
	return data
}

const (
	detailFile   = "barometre-resultats-detail-departemental.csv"
	syntheseFile = "barometre-resultats-synthese-departemental.csv"
	nationalFile = "barometre-resultats-detail-national.csv"
	natSynthFile = "barometre-resultats-synthese-national.csv"
)

func TestRealDetailFull(t *testing.T) {
	f, err := Parse(readReal(t, detailFile))
	require.NoError(t, err)
	assert.Equal(t, KindDetail, f.Kind)
	assert.Equal(t, byte(','), f.Delimiter)
	assert.Equal(t, "UTF-8", f.Encoding)
	assert.Equal(t, 116707, f.Stats.Read)
	assert.Equal(t, f.Stats.Read, f.Stats.Kept+f.Stats.Rejected)
	ids := map[string]bool{}
	for _, o := range f.Observations {
		ids[o.Indicator] = true
	}
	assert.Len(t, ids, 54)
	// The published file repeats 1 159 rows identically (other indicators
	// than the two of the map): each is reported, none silently dropped.
	assert.Equal(t, 1159, f.Stats.Rejected)
	for _, w := range f.Warnings {
		assert.Contains(t, w.Reason(), "(same value; the first is kept)", w.String())
		assert.Equal(t, WarnDuplicate, w.Code, w.String())
		assert.NotEmpty(t, w.Indicator, w.String())
		assert.NotContains(t, twoIDs, w.Indicator, w.String())
	}
}

func TestRealDetailTwoIndicators(t *testing.T) {
	data := readReal(t, detailFile)
	f, err := ParseSelected(data, twoIDs)
	require.NoError(t, err)
	assert.Equal(t, 3938, f.Stats.Read)
	assert.Equal(t, 3938, f.Stats.Kept)
	assert.Empty(t, f.Warnings)
	assert.Equal(t, 116707-3938, f.Skipped)

	// The same rows, line numbers and values as a parse of the whole file.
	all, err := Parse(data)
	require.NoError(t, err)
	var want []Observation
	for _, o := range all.Observations {
		if o.Indicator == cheques || o.Indicator == diags {
			want = append(want, o)
		}
	}
	assert.Equal(t, want, f.Observations)

	depts := map[string]map[string]bool{}
	dates := map[string]map[Date]bool{}
	sum := map[string]float64{}
	for _, o := range f.Observations {
		if depts[o.Indicator] == nil {
			depts[o.Indicator], dates[o.Indicator] = map[string]bool{}, map[Date]bool{}
		}
		depts[o.Indicator][o.Dept] = true
		dates[o.Indicator][o.Date] = true
		if o.Date == NewDate(2022, 11, 30) {
			sum[o.Indicator] += o.Value
		}
	}
	assert.Len(t, depts[cheques], 101)
	assert.Len(t, depts[diags], 101)
	assert.Len(t, dates[cheques], 19)
	assert.Len(t, dates[diags], 20)
	assert.Equal(t, 112567.0, sum[cheques])
	assert.Equal(t, 36506.0, sum[diags])
	first := f.Observations[0]
	assert.Equal(t, 220, first.Line)
	assert.Equal(t, "01", first.Dept)
	assert.Equal(t, "Ain", first.DeptName)
	assert.Equal(t, "entreprises", first.Unit)
	assert.Equal(t, "Numérisation des petites et moyennes entreprises", first.Mesure)
}

func TestRealNational(t *testing.T) {
	f, err := ParseSelected(readReal(t, nationalFile), twoIDs)
	require.NoError(t, err)
	assert.Equal(t, KindNationalDetail, f.Kind)
	assert.Empty(t, f.Warnings)
	at := map[string]float64{}
	for _, o := range f.Observations {
		assert.Equal(t, "", o.Dept)
		assert.Equal(t, "national", o.DeptName)
		if o.Date == NewDate(2022, 11, 30) {
			at[o.Indicator] = o.Value
		}
	}
	assert.Equal(t, 112580.0, at[cheques])
	assert.Equal(t, 36648.0, at[diags])

	full, err := Parse(readReal(t, nationalFile))
	require.NoError(t, err)
	assert.Equal(t, full.Stats.Read, full.Stats.Kept+full.Stats.Rejected)
}

func TestRealSynthese(t *testing.T) {
	f, err := ParseSelected(readReal(t, syntheseFile), twoIDs)
	require.NoError(t, err)
	assert.Equal(t, KindSynthese, f.Kind)
	assert.Empty(t, f.Warnings)
	assert.Equal(t, 202, f.Stats.Kept)
	var ain *Target
	for i, tg := range f.Targets {
		if tg.Indicator == cheques && tg.Dept == "01" {
			ain = &f.Targets[i]
		}
	}
	require.NotNil(t, ain)
	assert.Equal(t, 752.0, ain.Current)
	assert.Equal(t, NewDate(2022, 11, 30), ain.CurrentDate)
	assert.True(t, ain.HasTarget)
	assert.Equal(t, 878.0, ain.Target)
	assert.Equal(t, NewDate(2022, 12, 31), ain.TargetDate)
	assert.Equal(t, NewDate(2020, 9, 30), ain.InitialDate)

	full, err := Parse(readReal(t, syntheseFile))
	require.NoError(t, err)
	assert.Equal(t, full.Stats.Read, full.Stats.Kept+full.Stats.Rejected)
	assert.Equal(t, 5333, full.Stats.Read)

	ns, err := Parse(readReal(t, natSynthFile))
	require.NoError(t, err)
	assert.Equal(t, KindNationalSynthese, ns.Kind)
	assert.Equal(t, 59, ns.Stats.Read)
}

func TestRealRegionalRefused(t *testing.T) {
	_, err := Parse(readReal(t, "barometre-resultats-detail-regional.csv"))
	var se *StructuralError
	require.ErrorAs(t, err, &se)
	assert.Contains(t, se.Reason(), "regional")
}

// TestRealTruncated cuts the published file in memory, as an interrupted
// download does: in the middle of a row of another indicator (line 60 000)
// and of a row of the map's (line 230). Parse and ParseSelected refuse it,
// naming the cut line; cut at a line end, nothing shows it was cut.
func TestRealTruncated(t *testing.T) {
	data := readReal(t, detailFile)
	lineStart := func(n int) int { // offset of line n (1-based)
		off := 0
		for i := 1; i < n; i++ {
			off += bytes.IndexByte(data[off:], '\n') + 1
		}
		return off
	}
	for _, line := range []int{230, 60000} {
		start := lineStart(line)
		cut := data[:start+90] // inside the indicator label: 2 fields
		for name, parse := range map[string]func([]byte) (*File, error){
			"Parse": Parse, "ParseSelected": func(b []byte) (*File, error) { return ParseSelected(b, twoIDs) }} {
			f, err := parse(cut)
			assert.Nil(t, f, name)
			var se *StructuralError
			require.ErrorAs(t, err, &se, name)
			assert.Equal(t, RefuseTruncated, se.Code, name)
			assert.Equal(t, line, se.Line, name)
			assert.Equal(t, "8", se.Values[1], name)
			assert.NotEqual(t, "8", se.Values[0], name)
		}
		f, err := Parse(data[:start])
		require.NoError(t, err)
		assert.Equal(t, line-2, f.Stats.Read)
	}
}
