package classify

import "math"

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
	d := dp{n: n, s1: make([]float64, n+1), s2: make([]float64, n+1),
		cost: make([]float64, k*n), back: make([]int32, k*n)}
	for i, v := range xs {
		x := v - shift
		d.s1[i+1] = d.s1[i] + x
		d.s2[i+1] = d.s2[i] + x*x
	}
	for i := range n {
		d.cost[i] = d.ssq(0, i)
	}
	for q := 1; q < k; q++ {
		imin := q
		if q == k-1 {
			imin = n - 1 // the last row only needs the full series
		}
		d.fillRow(q, imin, n-1, q, n-1)
	}
	breaks := make([]float64, k-1)
	right := n - 1
	for q := k - 1; q >= 1; q-- {
		start := int(d.back[q*n+right])
		breaks[q-1] = xs[start]
		right = start - 1
	}
	return breaks
}

// dp holds the ckmeans tables: cost[q*n+i] is the least sum of squares of
// xs[0..i] in q+1 clusters, back[q*n+i] where the last cluster starts.
type dp struct {
	n      int
	s1, s2 []float64
	cost   []float64
	back   []int32
}

// ssq is the within-cluster sum of squares of xs[j..i].
func (d *dp) ssq(j, i int) float64 {
	s := d.s1[i+1] - d.s1[j]
	r := d.s2[i+1] - d.s2[j] - s*s/float64(i-j+1)
	if r < 0 {
		return 0
	}
	return r
}

// fillRow computes row q for i in [imin, imax], knowing the optimal cluster
// start lies in [jmin, jmax] (it is monotone in i).
func (d *dp) fillRow(q, imin, imax, jmin, jmax int) {
	for imin <= imax {
		i := (imin + imax) / 2
		lo := max(jmin, q)
		hi := min(jmax, i)
		prev := d.cost[(q-1)*d.n:]
		best, bestJ := math.Inf(1), lo
		for j := lo; j <= hi; j++ {
			if c := prev[j-1] + d.ssq(j, i); c < best {
				best, bestJ = c, j
			}
		}
		d.cost[q*d.n+i] = best
		d.back[q*d.n+i] = int32(bestJ)
		d.fillRow(q, imin, i-1, jmin, bestJ)
		// Tail call turned into the loop: the right half.
		imin, jmin = i+1, bestJ
	}
}
