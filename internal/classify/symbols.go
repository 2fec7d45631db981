package classify

import "math"

// Radius returns the circle radius for value v so that the circle's area is
// proportional to v (radius ∝ √v): rmax·√(v/vmax). Values above vmax get a
// larger radius (area stays true); v ≤ 0, NaN or vmax ≤ 0 give 0.
func Radius(v, vmax, rmax float64) float64 {
	if !(v > 0) || !(vmax > 0) || !(rmax > 0) || math.IsInf(v, 0) {
		return 0
	}
	return rmax * math.Sqrt(v/vmax)
}

// RefValues returns up to n (clamped to 1–3) "nice" reference values for
// the proportional-symbol legend, ascending: the largest 1-2-5×10^k value
// not above vmax, then about half of it and a tenth of it (e.g. vmax 12 345
// → 1 000, 5 000, 10 000). n == 2 keeps the tenth and the largest. Empty
// when vmax < 1 or is not finite.
func RefValues(vmax float64, n int) []float64 {
	if !(vmax >= 1) || math.IsInf(vmax, 0) {
		return nil
	}
	n = max(1, min(n, 3))
	top := niceFloor(vmax)
	var cand []float64
	switch n {
	case 1:
		cand = []float64{top}
	case 2:
		cand = []float64{niceFloor(top / 10), top}
	default:
		cand = []float64{niceFloor(top / 10), niceFloor(top / 2), top}
	}
	out := cand[:0]
	for _, c := range cand {
		if c >= 1 && (len(out) == 0 || c > out[len(out)-1]) {
			out = append(out, c)
		}
	}
	return out
}

// niceFloor returns the largest value of the form {1, 2, 5}×10^k that is
// ≤ v (v > 0).
func niceFloor(v float64) float64 {
	if !(v > 0) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	// Guard against Log10 rounding (e.g. 1000 → 2.9999…).
	if p*10 <= v {
		p *= 10
	} else if p > v {
		p /= 10
	}
	m := v / p
	switch {
	case m >= 5:
		return 5 * p
	case m >= 2:
		return 2 * p
	}
	return p
}

// SymbolItem is one reference circle of the proportional-symbol legend.
type SymbolItem struct {
	// Value is the reference value (e.g. 5 000).
	Value float64
	// Radius is Radius(Value, vmax, rmax).
	Radius float64
	// Label is Value formatted for f.Lang ("5 000" / "5,000").
	Label string
}

// SymbolLegend returns the reference circles (ascending, up to n, see
// RefValues) for a map whose largest circle has radius rmax at vmax.
func SymbolLegend(vmax, rmax float64, n int, f Format) []SymbolItem {
	vs := RefValues(vmax, n)
	out := make([]SymbolItem, len(vs))
	for i, v := range vs {
		out[i] = SymbolItem{Value: v, Radius: Radius(v, vmax, rmax), Label: f.Value(v)}
	}
	return out
}
