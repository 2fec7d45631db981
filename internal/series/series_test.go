package series

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
	"francenum-map/internal/datadir"
)

const (
	cheques = "nb-entreprises-cheaque-numerique"
	diags   = "nb-diagnostics-individualises"
)

var twoIDs = []string{cheques, diags}

func parseReal(t testing.TB, name string) *barometre.File {
	data, err := os.ReadFile(datadir.MustFind(t, "barometre/"+name))
	require.NoError(t, err)
	f, err := barometre.ParseSelected(data, twoIDs)
	require.NoError(t, err)
	return f
}

func realModel(t testing.TB) *Model {
	return Build(
		parseReal(t, "barometre-resultats-detail-departemental.csv"),
		parseReal(t, "barometre-resultats-synthese-departemental.csv"),
		parseReal(t, "barometre-resultats-detail-national.csv"),
	)
}

var nov22 = barometre.NewDate(2022, 11, 30)

func TestRealModel(t *testing.T) {
	m := realModel(t)
	require.Len(t, m.Indicators, 2)
	assert.Equal(t, diags, m.Indicators[0].ID) // first in the file
	ch, dg := m.Indicator(cheques), m.Indicator(diags)
	require.NotNil(t, ch)
	require.NotNil(t, dg)
	assert.Nil(t, m.Indicator("nope"))

	assert.Len(t, ch.Depts, 101)
	assert.Len(t, dg.Depts, 101)
	assert.Len(t, ch.Codes(), 101)
	assert.Len(t, ch.Dates, 19)
	assert.Len(t, dg.Dates, 20)
	assert.Equal(t, barometre.NewDate(2021, 2, 28), ch.Dates[0])
	assert.Equal(t, barometre.NewDate(2021, 1, 31), dg.Dates[0])
	assert.Equal(t, nov22, ch.LastDate())

	// Months absent for every department.
	months := func(ind *Indicator) []string {
		var out []string
		for _, mi := range ind.AbsentMonths {
			out = append(out, mi.String())
		}
		return out
	}
	assert.Equal(t, []string{"2021-11", "2022-04", "2022-07"}, months(ch))
	assert.Equal(t, []string{"2021-07", "2022-04", "2022-07"}, months(dg))

	// Dates absent for one department only: one department lacks 2021-01-31.
	var short []string
	for code, s := range dg.Depts {
		if len(s.Points) != 20 {
			short = append(short, code)
			assert.Equal(t, []barometre.Date{barometre.NewDate(2021, 1, 31)}, s.Missing)
			assert.Len(t, s.Points, 19)
		}
	}
	assert.Len(t, short, 1)
	for _, s := range ch.Depts {
		assert.Len(t, s.Points, 19)
		assert.Empty(t, s.Missing)
	}

	// Sum of departments, national and the remainder at 2022-11-30.
	sum, n := ch.SumAt(nov22)
	assert.Equal(t, 112567.0, sum)
	assert.Equal(t, 101, n)
	sum, _ = dg.SumAt(nov22)
	assert.Equal(t, 36506.0, sum)
	nat, ok := ch.NationalAt(nov22)
	assert.True(t, ok)
	assert.Equal(t, 112580.0, nat)
	nat, _ = dg.NationalAt(nov22)
	assert.Equal(t, 36648.0, nat)
	r, ok := ch.Remainder(nov22)
	assert.True(t, ok)
	assert.Equal(t, 13.0, r)
	r, _ = dg.Remainder(nov22)
	assert.Equal(t, 142.0, r)

	// Decreases of cumulative values.
	assert.Equal(t, 188, len(ch.Decreases)+len(dg.Decreases))
	for _, d := range append(ch.Decreases, dg.Decreases...) {
		assert.Less(t, d.After, d.Before)
		assert.Less(t, d.From, d.To)
		assert.Greater(t, d.Line, 1)
	}
	total := 0
	for _, s := range ch.Depts {
		total += len(s.Decreases)
	}
	assert.Equal(t, len(ch.Decreases), total)

	// Targets from the synthese.
	ain := ch.Series("01")
	require.NotNil(t, ain.Target)
	assert.Equal(t, 878.0, ain.Target.Target)
	assert.Equal(t, barometre.NewDate(2022, 12, 31), ain.Target.TargetDate)
	v, ok := ain.At(nov22)
	assert.True(t, ok)
	assert.Equal(t, ain.Target.Current, v)
	assert.Equal(t, "Ain", ain.Name)
	assert.Equal(t, "Numérisation des petites et moyennes entreprises", ch.Mesure)
	assert.Equal(t, "entreprises", ch.Unit)
}

