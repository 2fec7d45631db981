package carto

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// LabelPoint returns a point inside the largest polygon of mp, as far as
// possible from its edges (the "pole of inaccessibility", found by the
// quad-tree search of Mapbox's polylabel algorithm, to within precision).
// Unlike a centroid it is always inside, also for crescent-shaped or holed
// departments. It returns the zero point for an empty multipolygon.
func LabelPoint(mp orb.MultiPolygon, precision float64) orb.Point {
	best, bestArea := -1, -1.0
	for i, p := range mp {
		if len(p) == 0 {
			continue
		}
		if a := math.Abs(planar.Area(p[0])); a > bestArea {
			best, bestArea = i, a
		}
	}
	if best < 0 {
		return orb.Point{}
	}
	return poleOfInaccessibility(mp[best], precision)
}

type cell struct {
	c      orb.Point
	h      float64 // half size
	d      float64 // signed distance from c to the polygon outline (> 0 inside)
	maxPos float64 // best distance a point in this cell could reach
}

type cellQueue []cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].maxPos > q[j].maxPos }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

func newCell(c orb.Point, h float64, p orb.Polygon) cell {
	d := signedDistance(c, p)
	return cell{c: c, h: h, d: d, maxPos: d + h*math.Sqrt2}
}

func poleOfInaccessibility(p orb.Polygon, precision float64) orb.Point {
	b := p[0].Bound()
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	size := math.Min(w, h)
	if size == 0 || precision <= 0 {
		return b.Center()
	}
	half := size / 2
	var q cellQueue
	for x := b.Min[0]; x < b.Max[0]; x += size {
		for y := b.Min[1]; y < b.Max[1]; y += size {
			q = append(q, newCell(orb.Point{x + half, y + half}, half, p))
		}
	}
	heap.Init(&q)
	centroid, _ := planar.CentroidArea(p[0])
	best := newCell(centroid, 0, p)
	if bc := newCell(b.Center(), 0, p); bc.d > best.d {
		best = bc
	}
	for q.Len() > 0 {
		c := heap.Pop(&q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.maxPos-best.d <= precision {
			continue
		}
		hh := c.h / 2
		for _, o := range [4][2]float64{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
			heap.Push(&q, newCell(orb.Point{c.c[0] + o[0]*hh, c.c[1] + o[1]*hh}, hh, p))
		}
	}
	return best.c
}

// signedDistance is the distance from pt to the nearest edge of p, positive
// inside p (holes excluded) and negative outside.
func signedDistance(pt orb.Point, p orb.Polygon) float64 {
	inside := false
	minSq := math.Inf(1)
	for _, r := range p {
		n := len(r)
		for i, j := 0, n-1; i < n; j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > pt[1]) != (b[1] > pt[1]) && pt[0] < (b[0]-a[0])*(pt[1]-a[1])/(b[1]-a[1])+a[0] {
				inside = !inside
			}
			if d := planar.DistanceFromSegmentSquared(a, b, pt); d < minSq {
				minSq = d
			}
		}
	}
	d := math.Sqrt(minSq)
	if !inside {
		return -d
	}
	return d
}
