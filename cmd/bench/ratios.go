package main

import (
	"fmt"
	"strings"
)

// ServePath is one way of serving the pages: the app and the peers it is
// compared with go through the same server.
type ServePath struct {
	Key, Label string
	App        string   // page key of the app on this path
	Peers      []string // page keys of the peers on this path
}

// Page keys of the peers on the static brotli server (DSFR and D3 are the
// peers on wrangler dev).
const (
	DSFRStatic = "dsfr_static"
	D3Static   = "d3_static"
)

// servePaths: wrangler dev (Workers Static Assets and the Worker, locally)
// and a static server sending precompressed brotli, as Cloudflare's edge
// does (brServer).
var servePaths = []ServePath{
	{Key: "wrangler", Label: "wrangler dev", App: App, Peers: []string{DSFR, D3}},
	{Key: "static_br", Label: "static brotli", App: AppStatic, Peers: []string{DSFRStatic, D3Static}},
}

// Measures compared with the best peer, in table order.
const (
	PaintColdM       = "colored_paint_cold"
	PaintWarmM       = "colored_paint_warm"
	InteractiveColdM = "interactive_cold"
	InteractiveWarmM = "interactive_warm"
	// The first card (ours) against the best peer's interactive time: a
	// peer answers a mouse the moment it is live.
	FirstCardColdM      = "first_card_cold"
	FirstCardWarmM      = "first_card_warm"
	FirstCardEmbedColdM = "first_card_embed_cold"
	FirstCardEmbedWarmM = "first_card_embed_warm"
)

var ratioMeasures = []struct{ key, label string }{
	{PaintColdM, "first paint with the coloured map, cold"},
	{PaintWarmM, "first paint with the coloured map, warm"},
	{InteractiveColdM, "interactive (map live, 101 coloured), cold"},
	{InteractiveWarmM, "interactive (map live, 101 coloured), warm"},
	{FirstCardColdM, "first card (a mouse over Cher) vs peer interactive, cold"},
	{FirstCardWarmM, "first card (a mouse over Cher) vs peer interactive, warm"},
	{FirstCardEmbedColdM, "first card, ?embed=1, vs peer interactive, cold"},
	{FirstCardEmbedWarmM, "first card, ?embed=1, vs peer interactive, warm"},
}

// PeerRatio is our median over the best (lowest) peer median of a measure
// on one serving path.
type PeerRatio struct {
	Ours     float64 `json:"ours_ms"`
	Best     float64 `json:"best_peer_ms"`
	BestPeer string  `json:"best_peer"`
	Ratio    float64 `json:"ratio"`
	// N is the smaller number of runs behind the two medians.
	N int `json:"n"`
}

// measureStats returns the per-page medians of a ratio measure.
func (r *Report) measureStats(m string) map[string]Stat {
	switch m {
	case PaintColdM:
		return r.PaintCold
	case PaintWarmM:
		return r.PaintWarm
	case InteractiveColdM:
		return r.NavCold
	case InteractiveWarmM:
		return r.NavWarm
	case FirstCardColdM:
		return r.firstCardStats(r.FirstCardCold, r.NavCold, "")
	case FirstCardWarmM:
		return r.firstCardStats(r.FirstCardWarm, r.NavWarm, "")
	case FirstCardEmbedColdM:
		return r.firstCardStats(r.FirstCardCold, r.NavCold, embedSuffix)
	case FirstCardEmbedWarmM:
		return r.firstCardStats(r.FirstCardWarm, r.NavWarm, embedSuffix)
	}
	return nil
}

// firstCardStats is the app pages' first card (of the view with suffix)
// beside every other page's interactive time.
func (r *Report) firstCardStats(card, nav map[string]Stat, suffix string) map[string]Stat {
	out := map[string]Stat{}
	for k, v := range nav {
		out[k] = v
	}
	for _, sp := range servePaths {
		delete(out, sp.App)
		if s, ok := card[sp.App+suffix]; ok {
			out[sp.App] = s
		}
	}
	return out
}

