package classify

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var nan = math.NaN()

func seq(from, to, step float64) []float64 {
	var out []float64
	for v := from; v <= to; v += step {
		out = append(out, v)
	}
	return out
}

// TestBreaks checks hand-computed breaks. Quantile break j is the value at
// sorted position round(j·n/k); intervals are closed below.
func TestBreaks(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		opts   Options
		want   []float64
	}{
		{"quantile 1..10 k5: positions 2,4,6,8", seq(1, 10, 1), Options{Method: Quantile, Classes: 5}, []float64{3, 5, 7, 9}},
		{"quantile n7 k3: positions round(2.33)=2, round(4.67)=5", seq(10, 70, 10), Options{Method: Quantile, Classes: 3}, []float64{30, 60}},
		{"quantile ties stay together", []float64{1, 1, 1, 1, 2, 3, 4, 5}, Options{Method: Quantile, Classes: 4}, []float64{2, 4}},
		{"quantile unsorted input", []float64{9, 2, 7, 4, 10, 1, 6, 3, 8, 5}, Options{Method: Quantile, Classes: 5}, []float64{3, 5, 7, 9}},
		{"quantile ignores NaN and Inf", []float64{nan, 1, 2, math.Inf(1), 3, 4, 5, 6, nan, math.Inf(-1)}, Options{Method: Quantile, Classes: 3}, []float64{3, 5}},
		{"quantile fewer distinct values than classes", []float64{1, 1, 2, 2, 3}, Options{Method: Quantile, Classes: 5}, []float64{2, 3}},
		{"equal 0..100 k4", []float64{0, 10, 100, 55}, Options{Method: Equal, Classes: 4}, []float64{25, 50, 75}},
		{"equal k reduced to distinct values", []float64{1, 1, 2, 2, 3}, Options{Method: Equal, Classes: 5}, []float64{1 + 2.0/3, 1 + 4.0/3}},
		{"jenks three clear groups", []float64{1, 2, 3, 10, 11, 12, 20, 21, 22}, Options{Method: Jenks, Classes: 3}, []float64{10, 20}},
		{"jenks with ties and an outlier", []float64{1, 1, 2, 2, 10, 10, 11, 50}, Options{Method: Jenks, Classes: 3}, []float64{10, 50}},
		{"jenks fewer distinct values than classes", []float64{4, 4, 8, 8, 8}, Options{Method: Jenks, Classes: 5}, []float64{8}},
		{"all equal", []float64{5, 5, 5, 5}, Options{Method: Quantile, Classes: 5}, nil},
		{"all equal jenks", []float64{5, 5, 5, 5}, Options{Method: Jenks, Classes: 5}, nil},
		{"all equal equal", []float64{5, 5, 5, 5}, Options{Method: Equal, Classes: 5}, nil},
		{"single value", []float64{42}, Options{Method: Jenks, Classes: 4}, nil},
		{"no value", []float64{nan, nan}, Options{Method: Quantile, Classes: 4}, nil},
		{"classes clamped to 7", seq(1, 80, 1), Options{Method: Quantile, Classes: 12}, []float64{12, 24, 35, 47, 58, 70}},
		{"classes clamped to 3", seq(1, 9, 1), Options{Method: Quantile, Classes: 1}, []float64{4, 7}},
		{"cap 150: outliers do not stretch equal intervals", []float64{10, 20, 30, 40, 900, 1600}, Options{Method: Equal, Classes: 3, Cap: 150}, []float64{80, 150}},
		{"cap with no value above it keeps the class", []float64{10, 20, 30, 40}, Options{Method: Equal, Classes: 3, Cap: 150}, []float64{80, 150}},
		{"diverging equal: [min, pivot] and [pivot, cap]", []float64{20, 30, 100, 110, 900},
			Options{Method: Equal, Classes: 5, Diverging: true, Pivot: 100, Cap: 150}, []float64{60, 100, 125, 150}},
		{"cap below every value is ignored", []float64{200, 300, 400}, Options{Method: Quantile, Classes: 3, Cap: 150}, []float64{300, 400}},
		{"manual sorted, NaN and duplicates dropped", []float64{1, 2, 3}, Options{Method: Manual, Manual: []float64{100, 50, nan, 100, 150}}, []float64{50, 100, 150}},
		{"diverging quantile with cap", []float64{20, 40, 60, 80, 100, 110, 120, 130, 900, 1600, nan},
			Options{Method: Quantile, Classes: 5, Diverging: true, Pivot: 100, Cap: 150}, []float64{60, 100, 120, 150}},
		{"diverging k6 no cap: 3 below, 3 above", []float64{10, 20, 30, 40, 50, 60, 100, 200, 300, 400, 500, 600},
			Options{Method: Quantile, Classes: 6, Diverging: true, Pivot: 100}, []float64{30, 50, 100, 300, 500}},
		{"diverging with every value above the pivot", []float64{120, 125, 140, 900},
			Options{Method: Jenks, Classes: 5, Diverging: true, Pivot: 100, Cap: 150}, []float64{100, 140, 150}},
		{"diverging values equal to the pivot count as reached", []float64{50, 100, 100, 100, 120},
			Options{Method: Quantile, Classes: 3, Diverging: true, Pivot: 100}, []float64{100, 120}},
		{"rounded quantile breaks", []float64{10.3, 21.7, 33.4, 66.46, 88.1, 1234, 1580, 12345, 23456},
			Options{Method: Quantile, Classes: 3, Round: true}, []float64{66, 1600}},
		{"rounded diverging: pivot and cap untouched, 3 figures when 2 empty a class", []float64{97.1, 97.2, 97.3, 99.9, 101.4, 101.6, 133, 900},
			Options{Method: Quantile, Classes: 5, Diverging: true, Pivot: 100, Cap: 150, Round: true}, []float64{97.3, 100, 130, 150}},
		{"diverging no data keeps pivot and cap", nil,
			Options{Method: Quantile, Classes: 5, Diverging: true, Pivot: 100, Cap: 150}, []float64{100, 150}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.values, tt.opts)
			if tt.want == nil {
				assert.Empty(t, s.Breaks)
			} else {
				assert.InDeltaSlice(t, tt.want, s.Breaks, 1e-9)
			}
			assert.Equal(t, len(s.Breaks)+1, s.K())
			assert.Len(t, s.Colors(), s.K(), "one colour per class")
			for i := 1; i < len(s.Breaks); i++ {
				assert.Less(t, s.Breaks[i-1], s.Breaks[i], "strictly ascending")
			}
		})
	}
}

