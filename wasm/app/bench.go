//go:build js && wasm && bench

package main

import (
	"syscall/js"

	"francenum-map/internal/barometre"
	"francenum-map/internal/indicator"
	"francenum-map/internal/series"
)

// The bench build (make bench: -tags bench, build/bench/app.wasm, served by
// cmd/bench to the page it times) adds francenumGo.benchParse(Uint8Array):
// it copies a published CSV into Go, filters and parses the mapped
// indicators and builds the model; it returns the number of observations
// kept, or -1 when the file is refused. The harness times it through
// window.francenumApp.benchParse. The production app.wasm goes without.
func init() {
	ids := indicator.IDs()
	benchParse = func(args []js.Value) any {
		if len(args) == 0 {
			return -1
		}
		f, err := barometre.ParseSelected(bytesOf(args[0]), ids)
		if err != nil {
			return -1
		}
		series.Build(f, nil, nil)
		return len(f.Observations)
	}
}
