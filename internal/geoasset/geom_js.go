//go:build js && wasm

package geoasset

// The browser's geometry types: the same shapes as orb's (see geom.go for
// why orb itself is not linked into app.wasm).
type (
	// Point is an x, y pair in drawing units (orb.Point natively).
	Point [2]float64
	// Ring is a closed ring of points (orb.Ring natively).
	Ring []Point
	// Polygon is an outer ring followed by its holes (orb.Polygon natively).
	Polygon []Ring
	// MultiPolygon is a set of polygons (orb.MultiPolygon natively).
	MultiPolygon []Polygon
	// Bound is an axis-aligned box (orb.Bound natively).
	Bound struct{ Min, Max Point }
)
