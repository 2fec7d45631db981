package series

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

// TestMonthlyAugust2021 is the case: July 2021 is absent from
// the diagnostics, so August's increment covers two months. It is shown
// as a monthly average, flagged with its span, for every department and
// for the national series alike.
func TestMonthlyAugust2021(t *testing.T) {
	m := realModel(t)
	dg := m.Indicator(diags)
	jun, aug, sep := barometre.NewDate(2021, 6, 30), barometre.NewDate(2021, 8, 31), barometre.NewDate(2021, 9, 30)

	ain := dg.Series("01")
	x, ok := ain.Monthly(aug)
	require.True(t, ok)
	// Ain: 164 at the end of June, 183 at the end of August.
	assert.Equal(t, Monthly{PerMonth: 9.5, Total: 19, Months: 2, From: jun, To: aug}, x)
	assert.True(t, x.Averaged())
	y, ok := ain.Monthly(sep)
	require.True(t, ok)
	assert.Equal(t, Monthly{PerMonth: 24, Total: 24, Months: 1, From: aug, To: sep}, y)
	assert.False(t, y.Averaged())

	assert.Equal(t, 2, dg.MonthsSpanned(aug))
	assert.Equal(t, 1, dg.MonthsSpanned(sep))
	assert.Equal(t, 0, dg.MonthsSpanned(dg.Dates[0]))
	assert.Equal(t, 0, dg.MonthsSpanned(barometre.NewDate(2021, 7, 31)))
	assert.Equal(t, 2, dg.MonthsSpanned(barometre.NewDate(2022, 5, 31))) // April 2022 absent too

	// Every department: PerMonth is the two months' increment halved, so
	// the map's total for August is the national increment halved.
	var sum, total float64
	for _, code := range dg.Codes() {
		s := dg.Series(code)
		x, ok := s.Monthly(aug)
		require.True(t, ok, code)
		a, _ := s.At(aug)
		j, _ := s.At(jun)
		assert.Equal(t, 2, x.Months, code)
		assert.Equal(t, (a-j)/2, x.PerMonth, code)
		sum += x.PerMonth
		total += x.Total
	}
	assert.Equal(t, total/2, sum)
	nat, ok := dg.National.Monthly(aug)
	require.True(t, ok)
	assert.Equal(t, 2, nat.Months)
	assert.Equal(t, nat.Total/2, nat.PerMonth)

	_, ok = ain.Monthly(dg.Dates[0])
	assert.False(t, ok)
	_, ok = (*Series)(nil).Monthly(aug)
	assert.False(t, ok)
}

func TestSpanLabel(t *testing.T) {
	assert.Equal(t, "moyenne mensuelle sur 2\u00a0mois", SpanLabel(2, frfmt.FR))
	assert.Equal(t, "monthly average over 3 months", SpanLabel(3, frfmt.EN))
	assert.Equal(t, "", SpanLabel(1, frfmt.FR))
	assert.Equal(t, "", SpanLabel(0, frfmt.EN))
}
