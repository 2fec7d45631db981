package classify

import (
	"math"
	"strconv"
	"testing"

	"francenum-map/internal/frfmt"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const nb = frfmt.NNBSP

func TestLegendDivergingPercent(t *testing.T) {
	s := New([]float64{20, 40, 60, 80, 100, 110, 120, 130, 900, 1600},
		Options{Method: Quantile, Classes: 5, Diverging: true, Pivot: 100, Cap: 150})
	month := []float64{10, 65, 70, 100, 1580, nan, 140, nan}
	lg := s.Legend(month, Format{Lang: frfmt.FR, Unit: Percent})
	require.Len(t, lg.Items, 5)
	labels := make([]string, 5)
	longs := make([]string, 5)
	counts := make([]int, 5)
	for i, it := range lg.Items {
		labels[i], longs[i], counts[i] = it.Label, it.Long, it.Count
		assert.Equal(t, i, it.Class)
		assert.Equal(t, s.Colors()[i], it.Color)
	}
	assert.Equal(t, []string{
		"< 60" + nb + "%",
		"60" + nb + "% – < 100" + nb + "%",
		"100" + nb + "% – < 120" + nb + "%",
		"120" + nb + "% – < 150" + nb + "%",
		"≥ 150" + nb + "%",
	}, labels)
	assert.Equal(t, "de 60"+nb+"% à moins de 100"+nb+"%", longs[1])
	assert.Equal(t, "150"+nb+"% ou plus", longs[4])
	assert.Equal(t, []int{1, 2, 1, 1, 1}, counts)
	assert.Equal(t, 2, lg.NoData.Count)
	assert.Equal(t, -1, lg.NoData.Class)
	assert.Equal(t, "Pas de donnée", lg.NoData.Label)
	assert.Equal(t, NoDataFill, lg.NoData.Color)
	assert.True(t, math.IsNaN(lg.Items[0].Lower))
	assert.Equal(t, 60.0, lg.Items[0].Upper)
	assert.Equal(t, 150.0, lg.Items[4].Lower)
	assert.True(t, math.IsNaN(lg.Items[4].Upper))

	en := s.Legend(month, Format{Lang: frfmt.EN, Unit: Percent})
	assert.Equal(t, "< 60%", en.Items[0].Label)
	assert.Equal(t, "under 60%", en.Items[0].Long)
	assert.Equal(t, "100% to under 120%", en.Items[2].Long)
	assert.Equal(t, "≥ 150%", en.Items[4].Label)
	assert.Equal(t, "No data", en.NoData.Label)

	// Labels once, counts per month: same result, labels untouched.
	lb := s.Labels(Format{Lang: frfmt.FR, Unit: Percent})
	// (NaN bounds make Legend values unequal to themselves: compare rows.)
	rows := func(l Legend) []string {
		var out []string
		for _, it := range append(l.Items, l.NoData) {
			out = append(out, it.Label+"|"+it.Long+"|"+it.Color+"|"+strconv.Itoa(it.Count))
		}
		return out
	}
	assert.Equal(t, rows(lg), rows(lb.Count(month)))
	other := lb.Count([]float64{200, 200})
	assert.Equal(t, 2, other.Items[4].Count)
	assert.Zero(t, other.NoData.Count)
	assert.Equal(t, rows(lg), rows(lb.Count(month)), "Count does not accumulate")
}

func TestLegendCountsThousands(t *testing.T) {
	s := New(nil, Options{Method: Manual, Manual: []float64{1000, 1234, 5000}})
	lg := s.Legend([]float64{999, 1000, 1233.9, 1234, 4999, 5000, 1e6}, Format{Lang: frfmt.FR})
	assert.Equal(t, "< 1"+nb+"000", lg.Items[0].Label)
	assert.Equal(t, "1"+nb+"234 – < 5"+nb+"000", lg.Items[2].Label)
	assert.Equal(t, "≥ 5"+nb+"000", lg.Items[3].Label)
	got := []int{lg.Items[0].Count, lg.Items[1].Count, lg.Items[2].Count, lg.Items[3].Count}
	assert.Equal(t, []int{1, 2, 2, 2}, got)
	assert.Equal(t, 0, lg.NoData.Count)
	en := s.Legend(nil, Format{Lang: frfmt.EN})
	assert.Equal(t, "1,234 to under 5,000", en.Items[2].Long)
}

// Breaks that would print the same get more decimals (at most two more).
func TestLegendDecimals(t *testing.T) {
	s := New(nil, Options{Method: Manual, Manual: []float64{1.04, 1.06, 2}})
	lg := s.Legend(nil, Format{Lang: frfmt.FR})
	assert.Equal(t, "< 1,0", lg.Items[0].Label)
	assert.Equal(t, "1,1 – < 2,0", lg.Items[2].Label)
	s = New(nil, Options{Method: Manual, Manual: []float64{12.5, 30}})
	lg = s.Legend(nil, Format{Lang: frfmt.EN, Decimals: 1})
	assert.Equal(t, "12.5 to under 30.0", lg.Items[1].Long, "already distinct: keeps Decimals")
	s = New(nil, Options{Method: Manual, Manual: []float64{1.0001, 1.0002}})
	lg = s.Legend(nil, Format{Lang: frfmt.FR})
	assert.Equal(t, "< 1,00", lg.Items[0].Label, "at most two extra decimals")
	assert.Equal(t, "≥ 1,00", lg.Items[2].Label)
}

func TestLegendSingleClass(t *testing.T) {
	s := New([]float64{5, 5, nan}, Options{Method: Jenks, Classes: 5})
	lg := s.Legend([]float64{5, 5, nan}, Format{Lang: frfmt.FR})
	require.Len(t, lg.Items, 1)
	assert.Equal(t, "Toutes les valeurs", lg.Items[0].Label)
	assert.Equal(t, 2, lg.Items[0].Count)
	assert.Equal(t, 1, lg.NoData.Count)
	assert.Equal(t, Sequential(1)[0], lg.Items[0].Color)
}

func TestRadius(t *testing.T) {
	assert.Equal(t, 20.0, Radius(100, 100, 20))
	assert.Equal(t, 10.0, Radius(25, 100, 20), "a quarter of the value, a quarter of the area")
	assert.InDelta(t, 4*math.Pi*10*10, math.Pi*Radius(400, 100, 10)*Radius(400, 100, 10), 1e-9, "above vmax stays area-true")
	for _, bad := range [][3]float64{{0, 100, 20}, {-5, 100, 20}, {nan, 100, 20}, {5, 0, 20}, {5, 100, 0}, {math.Inf(1), 100, 20}} {
		assert.Equal(t, 0.0, Radius(bad[0], bad[1], bad[2]), "%v", bad)
	}
}

func TestRefValues(t *testing.T) {
	tests := []struct {
		vmax float64
		n    int
		want []float64
	}{
		{12345, 3, []float64{1000, 5000, 10000}},
		{10000, 3, []float64{1000, 5000, 10000}},
		{9999, 3, []float64{500, 2000, 5000}},
		{6234, 3, []float64{500, 2000, 5000}},
		{2500, 3, []float64{200, 1000, 2000}},
		{12345, 2, []float64{1000, 10000}},
		{12345, 1, []float64{10000}},
		{12345, 9, []float64{1000, 5000, 10000}},
		{4, 3, []float64{1, 2}},
		{1, 3, []float64{1}},
		{0.5, 3, nil},
		{nan, 3, nil},
		{math.Inf(1), 3, nil},
	}
	for _, tt := range tests {
		got := RefValues(tt.vmax, tt.n)
		if tt.want == nil {
			assert.Empty(t, got, "%v", tt.vmax)
			continue
		}
		assert.Equal(t, tt.want, got, "RefValues(%v, %d)", tt.vmax, tt.n)
	}
	assert.Equal(t, 1000.0, niceFloor(1000), "exact powers of ten")
	assert.Equal(t, 0.2, niceFloor(0.25))
}

func TestSymbolLegend(t *testing.T) {
	got := SymbolLegend(12345, 30, 3, Format{Lang: frfmt.FR})
	require.Len(t, got, 3)
	assert.Equal(t, "1"+nb+"000", got[0].Label)
	assert.Equal(t, "10"+nb+"000", got[2].Label)
	assert.InDelta(t, 30*math.Sqrt(5000.0/12345), got[1].Radius, 1e-12)
	assert.Equal(t, 5000.0, got[1].Value)
	assert.Empty(t, SymbolLegend(0, 30, 3, Format{}))
}

// benchValues: 101 departments' % of target, overseas outliers included.
func benchValues() []float64 {
	v := make([]float64, 101)
	state := uint64(7)
	for i := range v {
		state = state*6364136223846793005 + 1442695040888963407
		v[i] = 30 + float64(state>>40)/float64(1<<24)*120
	}
	v[96], v[97], v[98], v[99], v[100] = 900, 1100, 1250, 1580, math.NaN()
	return v
}

func BenchmarkNewJenks101(b *testing.B) {
	v := benchValues()
	for b.Loop() {
		_ = New(v, Options{Method: Jenks, Classes: 7})
	}
}

func BenchmarkNewQuantileDiverging101(b *testing.B) {
	v := benchValues()
	for b.Loop() {
		_ = New(v, Options{Method: Quantile, Classes: 7, Diverging: true, Pivot: 100, Cap: 150})
	}
}

func BenchmarkNewJenksAllMonths2020(b *testing.B) {
	var v []float64
	for m := range 20 {
		for _, x := range benchValues() {
			v = append(v, x*float64(m+1)/20)
		}
	}
	for b.Loop() {
		_ = New(v, Options{Method: Jenks, Classes: 7})
	}
}

// The per-month work of the app: classify 101 values and build the legend.
func BenchmarkRecolourAndLegend101(b *testing.B) {
	v := benchValues()
	s := New(v, Options{Method: Jenks, Classes: 7, Diverging: true, Pivot: 100, Cap: 150})
	dst := make([]int, len(v))
	f := Format{Lang: frfmt.FR, Unit: Percent}
	for b.Loop() {
		dst, _, _ = s.ClassAll(v, dst)
		_ = s.Legend(v, f)
	}
}

func BenchmarkClassAll101(b *testing.B) {
	v := benchValues()
	s := New(v, Options{Method: Jenks, Classes: 7, Diverging: true, Pivot: 100, Cap: 150})
	dst := make([]int, len(v))
	for b.Loop() {
		dst, _, _ = s.ClassAll(v, dst)
	}
}

func BenchmarkLegendCount101(b *testing.B) {
	v := benchValues()
	s := New(v, Options{Method: Jenks, Classes: 7, Diverging: true, Pivot: 100, Cap: 150})
	lb := s.Labels(Format{Lang: frfmt.FR, Unit: Percent})
	for b.Loop() {
		_ = lb.Count(v)
	}
}

func BenchmarkLegend101(b *testing.B) {
	v := benchValues()
	s := New(v, Options{Method: Jenks, Classes: 7, Diverging: true, Pivot: 100, Cap: 150})
	f := Format{Lang: frfmt.FR, Unit: Percent}
	for b.Loop() {
		_ = s.Legend(v, f)
	}
}
