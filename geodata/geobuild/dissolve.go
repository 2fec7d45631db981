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
	type edge [2]orb.Point
	var edges []edge
	count := map[edge]int{}
	for _, mp := range parts {
		for _, p := range mp {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					e := edge{r[i], r[i+1]}
					if e[0] == e[1] {
						continue
					}
					if count[e] == 0 {
						edges = append(edges, e)
					}
					count[e]++
				}
			}
		}
	}
	var kept []edge
	out := map[orb.Point][]int{} // vertex → kept edges leaving it
	for _, e := range edges {
		if count[e] > 1 {
			return nil, errors.New("edge " + ptText(e[0]) + "→" + ptText(e[1]) + " used twice in the same direction: the parts overlap")
		}
		if count[edge{e[1], e[0]}] > 0 {
			continue // between two parts
		}
		out[e[0]] = append(out[e[0]], len(kept))
		kept = append(kept, e)
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
		switch r.Orientation() {
		case orb.CCW:
			outer = append(outer, r)
		case orb.CW:
			holes = append(holes, r)
		default:
			return nil, errors.New("ring of no area at " + ptText(r[0]))
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
			return nil, errors.New("hole at " + ptText(h[0]) + " inside no outer ring")
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
