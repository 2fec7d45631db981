// Package app is the browser app's pure logic: the view state and its URL
// codec, the view model (fills, legend, tooltip, table, compare panel,
// national totals), the exports (CSV, SVG) and the interface strings in
// French and English. It has no syscall/js: wasm/app is a thin shell over it,
// and everything here is tested natively.
package app

import (
	"strconv"
	"strings"

	"francenum-map/internal/barometre"
	"francenum-map/internal/dept"
	"francenum-map/internal/indicator"
)

// Metric names, as written in the URL and in the #metric select.
const (
	MetricTarget = "target" // % of the 2022 target (default, diverging at 100 %)
	MetricPer10k = "per10k" // per 10 000 inhabitants
	MetricCount  = "count"  // cumulative count (proportional circles)
	MetricNew    = "new"    // new this month (monthly increment)
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
	Key, Value string
}

// Decode reads a URL query string ("a=b&c=d", with or without a leading
// "?"). Unknown or malformed values fall back to the default and produce a
// Notice; Decode never fails. Indicator and month are only checked for
// syntax here: Model.Resolve checks them against the loaded data.
func Decode(query string) (State, []Notice) {
	s := Default()
	var notes []Notice
	query = strings.TrimPrefix(query, "?")
	seen := map[string]bool{}
	for len(query) > 0 {
		var kv string
		if i := strings.IndexByte(query, '&'); i >= 0 {
			kv, query = query[:i], query[i+1:]
		} else {
			kv, query = query, ""
		}
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		k, okk := unescape(k)
		v, okv := unescape(v)
		if !okk || !okv {
			notes = append(notes, Notice{Key: k, Value: v})
			continue
		}
		if seen[k] {
			continue // first value wins, as URLSearchParams.get does
		}
		seen[k] = true
		bad := false
		switch k {
		case "ind":
			if validIndicatorID(v) {
				s.Ind = v
			} else {
				bad = true
			}
		case "metric":
			switch v {
			case MetricTarget, MetricPer10k, MetricCount, MetricNew:
				s.Metric = v
			default:
				bad = true
			}
		case "date":
			if m, ok := barometre.ParseMonth(v); ok {
				s.Date = m
			} else {
				bad = true
			}
		case "dep":
			for _, c := range strings.Split(v, ",") {
				if c == "" {
					continue
				}
				n, ok := dept.Normalize(c)
				if !ok || contains(s.Deps, n) || len(s.Deps) >= MaxPinned {
					bad = true
					continue
				}
				s.Deps = append(s.Deps, n)
			}
		case "scheme":
			switch v {
			case SchemeQuantile, SchemeJenks, SchemeEqual, SchemeManual:
				s.Scheme = v
			default:
				bad = true
			}
		case "classes":
			n, err := strconv.Atoi(v)
			if err != nil || n < MinClasses || n > MaxClasses {
				bad = true
			} else {
				s.Classes = n
			}
		case "breaks":
			b, ok := parseBreaks(v)
			if ok {
				s.Breaks = b
			} else {
				bad = true
			}
		case "lang":
			if v == "fr" || v == "en" {
				s.Lang = v
			} else {
				bad = true
			}
		case "embed": // an earlier "on" of a repeated key stays on
			on, b := flag(v)
			s.Embed, bad = s.Embed || on, b
		case "quality":
			on, b := flag(v)
			s.Quality, bad = s.Quality || on, b
		default:
			bad = true
		}
		if bad {
			notes = append(notes, Notice{Key: k, Value: v})
		}
	}
	if s.Scheme == SchemeManual && len(s.Breaks) == 0 {
		// Manual without breaks cannot classify: quantiles instead.
		notes = append(notes, Notice{Key: "scheme", Value: SchemeManual})
		s.Scheme = SchemeQuantile
	}
	if s.Scheme == SchemeManual {
		s.Classes = len(s.Breaks) + 1
		if s.Classes < MinClasses || s.Classes > MaxClasses {
			notes = append(notes, Notice{Key: "breaks", Value: formatBreaks(s.Breaks)})
			s.Scheme, s.Breaks, s.Classes = SchemeQuantile, nil, DefaultClasses
		}
	} else if len(s.Breaks) > 0 {
		s.Breaks = nil // breaks only mean something with the manual scheme
	}
	return s, notes
}

// Encode writes the state as a query string without "?", leaving out the
// values equal to the default so that the canonical URL stays short.
// Decode(Encode(s)) == s for every state Decode can return.
func (s State) Encode() string {
	d := Default()
	var b sbuf
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(escape(v))
	}
	if s.Ind != d.Ind && s.Ind != "" {
		add("ind", s.Ind)
	}
	if s.Metric != d.Metric && s.Metric != "" {
		add("metric", s.Metric)
	}
	if s.Date != 0 {
		add("date", s.Date.String())
	}
	if len(s.Deps) > 0 {
		add("dep", strings.Join(s.Deps, ","))
	}
	if s.Scheme != d.Scheme && s.Scheme != "" {
		add("scheme", s.Scheme)
	}
	if s.Scheme == SchemeManual {
		add("breaks", formatBreaks(s.Breaks))
	} else if s.Classes != d.Classes && s.Classes != 0 {
		add("classes", strconv.Itoa(s.Classes))
	}
	if s.Lang != d.Lang && s.Lang != "" {
		add("lang", s.Lang)
	}
	if s.Embed {
		add("embed", "1")
	}
	if s.Quality {
		add("quality", "1")
	}
	return b.String()
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

// validIndicatorID accepts the publisher's id alphabet: lower-case letters,
// digits, '-' and '_', 1 to 100 characters.
func validIndicatorID(v string) bool {
	if v == "" || len(v) > 100 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func parseBreaks(v string) ([]float64, bool) {
	parts := strings.Split(v, ",")
	if len(parts) > MaxClasses-1 {
		return nil, false
	}
	out := make([]float64, 0, len(parts))
	for _, p := range parts {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || f != f || f > 1e12 || f < -1e12 {
			return nil, false
		}
		if len(out) > 0 && f <= out[len(out)-1] {
			return nil, false
		}
		out = append(out, f)
	}
	return out, true
}

func formatBreaks(b []float64) string {
	parts := make([]string, len(b))
	for i, f := range b {
		parts[i] = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strings.Join(parts, ",")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unescape decodes %XX and '+' like application/x-www-form-urlencoded.
func unescape(s string) (string, bool) {
	if !strings.ContainsAny(s, "%+") {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b = append(b, ' ')
		case '%':
			if i+2 >= len(s) {
				return s, false
			}
			h, l := unhex(s[i+1]), unhex(s[i+2])
			if h < 0 || l < 0 {
				return s, false
			}
			b = append(b, byte(h<<4|l))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), true
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// escape percent-encodes everything but the unreserved characters and ','.
func escape(s string) string {
	const hexd = "0123456789ABCDEF"
	need := false
	for i := 0; i < len(s); i++ {
		if !plain(s[i]) {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	b := make([]byte, 0, len(s)*3)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if plain(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hexd[c>>4], hexd[c&15])
		}
	}
	return string(b)
}

func plain(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' || c == ','
}

// flag decodes a boolean URL parameter: "1"/"true" on, "0"/"false"/"" off;
// anything else is malformed (bad).
func flag(v string) (on, bad bool) {
	switch v {
	case "1", "true":
		return true, false
	case "0", "false", "":
		return false, false
	}
	return false, true
}
