// Package carto is the browser-side drawing logic over a decoded
// geoasset.Asset: SVG path data for departments and inset frames, and label
// points.
//
// It is linked into the browser wasm, so it must not import encoding/json,
// orb/geojson, net/http or fmt (see deps_test.go).
package carto
