package geobuild

import (
	"errors"
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// dissolve merges areas that tile the plane (departments of one region)
// into one outline, by removing the edges they share: with topological
// outlines such as geobuild's (shared borders have the same vertices on
// both sides, outer rings counter-clockwise and holes clockwise, so the
// area is on the left of every edge), an edge a→b whose reverse b→a is
// also there lies between two of the parts. What is left is the outline of
// the union, every edge an edge of one part in its direction, which is
// chained back into rings. Nothing is moved, added or simplified: the
// union's borders are the parts' borders exactly.
//
// Where two rings of the union touch at a vertex (a pinch: two islands
// meeting at a point, a hole touching the coast), the chain takes the
// sharpest left turn, which keeps the area on its left and gives simple
// rings. Rings winding counter-clockwise are outer rings; each clockwise
// one is a hole of the smallest outer ring around it.
func dissolve(parts []orb.MultiPolygon) (orb.MultiPolygon, error) {
	type edge = [2]orb.Point
	var edges []edge
	count := map[edge]int{}
	part := map[edge]int{}    // the first part with the edge
	shared := map[edge]bool{} // used the same way by two parts
	for pi, mp := range parts {
		for _, p := range mp {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					e := edge{r[i], r[i+1]}
					if e[0] == e[1] {
						continue
					}
					if count[e] == 0 {
						edges = append(edges, e)
						part[e] = pi
					} else if part[e] != pi {
						shared[e] = true
					}
					count[e]++
				}
			}
		}
	}
	var kept []edge
	var from []int               // part of each kept edge
	out := map[orb.Point][]int{} // vertex → kept edges leaving it
	for _, e := range edges {
		// Each way cancels the other: an edge between two parts leaves
		// nothing, and so does a spike (a→b→a, which quantising a narrow
		// inlet can leave, at the 100 m level on both sides of the border
		// of Doubs and Haute-Saône). What is left is kept as many times as
		// it is more used one way than the other (twice for an islet of
		// Morbihan at 100 m whose ring winds twice round a triangle), so
		// that at every point the union winds as many times as its parts
		// together: its area is theirs exactly.
		n := count[e] - count[edge{e[1], e[0]}]
		if n > 1 && shared[e] {
			return nil, errors.New("edge " + ptText(e[0]) + "→" + ptText(e[1]) + " in two parts the same way: the parts overlap")
		}
		for ; n > 0; n-- {
			out[e[0]] = append(out[e[0]], len(kept))
			kept = append(kept, e)
			from = append(from, part[e])
		}
	}

	if i, j, ok := overlapping(kept, from); ok {
		return nil, errors.New("outline edges " + ptText(kept[i][0]) + "→" + ptText(kept[i][1]) + " and " + ptText(kept[j][0]) + "→" + ptText(kept[j][1]) +
			" overlap: a border whose two sides do not have the same vertices (the parts are not topological)")
	}

	used := make([]bool, len(kept))
	var rings []orb.Ring
	walk := func(k int) error {
		start := kept[k][0]
		ring := orb.Ring{start}
		for {
			used[k] = true
			e := kept[k]
			ring = append(ring, e[1])
			if e[1] == start {
				break
			}
			next, best := -1, math.Inf(-1)
			for _, j := range out[e[1]] {
				if used[j] {
					continue
				}
				if t := turn(e, kept[j]); next < 0 || t > best {
					next, best = j, t
				}
			}
			if next < 0 {
				return errors.New("outline open at " + ptText(e[1]) + ": the parts are not topological")
			}
			k = next
		}
		rings = append(rings, ring)
		return nil
	}
	// Start at vertices with one way out first, so that a ring closes
	// where it began without having to choose at a pinch.
	for pass := range 2 {
		for k := range kept {
			if !used[k] && (pass == 1 || len(out[kept[k][0]]) == 1) {
				if err := walk(k); err != nil {
					return nil, err
				}
			}
		}
	}

	var outer, holes []orb.Ring
	for _, r := range rings {
		if len(r) < 4 {
			return nil, errors.New("ring of " + strconv.Itoa(len(r)-1) + " edges at " + ptText(r[0]))
		}
		// A ring of no area is kept as an outer ring of its own: a
		// bow tie where a border's two sides have different vertices
		// (Aisne and Oise, 4 points, at the 100 m level), drawn as the
		// two departments draw it.
		if r.Orientation() == orb.CW {
			holes = append(holes, r)
		} else {
			outer = append(outer, r)
		}
	}
	res := make(orb.MultiPolygon, len(outer))
	areas := make([]float64, len(outer))
	for i, r := range outer {
		res[i] = orb.Polygon{r}
		areas[i] = math.Abs(planar.Area(r))
	}
	for _, h := range holes {
		// The middle of an edge is strictly inside the outer ring around
		// the hole: no other ring of the union runs along it.
		mid := orb.Point{(h[0][0] + h[1][0]) / 2, (h[0][1] + h[1][1]) / 2}
		best := -1
		for i, r := range outer {
			if (best < 0 || areas[i] < areas[best]) && planar.RingContains(r, mid) {
				best = i
			}
		}
		if best < 0 {
			// A clockwise lobe in no outer ring: a part's ring that
			// crosses itself (that Morbihan islet again), which its
			// part draws with SVG's nonzero rule; so does the union.
			res = append(res, orb.Polygon{h})
			continue
		}
		res[best] = append(res[best], h)
	}
	return res, nil
}

