package decimal

import "math"

// correct moves x one float64 at a time until it is the float64 nearest to
// n, ties to even, comparing n with the halfway points exactly.
func (n number) correct(x float64) float64 {
	for range 64 {
		m, e2 := parts(x)
		// Above: halfway to the next float64, (2m+1)·2^(e2-1).
		if c := n.cmp(2*m+1, e2-1); c > 0 || c == 0 && m&1 == 1 {
			if x == math.MaxFloat64 {
				return math.Inf(1)
			}
			x = math.Nextafter(x, math.Inf(1))
			continue
		}
		if x == 0 {
			return 0
		}
		// Below: halfway to the previous float64. At a power of two the
		// one below is twice as close: (4m-1)·2^(e2-2).
		h, q := 2*m-1, e2-1
		if m == 1<<52 && e2 > -1074 {
			h, q = 4*m-1, e2-2
		}
		if c := n.cmp(h, q); c < 0 || c == 0 && m&1 == 1 {
			x = math.Nextafter(x, 0)
			continue
		}
		return x
	}
	return x
}

// parts splits a finite x ≥ 0 into m·2^e2 with m an integer below 2^53.
func parts(x float64) (m uint64, e2 int) {
	b := math.Float64bits(x)
	m, be := b&(1<<52-1), int(b>>52&0x7ff)
	if be == 0 {
		return m, -1074
	}
	return m | 1<<52, be - 1075
}

// cmp compares n with h·2^q exactly: -1, 0 or +1.
func (n number) cmp(h uint64, q int) int {
	l := nat(nil).addDigits(n.digits)
	r := nat(nil).add(h)
	if n.exp >= 0 {
		l = l.mulPow10(n.exp)
	} else {
		r = r.mulPow10(-n.exp)
	}
	if q >= 0 {
		r = r.shl(q)
	} else {
		l = l.shl(-q)
	}
	c := l.cmp(r)
	if c == 0 && n.trunc {
		return 1
	}
	return c
}
