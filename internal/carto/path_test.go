package carto

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paulmach/orb"
)

// These tests use only geoasset's geometry types, so they also run under
// GOOS=js (where geoasset does not use orb).

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
	assert.Equal(t, orb.Ring{{40, 100}, {240, 100}, {240, 300}, {40, 300}, {40, 100}}, r[0])
}
