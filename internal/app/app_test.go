package app

import (
	"testing"

	"github.com/stretchr/testify/require"

	"francenum-map/internal/app/apptest"
)

func newApp(t testing.TB) *App {
	a, err := New(apptest.Inputs(t))
	require.NoError(t, err)
	return a
}

func BenchmarkNew(b *testing.B) {
	g, d, s, n := apptest.Inputs(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a, err := New(g, d, s, n)
		if err != nil {
			b.Fatal(err)
		}
		_ = a.Drawing()
	}
}

func BenchmarkRender(b *testing.B) {
	a := newApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.SetMonthIndex(i % 20)
		_ = a.View()
	}
}

func BenchmarkPanels(b *testing.B) {
	a := newApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = a.Panels()
	}
}

// BenchmarkMonth is the month slider's hot path (classes + legend counts).
func BenchmarkMonth(b *testing.B) {
	a := newApp(b)
	n := len(a.months)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.SetMonthIndex(i % n)
		_ = a.MonthView()
	}
}
