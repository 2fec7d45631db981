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

// The regions of the real asset, as `make geodata` writes them, decode to
// what was encoded, and stay small: the brief of issue 24 allows the
// geometry 10 KB more with brotli; the raw size is a safe bound for it.
func TestRealRegionsRoundTrip(t *testing.T) {
	bin, a := realAssetBytes(t)
	rs, err := geobuild.Regions(a)
	require.NoError(t, err)
	require.Len(t, rs, 18)
	rbin, err := geoasset.EncodeRegions(a, rs)
	require.NoError(t, err)
	assert.Less(t, len(rbin), 10_000, "raw regions asset under the 10 KB brotli allowance")
	got, err := geoasset.DecodeRegions(rbin, a, geoasset.ID(bin))
	require.NoError(t, err)
	assert.Equal(t, rs, got)
}
