package classify

// ckmeansBreaks returns the k-1 inner breaks of the optimal 1-D k-means
// clustering of the sorted values xs (Wang & Song 2011, "Ckmeans.1d.dp"):
// each break is the smallest value of a cluster, matching the scale's
// closed-below intervals. k is reduced to the number of distinct values.
//
// The dynamic programme D[q][i] = min_j D[q-1][j-1] + ssq(j, i) is filled
// row by row with divide and conquer, using that the best j is monotone in
// i: O(k·n·log n), so classifying every month of an indicator (~2 000
// values) stays well under a millisecond.
func ckmeansBreaks(xs []float64, k int) []float64 {
	n := len(xs)
	k = min(k, distinctCount(xs))
	if k <= 1 {
		return nil
	}
	// Prefix sums of values shifted by the median, for numerical stability.
	shift := xs[n/2]
	s1 := make([]float64, n+1)
	s2 := make([]float64, n+1)
	for i, v := range xs {
		d := v - shift
		s1[i+1] = s1[i] + d
		s2[i+1] = s2[i] + d*d
	}
	ssq := func(j, i int) float64 { // within-cluster sum of squares of xs[j..i]
		s := s1[i+1] - s1[j]
		r := s2[i+1] - s2[j] - s*s/float64(i-j+1)
		if r < 0 {
			return 0
		}
		return r
	}
	cost := make([][]float64, k)
	back := make([][]int, k)
	for q := range k {
		cost[q] = make([]float64, n)
		back[q] = make([]int, n)
	}
	for i := range n {
		cost[0][i] = ssq(0, i)
	}
	for q := 1; q < k; q++ {
		imin := q
		if q == k-1 {
			imin = n - 1 // the last row only needs the full series
		}
		fillRow(q, imin, n-1, q, n-1, cost, back, ssq)
	}
	breaks := make([]float64, k-1)
	right := n - 1
	for q := k - 1; q >= 1; q-- {
		start := back[q][right]
		breaks[q-1] = xs[start]
		right = start - 1
	}
	return breaks
}

// fillRow computes cost[q][i] for i in [imin, imax], knowing the optimal
// cluster start lies in [jmin, jmax].
func fillRow(q, imin, imax, jmin, jmax int, cost [][]float64, back [][]int, ssq func(j, i int) float64) {
	if imin > imax {
		return
	}
	i := (imin + imax) / 2
	lo := jmin
	if lo < q {
		lo = q
	}
	hi := jmax
	if hi > i {
		hi = i
	}
	best, bestJ := -1.0, lo
	for j := lo; j <= hi; j++ {
		c := cost[q-1][j-1] + ssq(j, i)
		if best < 0 || c < best {
			best, bestJ = c, j
		}
	}
	cost[q][i] = best
	back[q][i] = bestJ
	fillRow(q, imin, i-1, jmin, bestJ, cost, back, ssq)
	fillRow(q, i+1, imax, bestJ, jmax, cost, back, ssq)
}
