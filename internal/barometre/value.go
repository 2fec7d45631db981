package barometre

import (
	"francenum-map/internal/ascii"
	"francenum-map/internal/decimal"
	"math"
)

// parseValue reads a published number: "752.0", "-3", "12.5", and with the
// Excel France delimiter ';' also "12,5". It returns the problem's code
// when the value is empty, not a number, NaN/Inf, or out of float64 range
// (1e400).
func parseValue(b []byte, delim byte) (float64, Code) {
	b = trimSpace(b)
	if len(b) == 0 {
		return 0, WarnEmptyValue
	}
	// Fast path for the published form (digits, optional point, digits):
	// an integer mantissa below 2^53 divided by an exact power of ten is
	// correctly rounded, the same result as strconv.ParseFloat.
	neg := false
	s := b
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	var mant uint64
	nd, frac, ok, dot := 0, 0, len(s) > 0, false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			nd++
			if dot {
				frac++
			}
		case (c == '.' || (c == ',' && delim == ';')) && !dot:
			dot = true
		default:
			ok = false
		}
		if !ok || nd > 15 {
			ok = false
			break
		}
	}
	if v, exact := decimal.Exact(mant, -frac); ok && nd > 0 && exact {
		if neg {
			v = -v
		}
		return v, ""
	}
	// Slow path: exponents, long mantissas. Only plain decimal syntax is
	// accepted (strconv also knows "NaN", "Inf", hexadecimal and '_').
	str := make([]byte, 0, len(b))
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
			str = append(str, c)
		case c == ',' && delim == ';':
			str = append(str, '.')
		default:
			if isNaNInf(b) {
				return 0, WarnNotANumber
			}
			return 0, WarnUnparseable
		}
	}
	v, ok := decimal.Parse(string(str))
	if !ok {
		return 0, WarnUnparseable
	}
	if math.IsInf(v, 0) {
		return 0, WarnOutOfRange
	}
	return v, ""
}

func isNaNInf(b []byte) bool {
	s := string(b)
	for len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	switch ascii.Lower(s) {
	case "nan", "inf", "infinity":
		return true
	}
	return false
}
