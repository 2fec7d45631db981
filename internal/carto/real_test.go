package carto_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/geodata/geobuild"
	"francenum-map/internal/carto"
	"francenum-map/internal/dept"
	"francenum-map/internal/geoasset"
)

var (
	realOnce  sync.Once
	realAsset *geoasset.Asset
	realErr   error
)

// decodedReal decodes the asset built like `make geodata` (1000 m), so the tests
// see what the browser sees.
func decodedReal(tb testing.TB) *geoasset.Asset {
	tb.Helper()
	realOnce.Do(func() {
		a, err := geobuild.FromMirror(context.Background(), "1000m")
		if err != nil {
			realErr = err
			return
		}
		bin, err := geoasset.Encode(a)
		if err != nil {
			realErr = err
			return
		}
		realAsset, realErr = geoasset.Decode(bin)
	})
	require.NoError(tb, realErr)
	return realAsset
}

func TestRealPaths(t *testing.T) {
	a := decodedReal(t)
	var codes []string
	total := 0
	for _, d := range a.Departments {
		codes = append(codes, d.Code)
		p := carto.PathData(d.Geometry)
		total += len(p)
		rings := 0
		for _, poly := range d.Geometry {
			rings += len(poly)
		}
		assert.Equal(t, rings, strings.Count(p, "M"), d.Code)
		assert.False(t, strings.ContainsAny(p, ".eE"), "integers only in %s", d.Code)
	}
	assert.ElementsMatch(t, dept.Codes(), codes, "every department has its geometry, none more")
	t.Logf("SVG path data of the 101 departments: %d bytes", total)
	for _, in := range a.Insets {
		assert.Equal(t, in.Frame.Min[0], float64(parseLeadingInt(carto.FramePath(in.Frame)[1:])))
	}
}

func parseLeadingInt(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func BenchmarkPathDataAll(b *testing.B) {
	a := decodedReal(b)
	var buf []byte
	for b.Loop() {
		for _, d := range a.Departments {
			buf = carto.AppendPathData(buf[:0], d.Geometry)
		}
	}
}