func TestRealIncrements(t *testing.T) {
	ch := realModel(t).Indicator(cheques)
	ain := ch.Series("01")
	// Sum of the increments telescopes to last − first.
	total := 0.0
	for _, d := range ch.Dates[1:] {
		delta, months, ok := ain.Increment(d)
		require.True(t, ok)
		assert.GreaterOrEqual(t, months, 1)
		total += delta
	}
	first, _ := ain.At(ch.Dates[0])
	last, _ := ain.Last()
	assert.Equal(t, last.Value-first, total)
	// 2021-12-31 follows the absent 2021-11: the increment covers two months.
	_, months, ok := ain.Increment(barometre.NewDate(2021, 12, 31))
	assert.True(t, ok)
	assert.Equal(t, 2, months)
	_, _, ok = ain.Increment(ch.Dates[0])
	assert.False(t, ok)
}

// obs builds a detail file by hand.
func obs(kind barometre.Kind, rows ...barometre.Observation) *barometre.File {
	return &barometre.File{Kind: kind, Observations: rows}
}

func o(id, code string, d barometre.Date, v float64) barometre.Observation {
	return barometre.Observation{Indicator: id, Dept: code, Date: d, Value: v, Line: int(d) % 1000}
}

func TestSmallModel(t *testing.T) {
	jan, feb, mar, may := barometre.NewDate(2021, 1, 31), barometre.NewDate(2021, 2, 28), barometre.NewDate(2021, 3, 31), barometre.NewDate(2021, 5, 31)
	detail := obs(barometre.KindDetail,
		o("x", "02", may, 30), o("x", "02", jan, 10), o("x", "02", mar, 25), o("x", "02", feb, 20),
		o("x", "01", mar, 5), o("x", "01", may, 4),
	)
	nat := obs(barometre.KindNationalDetail, o("x", "", may, 40), o("x", "", jan, 12))
	synth := &barometre.File{Kind: barometre.KindSynthese, Targets: []barometre.Target{{Indicator: "x", Dept: "01", Target: 9, HasTarget: true}}}
	natSynth := &barometre.File{Kind: barometre.KindNationalSynthese, Targets: []barometre.Target{{Indicator: "x", Target: 99, HasTarget: true}}}
	m := Build(detail, synth, nat)
	m.Add(natSynth)
	x := m.Indicator("x")
	assert.Equal(t, []barometre.Date{jan, feb, mar, may}, x.Dates)
	assert.Equal(t, []barometre.Month{may.Month() - 1}, x.AbsentMonths)
	assert.Equal(t, []barometre.Date{jan, feb}, x.Series("01").Missing)
	assert.Empty(t, x.Series("02").Missing)
	assert.Equal(t, []Decrease{{Dept: "01", From: mar, To: may, Before: 5, After: 4, Line: int(may) % 1000}}, x.Decreases)
	assert.Equal(t, []string{"01", "02"}, x.Codes())

	s := x.Series("02")
	d, months, ok := s.Increment(may)
	assert.Equal(t, []any{5.0, 2, true}, []any{d, months, ok})
	d, months, ok = s.Increment(feb)
	assert.Equal(t, []any{10.0, 1, true}, []any{d, months, ok})
	_, _, ok = s.Increment(barometre.NewDate(2021, 4, 30))
	assert.False(t, ok)

	sum, n := x.SumAt(may)
	assert.Equal(t, 34.0, sum)
	assert.Equal(t, 2, n)
	sum, n = x.SumAt(jan)
	assert.Equal(t, 10.0, sum)
	assert.Equal(t, 1, n)
	r, ok := x.Remainder(may)
	assert.True(t, ok)
	assert.Equal(t, 6.0, r)
	_, ok = x.Remainder(mar) // no national value
	assert.False(t, ok)
	assert.Equal(t, 9.0, x.Series("01").Target.Target)
	assert.Equal(t, 99.0, x.NationalTarget.Target)
	assert.Equal(t, 99.0, x.National.Target.Target)
	assert.Empty(t, x.National.Decreases)

	// A nil series answers "no value".
	var none *Series
	_, ok = none.At(may)
	assert.False(t, ok)
	_, ok = none.Last()
	assert.False(t, ok)

	// Adding the same file again keeps the first value of each date.
	m.Add(obs(barometre.KindDetail, o("x", "02", may, 31)))
	v, _ := x.Series("02").At(may)
	assert.Equal(t, 30.0, v)

	empty := Build(nil, nil, nil)
	assert.Empty(t, empty.Indicators)
}
