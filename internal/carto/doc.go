// Package carto is the browser-side drawing logic over a decoded
// geoasset.Asset: the join report between geometry and data codes, SVG path
// data for departments and inset frames, label points and the hit test from
// a drawing point to a department.
//
// It is linked into the browser wasm, so it must not import encoding/json,
// orb/geojson, net/http or fmt (see deps_test.go).
package carto
