package frfmt

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// refNumber is the straightforward string-based version of Number (the
// first implementation), kept as the reference for the allocation-lean one.
func refNumber(v float64, decimals int, l Lang) string {
	neg := v < 0
	intPart, frac := roundDecimal(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), max(decimals, 0))
	if neg && strings.Trim(intPart+frac, "0") == "" {
		neg = false
	}
	th, dec := sep(l)
	out := group(intPart, th)
	if frac != "" {
		out += dec + frac
	}
	if neg {
		return "-" + out
	}
	return out
}

// roundDecimal rounds the unsigned decimal string s ("1234.5678") to dec
// fractional digits, half away from zero, and returns the integer and
// fractional digits.
func roundDecimal(s string, dec int) (intPart, frac string) {
	intPart, frac = s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	if len(frac) <= dec {
		return intPart, frac + strings.Repeat("0", dec-len(frac))
	}
	up := frac[dec] >= '5'
	digits := []byte(intPart + frac[:dec])
	if up {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] < '9' {
				digits[i]++
				break
			}
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - dec
	return string(digits[:n]), string(digits[n:])
}

func TestNumberMatchesReference(t *testing.T) {
	state := uint64(99)
	rnd := func() uint64 {
		state = state*6364136223846793005 + 1442695040888963407
		return state >> 11
	}
	vals := []float64{0, 0.5, 0.05, 0.95, 9.5, 99.5, 999.5, 9999.995, 1e21, 123456789.987654321, 1e-9, 5e-324, math.MaxFloat64 / 1e290}
	for range 20000 {
		r := rnd()
		var v float64
		switch r % 4 {
		case 0: // decimals with few digits, the common case
			v = float64(int64(rnd()%2000000)-1000000) / 100
		case 1: // exact halves at various scales
			v = (float64(rnd()%100000) + 0.5) / math.Pow(10, float64(rnd()%4))
		case 2: // any bits
			v = math.Float64frombits(rnd() | rnd()<<53)
		default:
			v = float64(int64(rnd()%1e12) - 5e11)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e30 {
			continue
		}
		vals = append(vals, v, -v)
	}
	for _, v := range vals {
		for dec := 0; dec <= 3; dec++ {
			for _, l := range []Lang{FR, EN} {
				require.Equal(t, refNumber(v, dec, l), Number(v, dec, l), "Number(%v, %d, %v)", v, dec, l)
			}
		}
	}
}
