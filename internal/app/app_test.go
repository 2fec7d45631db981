package app

import (
	"os"
	"os/exec"
	"path/filepath"

	"testing"

	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/rowfilter"
)

// inputs builds the app's inputs from the data mirror: the geometry asset
// (geodata run natively into a temp dir) and the two indicators filtered
// out of the published files, as the Worker serves them.
func inputs(t testing.TB) (geo, detail, synthese, national []byte) {
	t.Helper()
	dir := filepath.Dir(datadir.MustFind(t, "barometre"))
	ids := []string{IndCheques, IndDiagnostics}
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
	geo = geoAsset(t, dir)
	return
}

var geoCache []byte

func geoAsset(t testing.TB, dataDir string) []byte {
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
	root, err := datadir.RepoRoot()
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "departements.bin")
	cmd := exec.Command("go", "run", "./geodata", "-in", filepath.Join(dataDir, "geo", "departements-1000m.geojson"),
		"-communes", filepath.Join(root, "node_modules/@etalab/decoupage-administratif/data/communes.json"), "-out", out)
	cmd.Dir = root
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, string(msg))
	geoCache, err = os.ReadFile(out)
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
