// Package apptest builds the app's inputs for tests from the data mirror:
// the geometry asset (built in process like `make geodata`, or read from
// $GEO_ASSET under GOOS=js where nothing can be executed) and the mapped
// indicators filtered out of the published files, as the Worker serves
// them.
package apptest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"francenum-map/geodata/geobuild"
	"francenum-map/internal/datadir"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/indicator"
	"francenum-map/internal/rowfilter"
)

// Inputs returns the geometry asset and the detail, synthese and national
// files (filtered) of the mirror.
func Inputs(t testing.TB) (geo, detail, synthese, national []byte) {
	t.Helper()
	detail, synthese, national = Files(t, indicator.IDs()...)
	geo = Geo(t)
	return
}

// Files returns the mirror's detail, synthese and national files filtered
// to the indicators ids, as the Worker serves them (for one id, its
// /api/v1/indicators/{id}… answers); a file without their rows is its
// header alone.
func Files(t testing.TB, ids ...string) (detail, synthese, national []byte) {
	t.Helper()
	dir := filepath.Dir(datadir.MustFind(t, "barometre"))
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
	return
}

var geoCache []byte

// Geo returns the geometry asset (built once per test binary).
func Geo(t testing.TB) []byte {
	if geoCache != nil {
		return geoCache
	}
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
