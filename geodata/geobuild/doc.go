// Package geobuild is the native build of the geometry asset (used by the
// geodata command and by tests and benchmarks that need a real asset):
// reading and validating the Etalab department GeoJSON, Lambert-93 and
// overseas projections, the inset layout, topology-aware simplification,
// quantisation, populations and regions from @etalab/decoupage-administratif,
// label points and neighbours. It is never linked into the browser app.
package geobuild
