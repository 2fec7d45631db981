package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// Budgets is bench/budgets.json. KB means 1000 bytes.
type Budgets struct {
	AppWasmBrotliMaxBytes   int64   `json:"app_wasm_brotli_max_bytes"`
	FirstLoadBrotliMaxBytes int64   `json:"first_load_brotli_max_bytes"`
	NavColdMaxMs            float64 `json:"nav_cold_max_ms"`
	NavWarmMaxMs            float64 `json:"nav_warm_max_ms"`
	NavFasterThanPeers      bool    `json:"nav_faster_than_peers"`
	MonthChangeMaxMs        float64 `json:"month_change_max_ms"`
	ParseMinMBs             float64 `json:"parse_min_mb_s"`
	ParseMinRatioVsD3       float64 `json:"parse_min_ratio_vs_d3"`
	// Ratios to the best peer on the same serving path (issue 15): our
	// median over the lowest peer median, on each serving path.
	ColoredPaintMaxRatioCold float64 `json:"colored_paint_max_ratio_cold"`
	ColoredPaintMaxRatioWarm float64 `json:"colored_paint_max_ratio_warm"`
	InteractiveMaxRatioCold  float64 `json:"interactive_max_ratio_cold"`
	InteractiveMaxRatioWarm  float64 `json:"interactive_max_ratio_warm"`
	// The first card (issue 22), page and embed, over the best peer's
	// interactive time.
	FirstCardMaxRatioCold float64 `json:"first_card_max_ratio_cold"`
	FirstCardMaxRatioWarm float64 `json:"first_card_max_ratio_warm"`
	// HTMLBrotliMaxBytes bounds the page's HTML (index.html, brotli -q 11):
	// the answers before Go may add 15 KB to the 32 211 B it was.
	HTMLBrotliMaxBytes int64 `json:"html_brotli_max_bytes"`
	// MinRuns is the fewest runs a median of a ratio may rest on.
	MinRuns int `json:"min_runs"`
}

// LoadBudgets reads a budgets file; every field must be set.
func LoadBudgets(path string) (Budgets, error) {
	var b Budgets
	data, err := os.ReadFile(path)
	if err != nil {
		return b, err
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return b, fmt.Errorf("%s: %w", path, err)
	}
	if b.AppWasmBrotliMaxBytes == 0 || b.FirstLoadBrotliMaxBytes == 0 || b.NavColdMaxMs == 0 || b.NavWarmMaxMs == 0 ||
		b.MonthChangeMaxMs == 0 || b.ParseMinMBs == 0 || b.ParseMinRatioVsD3 == 0 ||
		b.ColoredPaintMaxRatioCold == 0 || b.ColoredPaintMaxRatioWarm == 0 || b.InteractiveMaxRatioCold == 0 ||
		b.InteractiveMaxRatioWarm == 0 || b.MinRuns == 0 || b.FirstCardMaxRatioCold == 0 || b.FirstCardMaxRatioWarm == 0 ||
		b.HTMLBrotliMaxBytes == 0 {
		return b, fmt.Errorf("%s: a budget is missing or zero", path)
	}
	return b, nil
}

// Check returns one line per missed budget, saying by how much. A measure
// that is absent from the report is a miss too.
func Check(r *Report, b Budgets) []string {
	var miss []string
	over := func(name string, got, max float64, unit string) {
		if got > max {
			miss = append(miss, fmt.Sprintf("%s: %.3f %s > budget %.3f %s (over by %.3f %s, %+.0f%%)", name, got, unit, max, unit, got-max, unit, (got/max-1)*100))
		}
	}
	under := func(name string, got, min float64, unit string) {
		if got < min {
			miss = append(miss, fmt.Sprintf("%s: %.3f %s < budget %.3f %s (short by %.3f %s, %.0f%%)", name, got, unit, min, unit, min-got, unit, (got/min-1)*100))
		}
	}
	absent := func(name string) { miss = append(miss, name+": not measured") }

	if s, ok := r.Sizes["app.wasm"]; ok && s.Brotli > 0 {
		over("app.wasm brotli", float64(s.Brotli)/1000, float64(b.AppWasmBrotliMaxBytes)/1000, "KB")
	} else {
		absent("app.wasm brotli")
	}
	if s, ok := r.Sizes["index.html"]; ok && s.Brotli > 0 {
		over("index.html brotli", float64(s.Brotli)/1000, float64(b.HTMLBrotliMaxBytes)/1000, "KB")
	} else {
		absent("index.html brotli")
	}
	for k, n := range r.FirstCardDiffers {
		if n > 0 {
			miss = append(miss, fmt.Sprintf("first card of %s: %d loads showed a value Go's card did not", k, n))
		}
	}
	if f := r.FirstLoad[App]; f.Brotli > 0 {
		over("first-load bytes brotli", float64(f.Brotli)/1000, float64(b.FirstLoadBrotliMaxBytes)/1000, "KB")
	} else {
		absent("first-load bytes brotli")
	}
	navs := []struct {
		name string
		m    map[string]Stat
		max  float64
	}{{"navigation → map cold", r.NavCold, b.NavColdMaxMs}, {"navigation → map warm", r.NavWarm, b.NavWarmMaxMs}}
	for _, n := range navs {
		a := n.m[App]
		if a.N == 0 {
			absent(n.name)
			continue
		}
		over(n.name, a.Median, n.max, "ms")
		if !b.NavFasterThanPeers {
			continue
		}
		for _, p := range []string{DSFR, D3} {
			ps := n.m[p]
			if ps.N == 0 {
				absent(n.name + " of peer " + p)
				continue
			}
			if a.Median >= ps.Median {
				miss = append(miss, fmt.Sprintf("%s: %.1f ms not faster than %s %.1f ms (slower by %.1f ms)", n.name, a.Median, p, ps.Median, a.Median-ps.Median))
			}
		}
	}
	if s := r.MonthChange[App]; s.N > 0 {
		over("month change", s.Median, b.MonthChangeMaxMs, "ms")
	} else {
		absent("month change")
	}
	a, d := r.Parse[App], r.Parse[D3]
	if a.N > 0 {
		under("full-file parse", a.Median, b.ParseMinMBs, "MB/s")
	} else {
		absent("full-file parse")
	}
	if a.N > 0 && d.N > 0 {
		under("full-file parse vs d3-dsv", a.Median/d.Median, b.ParseMinRatioVsD3, "×")
	} else {
		absent("full-file parse vs d3-dsv")
	}
	return append(miss, checkPeerRatios(r, b)...)
}
