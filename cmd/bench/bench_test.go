package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummarise(t *testing.T) {
	tests := []struct {
		name          string
		in            []float64
		med, min, max float64
	}{
		{"odd", []float64{3, 1, 2}, 2, 1, 3},
		{"even", []float64{4, 1, 3, 2}, 2.5, 1, 4},
		{"one", []float64{7}, 7, 7, 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Summarise(tc.in)
			assert.Equal(t, tc.med, s.Median)
			assert.Equal(t, tc.min, s.Min)
			assert.Equal(t, tc.max, s.Max)
			assert.Equal(t, len(tc.in), s.N)
		})
	}
	assert.Equal(t, 0, Summarise(nil).N)
}

const wrkOut = `Running 10s test @ http://127.0.0.1:8830/api/v1/numerisation/detail.csv
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.34ms    2.10ms  40.00ms   90.00%
    Req/Sec   160.00     20.00   200.00     70.00%
  Latency Distribution
     50%   11.50ms
     75%   13.00ms
     90%   15.00ms
     99%    1.20s
  3200 requests in 10.00s, 1.50GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or Non-3xx responses: 5
Requests/sec:    319.80
Transfer/sec:    153.00MB
`

func TestParseWrk(t *testing.T) {
	l, err := ParseWrk(wrkOut)
	require.NoError(t, err)
	assert.Equal(t, 319.8, l.ReqPerSec)
	assert.Equal(t, 11.5, l.P50ms)
	assert.Equal(t, 1200.0, l.P99ms)
	assert.Equal(t, int64(3200), l.Requests)
	assert.Equal(t, int64(3), l.Errors)
	assert.Equal(t, int64(5), l.Non2xx)

	_, err = ParseWrk("unable to connect to 127.0.0.1:8830 Connection refused")
	assert.Error(t, err)
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]float64{"512.00us": 0.512, "1.20ms": 1.2, "2.00s": 2000, "1.00m": 60000} {
		got, err := parseDuration(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := parseDuration("12xx")
	assert.Error(t, err)
}

func budgets() Budgets {
	return Budgets{AppWasmBrotliMaxBytes: 660000, FirstLoadBrotliMaxBytes: 850000, NavColdMaxMs: 200, NavWarmMaxMs: 100,
		NavFasterThanPeers: true, MonthChangeMaxMs: 0.3, ParseMinMBs: 400, ParseMinRatioVsD3: 2,
		ColoredPaintMaxRatioCold: 0.8, ColoredPaintMaxRatioWarm: 0.8, InteractiveMaxRatioCold: 1.5, InteractiveMaxRatioWarm: 1.0,
		FirstCardMaxRatioCold: 0.8, FirstCardMaxRatioWarm: 1.0, HTMLBrotliMaxBytes: 47211, MinRuns: 10}
}

func goodReport() *Report {
	r := newReport()
	r.Sizes["app.wasm"] = Size{Brotli: 500000}
	r.Sizes["index.html"] = Size{Brotli: 46000}
	r.FirstLoad[App] = FirstLoad{Brotli: 700000}
	ten := func(x float64) Stat { return Summarise([]float64{x, x, x, x, x, x, x, x, x, x}) }
	for _, p := range []struct {
		k                  string
		cold, warm, pc, pw float64
	}{{App, 150, 80, 50, 30}, {DSFR, 300, 130, 280, 120}, {D3, 290, 120, 270, 110},
		{AppStatic, 140, 70, 45, 28}, {DSFRStatic, 250, 110, 240, 100}, {D3Static, 260, 115, 230, 105}} {
		r.NavCold[p.k], r.NavWarm[p.k] = ten(p.cold), ten(p.warm)
		r.PaintCold[p.k], r.PaintWarm[p.k] = ten(p.pc), ten(p.pw)
	}
	for k, v := range map[string][2]float64{App: {200, 100}, App + embedSuffix: {190, 95}, AppStatic: {180, 90}, AppStatic + embedSuffix: {170, 85}} {
		r.FirstCardCold[k], r.FirstCardWarm[k] = ten(v[0]), ten(v[1])
	}
	r.MonthChange[App] = Summarise([]float64{0.2})
	r.Parse[App] = Summarise([]float64{450})
	r.Parse[D3] = Summarise([]float64{175})
	r.computeRatios()
	return r
}

func rep(x float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = x
	}
	return out
}

