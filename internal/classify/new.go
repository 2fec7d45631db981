package classify

import (
	"francenum-map/internal/decimal"
	"francenum-map/internal/order"
	"math"
	"strconv"
)

// New computes a Scale from values (NaN and ±Inf ignored) and opts.
//
// Degenerate data is handled, never an error: no finite value gives a scale
// with only the fixed breaks (pivot, cap, manual) or one class; all-equal
// values or fewer distinct values than classes give fewer classes (each
// distinct value starts its own class); ties always stay in the same class.
func New(values []float64, opts Options) Scale {
	opts.Classes = clampClasses(opts.Classes)
	xs := finite(values)
	s := Scale{Min: math.NaN(), Max: math.NaN()}
	if len(xs) > 0 {
		s.Min, s.Max = xs[0], xs[len(xs)-1]
	}
	switch {
	case opts.Method == Manual:
		s.Breaks = cleanBreaks(opts.Manual)
		if len(s.Breaks) > MaxClasses-1 {
			s.Breaks = s.Breaks[:MaxClasses-1]
		}
		opts.Classes = len(s.Breaks) + 1
		opts.Cap = 0
	case opts.Diverging:
		s.Breaks, s.Below, s.Capped = divergingBreaks(xs, opts)
	default:
		k := opts.Classes
		hi := xs
		if opts.Cap > 0 && len(xs) > 0 && opts.Cap > xs[0] {
			s.Capped = true
			k--
			hi = xs[:lowerBound(xs, opts.Cap)]
		} else if opts.Cap > 0 && len(xs) == 0 {
			s.Capped = true
			k--
		}
		ceil := math.NaN()
		if s.Capped {
			ceil = opts.Cap
		}
		s.Breaks = sideBreaks(hi, k, opts.Method, opts.Round, math.NaN(), ceil)
		if s.Capped {
			s.Breaks = append(s.Breaks, opts.Cap)
		}
	}
	if opts.Diverging && opts.Method == Manual {
		// Class i lies below the pivot when its upper bound Breaks[i] ≤ pivot.
		s.Below = upperBound(s.Breaks, opts.Pivot)
	}
	s.Opts = opts
	if opts.Diverging {
		s.colors = Diverging(s.Below, s.K()-s.Below)
	} else {
		s.colors = Sequential(s.K())
	}
	return s
}

// divergingBreaks classifies each side of the pivot on its own values. The
// pivot is always a break; below = Classes/2 classes are under it.
func divergingBreaks(xs []float64, opts Options) (breaks []float64, below int, capped bool) {
	k := opts.Classes
	nb := k / 2
	na := k - nb
	p := lowerBound(xs, opts.Pivot)
	lo, hi := xs[:p], xs[p:]
	if opts.Cap > opts.Pivot {
		capped = true
		na--
		hi = hi[:lowerBound(hi, opts.Cap)]
	}
	// Below: breaks strictly inside (min, pivot).
	bb := sideBreaks(lo, nb, opts.Method, opts.Round, math.NaN(), opts.Pivot)
	// At or above: breaks strictly inside (pivot, cap or max].
	ceil := math.NaN()
	if capped {
		ceil = opts.Cap
	}
	ab := sideBreaks(hi, na, opts.Method, opts.Round, opts.Pivot, ceil)
	breaks = make([]float64, 0, k-1)
	breaks = append(breaks, bb...)
	breaks = append(breaks, opts.Pivot)
	breaks = append(breaks, ab...)
	if capped {
		breaks = append(breaks, opts.Cap)
	}
	return breaks, len(bb) + 1, capped
}

