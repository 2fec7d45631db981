package decimal

// nat is a natural number in base 2^32, least significant word first,
// with no leading zero words: just what cmp needs.
type nat []uint32

// mulAdd returns z·k + a.
func (z nat) mulAdd(k, a uint32) nat {
	c := uint64(a)
	for i, w := range z {
		p := uint64(w)*uint64(k) + c
		z[i], c = uint32(p), p>>32
	}
	if c != 0 {
		z = append(z, uint32(c))
	}
	return z
}

// add returns z + a, for z zero.
func (z nat) add(a uint64) nat {
	return z.mulAdd(1, uint32(a>>32)).mulAdd(1<<16, 0).mulAdd(1<<16, uint32(a))
}

// addDigits returns z·10^len(s) + s, s decimal digits.
func (z nat) addDigits(s string) nat {
	for len(s) > 0 {
		k := min(len(s), 9)
		a, p := uint32(0), uint32(1)
		for i := 0; i < k; i++ {
			a, p = a*10+uint32(s[i]-'0'), p*10
		}
		z, s = z.mulAdd(p, a), s[k:]
	}
	return z
}

// mulPow10 returns z·10^k.
func (z nat) mulPow10(k int) nat {
	for ; k >= 9; k -= 9 {
		z = z.mulAdd(1_000_000_000, 0)
	}
	p := uint32(1)
	for ; k > 0; k-- {
		p *= 10
	}
	return z.mulAdd(p, 0)
}

// shl returns z·2^k.
func (z nat) shl(k int) nat {
	if len(z) == 0 {
		return z
	}
	z = append(make(nat, k/32), z...)
	if s := uint(k % 32); s > 0 {
		z = z.mulAdd(1<<s, 0)
	}
	return z
}

// cmp compares z with y: -1, 0 or +1.
func (z nat) cmp(y nat) int {
	if len(z) != len(y) {
		if len(z) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(z) - 1; i >= 0; i-- {
		if z[i] != y[i] {
			if z[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}