func TestCheckAllMet(t *testing.T) {
	assert.Empty(t, Check(goodReport(), budgets()))
}

func TestCheckMisses(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(r *Report)
		want  string
	}{
		{"wasm too big", func(r *Report) { r.Sizes["app.wasm"] = Size{Brotli: 660001} }, "app.wasm brotli: 660.001 KB > budget 660.000 KB (over by 0.001 KB, +0%)"},
		{"first load", func(r *Report) { r.FirstLoad[App] = FirstLoad{Brotli: 900000} }, "first-load bytes brotli"},
		{"cold slow", func(r *Report) { r.NavCold[App] = Summarise([]float64{250}) }, "navigation → map cold: 250.000 ms > budget 200.000 ms"},
		{"warm slower than d3", func(r *Report) { r.NavWarm[App] = Summarise([]float64{125}) }, "not faster than d3 120.0 ms"},
		{"month change", func(r *Report) { r.MonthChange[App] = Summarise([]float64{0.5}) }, "month change: 0.500 ms > budget 0.300 ms"},
		{"parse slow", func(r *Report) { r.Parse[App] = Summarise([]float64{300}) }, "full-file parse: 300.000 MB/s < budget 400.000 MB/s"},
		{"parse ratio", func(r *Report) { r.Parse[D3] = Summarise([]float64{300}) }, "full-file parse vs d3-dsv: 1.500 ×"},
		{"not measured", func(r *Report) { delete(r.Parse, App) }, "full-file parse: not measured"},
		{"coloured paint cold over 0.8× the best peer", func(r *Report) { r.PaintCold[App] = Summarise(rep(217, 10)) },
			"first paint with the coloured map, cold vs best peer (wrangler dev): 0.80× (217 ms vs d3 270 ms) > budget 0.80× (216 ms would meet it)"},
		{"coloured paint warm, static path", func(r *Report) { r.PaintWarm[AppStatic] = Summarise(rep(90, 10)) },
			"first paint with the coloured map, warm vs best peer (static brotli): 0.90× (90 ms vs dsfr_static 100 ms)"},
		{"interactive cold over 1.5× the best peer", func(r *Report) { r.NavCold[AppStatic] = Summarise(rep(380, 10)) },
			"interactive (map live, 101 coloured), cold vs best peer (static brotli): 1.52×"},
		{"interactive warm slower than the best peer", func(r *Report) { r.NavWarm[App] = Summarise(rep(121, 10)) },
			"interactive (map live, 101 coloured), warm vs best peer (wrangler dev): 1.01×"},
		{"fewer than 10 runs", func(r *Report) { r.NavWarm[D3Static] = Summarise(rep(100, 9)) },
			"interactive (map live, 101 coloured), warm vs best peer (static brotli): median of 9 runs < 10"},
		{"first card cold over 0.8× the best peer", func(r *Report) { r.FirstCardCold[App] = Summarise(rep(240, 10)) },
			"first card (a mouse over Cher) vs peer interactive, cold vs best peer (wrangler dev): 0.83× (240 ms vs d3 290 ms) > budget 0.80× (232 ms would meet it)"},
		{"embed first card warm slower than the best peer", func(r *Report) { r.FirstCardWarm[AppStatic+embedSuffix] = Summarise(rep(111, 10)) },
			"first card, ?embed=1, vs peer interactive, warm vs best peer (static brotli): 1.01× (111 ms vs dsfr_static 110 ms) > budget 1.00×"},
		{"embed first card not measured", func(r *Report) { delete(r.FirstCardCold, App+embedSuffix) },
			"first card, ?embed=1, vs peer interactive, cold vs best peer (wrangler dev): not measured"},
		{"the build's card is not Go's", func(r *Report) { r.FirstCardDiffers[App] = 2 },
			"first card of app: 2 loads showed a value Go's card did not"},
		{"HTML over +15 KB", func(r *Report) { r.Sizes["index.html"] = Size{Brotli: 47212} }, "index.html brotli: 47.212 KB > budget 47.211 KB"},
		{"a path not measured", func(r *Report) { delete(r.PaintCold, DSFRStatic); delete(r.PaintCold, D3Static) },
			"first paint with the coloured map, cold vs best peer (static brotli): not measured"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := goodReport()
			tc.spoil(r)
			r.PeerRatios = map[string]map[string]PeerRatio{}
			r.computeRatios()
			miss := Check(r, budgets())
			require.NotEmpty(t, miss)
			assert.Contains(t, strings.Join(miss, "\n"), tc.want)
		})
	}
}

