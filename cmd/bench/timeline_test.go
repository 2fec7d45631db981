package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestColoredPaint(t *testing.T) {
	tests := []struct {
		name                   string
		fcp, mapAt, mapPaintAt float64
		want                   float64
		ok                     bool
	}{
		{"map in the DOM before the first paint: that paint", 300, 120, 130, 300, true},
		{"map in the DOM at the first paint", 300, 300, 310, 300, true},
		{"map after the first paint: the frame after it", 100, 250, 262, 262, true},
		{"map after, frame not seen", 100, 250, 0, 0, false},
		{"no first paint", 0, 250, 262, 0, false},
		{"no map", 100, 0, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ColoredPaint(tc.fcp, tc.mapAt, tc.mapPaintAt)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestRatioAndTimelineMarkdown(t *testing.T) {
	r := goodReport()
	r.RatioGoals = budgets().ratioGoals()
	r.TimelineCold[App] = map[string]Stat{"fcp": Summarise([]float64{50}), "ready": Summarise([]float64{150})}
	r.TimelineWarm[App] = map[string]Stat{"fcp": Summarise([]float64{30})}
	md := r.Markdown()
	// App cold paint 50 ms, best peer on wrangler dev d3 270 ms: 0.185×.
	assert.Contains(t, md, "| first paint with the coloured map, cold | wrangler dev | 50.0 ms | d3 270 ms | **0.18×** | ≤ 0.80× (met) |")
	assert.Contains(t, md, "| interactive (map live, 101 coloured), warm | static brotli | 70.0 ms | dsfr_static 110 ms | **0.64×** | ≤ 1.00× (met) |")
	assert.Contains(t, md, "| first contentful paint | 50.0 | 30.0 |")
	assert.Contains(t, md, "| ready (interactive) | 150 | — |")
	pr := r.PeerRatios["static_br"][PaintColdM]
	assert.Equal(t, PeerRatio{Ours: 45, Best: 230, BestPeer: D3Static, Ratio: 0.196, N: 10}, pr)
}
