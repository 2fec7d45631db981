package viewstate

import (
	"francenum-map/internal/decimal"
	"francenum-map/internal/indicator"
	"strings"

	"francenum-map/internal/barometre"
	"francenum-map/internal/dept"
)

// Field names one field of the state, as a bit of Patch.Set.
type Field uint16

// Fields of the state, one per URL key.
const (
	FInd     Field = 1 << iota // ind
	FMetric                    // metric
	FDate                      // date
	FDeps                      // dep
	FScheme                    // scheme
	FClasses                   // classes
	FBreaks                    // breaks
	FLang                      // lang
	FEmbed                     // embed
	FQuality                   // quality
)

// Keys are the URL keys of the fields, in Field bit order.
var Keys = [...]string{"ind", "metric", "date", "dep", "scheme", "classes", "breaks", "lang", "embed", "quality"}

// fieldOf returns the field of a URL key, 0 when unknown.
func fieldOf(key string) Field {
	for i, k := range Keys {
		if k == key {
			return 1 << i
		}
	}
	return 0
}

// Patch is a change of some fields of a State: the fields whose bit is in
// Set take the value of the same field in To; the others keep theirs.
// Build one with Parse (values as the URL writes them) or by setting Set
// and To directly (typed values).
type Patch struct {
	Set Field
	To  State
}

// Parse adds the field of URL key with value written as the URL writes it
// ("metric" "per10k", "dep" "75,2a", "breaks" "50,100"…). It reports false
// for an unknown key or a malformed value, which leaves the field out
// (dep keeps the valid codes of a list and still reports false).
func (p *Patch) Parse(key, value string) bool {
	f := fieldOf(key)
	t := &p.To
	ok := true
	switch f {
	case FInd:
		ok = validIndicatorID(value)
		t.Ind = value
	case FMetric:
		_, ok = indicator.MeasureOf(value)
		t.Metric = value
	case FDate:
		t.Date, ok = barometre.ParseMonth(value)
	case FDeps:
		t.Deps = nil
		for _, c := range strings.Split(value, ",") {
			if c == "" {
				continue
			}
			n, valid := dept.Normalize(c)
			if !valid || contains(t.Deps, n) || len(t.Deps) >= MaxPinned {
				ok = false
				continue
			}
			t.Deps = append(t.Deps, n)
		}
		p.Set |= f // the valid codes apply
	case FScheme:
		switch value {
		case SchemeQuantile, SchemeJenks, SchemeEqual, SchemeManual:
			t.Scheme = value
		default:
			ok = false
		}
	case FClasses:
		n, isInt := decimal.Int(value)
		ok = isInt && n >= MinClasses && n <= MaxClasses
		t.Classes = n
	case FBreaks:
		t.Breaks, ok = ParseBreaks(value)
	case FLang:
		ok = value == "fr" || value == "en"
		t.Lang = value
	case FEmbed:
		var bad bool
		t.Embed, bad = flag(value)
		ok = !bad
	case FQuality:
		var bad bool
		t.Quality, bad = flag(value)
		ok = !bad
	default:
		return false
	}
	if ok {
		p.Set |= f
	}
	return ok
}

// Apply returns s changed by p, then made consistent, with a Notice for
// each value that could not be kept:
//   - a new indicator starts on its latest month (unless p sets the date);
//   - breaks without a scheme mean manual classes;
//   - manual classes need 2 to 6 breaks (else quantiles, and a notice),
//     and set the number of classes; other schemes drop the breaks.
func (s State) Apply(p Patch) (State, []Notice) {
	var notes []Notice
	t := p.To
	if p.Set&FInd != 0 && t.Ind != s.Ind {
		s.Ind = t.Ind
		if p.Set&FDate == 0 {
			s.Date = 0
		}
	}
	if p.Set&FMetric != 0 {
		s.Metric = t.Metric
	}
	if p.Set&FDate != 0 {
		s.Date = t.Date
	}
	if p.Set&FDeps != 0 {
		s.Deps = append([]string(nil), t.Deps...)
		if len(s.Deps) > MaxPinned {
			s.Deps = s.Deps[len(s.Deps)-MaxPinned:]
		}
	}
	if p.Set&FScheme != 0 {
		s.Scheme = t.Scheme
	}
	if p.Set&FClasses != 0 {
		s.Classes = t.Classes
	}
	if p.Set&FBreaks != 0 {
		s.Breaks = append([]float64(nil), t.Breaks...)
		if p.Set&FScheme == 0 {
			s.Scheme = SchemeManual
		}
	}
	if p.Set&FLang != 0 {
		s.Lang = t.Lang
	}
	if p.Set&FEmbed != 0 {
		s.Embed = t.Embed
	}
	if p.Set&FQuality != 0 {
		s.Quality = t.Quality
	}
	if s.Scheme == SchemeManual && len(s.Breaks) == 0 {
		// Manual without breaks cannot classify: quantiles instead.
		notes = append(notes, Notice{Key: "scheme", Value: SchemeManual})
		s.Scheme = SchemeQuantile
	}
	if s.Scheme == SchemeManual {
		s.Classes = len(s.Breaks) + 1
		if s.Classes < MinClasses || s.Classes > MaxClasses {
			notes = append(notes, Notice{Key: "breaks", Value: FormatBreaks(s.Breaks)})
			s.Scheme, s.Breaks, s.Classes = SchemeQuantile, nil, DefaultClasses
		}
	} else if len(s.Breaks) > 0 {
		s.Breaks = nil // breaks only mean something with the manual scheme
	}
	return s, notes
}