func TestMarkdownHasEveryMeasure(t *testing.T) {
	r := goodReport()
	r.computeRatios()
	md := r.Markdown()
	for _, want := range []string{"navigation → 101 departments coloured, cold", "150 ms", "0.52", "month change", "parse + filter", "Worker on workerd"} {
		assert.Contains(t, md, want)
	}
	assert.Equal(t, 0.517, r.Ratios["nav_cold_app/d3"])
}

func TestBudgetsFileMatchesIssue(t *testing.T) {
	b, err := LoadBudgets("../../bench/budgets.json")
	require.NoError(t, err)
	assert.Equal(t, budgets(), b)
}

func TestWorkerLoadReport(t *testing.T) {
	r := goodReport()
	r.Worker["detail.csv (fast path)"] = Load{ReqPerSec: 42, P50ms: 158.79, P99ms: 444.53, CPUPerReqMs: 12.22, Requests: 342, Connection: 8, Seconds: 8}
	r.Worker["static asset"] = Load{ReqPerSec: 276, P50ms: 25.2, P99ms: 290, Requests: 2226, Connection: 8, Seconds: 8}
	md := r.Markdown()
	assert.Contains(t, md, "| CPU / request |")
	assert.Contains(t, md, "| detail.csv (fast path) (c=8, 8 s) | 42 | 158.79 ms | 444.53 ms | 12.22 ms | 342 | 0 | 0 |")
	assert.Contains(t, md, "| static asset (c=8, 8 s) | 276 | 25.20 ms | 290.00 ms | — |", "no CPU figure: a dash")

	p, err := mixScript([]string{"/a.csv", "/api/v1/meta"})
	require.NoError(t, err)
	defer os.Remove(p)
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `local paths = {"/a.csv", "/api/v1/meta"}`)
	assert.Contains(t, string(b), `return wrk.format("GET", paths[i])`)

	_, err = workerdCPU(-1)
	assert.Error(t, err, "no workerd in a group that cannot exist")
}

func TestWorkerRatios(t *testing.T) {
	conns, err := ParseConns("8, 4")
	require.NoError(t, err)
	assert.Equal(t, []int{8, 4}, conns)
	for _, bad := range []string{"", "8,", "0", "x"} {
		_, err := ParseConns(bad)
		assert.Error(t, err, bad)
	}
	assert.Equal(t, "static asset", WorkerKey("static asset", 8))
	assert.Equal(t, "static asset, c=4", WorkerKey("static asset", 4))

	r := newReport()
	r.Worker["static asset"] = Load{ReqPerSec: 400}
	r.Worker["detail.csv (fast path)"] = Load{ReqPerSec: 220}
	r.Worker["static asset, c=4"] = Load{ReqPerSec: 300}
	r.Worker["detail.csv (fast path), c=4"] = Load{ReqPerSec: 120}
	r.Worker[WorkerKey(BoundKey, 4)] = Load{ReqPerSec: 150}
	workerRatios(r, conns)
	assert.Equal(t, map[string]float64{
		"worker_detail_fast/static_c8":  0.55,
		"worker_detail_fast/static_c4":  0.4,
		"worker_detail_bound/static_c4": 0.5,
	}, r.Ratios)
	assert.Contains(t, r.Markdown(), "- worker_detail_fast/static_c4: 0.40\n")
}
