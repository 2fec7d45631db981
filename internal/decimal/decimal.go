// Package decimal reads decimal numbers ("-12.5", "752.0", "3e4") into
// float64, correctly rounded as strconv.ParseFloat does, and small integers.
//
// It exists for the browser wasm: strconv's parsers bring its *NumError,
// and with it strconv's quoting, Unicode tables and the Eisel-Lemire
// powers table, about 10 KB brotli of app.wasm. Only plain decimal syntax
// is read: no "NaN", "Inf", hexadecimal or '_' (strconv accepts those).
package decimal

import "math"

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// maxDigits bounds the significant digits compared exactly; later digits
// only say whether the number is above its truncation (as strconv does).
const maxDigits = 800

// Parse reads s = [+-]digits[.digits][(e|E)[+-]digits], with at least one
// digit before or after the point. ok is false for any other text. A
// number beyond float64's range gives ±Inf with ok true, as
// strconv.ParseFloat's value does; one too small for it gives ±0.
func Parse(s string) (v float64, ok bool) {
	n, ok := scan(s)
	if !ok {
		return 0, false
	}
	v = n.float()
	if n.neg {
		v = -v
	}
	return v, true
}

// Exact returns m × 10^exp when float64 computes it correctly rounded in
// one operation: m below 2^53 and 10^|exp| exact (|exp| ≤ 22). ok is
// false otherwise. It is the fast path of Parse and of the CSV reader.
func Exact(m uint64, exp int) (v float64, ok bool) {
	switch {
	case m >= 1<<53 || exp < -22 || exp > 22:
		return 0, false
	case exp < 0:
		return float64(m) / pow10[-exp], true
	}
	return float64(m) * pow10[exp], true
}

// Int reads s = [+-]digits as an int of at most 18 digits.
func Int(s string) (int, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// number is a scanned decimal: digits × 10^exp, the digits without
// leading or trailing zeros (empty for zero).
type number struct {
	digits string
	trunc  bool // non-zero digits were dropped after maxDigits
	exp    int
	neg    bool
}

// scan checks the syntax and gathers the significant digits.
func scan(s string) (number, bool) {
	var n number
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		n.neg = s[i] == '-'
		i++
	}
	buf := make([]byte, 0, 24)
	sawDigit, sawDot, dropped := false, false, false
	for ; i < len(s); i++ {
		c := s[i]
		if c == '.' && !sawDot {
			sawDot = true
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		sawDigit = true
		switch {
		case c == '0' && len(buf) == 0: // leading zero
			if sawDot {
				n.exp--
			}
			continue
		case len(buf) < maxDigits:
			buf = append(buf, c)
		default:
			dropped = dropped || c != '0'
			if !sawDot {
				n.exp++
			}
			continue
		}
		if sawDot {
			n.exp--
		}
	}
	if !sawDigit {
		return n, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return n, false
		}
		e := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if e < 100_000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		if eneg {
			e = -e
		}
		n.exp += e
	}
	if i != len(s) {
		return n, false
	}
	for len(buf) > 0 && buf[len(buf)-1] == '0' {
		buf = buf[:len(buf)-1]
		n.exp++
	}
	n.digits, n.trunc = string(buf), dropped
	return n, true
}

// float converts the magnitude: exactly when the digits fit in 2^53 and the
// power of ten is exact, otherwise from an estimate corrected against the
// exact value.
func (n number) float() float64 {
	d := len(n.digits)
	switch {
	case d == 0:
		return 0
	case d+n.exp > 310:
		return math.Inf(1)
	case d+n.exp < -330:
		return 0
	}
	var m uint64
	k := min(d, 19)
	for i := 0; i < k; i++ {
		m = m*10 + uint64(n.digits[i]-'0')
	}
	if d == k && !n.trunc {
		if v, ok := Exact(m, n.exp); ok {
			return v
		}
	}
	// Estimate within a few units in the last place, in two steps so that
	// no intermediate overflows or underflows before the result does.
	e := n.exp + d - k
	x := float64(m) * math.Pow10(e/2) * math.Pow10(e-e/2)
	if math.IsInf(x, 0) {
		x = math.MaxFloat64
	}
	return n.correct(x)
}