// computePeerRatios fills PeerRatios for every serving path and measure
// where the app and at least one peer were measured.
func (r *Report) computePeerRatios() {
	for _, sp := range servePaths {
		for _, m := range ratioMeasures {
			st := r.measureStats(m.key)
			ours := st[sp.App]
			if ours.N == 0 {
				continue
			}
			var best Stat
			bestPeer := ""
			for _, p := range sp.Peers {
				if s := st[p]; s.N > 0 && (bestPeer == "" || s.Median < best.Median) {
					best, bestPeer = s, p
				}
			}
			if bestPeer == "" || best.Median <= 0 {
				continue
			}
			if r.PeerRatios[sp.Key] == nil {
				r.PeerRatios[sp.Key] = map[string]PeerRatio{}
			}
			r.PeerRatios[sp.Key][m.key] = PeerRatio{Ours: ours.Median, Best: best.Median, BestPeer: bestPeer,
				Ratio: round3(ours.Median / best.Median), N: min(ours.N, best.N)}
		}
	}
}

// ratioGoals are the budgets' maximum ratios by measure.
func (b Budgets) ratioGoals() map[string]float64 {
	return map[string]float64{PaintColdM: b.ColoredPaintMaxRatioCold, PaintWarmM: b.ColoredPaintMaxRatioWarm,
		InteractiveColdM: b.InteractiveMaxRatioCold, InteractiveWarmM: b.InteractiveMaxRatioWarm,
		FirstCardColdM: b.FirstCardMaxRatioCold, FirstCardWarmM: b.FirstCardMaxRatioWarm,
		FirstCardEmbedColdM: b.FirstCardMaxRatioCold, FirstCardEmbedWarmM: b.FirstCardMaxRatioWarm}
}

// checkPeerRatios returns a line per ratio goal missed on a serving path,
// per ratio not measured, and per ratio resting on fewer than MinRuns runs.
func checkPeerRatios(r *Report, b Budgets) []string {
	var miss []string
	goals := b.ratioGoals()
	for _, sp := range servePaths {
		for _, m := range ratioMeasures {
			name := fmt.Sprintf("%s vs best peer (%s)", m.label, sp.Label)
			pr, ok := r.PeerRatios[sp.Key][m.key]
			switch {
			case !ok:
				miss = append(miss, name+": not measured")
			case pr.N < b.MinRuns:
				miss = append(miss, fmt.Sprintf("%s: median of %d runs < %d", name, pr.N, b.MinRuns))
			case pr.Ratio > goals[m.key]:
				miss = append(miss, fmt.Sprintf("%s: %.2f× (%.0f ms vs %s %.0f ms) > budget %.2f× (%.0f ms would meet it)",
					name, pr.Ratio, pr.Ours, pr.BestPeer, pr.Best, goals[m.key], goals[m.key]*pr.Best))
			}
		}
	}
	return miss
}

// ratioMarkdown is the table of our medians over the best peer's, per
// serving path, cold and warm.
func ratioMarkdown(r *Report, goals map[string]float64) string {
	if len(r.PeerRatios) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n| ours / best peer (same server, medians) | serving path | ours | best peer | ratio | goal |\n|---|---|---|---|---|---|\n")
	for _, m := range ratioMeasures {
		for _, sp := range servePaths {
			pr, ok := r.PeerRatios[sp.Key][m.key]
			if !ok {
				fmt.Fprintf(&b, "| %s | %s | — | — | — | ≤ %.2f× |\n", m.label, sp.Label, goals[m.key])
				continue
			}
			mark := "met"
			if pr.Ratio > goals[m.key] {
				mark = "missed"
			}
			fmt.Fprintf(&b, "| %s | %s | %s ms | %s %s ms | **%.2f×** | ≤ %.2f× (%s) |\n", m.label, sp.Label, num(pr.Ours), pr.BestPeer, num(pr.Best), pr.Ratio, goals[m.key], mark)
		}
	}
	return b.String()
}
