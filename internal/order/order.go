// Package order sorts the small slices of the browser app (a department's
// values, an indicator's dates, unknown codes) with one compact algorithm.
// slices.Sort is a pattern-defeating quicksort of ~12 KB of wasm per element
// type, and the app sorted three types (≈36 KB, ≈9 KB brotli); a Shell sort
// is ~0.6 KB per type and, with the gap sequence below, O(n^1.3) in
// practice: 101 values sort in about a microsecond, 100 000 in milliseconds.
package order

import "cmp"

// gaps is Ciura's sequence extended by ×2.25; the last gap is 1, which makes
// the final pass an insertion sort.
var gaps = [...]int{1, 4, 10, 23, 57, 132, 301, 701, 1577, 3548, 7983, 17961, 40412, 90927, 204585, 460316, 1035711}

// Sort sorts xs in ascending order (not stable; NaNs, which compare false,
// end up where the passes leave them, as with any comparison sort).
func Sort[T cmp.Ordered](xs []T) {
	n := len(xs)
	k := len(gaps) - 1
	for k > 0 && gaps[k] >= n {
		k--
	}
	for ; k >= 0; k-- {
		g := gaps[k]
		for i := g; i < n; i++ {
			v := xs[i]
			j := i
			for j >= g && xs[j-g] > v {
				xs[j] = xs[j-g]
				j -= g
			}
			xs[j] = v
		}
	}
}

// StableFunc sorts xs by cmp keeping equal elements in their order: a
// bottom-up merge sort with one buffer of len(xs), after a check that
// returns at once on sorted input (the usual case: files list months in
// order).
func StableFunc[T any](xs []T, cmp func(a, b T) int) {
	sorted := true
	for i := 1; i < len(xs); i++ {
		if cmp(xs[i-1], xs[i]) > 0 {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	src, dst := xs, make([]T, len(xs))
	for w := 1; w < len(xs); w *= 2 {
		for lo := 0; lo < len(xs); lo += 2 * w {
			mid, hi := min(lo+w, len(xs)), min(lo+2*w, len(xs))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if cmp(src[j], src[i]) < 0 { // strictly less: the left one stays first
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &xs[0] {
		copy(xs, src)
	}
}
