package unitkind

import (
	"math"
	"strings"

	"francenum-map/internal/order"
)

// Obs is one department's value at one date (Date sorts chronologically,
// e.g. 20221130).
type Obs struct {
	Dept  string
	Date  int
	Value float64
}

// ValuesOf summarises observations given in any order for Classify.
func ValuesOf(obs []Obs) Values {
	var v Values
	s := append([]Obs(nil), obs...)
	// order, not sort: the browser app links this package (no reflect-based
	// sort in app.wasm).
	order.StableFunc(s, func(a, b Obs) int {
		if c := strings.Compare(a.Dept, b.Dept); c != 0 {
			return c
		}
		return a.Date - b.Date
	})
	for i, o := range s {
		v.N++
		if o.Value != math.Trunc(o.Value) {
			v.Fractional++
		}
		if o.Value < 0 {
			v.Negative++
		}
		if i == 0 || s[i-1].Dept != o.Dept {
			continue
		}
		switch p := s[i-1].Value; {
		case o.Value > p:
			v.Rises++
		case o.Value < p:
			v.Falls++
		}
	}
	return v
}
