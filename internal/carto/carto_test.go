//go:build !(js && wasm)

package carto

import (
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/geoasset"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name       string
		geom, data []string
		want       JoinReport
	}{
		{"all match", []string{"01", "02"}, []string{"02", "01"}, JoinReport{Matched: []string{"01", "02"}}},
		{"both sides", []string{"01", "2A", "2B", "971"}, []string{"2A", "20", "01", "977"},
			JoinReport{Matched: []string{"01", "2A"}, OnlyInData: []string{"20", "977"}, OnlyInGeometry: []string{"2B", "971"}}},
		{"duplicates once", []string{"01", "01"}, []string{"99", "99", "01", "01"},
			JoinReport{Matched: []string{"01"}, OnlyInData: []string{"99"}}},
		{"no data", []string{"01"}, nil, JoinReport{OnlyInGeometry: []string{"01"}}},
		{"no geometry", nil, []string{"01"}, JoinReport{OnlyInData: []string{"01"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Join(tt.geom, tt.data)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(tt.want.OnlyInData) == 0 && len(tt.want.OnlyInGeometry) == 0, got.OK())
		})
	}
}

// parsePath reads back the subset of SVG path syntax PathData writes
// (M x y, l dx dy …, z; numbers separated by a space or a minus sign).
func parsePath(t *testing.T, d string) []orb.Ring {
	t.Helper()
	var rings []orb.Ring
	var cur orb.Ring
	var cmd byte
	var nums []int64
	flush := func() {
		switch cmd {
		case 'M':
			require.Len(t, nums, 2)
			cur = orb.Ring{{float64(nums[0]), float64(nums[1])}}
		case 'l':
			require.Zero(t, len(nums)%2)
			for i := 0; i < len(nums); i += 2 {
				last := cur[len(cur)-1]
				cur = append(cur, orb.Point{last[0] + float64(nums[i]), last[1] + float64(nums[i+1])})
			}
		case 'h', 'v':
			require.Len(t, nums, 1)
			last := cur[len(cur)-1]
			if cmd == 'h' {
				cur = append(cur, orb.Point{last[0] + float64(nums[0]), last[1]})
			} else {
				cur = append(cur, orb.Point{last[0], last[1] + float64(nums[0])})
			}
		}
		nums = nums[:0]
	}
	for i := 0; i < len(d); {
		c := d[i]
		switch {
		case strings.IndexByte("Mlhvz", c) >= 0:
			flush()
			cmd = c
			if c == 'z' {
				rings = append(rings, append(cur, cur[0]))
				cur = nil
			}
			i++
		case c == ' ':
			i++
		case c == '-' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(d) && d[j] >= '0' && d[j] <= '9' {
				j++
			}
			n, err := strconv.ParseInt(d[i:j], 10, 64)
			require.NoError(t, err)
			nums = append(nums, n)
			i = j
		default:
			t.Fatalf("unexpected %q at %d in %q", c, i, d)
		}
	}
	return rings
}

func TestPathData(t *testing.T) {
	mp := orb.MultiPolygon{
		{
			orb.Ring{{10, 10}, {20, 10}, {20, 5}, {10, 10}},
			orb.Ring{{12, 9}, {12, 9}, {13, 9}, {12, 8}, {12, 9}}, // repeated point dropped
		},
		{orb.Ring{{-3, 4}, {100, 200}, {-50, 7}, {-3, 4}}},
	}
	d := PathData(mp)
	assert.Equal(t, "M10 10l10 0 0-5z"+"M12 9l1 0-1-1z"+"M-3 4l103 196-150-193z", d)
	got := parsePath(t, d)
	require.Len(t, got, 3)
	assert.Equal(t, mp[0][0], got[0])
	assert.Equal(t, orb.Ring{{12, 9}, {13, 9}, {12, 8}, {12, 9}}, got[1])
	assert.Equal(t, mp[1][0], got[2])
	// Non-integers are rounded; degenerate rings vanish.
	assert.Equal(t, "M1 2l1 0 0 1z", PathData(orb.MultiPolygon{{{{0.6, 2.4}, {2, 2}, {2, 3}, {0.6, 2.4}}}}))
	assert.Empty(t, PathData(orb.MultiPolygon{{{{1, 1}, {2, 2}, {1, 1}}}}))
}

func TestFramePath(t *testing.T) {
	b := orb.Bound{Min: orb.Point{40, 100}, Max: orb.Point{240, 300}}
	d := FramePath(b)
	assert.Equal(t, "M40 100h200v200h-200z", d)
	r := parsePath(t, d)
	require.Len(t, r, 1)
	assert.Equal(t, b, r[0].Bound())
}

func TestLabelPoint(t *testing.T) {
	// A C-shaped polygon: its centroid is outside, the label must not be.
	c := orb.Polygon{{{0, 0}, {100, 0}, {100, 20}, {20, 20}, {20, 80}, {100, 80}, {100, 100}, {0, 100}, {0, 0}}}
	centroid, _ := planar.CentroidArea(c)
	require.False(t, planar.PolygonContains(c, centroid), "test shape is concave")
	// A square with a hole in the middle, and a small island.
	holed := orb.Polygon{{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}, {{30, 30}, {30, 70}, {70, 70}, {70, 30}, {30, 30}}}
	island := orb.Polygon{{{200, 0}, {201, 0}, {201, 1}, {200, 0}}}
	for name, mp := range map[string]orb.MultiPolygon{"C": {c}, "holed": {island, holed}} {
		t.Run(name, func(t *testing.T) {
			p := LabelPoint(mp, 0.5)
			assert.True(t, planar.MultiPolygonContains(mp, p), "%v inside", p)
			// Far from the edges: the C's arms are 20 wide, the holed
			// square's ring is 30 wide.
			assert.Greater(t, signedDistance(p, mp[len(mp)-1]), 9.0)
		})
	}
	assert.Equal(t, orb.Point{}, LabelPoint(nil, 1))
}

func TestLocator(t *testing.T) {
	outer := orb.Polygon{{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}, {{40, 40}, {40, 60}, {60, 60}, {60, 40}, {40, 40}}}
	a := &geoasset.Asset{Departments: []geoasset.Department{
		{Code: "26", Geometry: orb.MultiPolygon{outer}},
		{Code: "84", Geometry: orb.MultiPolygon{{{{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}}}, {{{200, 0}, {300, 0}, {300, 50}, {200, 0}}}}},
	}}
	l := NewLocator(a)
	tests := []struct {
		p    orb.Point
		want int
	}{
		{orb.Point{10, 10}, 0},
		{orb.Point{50, 50}, 1}, // in the hole of 26: the enclave
		{orb.Point{290, 10}, 1},
		{orb.Point{150, 50}, -1},
		{orb.Point{210, 40}, -1}, // in 84's bound, outside its triangle
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, l.At(tt.p), "%v", tt.p)
	}
}

func TestViewBox(t *testing.T) {
	assert.Equal(t, "0 0 5514 4323", ViewBox(&geoasset.Asset{Width: 5514, Height: 4323}))
}
