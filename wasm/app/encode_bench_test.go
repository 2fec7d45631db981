package main

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
	"francenum-map/internal/app/apptest"
)

// The shell's paths end to end (app + JSON), natively: the figures to
// compare with the earlier internal/app MonthJSON/RenderJSON/PanelsJSON.

func benchApp(b *testing.B) *app.App {
	a, err := app.New(apptest.Inputs(b))
	require.NoError(b, err)
	return a
}

// BenchmarkMonthJSON is the month slider's hot path: move, then the
// month's classes and legend counts as JSON.
func BenchmarkMonthJSON(b *testing.B) {
	a := benchApp(b)
	n := a.View().MonthCount
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.SetMonthIndex(i % n)
		m := a.MonthView()
		_ = object(unsafe.Pointer(&m), monthFields, 512)
	}
}

// BenchmarkRenderJSON is a month move followed by the full view as JSON.
func BenchmarkRenderJSON(b *testing.B) {
	a := benchApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.SetMonthIndex(i % 20)
		v := a.View()
		_ = encodeView(&v, nil)
	}
}

// BenchmarkPanelsJSON is the panels refreshed after the map, as JSON.
func BenchmarkPanelsJSON(b *testing.B) {
	a := benchApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := a.Panels()
		_ = object(unsafe.Pointer(&p), panelsFields, 32<<10)
	}
}
