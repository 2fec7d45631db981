package carto

import (
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
