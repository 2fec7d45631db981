package geobuild

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two squares side by side sharing a wiggly vertical border x≈100, and a
// third (an enclave) inside the left one with no junction at all.
func wigglyPair() []orb.MultiPolygon {
	var border []orb.Point // from (100,0) down to (100,200)
	for i := 0; i <= 40; i++ {
		y := float64(i * 5)
		border = append(border, orb.Point{100 + math.Round(3*math.Sin(float64(i)*1.7)), y})
	}
	left := orb.Ring{{0, 0}}
	left = append(left, border...)
	left = append(left, orb.Point{0, 200}, orb.Point{0, 0})
	right := orb.Ring{}
	for i := len(border) - 1; i >= 0; i-- {
		right = append(right, border[i])
	}
	right = append(right, orb.Point{200, 0}, orb.Point{200, 200}, border[len(border)-1])
	// right starts at (100,200): rotate so it starts at a corner as a
	// different publisher might, to make independent simplification differ.
	right = append(orb.Ring{{200, 200}}, right[:len(right)-1]...)
	right = append(right, orb.Point{200, 200})
	enclave := orb.Ring{{20, 20}, {20, 60}, {27, 62}, {40, 60}, {60, 61}, {60, 20}, {41, 22}, {20, 20}}
	hole := make(orb.Ring, len(enclave))
	for i, p := range enclave {
		hole[len(enclave)-1-i] = p
	}
	return []orb.MultiPolygon{{{left, hole}}, {{right}}, {{enclave}}}
}

func edgesOf(r orb.Ring) map[[2]orb.Point]bool {
	out := map[[2]orb.Point]bool{}
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		if less(b, a) {
			a, b = b, a
		}
		out[[2]orb.Point{a, b}] = true
	}
	return out
}

func onBorder(es map[[2]orb.Point]bool) map[[2]orb.Point]bool {
	out := map[[2]orb.Point]bool{}
	for e := range es {
		if e[0][0] > 90 && e[0][0] < 110 && e[1][0] > 90 && e[1][0] < 110 {
			out[e] = true
		}
	}
	return out
}

func TestSimplifySharedKeepsBordersIdentical(t *testing.T) {
	in := wigglyPair()
	got := simplifyShared(in, 4, 1)
	require.Len(t, got, 3)
	left, right := edgesOf(got[0][0][0]), edgesOf(got[1][0][0])
	assert.Equal(t, onBorder(left), onBorder(right), "the shared border is the same on both sides")
	assert.Less(t, len(onBorder(left)), 40, "and it was simplified")
	assert.Equal(t, edgesOf(got[0][0][1]), edgesOf(got[2][0][0]), "the enclave fills the hole exactly")
	assert.Equal(t, orb.CCW, got[0][0][0].Orientation())
	assert.Equal(t, orb.CW, got[0][0][1].Orientation(), "holes wind the other way")

	// Independent simplification does not keep them identical: this is
	// the sliver problem the arcs avoid.
	dp := simplify.DouglasPeucker(4)
	l2 := dp.Ring(in[0][0][0].Clone())
	r2 := dp.Ring(in[1][0][0].Clone())
	assert.NotEqual(t, onBorder(edgesOf(l2)), onBorder(edgesOf(r2)))
}

func TestSimplifySharedDropsCollapsedIslands(t *testing.T) {
	main := orb.Polygon{{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}}
	islet := orb.Polygon{{{200, 200}, {201, 200}, {201, 201}, {200, 200}}}
	got := simplifyShared([]orb.MultiPolygon{{main, islet}, {islet}}, 2, 4)
	assert.Len(t, got[0], 1, "islet dropped")
	assert.Len(t, got[1], 1, "but a department never loses its only polygon")
}

func TestQuantise(t *testing.T) {
	got := quantise(orb.MultiPolygon{{{{0.2, 0.1}, {0.4, 0.3}, {5.6, 0}, {5, 5.4}, {0.2, 0.1}}}})
	assert.Equal(t, orb.MultiPolygon{{{{0, 0}, {6, 0}, {5, 5}, {0, 0}}}}, got)
}
