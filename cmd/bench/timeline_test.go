package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func TestCodeCacheReport(t *testing.T) {
	dir := t.TempDir()
	assert.Equal(t, int64(0), dirBytes(filepath.Join(dir, "absent")))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "x"), make([]byte, 10), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "b", "y"), make([]byte, 5), 0o644))
	assert.Equal(t, int64(15), dirBytes(dir))

	r := goodReport()
	r.CodeCache[App] = CodeCache{Pause: 10, Cold: map[string]int{"v8.wasm.cachedModule": 1, "wasm.CompileBaseline": 700},
		Later: map[string]int{"v8.wasm.moduleCacheHit": 1}, ColdMs: 300, LateMs: 20, DiskBytes: [3]int64{0, 2500000, 2500000}, JSDiskBytes: [3]int64{8000, 9000, 9000}}
	md := r.Markdown()
	assert.Contains(t, md, "| app | written 1, hit 0, from memory 0, Liftoff 700; compile 300 ms; disk — (js: 8.0 KB) |")
	assert.Contains(t, md, "written 0, hit 1, from memory 0, Liftoff 0; compile 20.0 ms; disk 2500.0 KB (js: 9.0 KB) (10 s) |")
}
