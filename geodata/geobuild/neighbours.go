package geobuild

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// neighbours finds the departments sharing a border, from outlines in true
// metres (before simplification and quantisation). Two departments are
// neighbours when at least two vertices of one lie within tol metres of the
// other's outline: a shared edge gives two (or exactly zero distance with
// topological data such as Etalab's), while two departments that only touch
// at a point (a quadripoint) give one each and are not neighbours. The
// tolerance lets files without shared vertices work too.
func neighbours(geoms map[string]orb.MultiPolygon, tol float64) map[string][]string {
	type seg struct {
		a, b orb.Point
		code string
	}
	cell := math.Max(tol*20, 2000) // metres; a few segments per cell
	key := func(x, y float64) [2]int64 { return [2]int64{int64(math.Floor(x / cell)), int64(math.Floor(y / cell))} }
	grid := map[[2]int64][]int{}
	var segs []seg
	codes := make([]string, 0, len(geoms))
	for c := range geoms {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		for _, p := range geoms[c] {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					s := seg{r[i], r[i+1], c}
					segs = append(segs, s)
					b := orb.Bound{Min: s.a, Max: s.a}.Extend(s.b).Pad(tol)
					k0, k1 := key(b.Min[0], b.Min[1]), key(b.Max[0], b.Max[1])
					for x := k0[0]; x <= k1[0]; x++ {
						for y := k0[1]; y <= k1[1]; y++ {
							grid[[2]int64{x, y}] = append(grid[[2]int64{x, y}], len(segs)-1)
						}
					}
				}
			}
		}
	}
	// near[a][b] counts the distinct vertices of a within tol of b.
	near := map[string]map[string]int{}
	tol2 := tol * tol
	for _, c := range codes {
		seen := map[orb.Point]bool{}
		for _, p := range geoms[c] {
			for _, r := range p {
				for _, pt := range r {
					if seen[pt] {
						continue
					}
					seen[pt] = true
					hit := map[string]bool{}
					for _, si := range grid[key(pt[0], pt[1])] {
						s := segs[si]
						if s.code == c || hit[s.code] {
							continue
						}
						if planar.DistanceFromSegmentSquared(s.a, s.b, pt) <= tol2 {
							hit[s.code] = true
						}
					}
					for o := range hit {
						if near[c] == nil {
							near[c] = map[string]int{}
						}
						near[c][o]++
					}
				}
			}
		}
	}
	out := map[string][]string{}
	for _, a := range codes {
		for _, b := range codes {
			if a < b && (near[a][b] >= 2 || near[b][a] >= 2) {
				out[a] = append(out[a], b)
				out[b] = append(out[b], a)
			}
		}
	}
	for c := range out {
		slices.Sort(out[c])
	}
	return out
}
