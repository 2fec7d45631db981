package geobuild

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sq is a w×h rectangle, counter-clockwise in orb's sense.
func sq(x, y, w, h float64) orb.Ring {
	return orb.Ring{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}
}

func rev(r orb.Ring) orb.Ring { return orb.Ring(reversed(orb.LineString(r))) }

func mpArea(mp orb.MultiPolygon) float64 {
	a := 0.0
	for _, p := range mp {
		for _, r := range p {
			a += signedArea(r)
		}
	}
	return a
}

func signedArea(r orb.Ring) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

func TestDissolve(t *testing.T) {
	holed := orb.Polygon{sq(0, 0, 30, 30), rev(sq(10, 10, 10, 10))}
	tests := []struct {
		name   string
		parts  []orb.MultiPolygon
		rings  []int       // rings of each polygon (outer + holes)
		area   float64     // of the union
		absent []orb.Point // vertices inside the union, gone
		err    string
	}{
		{name: "two squares side by side", parts: []orb.MultiPolygon{{{sq(0, 0, 10, 10)}}, {{sq(10, 0, 10, 10)}}}, rings: []int{1}, area: 200},
		{name: "four squares round a vertex", parts: []orb.MultiPolygon{
			{{sq(0, 0, 10, 10)}}, {{sq(10, 0, 10, 10)}}, {{sq(0, 10, 10, 10)}}, {{sq(10, 10, 10, 10)}},
		}, rings: []int{1}, area: 400, absent: []orb.Point{{10, 10}}},
		{name: "enclave of the same region fills the hole", parts: []orb.MultiPolygon{{holed}, {{sq(10, 10, 10, 10)}}},
			rings: []int{1}, area: 900, absent: []orb.Point{{10, 10}, {20, 20}}},
		{name: "enclave of another region stays a hole", parts: []orb.MultiPolygon{{holed}}, rings: []int{2}, area: 800},
		{name: "a lake between four parts becomes a hole", parts: []orb.MultiPolygon{
			{{orb.Ring{{0, 0}, {30, 0}, {30, 10}, {20, 10}, {10, 10}, {0, 10}, {0, 0}}}},
			{{orb.Ring{{0, 20}, {10, 20}, {20, 20}, {30, 20}, {30, 30}, {0, 30}, {0, 20}}}},
			{{orb.Ring{{0, 10}, {10, 10}, {10, 20}, {0, 20}, {0, 10}}}},
			{{orb.Ring{{20, 10}, {30, 10}, {30, 20}, {20, 20}, {20, 10}}}},
		}, rings: []int{2}, area: 800},
		{name: "squares touching at a corner stay two simple rings",
			parts: []orb.MultiPolygon{{{sq(0, 0, 10, 10)}}, {{sq(10, 10, 10, 10)}}}, rings: []int{1, 1}, area: 200},
		{name: "an island stays", parts: []orb.MultiPolygon{{{sq(0, 0, 10, 10)}, {sq(50, 50, 2, 2)}}, {{sq(10, 0, 10, 10)}}},
			rings: []int{1, 1}, area: 204},
		{name: "a spike on a shared border goes", parts: []orb.MultiPolygon{
			{{orb.Ring{{0, 0}, {10, 0}, {10, 5}, {12, 5}, {10, 5}, {10, 10}, {0, 10}, {0, 0}}}},
			{{orb.Ring{{10, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 5}, {10, 0}}}},
		}, rings: []int{1}, area: 200, absent: []orb.Point{{10, 5}, {12, 5}}},
		{name: "overlapping parts", parts: []orb.MultiPolygon{{{sq(0, 0, 10, 10)}}, {{sq(0, 0, 10, 10)}}}, err: "in two parts the same way: the parts overlap"},
		{name: "a border with different vertices on its two sides", parts: []orb.MultiPolygon{
			{{sq(0, 0, 10, 10)}},
			{{orb.Ring{{10, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 5}, {10, 0}}}},
		}, err: "overlap: a border whose two sides do not have the same vertices"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := dissolve(tt.parts)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			var rings []int
			for _, p := range got {
				rings = append(rings, len(p))
				assert.Equal(t, orb.CCW, p[0].Orientation(), "outer ring counter-clockwise")
				for _, h := range p[1:] {
					assert.Equal(t, orb.CW, h.Orientation(), "hole clockwise")
				}
			}
			assert.Equal(t, tt.rings, rings)
			assert.InDelta(t, tt.area, mpArea(got), 1e-9)
			sum := 0.0
			for _, mp := range tt.parts {
				sum += mpArea(mp)
			}
			assert.InDelta(t, sum, mpArea(got), 1e-9, "the parts' area")
			// Every edge of the union is an edge of a part, in its
			// direction, that no other part has the other way.
			in := map[[2]orb.Point]bool{}
			for _, mp := range tt.parts {
				for _, p := range mp {
					for _, r := range p {
						for i := 0; i+1 < len(r); i++ {
							in[[2]orb.Point{r[i], r[i+1]}] = true
						}
					}
				}
			}
			for _, p := range got {
				for _, r := range p {
					assert.Equal(t, r[0], r[len(r)-1], "closed")
					seen := map[orb.Point]bool{}
					for i := 0; i+1 < len(r); i++ {
						e := [2]orb.Point{r[i], r[i+1]}
						assert.True(t, in[e], "edge %v of a part", e)
						assert.False(t, in[[2]orb.Point{e[1], e[0]}], "edge %v not between two parts", e)
						assert.False(t, seen[r[i]], "ring %v is simple", r)
						seen[r[i]] = true
					}
					for _, pt := range tt.absent {
						assert.NotContains(t, r, pt)
					}
				}
			}
			for _, pt := range tt.absent {
				assert.True(t, planar.MultiPolygonContains(got, pt), "%v inside the union", pt)
			}
		})
	}
}

func TestTurn(t *testing.T) {
	up := [2]orb.Point{{0, 0}, {0, 1}}
	tests := []struct {
		to   orb.Point
		want float64
	}{
		{orb.Point{-1, 1}, math.Pi / 2}, // left
		{orb.Point{1, 1}, -math.Pi / 2}, // right
		{orb.Point{0, 2}, 0},            // straight on
		{orb.Point{-1, 2}, math.Pi / 4},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, turn(up, [2]orb.Point{{0, 1}, tt.to}), 1e-12, "%v", tt.to)
	}
}