func TestRound2(t *testing.T) {
	tests := [][2]float64{{66.46, 66}, {1234, 1200}, {1250, 1300}, {12345, 12000}, {0.0123, 0.012}, {0.3, 0.3}, {-66.46, -66}, {0, 0}, {99.96, 100}, {5, 5}}
	for _, tt := range tests {
		assert.Equal(t, tt[1], round2(tt[0]), "round2(%v)", tt[0])
	}
}

func TestClassBoundaries(t *testing.T) {
	s := New([]float64{20, 40, 60, 80, 100, 110, 120, 130, 900, 1600},
		Options{Method: Quantile, Classes: 5, Diverging: true, Pivot: 100, Cap: 150})
	require.Equal(t, []float64{60, 100, 120, 150}, s.Breaks)
	tests := []struct {
		v    float64
		want int
	}{
		{0, 0}, {59.99, 0}, {60, 1}, {99.9, 1}, {100, 2}, {119, 2}, {120, 3},
		{149.99, 3}, {150, 4}, {1600, 4}, {math.Inf(1), 4}, {math.Inf(-1), 0}, {nan, -1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, s.Class(tt.v), "Class(%v)", tt.v)
	}
	assert.Equal(t, 2, s.Below)
	assert.True(t, s.Capped)
	assert.Equal(t, NoDataFill, s.Color(nan))
	assert.Equal(t, s.Colors()[2], s.Color(100))

	classes, counts, noData := s.ClassAll([]float64{10, 100, nan, 2000, 65}, nil)
	assert.Equal(t, []int{0, 2, -1, 4, 1}, classes)
	assert.Equal(t, []int{1, 1, 1, 0, 1}, counts)
	assert.Equal(t, 1, noData)
}

