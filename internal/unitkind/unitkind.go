// Package unitkind decides what kind of quantity a baromètre indicator
// measures — a count, a rate, an amount or an average — from its `unite`
// column and its values, and whether it is a running (cumulative) total.
// The kind says what a map may do with the values: a rate or an average is
// never summed over departments nor divided per inhabitant; a decrease is
// a data problem only in a cumulative total. It is pure and small (no fmt,
// no encoding/json) so the browser app may link it too.
package unitkind

import (
	"strings"

	"francenum-map/internal/ascii"
)

// Kind is the kind of quantity of an indicator; its value is the word the
// Worker's /api/v1/indicators answers.
type Kind string

// The kinds.
const (
	// Count: things counted one by one (firms, files, children): whole
	// numbers that add up over departments.
	Count Kind = "count"
	// Rate: a percentage (the unit holds « % »): never summed.
	Rate Kind = "rate"
	// Amount: a measured quantity that adds up over departments
	// (kilometres, hours, euros, tonnes…), or any value with decimals
	// that is neither a rate nor an average.
	Amount Kind = "amount"
	// Average: a mean per case, such as a mean processing time in months
	// (« mois de traitement » with decimals): never summed.
	Average Kind = "average"
)

// Values summarises an indicator's values for Classify.
type Values struct {
	N          int // values read
	Fractional int // values with a fractional part
	Negative   int // values below zero
	// Rises and Falls count the steps between consecutive dates of each
	// department's series that go up or down (equal steps are neither).
	Rises, Falls int
}

// MaxFallShare is the largest share of falling steps a cumulative total may
// have: corrections lower some published running totals (the France Num
// chèques, a cumulative count, fall in 15 % of their steps), while
// quantities that go up and down fall in about half of them.
const MaxFallShare = 0.20

// timeWords open a unit that counts time (one string, space-separated:
// a list of strings would cost the browser app a header per word).
var timeWords = " minute minutes heure heures h jour jours j semaine semaines mois an ans année années "

// measureWords open a unit of measure (an amount, not things counted).
var measureWords = " km kilomètre kilomètres kilometres m mètre mètres m2 m² km2 km² ha hectare hectares t tonne tonnes kg kilogrammes l litre litres euro euros € k€ m€ md€ mds€ kwh mwh gwh twh kw mw gw "

// periodMarkers say that a count restarts each period: it is not a running
// total even when it mostly rises.
var periodMarkers = []string{"dans l'année", "dans l’année", "sur douze mois", "sur 12 mois", "par an", "par mois",
	"depuis le mois", "au cours de l'année", "au cours de l’année", "annuel", "/an", "/mois"}

// Classify returns the kind of an indicator whose `unite` is unit and whose
// values v sums up, and whether it is a cumulative total (a count or an
// amount that only rises but for rare corrections, never negative, whose
// unit names no period).
func Classify(unit string, v Values) (Kind, bool) {
	// ASCII case folding (internal/ascii), not strings.ToLower: the browser
	// app links this package, and Unicode's case tables cost it 7 KB
	// brotli. No word the lists below look for starts with a non-ASCII
	// capital, and the published units are lower-case.
	u := ascii.Lower(ascii.Trim(unit))
	first := u
	if i := strings.IndexAny(u, " *'’("); i >= 0 {
		first = u[:i]
	}
	var k Kind
	switch {
	case strings.Contains(u, "%") || strings.HasPrefix(u, "pour cent") || strings.HasPrefix(u, "pourcentage"):
		return Rate, false
	case strings.Contains(u, "moyen"):
		return Average, false
	case oneOf(first, timeWords):
		// A time with decimals is a mean per case (« 3,4 mois de
		// traitement »); whole hours of patrol are an amount that adds up.
		if v.Fractional > 0 {
			return Average, false
		}
		k = Amount
	case oneOf(first, measureWords) || strings.Contains(u, "€") || strings.Contains(u, "euros"):
		k = Amount
	case v.Fractional > 0:
		k = Amount // things counted are whole
	default:
		k = Count
	}
	return k, cumulative(u, v)
}

func cumulative(u string, v Values) bool {
	if v.Negative > 0 || v.Rises == 0 {
		return false
	}
	for _, m := range periodMarkers {
		if strings.Contains(u, m) {
			return false
		}
	}
	return float64(v.Falls) <= MaxFallShare*float64(v.Rises+v.Falls)
}

// oneOf reports whether the word s is one of the space-separated list.
func oneOf(s, list string) bool {
	return s != "" && strings.Contains(list, " "+s+" ")
}

// Summable reports whether values of this kind add up over departments
// (a national total, circles sized by value, a figure per inhabitant).
func (k Kind) Summable() bool { return k == Count || k == Amount }

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return k == Count || k == Rate || k == Amount || k == Average }