// sideBreaks returns up to k-1 inner breaks for the sorted values xs, which
// lie in [floor, ceil) (NaN = no limit). Equal intervals span [floor or
// min, ceil or max], so a diverging side reads 100–125–150 %, not breaks
// at odd data-dependent values. Breaks not above the minimum, or not
// strictly inside (floor, ceil), are dropped.
func sideBreaks(xs []float64, k int, m Method, round bool, floor, ceil float64) []float64 {
	if k <= 1 || len(xs) == 0 {
		return nil
	}
	// Never more classes than distinct values: each distinct value then
	// starts its own class (matters for Equal, which would otherwise leave
	// classes empty by construction).
	k = min(k, distinctCount(xs))
	if k <= 1 {
		return nil
	}
	var raw []float64
	switch m {
	case Jenks:
		raw = ckmeansBreaks(xs, k)
	case Equal:
		lo, hi := xs[0], xs[len(xs)-1]
		if floor == floor {
			lo = floor
		}
		if ceil == ceil {
			hi = ceil
		}
		raw = equalBreaks(lo, hi, k)
	default:
		raw = quantileBreaks(xs, k)
	}
	out := raw[:0]
	for _, b := range raw {
		if round {
			b = roundInside(b, xs[0], out, m)
		}
		if (b <= xs[0] && m != Equal) || (floor == floor && b <= floor) || (ceil == ceil && b >= ceil) {
			continue
		}
		if len(out) > 0 && b <= out[len(out)-1] {
			continue
		}
		out = append(out, b)
	}
	return out
}

// roundInside rounds break b to 2 significant figures, or 3 or 4 when
// fewer would put it at or below the minimum xs0 (empty first class) or at
// or below the previous break; else b unchanged.
func roundInside(b, xs0 float64, prev []float64, m Method) float64 {
	for digits := 2; digits <= 4; digits++ {
		r := roundSig(b, digits)
		if (r > xs0 || m == Equal) && (len(prev) == 0 || r > prev[len(prev)-1]) {
			return r
		}
	}
	return b
}

// round2 rounds v to two significant figures (half away from zero).
func round2(v float64) float64 { return roundSig(v, 2) }

// roundSig rounds v to digits significant figures (half away from zero).
func roundSig(v float64, digits int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-float64(digits-1))
	r := math.Round(v/p) * p
	// Clean binary noise (0.1·3 = 0.30000000000000004) through a decimal
	// round trip at the same precision.
	if p < 1 {
		d := -int(math.Round(math.Log10(p)))
		if f, ok := decimal.Parse(strconv.FormatFloat(r, 'f', d, 64)); ok {
			return f
		}
	}
	return r
}

// distinctCount counts distinct values in the sorted xs.
func distinctCount(xs []float64) int {
	if len(xs) == 0 {
		return 0
	}
	n := 1
	for i := 1; i < len(xs); i++ {
		if xs[i] != xs[i-1] {
			n++
		}
	}
	return n
}

// quantileBreaks: break j is the value at sorted position round(j·n/k), so
// with n divisible by k every class holds exactly n/k values; ties go to the
// upper class together.
func quantileBreaks(xs []float64, k int) []float64 {
	n := len(xs)
	out := make([]float64, 0, k-1)
	for j := 1; j < k; j++ {
		i := int(math.Round(float64(j*n) / float64(k)))
		if i >= n {
			i = n - 1
		}
		out = append(out, xs[i])
	}
	return out
}

// equalBreaks splits [lo, hi] in k equal intervals.
func equalBreaks(lo, hi float64, k int) []float64 {
	if !(hi > lo) {
		return nil
	}
	w := (hi - lo) / float64(k)
	out := make([]float64, 0, k-1)
	for j := 1; j < k; j++ {
		out = append(out, lo+float64(j)*w)
	}
	return out
}

// cleanBreaks sorts manual breaks and drops NaN, ±Inf and duplicates.
func cleanBreaks(in []float64) []float64 {
	out := finite(in)
	w := 0
	for i, b := range out {
		if i > 0 && b == out[w-1] {
			continue
		}
		out[w] = b
		w++
	}
	return out[:w]
}

// upperBound returns the first index i with xs[i] > v (len(xs) if none).
func upperBound(xs []float64, v float64) int {
	i := lowerBound(xs, v)
	for i < len(xs) && xs[i] == v {
		i++
	}
	return i
}

// lowerBound returns the first index i with xs[i] >= v (len(xs) if none).
func lowerBound(xs []float64, v float64) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if xs[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sortFloats sorts ascending (package order: compact in wasm).
func sortFloats(xs []float64) { order.Sort(xs) }
