package frfmt

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzNumber: the English output, without separators, parses back to v
// within half a unit of the last decimal, and French differs only by the
// separators.
func FuzzNumber(f *testing.F) {
	for _, v := range []float64{0, 12.5, -1234.5, 2.675, 999.96, 1e21, 5e-324} {
		f.Add(v, uint8(1))
	}
	f.Fuzz(func(t *testing.T, v float64, d uint8) {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e300 {
			return
		}
		dec := int(d % 6)
		en := Number(v, dec, EN)
		back, err := strconv.ParseFloat(strings.ReplaceAll(en, ",", ""), 64)
		if err != nil {
			t.Fatalf("Number(%v, %d, EN) = %q does not parse: %v", v, dec, en, err)
		}
		tol := 0.5*math.Pow(10, -float64(dec)) + math.Abs(v)*1e-15
		if math.Abs(back-v) > tol {
			t.Fatalf("Number(%v, %d, EN) = %q is %v away", v, dec, en, math.Abs(back-v))
		}
		fr := Number(v, dec, FR)
		conv := strings.NewReplacer(NNBSP, ",", ",", ".").Replace(fr)
		if conv != en {
			t.Fatalf("FR %q vs EN %q", fr, en)
		}
	})
}
