package classify

import (
	"math"

	"francenum-map/internal/frfmt"
)

// Unit says how legend bounds are written.
type Unit uint8

const (
	// Number is a plain number ("1 234", "12,5").
	Number Unit = iota
	// Percent appends the percent sign ("12,5 %").
	Percent
)

// Format is how legend bounds are formatted: language, unit and the minimum
// number of decimals. Legend adds up to two decimals when rounding would
// make two different breaks print the same.
type Format struct {
	Lang     frfmt.Lang
	Unit     Unit
	Decimals int
	// AsTyped prints each break with the decimals it has (at most 3, at
	// least Decimals): breaks a user typed read as typed, « 80,5 » beside
	// « 100 ».
	AsTyped bool
}

// Value formats one value with f's unit and decimals.
func (f Format) Value(v float64) string {
	return f.value(v, f.Decimals)
}

func (f Format) value(v float64, dec int) string {
	if f.Unit == Percent {
		return frfmt.Percent(v, dec, f.Lang)
	}
	return frfmt.Number(v, dec, f.Lang)
}

// LegendItem is one row of the legend.
type LegendItem struct {
	_ [0]func() // not comparable: no equality function in the wasm (0.7 KB)
	// Class is the class index, or -1 for the no-data row.
	Class int
	// Lower and Upper bound the class, Lower ≤ v < Upper; NaN means open
	// (first class has no Lower, last no Upper, no-data row has neither).
	Lower, Upper float64
	// Label is the short label: "< 50 %", "50 % – < 100 %", "≥ 150 %",
	// "Pas de donnée" / "No data".
	Label string
	// Long is the spelled-out label for screen readers and the description:
	// "moins de 50 %", "de 50 % à moins de 100 %", "150 % ou plus" /
	// "under 50%", "50% to under 100%", "150% or more".
	Long string
	// Color is the fill: a #rrggbb colour, or NoDataFill for the no-data row.
	Color string
	// Count is how many of the values given to Legend fall in this row.
	Count int
}

// Legend is the legend model of a scale for one set of values (one month).
type Legend struct {
	// Items are the classes in ascending order.
	Items []LegendItem
	// NoData is the no-data row (Class -1); show it even when Count is 0 so
	// the pattern is explained, or hide it then, as the app prefers.
	NoData LegendItem
}

// Legend builds the legend for values (one value per department, NaN = no
// data) with bounds formatted by f. It is s.Labels(f).Count(values); when
// only the month changes, keep the Labels and call Count: the labels depend
// on the breaks and the language only.
func (s Scale) Legend(values []float64, f Format) Legend {
	return s.Labels(f).Count(values)
}

// Labels are the legend rows of a scale in one format, without counts.
// Build them once per scale and language; Count them per month.
type Labels struct {
	breaks []float64
	items  []LegendItem
	noData LegendItem
}

// Labels formats the legend rows of s with f.
func (s Scale) Labels(f Format) Labels {
	k := s.K()
	items := make([]LegendItem, k)
	bs := s.formatBreaks(f)
	fr := f.Lang == frfmt.FR
	nan := math.NaN()
	for i := range items {
		it := &items[i]
		it.Class = i
		it.Lower, it.Upper = nan, nan
		if i > 0 {
			it.Lower = s.Breaks[i-1]
		}
		if i < k-1 {
			it.Upper = s.Breaks[i]
		}
		if i < len(s.colors) {
			it.Color = s.colors[i]
		}
		lo, hi := "", ""
		if i > 0 {
			lo = bs[i-1]
		}
		if i < k-1 {
			hi = bs[i]
		}
		switch {
		case k == 1:
			if fr {
				it.Label, it.Long = "Toutes les valeurs", "toutes les valeurs"
			} else {
				it.Label, it.Long = "All values", "all values"
			}
		case i == 0:
			it.Label = "< " + hi
			if fr {
				it.Long = "moins de " + hi
			} else {
				it.Long = "under " + hi
			}
		case i == k-1:
			it.Label = "≥ " + lo
			if fr {
				it.Long = lo + " ou plus"
			} else {
				it.Long = lo + " or more"
			}
		default:
			it.Label = lo + " – < " + hi
			if fr {
				it.Long = "de " + lo + " à moins de " + hi
			} else {
				it.Long = lo + " to under " + hi
			}
		}
	}
	nd := LegendItem{Class: -1, Lower: nan, Upper: nan, Color: NoDataFill}
	if fr {
		nd.Label, nd.Long = "Pas de donnée", "pas de donnée"
	} else {
		nd.Label, nd.Long = "No data", "no data"
	}
	return Labels{breaks: s.Breaks, items: items, noData: nd}
}

// Count returns the legend with the number of values per class and the
// no-data count. The Labels are not modified (Items is a fresh slice).
func (lb Labels) Count(values []float64) Legend {
	items := make([]LegendItem, len(lb.items))
	copy(items, lb.items)
	nd := lb.noData
	for _, v := range values {
		if v != v {
			nd.Count++
			continue
		}
		c := 0
		for _, b := range lb.breaks {
			if v < b {
				break
			}
			c++
		}
		items[c].Count++
	}
	return Legend{Items: items, NoData: nd}
}

// formatBreaks formats the breaks with the fewest decimals ≥ f.Decimals
// (at most two more) that print every break differently.
func (s Scale) formatBreaks(f Format) []string {
	dec := max(f.Decimals, 0)
	out := make([]string, len(s.Breaks))
	if f.AsTyped {
		for i, b := range s.Breaks {
			d := dec
			for d < 3 && math.Abs(b*math.Pow10(d)-math.Round(b*math.Pow10(d))) > 1e-6 {
				d++
			}
			out[i] = f.value(b, d)
		}
		return out
	}
	for d := dec; ; d++ {
		distinct := true
		for i, b := range s.Breaks {
			out[i] = f.value(b, d)
			if i > 0 && out[i] == out[i-1] {
				distinct = false
				break
			}
		}
		if distinct {
			return out
		}
		if d == dec+2 {
			for i, b := range s.Breaks { // finish the last attempt
				out[i] = f.value(b, d)
			}
			return out
		}
	}
}
