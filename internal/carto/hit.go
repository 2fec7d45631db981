package carto

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"francenum-map/internal/geoasset"
)

// Locator finds the department under a point of the drawing.
type Locator struct {
	bounds []orb.Bound
	geoms  []orb.MultiPolygon
}

// NewLocator indexes the departments of a decoded asset.
func NewLocator(a *geoasset.Asset) *Locator {
	l := &Locator{bounds: make([]orb.Bound, len(a.Departments)), geoms: make([]orb.MultiPolygon, len(a.Departments))}
	for i, d := range a.Departments {
		l.bounds[i] = d.Geometry.Bound()
		l.geoms[i] = d.Geometry
	}
	return l
}

// At returns the index (in Asset.Departments) of the department containing
// p, or -1. Bounding boxes are checked first, then the exact polygons with
// planar.MultiPolygonContains.
func (l *Locator) At(p orb.Point) int {
	for i, b := range l.bounds {
		if b.Contains(p) && planar.MultiPolygonContains(l.geoms[i], p) {
			return i
		}
	}
	return -1
}