// The breaks are computed once; classifying another month reuses them.
func TestBreaksStayFixed(t *testing.T) {
	s := New(seq(1, 10, 1), Options{Method: Quantile, Classes: 5})
	later := []float64{11, 12, 13, 0.5}
	got := make([]int, len(later))
	for i, v := range later {
		got[i] = s.Class(v)
	}
	assert.Equal(t, []int{4, 4, 4, 0}, got)
	assert.Equal(t, []float64{3, 5, 7, 9}, s.Breaks)
}

func TestManualDivergingBelow(t *testing.T) {
	s := New(nil, Options{Method: Manual, Manual: []float64{50, 100, 150}, Diverging: true, Pivot: 100, Cap: 999})
	assert.Equal(t, 2, s.Below, "< 50 and [50,100) are below the pivot")
	assert.Equal(t, 4, s.K())
	assert.False(t, s.Capped, "Cap is ignored with manual breaks")
	assert.Equal(t, Diverging(2, 2), s.Colors())
	s = New(nil, Options{Method: Manual, Manual: []float64{1, 2, 3, 4, 5, 6, 7, 8}})
	assert.Equal(t, []float64{1, 2, 3, 4, 5, 6}, s.Breaks, "at most 7 classes")
}

// bruteSSE returns the minimal total within-class sum of squares over every
// split of the sorted xs into k non-empty contiguous groups.
func bruteSSE(xs []float64, k int) float64 {
	if k == 1 {
		return sse(xs)
	}
	best := math.Inf(1)
	for i := 1; i <= len(xs)-k+1; i++ {
		best = math.Min(best, sse(xs[:i])+bruteSSE(xs[i:], k-1))
	}
	return best
}

func sse(xs []float64) float64 {
	m := 0.0
	for _, v := range xs {
		m += v
	}
	m /= float64(len(xs))
	s := 0.0
	for _, v := range xs {
		s += (v - m) * (v - m)
	}
	return s
}

// ckmeans must find the optimum: compare with brute force on fixed
// pseudo-random series (distinct values so the optimum is the only split).
func TestCkmeansOptimal(t *testing.T) {
	state := uint64(12345)
	rnd := func() float64 {
		state = state*6364136223846793005 + 1442695040888963407
		return float64(state>>33) / float64(1<<31)
	}
	for trial := range 40 {
		n := 6 + trial%9
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = math.Round(rnd()*1000*rnd()) + float64(i)/1000
		}
		sortFloats(xs)
		for k := 2; k <= min(5, n); k++ {
			br := ckmeansBreaks(xs, k)
			require.Len(t, br, k-1)
			got := 0.0
			start := 0
			for _, b := range append(br, math.Inf(1)) {
				end := lowerBound(xs, b)
				got += sse(xs[start:end])
				start = end
			}
			assert.InDelta(t, bruteSSE(xs, k), got, 1e-6, "trial %d k %d %v", trial, k, xs)
		}
	}
}

func TestParseMethod(t *testing.T) {
	for _, m := range []Method{Quantile, Jenks, Equal, Manual} {
		got, ok := ParseMethod(m.String())
		assert.True(t, ok)
		assert.Equal(t, m, got)
	}
	m, ok := ParseMethod("natural")
	assert.False(t, ok)
	assert.Equal(t, Quantile, m)
	m, ok = ParseMethod("JENKS")
	assert.True(t, ok)
	assert.Equal(t, Jenks, m)
}