// turn is the signed angle from edge a's direction to edge b's (b leaves
// where a ends): positive to the left (counter-clockwise in orb's y-up
// sense), in (-π, π].
func turn(a, b [2]orb.Point) float64 {
	ax, ay := a[1][0]-a[0][0], a[1][1]-a[0][1]
	bx, by := b[1][0]-b[0][0], b[1][1]-b[0][1]
	return math.Atan2(ax*by-ay*bx, ax*bx+ay*by)
}

func ptText(p orb.Point) string {
	return "(" + strconv.FormatFloat(p[0], 'f', -1, 64) + ", " + strconv.FormatFloat(p[1], 'f', -1, 64) + ")"
}

// overlapping finds two edges of different parts lying along each other
// over some length: what a border leaves when its two sides have
// different vertices (one side's vertex in the middle of the other's
// edge), which removing shared edges cannot remove. (Within one part such
// edges are that part's own outline, a spike that does not come back to
// its vertex, drawn as the part draws it.) Edges are put in a grid of
// cells so that only nearby pairs are compared.
func overlapping(edges [][2]orb.Point, part []int) (int, int, bool) {
	const cell = 32.0
	grid := map[[2]int64][]int{}
	for i, e := range edges {
		x0, x1 := math.Floor(math.Min(e[0][0], e[1][0])/cell), math.Floor(math.Max(e[0][0], e[1][0])/cell)
		y0, y1 := math.Floor(math.Min(e[0][1], e[1][1])/cell), math.Floor(math.Max(e[0][1], e[1][1])/cell)
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				k := [2]int64{int64(x), int64(y)}
				for _, j := range grid[k] {
					if part[j] != part[i] && alongEachOther(edges[j], e) {
						return j, i, true
					}
				}
				grid[k] = append(grid[k], i)
			}
		}
	}
	return 0, 0, false
}

// alongEachOther reports whether two different segments e and f are on
// one line and share more than a point.
func alongEachOther(e, f [2]orb.Point) bool {
	if e == f {
		return false // one edge kept twice, see dissolve
	}
	dx, dy := e[1][0]-e[0][0], e[1][1]-e[0][1]
	cross := func(p orb.Point) float64 { return dx*(p[1]-e[0][1]) - dy*(p[0]-e[0][0]) }
	if cross(f[0]) != 0 || cross(f[1]) != 0 {
		return false
	}
	t := func(p orb.Point) float64 { return dx*(p[0]-e[0][0]) + dy*(p[1]-e[0][1]) }
	lo, hi := math.Min(t(f[0]), t(f[1])), math.Max(t(f[0]), t(f[1]))
	return math.Max(lo, 0) < math.Min(hi, dx*dx+dy*dy)
}
