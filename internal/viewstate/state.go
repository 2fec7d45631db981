// Package viewstate is the view's state (what the URL carries: indicator,
// measure, month, pinned departments, classes, language, embed, hatching)
// and the one way to change it: a Patch applied by State.Apply. The URL
// codec (Decode, Encode) sits at the edge and goes through Apply too, as do
// the page's controls and the embedding page's francenum:set messages.
package viewstate

import (
	"francenum-map/internal/barometre"
	"francenum-map/internal/indicator"
)

// Metric names, as written in the URL and in the #metric select (package
// indicator decides which make sense for each kind of indicator).
const (
	MetricTarget = indicator.MetricTarget // % of the target (default, diverging at 100 %)
	MetricPer10k = indicator.MetricPer10k // per 10 000 inhabitants
	MetricCount  = indicator.MetricCount  // the published value (circles when it adds up)
	MetricNew    = indicator.MetricNew    // new this month (monthly increment)
	MetricShare  = indicator.MetricShare  // share of the departments' sum
)

// Scheme names, as written in the URL and in the #scheme select.
const (
	SchemeQuantile = "quantile"
	SchemeJenks    = "jenks"
	SchemeEqual    = "equal"
	SchemeManual   = "manual"
)

// Limits of the state.
const (
	MinClasses     = 3
	MaxClasses     = 7
	DefaultClasses = 5
	MaxPinned      = 4
)

// State is everything the URL carries. The zero Date means "latest month of
// the indicator"; Ind "" means the default indicator.
type State struct {
	Ind     string          // id_indicateur
	Metric  string          // one of the Metric* constants
	Date    barometre.Month // selected month; zero = latest
	Deps    []string        // pinned department codes, normalised, at most MaxPinned
	Scheme  string          // one of the Scheme* constants
	Classes int             // MinClasses..MaxClasses
	Breaks  []float64       // manual breaks (Scheme == SchemeManual), ascending
	Lang    string          // "fr" or "en"
	Embed   bool            // compact embed mode
	Quality bool            // hatch departments with quality problems
}

// Default returns the default state: chèques, % of target, latest month,
// quantiles in 5 classes, French.
func Default() State {
	return State{Ind: indicator.Default, Metric: MetricTarget, Scheme: SchemeQuantile, Classes: DefaultClasses, Lang: "fr"}
}

// Notice tells the user that a URL value was not understood and what was
// used instead. Key is the URL parameter.
type Notice struct {
	_          noEq
	Key, Value string
}

// Equal reports whether two states are the same.
func (s State) Equal(o State) bool {
	if s.Ind != o.Ind || s.Metric != o.Metric || s.Date != o.Date || s.Scheme != o.Scheme ||
		s.Classes != o.Classes || s.Lang != o.Lang || s.Embed != o.Embed || s.Quality != o.Quality ||
		len(s.Deps) != len(o.Deps) || len(s.Breaks) != len(o.Breaks) {
		return false
	}
	for i := range s.Deps {
		if s.Deps[i] != o.Deps[i] {
			return false
		}
	}
	for i := range s.Breaks {
		if s.Breaks[i] != o.Breaks[i] {
			return false
		}
	}
	return true
}

// noEq makes a type incomparable: Go then generates no equality function
// for it (code in wasm). Zero-sized; put it first.
type noEq [0]func()
