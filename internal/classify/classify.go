// Package classify turns department values into map classes: breaks
// (quantiles, equal intervals, Jenks natural breaks by ckmeans, manual),
// diverging scales around a pivot with an optional capped top class, the
// colour palettes, the legend model and proportional-symbol sizes.
//
// A Scale is computed once (e.g. from every month of the indicator, or from
// the latest month) and then reused: the breaks stay fixed while the month
// changes. Per month only Class/ClassAll and Labels.Count run (build the
// Labels once per scale and language: formatting is the costly part). The
// package is linked into the browser wasm: no fmt, no reflection-based
// sorting.
//
// Intervals are closed below and open above: class i holds
// Breaks[i-1] <= v < Breaks[i]; the first class is "< Breaks[0]" and the last
// "≥ Breaks[K-2]". That makes a pivot of 100 % read "≥ 100 %" = target
// reached, and a cap of 150 % read "≥ 150 %".
package classify

import (
	"francenum-map/internal/ascii"
	"math"
)

// Method is the classification scheme.
type Method uint8

const (
	// Quantile puts (about) the same number of values in each class.
	Quantile Method = iota
	// Jenks uses natural breaks, computed exactly by ckmeans (optimal 1-D
	// k-means by dynamic programming, Wang & Song 2011).
	Jenks
	// Equal splits the range [min, max] (or [min, cap]) in equal intervals.
	Equal
	// Manual uses the breaks given in Options.Manual.
	Manual
)

// MinClasses and MaxClasses bound Options.Classes.
const (
	MinClasses = 3
	MaxClasses = 7
)

var methodNames = [...]string{"quantile", "jenks", "equal", "manual"}

// String returns the URL/DOM name: "quantile", "jenks", "equal", "manual".
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return "quantile"
}

// ParseMethod maps a URL/DOM name (case-insensitive) to a Method; ok is false
// (and Quantile returned) for anything else.
func ParseMethod(s string) (m Method, ok bool) {
	s = ascii.Lower(s)
	for i, n := range methodNames {
		if n == s {
			return Method(i), true
		}
	}
	return Quantile, false
}

// Options configures New.
type Options struct {
	// Method is the classification scheme.
	Method Method
	// Classes is the wanted number of classes, clamped to 3–7. The scale
	// may end with fewer when the data has fewer distinct values.
	Classes int
	// Manual holds the inner breaks for Method == Manual (ascending; NaN and
	// duplicates dropped; at most MaxClasses-1 kept). Classes is then
	// len(Manual)+1 and Cap is ignored (put the cap in Manual yourself).
	Manual []float64
	// Diverging splits the classes around Pivot, which is always a break:
	// Classes/2 classes below it, the rest at or above it (including the
	// capped class), each side classified on its own values.
	Diverging bool
	// Pivot is the diverging midpoint, e.g. 100 (% of target).
	Pivot float64
	// Round rounds the computed breaks (quantile, Jenks, equal; never the
	// pivot, the cap or manual breaks) to two significant figures (66.46 →
	// 66, 1 234 → 1 200) so legend bounds read as the numbers they are;
	// three or four figures are used when two would empty a class (97.3
	// stays 97.3 when the minimum is 97.1).
	Round bool
	// Cap, when > 0, makes "≥ Cap" the last class (e.g. 150 %): values at or
	// above it do not stretch the other classes. Ignored when Cap is not
	// above the data minimum (sequential) or the pivot (diverging).
	Cap float64
}

// Scale is a computed classification: fixed breaks and their colours.
// The zero Scale has one class and no colours; use New.
type Scale struct {
	// Breaks are the K-1 inner breaks, strictly ascending.
	Breaks []float64
	// Min and Max are the finite data extremes seen by New (NaN when New had
	// no finite value); the legend may show them.
	Min, Max float64
	// Opts are the options New used, after clamping.
	Opts Options
	// Capped reports whether the last break is Opts.Cap.
	Capped bool
	// Below is the number of classes below the pivot (diverging only).
	Below  int
	colors []string
}

// K returns the number of classes.
func (s Scale) K() int { return len(s.Breaks) + 1 }

// Colors returns one fill colour (#rrggbb) per class, lightest/neutral to
// darkest (sequential) or darkest-below … darkest-above (diverging). The
// caller must not modify the slice.
func (s Scale) Colors() []string { return s.colors }

// Color returns the fill for value v: the class colour, or NoDataFill for
// NaN.
func (s Scale) Color(v float64) string {
	c := s.Class(v)
	if c < 0 || c >= len(s.colors) {
		return NoDataFill
	}
	return s.colors[c]
}

// Class returns the class index of v in [0, K), or -1 for NaN (no data).
// +Inf falls in the last class and -Inf in the first.
func (s Scale) Class(v float64) int {
	if v != v { // NaN, without a call
		return -1
	}
	// K ≤ 7: a linear scan beats a binary search.
	i := 0
	for _, b := range s.Breaks {
		if v < b {
			break
		}
		i++
	}
	return i
}

// ClassAll writes the class of each value into dst (grown as needed) and
// returns it, with the number of values per class and the no-data count.
func (s Scale) ClassAll(values []float64, dst []int) (classes []int, counts []int, noData int) {
	if cap(dst) < len(values) {
		dst = make([]int, len(values))
	}
	dst = dst[:len(values)]
	counts = make([]int, s.K())
	for i, v := range values {
		c := s.Class(v)
		dst[i] = c
		if c < 0 {
			noData++
			continue
		}
		counts[c]++
	}
	return dst, counts, noData
}

func clampClasses(k int) int {
	if k < MinClasses {
		return MinClasses
	}
	if k > MaxClasses {
		return MaxClasses
	}
	return k
}

// finite returns the finite values of v, sorted ascending, in a new slice.
func finite(values []float64) []float64 {
	out := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	sortFloats(out)
	return out
}
