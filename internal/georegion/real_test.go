package georegion_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/geodata/geobuild"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/georegion"
)

// The regions of the real asset, as `make geodata` writes them, decode to
// what was encoded, and stay small: the brief of issue 24 allows the
// geometry 10 KB more with brotli; the raw size is a safe bound for it.
func TestRealRegionsRoundTrip(t *testing.T) {
	a, err := geobuild.FromMirror(context.Background(), "1000m")
	require.NoError(t, err)
	bin, err := geoasset.Encode(a)
	require.NoError(t, err)
	rs, err := geobuild.Regions(a)
	require.NoError(t, err)
	require.Len(t, rs, 18)
	rbin, err := georegion.Encode(a, rs)
	require.NoError(t, err)
	assert.Less(t, len(rbin), 10_000, "raw regions asset under the 10 KB brotli allowance")
	got, err := georegion.Decode(rbin, a, geoasset.ID(bin))
	require.NoError(t, err)
	assert.Equal(t, rs, got)
}
