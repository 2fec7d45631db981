package geobuild

import (
	"encoding/binary"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// Topology-aware simplification.
//
// Simplifying each department's rings on their own would pick different
// vertices on the two sides of a shared border (Douglas-Peucker depends on
// where the line starts and ends), leaving slivers and gaps. Instead the
// rings are cut into arcs at junctions — vertices where more than two edges
// meet, i.e. where the set of departments along the line changes — each
// distinct arc is simplified once (in a canonical direction) and both sides
// reuse the same result, so shared borders stay shared exactly, whatever the
// tolerance. This works because the Etalab files are topological: the two
// sides of a border have the same vertices. Junctions never move.

// quantise rounds every point to the integer grid and removes the
// consecutive duplicates that rounding creates. Shared vertices round to the
// same integers on both sides, so the topology survives.
func quantise(mp orb.MultiPolygon) orb.MultiPolygon {
	out := make(orb.MultiPolygon, 0, len(mp))
	for _, p := range mp {
		var np orb.Polygon
		for _, r := range p {
			nr := make(orb.Ring, 0, len(r))
			for _, pt := range r {
				q := orb.Point{math.Round(pt[0]), math.Round(pt[1])}
				if len(nr) == 0 || nr[len(nr)-1] != q {
					nr = append(nr, q)
				}
			}
			if nr[0] != nr[len(nr)-1] {
				nr = append(nr, nr[0])
			}
			np = append(np, nr)
		}
		out = append(out, np)
	}
	return out
}

// simplifyShared simplifies every multipolygon with Douglas-Peucker at tol
// (drawing units) along shared arcs, then drops rings that collapse
// (fewer than 3 distinct points, or area under minArea). A department never
// loses its largest polygon.
func simplifyShared(geoms []orb.MultiPolygon, tol, minArea float64) []orb.MultiPolygon {
	// Degree of each vertex in the graph of all ring edges.
	adj := make(map[orb.Point][]orb.Point)
	link := func(a, b orb.Point) {
		for _, n := range adj[a] {
			if n == b {
				return
			}
		}
		adj[a] = append(adj[a], b)
	}
	for _, mp := range geoms {
		for _, p := range mp {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					link(r[i], r[i+1])
					link(r[i+1], r[i])
				}
			}
		}
	}
	junction := func(pt orb.Point) bool { return len(adj[pt]) > 2 }

	dp := simplify.DouglasPeucker(tol)
	cache := make(map[string]orb.LineString)
	simplifyArc := func(arc orb.LineString) orb.LineString {
		rev := less(arc[len(arc)-1], arc[0])
		canon := arc
		if rev {
			canon = reversed(arc)
		}
		key := arcKey(canon)
		s, ok := cache[key]
		if !ok {
			s = dp.LineString(canon.Clone())
			cache[key] = s
		}
		if rev {
			return reversed(s)
		}
		return s
	}

	out := make([]orb.MultiPolygon, len(geoms))
	for gi, mp := range geoms {
		var res orb.MultiPolygon
		for _, p := range mp {
			var np orb.Polygon
			for ri, r := range p {
				nr := simplifyRing(r, junction, simplifyArc)
				if len(nr) < 4 || math.Abs(planar.Area(nr)) < minArea {
					if ri == 0 {
						break // outer ring gone: the polygon and its holes go
					}
					continue
				}
				if ri == 0 {
					nr = orient(nr, orb.CCW)
				} else {
					nr = orient(nr, orb.CW)
				}
				np = append(np, nr)
			}
			if len(np) > 0 {
				res = append(res, np)
			}
		}
		if len(res) == 0 {
			res = orb.MultiPolygon{largest(mp)}
		}
		out[gi] = res
	}
	return out
}

// simplifyRing cuts a closed ring into arcs at junctions and simplifies each.
func simplifyRing(r orb.Ring, junction func(orb.Point) bool, simplifyArc func(orb.LineString) orb.LineString) orb.Ring {
	pts := r[:len(r)-1] // open
	n := len(pts)
	if n < 3 {
		return nil
	}
	var cuts []int
	for i, pt := range pts {
		if junction(pt) {
			cuts = append(cuts, i)
		}
	}
	switch len(cuts) {
	case 0:
		// An island, or a ring shared whole with one other ring (an
		// enclave): cut at its smallest point and at the point farthest
		// from it, which both copies of a shared ring agree on.
		m := 0
		for i := range pts {
			if less(pts[i], pts[m]) {
				m = i
			}
		}
		cuts = []int{m, farthest(pts, m)}
		if cuts[1] < cuts[0] {
			cuts[0], cuts[1] = cuts[1], cuts[0]
		}
	case 1:
		// A single junction would give a closed arc, whose
		// simplification is ill-defined: cut also at the farthest point.
		f := farthest(pts, cuts[0])
		if f < cuts[0] {
			cuts = []int{f, cuts[0]}
		} else {
			cuts = append(cuts, f)
		}
	}
	var out orb.Ring
	for k, c := range cuts {
		next := cuts[(k+1)%len(cuts)]
		arc := orb.LineString{pts[c]}
		for i := (c + 1) % n; ; i = (i + 1) % n {
			arc = append(arc, pts[i])
			if i == next {
				break
			}
		}
		s := simplifyArc(arc)
		if len(out) == 0 {
			out = append(out, s...)
		} else {
			out = append(out, s[1:]...)
		}
	}
	// The last arc ends where the first began: out is closed already.
	return out
}

func farthest(pts []orb.Point, from int) int {
	best, bestD := from, -1.0
	for i, pt := range pts {
		d := planar.DistanceSquared(pts[from], pt)
		if d > bestD || (d == bestD && less(pt, pts[best])) {
			best, bestD = i, d
		}
	}
	return best
}

func less(a, b orb.Point) bool { return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]) }

func reversed(ls orb.LineString) orb.LineString {
	out := make(orb.LineString, len(ls))
	for i, pt := range ls {
		out[len(ls)-1-i] = pt
	}
	return out
}

func arcKey(ls orb.LineString) string {
	b := make([]byte, 0, len(ls)*8)
	for _, pt := range ls {
		b = binary.AppendVarint(b, int64(pt[0]))
		b = binary.AppendVarint(b, int64(pt[1]))
	}
	return string(b)
}

// orient returns r with the wanted orientation (orb's convention, x right
// and y up: CCW has positive area).
func orient(r orb.Ring, o orb.Orientation) orb.Ring {
	if r.Orientation() != o {
		r = orb.Ring(reversed(orb.LineString(r)))
	}
	return r
}

func largest(mp orb.MultiPolygon) orb.Polygon {
	best, area := 0, -1.0
	for i, p := range mp {
		if a := math.Abs(planar.Area(p[0])); a > area {
			best, area = i, a
		}
	}
	return mp[best]
}
