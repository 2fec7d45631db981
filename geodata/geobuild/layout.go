package geobuild

import (
	"math"

	"github.com/paulmach/orb"

	"francenum-map/internal/dept"
)

// Layout of the composite drawing, in drawing units (y down, as in SVG):
//
//	+-----+  +--------------------------+
//	| 971 |  |                          |
//	+-----+  |                          |
//	| 972 |  |   metropolitan France    |
//	+-----+  |   and Corsica, in        |
//	| 973 |  |   Lambert-93, 1 unit =   |
//	+-----+  |   `unit` metres          |
//	| 974 |  |                          |
//	+-----+  |                          |
//	| 976 |  |                          |
//	+-----+  +--------------------------+
//
// Each overseas department is drawn in its own conformal projection (a
// Lambert conic tangent at its centre, so shapes are true), scaled to fill
// its box: the boxes are not to the metropole's scale, as on INSEE and DSFR
// maps, where Guyane would otherwise dwarf Mayotte.

// overseas lists the insets from top to bottom.
var overseas = []string{"971", "972", "973", "974", "976"}

type layoutOpts struct {
	unit   float64 // metres per drawing unit in the metropole
	margin float64 // units around the drawing
	gap    float64 // units between the inset column and the metropole, and between boxes
	pad    float64 // fraction of a box left empty around its department
}

// placed is the projected layout: per department a transform from lon/lat to
// drawing units, the inset frames, and the drawing size.
type placed struct {
	width, height float64
	frames        []orb.Bound // one per overseas entry
	transform     map[string]func(lon, lat float64) orb.Point
	metres        map[string]func(lon, lat float64) orb.Point // true metres, for neighbour tolerances
}

func layout(feats map[string]*feature, o layoutOpts) *placed {
	pl := &placed{transform: map[string]func(lon, lat float64) orb.Point{}, metres: map[string]func(lon, lat float64) orb.Point{}}

	// Metropole: Lambert-93 bounds in metres.
	mb := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, c := range dept.Codes() {
		if dept.IsOverseas(c) {
			continue
		}
		eachPoint(feats[c].Geom, func(lon, lat float64) {
			x, y := lambert93.Project(lon, lat)
			mb = mb.Extend(orb.Point{x, y})
		})
	}
	mw := (mb.Max[0] - mb.Min[0]) / o.unit
	mh := (mb.Max[1] - mb.Min[1]) / o.unit
	box := math.Floor((mh - float64(len(overseas)-1)*o.gap) / float64(len(overseas)))
	x0 := o.margin + box + o.gap // left edge of the metropole
	pl.width = math.Ceil(x0 + mw + o.margin)
	pl.height = math.Ceil(o.margin + mh + o.margin)

	toMetre := func(lon, lat float64) orb.Point { x, y := lambert93.Project(lon, lat); return orb.Point{x, y} }
	toDraw := func(lon, lat float64) orb.Point {
		x, y := lambert93.Project(lon, lat)
		return orb.Point{x0 + (x-mb.Min[0])/o.unit, o.margin + (mb.Max[1]-y)/o.unit}
	}
	for _, c := range dept.Codes() {
		if !dept.IsOverseas(c) {
			pl.transform[c] = toDraw
			pl.metres[c] = toMetre
		}
	}

	for i, c := range overseas {
		g := feats[c].Geom
		lb := g.Bound()
		proj := newLCC1(lb.Center()[1], lb.Center()[0])
		pb := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
		eachPoint(g, func(lon, lat float64) {
			x, y := proj.Project(lon, lat)
			pb = pb.Extend(orb.Point{x, y})
		})
		frame := orb.Bound{
			Min: orb.Point{o.margin, o.margin + float64(i)*(box+o.gap)},
			Max: orb.Point{o.margin + box, o.margin + float64(i)*(box+o.gap) + box},
		}
		pl.frames = append(pl.frames, frame)
		inner := box * (1 - 2*o.pad)
		scale := inner / math.Max(pb.Max[0]-pb.Min[0], pb.Max[1]-pb.Min[1]) // units per metre
		cx, cy := frame.Center()[0], frame.Center()[1]
		pc := pb.Center()
		pl.transform[c] = func(lon, lat float64) orb.Point {
			x, y := proj.Project(lon, lat)
			return orb.Point{cx + (x-pc[0])*scale, cy - (y-pc[1])*scale}
		}
		pl.metres[c] = func(lon, lat float64) orb.Point { x, y := proj.Project(lon, lat); return orb.Point{x, y} }
	}
	return pl
}

func eachPoint(mp orb.MultiPolygon, f func(lon, lat float64)) {
	for _, p := range mp {
		for _, r := range p {
			for _, pt := range r {
				f(pt[0], pt[1])
			}
		}
	}
}

func apply(mp orb.MultiPolygon, f func(lon, lat float64) orb.Point) orb.MultiPolygon {
	out := make(orb.MultiPolygon, len(mp))
	for i, p := range mp {
		out[i] = make(orb.Polygon, len(p))
		for j, r := range p {
			nr := make(orb.Ring, len(r))
			for k, pt := range r {
				nr[k] = f(pt[0], pt[1])
			}
			out[i][j] = nr
		}
	}
	return out
}
