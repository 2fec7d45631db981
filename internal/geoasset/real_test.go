package geoasset_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/geodata/geobuild"
	"francenum-map/internal/geoasset"
)

var (
	realOnce  sync.Once
	realBytes []byte
	realAsset *geoasset.Asset
	realErr   error
)

// realAssetBytes builds the 1000 m asset from the data mirror with the same
// code and options as `make geodata` (under wasm too, so the benchmark
// decodes exactly what the browser downloads).
func realAssetBytes(tb testing.TB) ([]byte, *geoasset.Asset) {
	tb.Helper()
	realOnce.Do(func() {
		realAsset, realErr = geobuild.FromMirror(context.Background(), "1000m")
		if realErr == nil {
			realBytes, realErr = geoasset.Encode(realAsset)
		}
	})
	require.NoError(tb, realErr)
	return realBytes, realAsset
}

func TestRealAssetRoundTrip(t *testing.T) {
	bin, a := realAssetBytes(t)
	got, err := geoasset.Decode(bin)
	require.NoError(t, err)
	assert.Equal(t, a, got)
}

func BenchmarkDecode1000m(b *testing.B) {
	bin, _ := realAssetBytes(b)
	b.SetBytes(int64(len(bin)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := geoasset.Decode(bin); err != nil {
			b.Fatal(err)
		}
	}
}
