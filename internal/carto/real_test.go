package carto_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/paulmach/orb"
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

func TestRealHitTestAndPaths(t *testing.T) {
	a := decodedReal(t)
	l := carto.NewLocator(a)
	var codes []string
	total := 0
	for i, d := range a.Departments {
		codes = append(codes, d.Code)
		assert.Equal(t, i, l.At(d.Label), "label of %s hits it", d.Code)
		p := carto.PathData(d.Geometry)
		total += len(p)
		rings := 0
		for _, poly := range d.Geometry {
			rings += len(poly)
		}
		assert.Equal(t, rings, strings.Count(p, "M"), d.Code)
		assert.False(t, strings.ContainsAny(p, ".eE"), "integers only in %s", d.Code)
	}
	// The sea, and the gap between the inset column and the metropole.
	assert.Equal(t, -1, l.At(orb.Point{1, 1}))
	assert.Equal(t, -1, l.At(orb.Point{a.Insets[0].Frame.Max[0] + 1, a.Insets[0].Frame.Min[1] + 1}))
	assert.True(t, carto.Join(codes, dept.Codes()).OK())
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

func BenchmarkLocatorAt(b *testing.B) {
	a := decodedReal(b)
	l := carto.NewLocator(a)
	pts := make([]orb.Point, len(a.Departments))
	for i, d := range a.Departments {
		pts[i] = d.Label
	}
	i := 0
	for b.Loop() {
		l.At(pts[i%len(pts)])
		i++
	}
}
