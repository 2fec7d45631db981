//go:build !(js && wasm)

package geoasset

import "github.com/paulmach/orb"

// The geometry types of an asset. Natively they are orb's own types, so the
// build (geodata, with orb) hands its geometry to Encode unchanged; in the
// browser (geom_js.go) they are plain copies of the same shapes, because
// importing orb there links fmt and with it os, time and io/fs: about
// 57 KB brotli of the app.wasm budget for nothing the browser calls.
type (
	// Point is an x, y pair in drawing units (orb.Point).
	Point = orb.Point
	// Ring is a closed ring of points (orb.Ring).
	Ring = orb.Ring
	// Polygon is an outer ring followed by its holes (orb.Polygon).
	Polygon = orb.Polygon
	// MultiPolygon is a set of polygons (orb.MultiPolygon).
	MultiPolygon = orb.MultiPolygon
	// Bound is an axis-aligned box (orb.Bound).
	Bound = orb.Bound
)
