package classify

import (
	"francenum-map/internal/decimal"
	"math"

	"francenum-map/internal/frfmt"
)

// ParseBreaks reads the manual breaks a user types, in language l, and
// says which one is wrong and why. The rule, the same for every input:
//
//   - Breaks are separated by « ; » or spaces (any mix: « 50 ; 100 150 »).
//     A comma that is not between two digits separates too, so « 80,5 ,
//     120 » and « 80,5, 120 » are 80.5 and 120.
//   - A comma between two digits is part of the number: in French the
//     decimal comma (« 120,90 » is 120.9), in English the thousands
//     separator, valid only before groups of three digits (« 1,200 »;
//     « 120,90 » is refused, not guessed). A point is a decimal point in
//     both languages. A no-break space between digits groups thousands
//     (« 1 200 », as the legend prints it).
//   - So « 50,100,150 » is one number with two decimal commas in French
//     (refused, the message says to use « ; »), and one number out of any
//     data range in English: never silently three breaks.
//
// Then the breaks must be at most MaxClasses-1, strictly increasing, and,
// when lo and hi are not NaN, inside the data range (lo < b ≤ hi: a break
// at or below the minimum, or above the maximum, leaves a class empty).
// It returns the breaks, or nil and a *BreakError; Message renders it.
func ParseBreaks(s string, l frfmt.Lang, lo, hi float64) ([]float64, *BreakError) {
	toks := splitBreaks(s)
	if len(toks) == 0 {
		return nil, &BreakError{Problem: BreaksEmpty, Lang: l}
	}
	out := make([]float64, 0, len(toks))
	for i, t := range toks {
		e := &BreakError{Pos: i + 1, Text: t, Lang: l, Prev: math.NaN(), Min: lo, Max: hi}
		if i >= MaxClasses-1 {
			e.Problem = BreakTooMany
			return nil, e
		}
		v, p := parseBreak(t, l)
		if p != 0 {
			e.Problem = p
			return nil, e
		}
		if len(out) > 0 && v <= out[len(out)-1] {
			e.Problem, e.Prev = BreakNotIncreasing, out[len(out)-1]
			return nil, e
		}
		if (lo == lo && v <= lo) || (hi == hi && v > hi) {
			e.Problem = BreakOutsideData
			return nil, e
		}
		out = append(out, v)
	}
	return out, nil
}

// splitBreaks cuts s at « ; », spaces and commas that are not between two
// digits. A no-break space (U+00A0, U+202F) between two digits is kept in
// the number (a thousands separator); elsewhere it separates.
func splitBreaks(s string) []string {
	var toks []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, s[start:end])
			start = -1
		}
	}
	for i := 0; i < len(s); {
		c, n := s[i], 1
		sep := false
		switch {
		case c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r':
			sep = true
		case c == ',':
			sep = !(digitBefore(s, i) && digitAt(s, i+1))
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0
			n = 2
			sep = !(digitBefore(s, i) && digitAt(s, i+n))
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0xAF: // U+202F
			n = 3
			sep = !(digitBefore(s, i) && digitAt(s, i+n))
		}
		if sep {
			flush(i)
		} else if start < 0 {
			start = i
		}
		i += n
	}
	flush(len(s))
	return toks
}

func digitAt(s string, i int) bool     { return i < len(s) && s[i] >= '0' && s[i] <= '9' }
func digitBefore(s string, i int) bool { return i > 0 && s[i-1] >= '0' && s[i-1] <= '9' }

// parseBreak reads one number: optional sign, digits with thousands
// groups (no-break space; comma in English), one decimal mark (point, or
// comma in French).
func parseBreak(t string, l frfmt.Lang) (float64, BreakProblem) {
	num := make([]byte, 0, len(t))
	marks, groupSep := 0, false
	digitsSinceGroup, groups := 0, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			num = append(num, c)
			digitsSinceGroup++
		case (c == '-' || c == '+') && i == 0:
			num = append(num, c)
		case c == '.' || (c == ',' && l == frfmt.FR):
			if marks++; marks > 1 {
				return 0, BreakTwoMarks
			}
			if groupSep && digitsSinceGroup != 3 {
				return 0, BreakBadGroup
			}
			groupSep = false
			num = append(num, '.')
			digitsSinceGroup = 0
		case c == ',' || c == 0xC2 || c == 0xE2: // thousands: ',' (English), U+00A0, U+202F
			if marks > 0 || (groupSep && digitsSinceGroup != 3) || (!groupSep && (digitsSinceGroup == 0 || digitsSinceGroup > 3)) {
				return 0, BreakBadGroup
			}
			groupSep = true
			digitsSinceGroup = 0
			groups++
			if c == 0xC2 {
				i++
			} else if c == 0xE2 {
				i += 2
			}
		default:
			return 0, BreakNotANumber
		}
	}
	if groupSep && digitsSinceGroup != 3 {
		return 0, BreakBadGroup
	}
	v, ok := decimal.Parse(string(num))
	if !ok || v > 1e15 || v < -1e15 {
		return 0, BreakNotANumber
	}
	return v, 0
}
