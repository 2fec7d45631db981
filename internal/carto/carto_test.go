package carto

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
