package app

import (
	"context"
	"francenum-map/internal/indicator"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"francenum-map/geodata/geobuild"
	"francenum-map/internal/datadir"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/rowfilter"
)

// inputs builds the app's inputs from the data mirror: the geometry asset
// (built in process like `make geodata`) and the two indicators filtered
// out of the published files, as the Worker serves them.
func inputs(t testing.TB) (geo, detail, synthese, national []byte) {
	t.Helper()
	dir := filepath.Dir(datadir.MustFind(t, "barometre"))
	ids := []string{indicator.Cheques, indicator.Diagnostics}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, "barometre", name))
		require.NoError(t, err)
		out, _, err := rowfilter.FilterBytes(b, ids)
		require.NoError(t, err)
		return out
	}
	detail = read("barometre-resultats-detail-departemental.csv")
	synthese = read("barometre-resultats-synthese-departemental.csv")
	national = read("barometre-resultats-detail-national.csv")
	geo = geoAsset(t)
	return
}

var geoCache []byte

func geoAsset(t testing.TB) []byte {
	if geoCache != nil {
		return geoCache
	}
	// Under GOOS=js (no exec) a prebuilt asset can be given.
	if p := os.Getenv("GEO_ASSET"); p != "" {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		geoCache = b
		return b
	}
	a, err := geobuild.FromMirror(context.Background(), "1000m")
	require.NoError(t, err)
	geoCache, err = geoasset.Encode(a)
	require.NoError(t, err)
	return geoCache
}

func newApp(t testing.TB) *App {
	g, d, s, n := inputs(t)
	a, err := New(g, d, s, n)
	require.NoError(t, err)
	return a
}

func BenchmarkNew(b *testing.B) {
	g, d, s, n := inputs(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a, err := New(g, d, s, n)
		if err != nil {
			b.Fatal(err)
		}
		_ = a.InitJSON()
	}
}

func BenchmarkRender(b *testing.B) {
	a := newApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Set("monthIndex", itoa(i%20))
		_ = a.RenderJSON()
	}
}

func BenchmarkPanels(b *testing.B) {
	a := newApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = a.PanelsJSON()
	}
}

// BenchmarkMonth is the month slider's hot path (classes + legend counts).
func BenchmarkMonth(b *testing.B) {
	a := newApp(b)
	a.RenderJSON()
	n := len(a.months)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = a.MonthJSON(i % n)
	}
}
