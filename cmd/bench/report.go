package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Page names used as keys throughout the report.
const (
	App  = "app"  // francenum-map
	DSFR = "dsfr" // <map-chart> of @gouvfr/dsfr-chart
	D3   = "d3"   // hand-written D3 choropleth
	// AppStatic is the same app build served by the static brotli server
	// (brServer), as are the peers DSFRStatic and D3Static.
	AppStatic = "app_static"
)

// Report is build/bench/report.json.
type Report struct {
	When     string `json:"when"`
	Machine  string `json:"machine"`
	Chromium string `json:"chromium"`
	Runs     int    `json:"runs"`

	// Sizes of app.wasm and the worker wasm.
	Sizes map[string]Size `json:"sizes"`
	// FirstLoad is, per page, the sum of the brotli -q 11 sizes of every
	// response a cold load fetched (CDP network events), with the details.
	FirstLoad map[string]FirstLoad `json:"first_load"`
	// NavCold and NavWarm: navigation start → all 101 departments coloured,
	// ms; for the app, the live map (interactive: data-state=ready).
	NavCold map[string]Stat `json:"nav_cold_ms"`
	NavWarm map[string]Stat `json:"nav_warm_ms"`
	// PaintCold and PaintWarm: navigation start → the first paint holding
	// the 101 coloured departments (ColoredPaint), ms; for the app, its
	// build-time map counts.
	PaintCold map[string]Stat `json:"colored_paint_cold_ms"`
	PaintWarm map[string]Stat `json:"colored_paint_warm_ms"`
	// TimelineCold and TimelineWarm: per page, each mark of timelineJS, ms
	// since navigation start.
	TimelineCold map[string]map[string]Stat `json:"timeline_cold_ms"`
	TimelineWarm map[string]map[string]Stat `json:"timeline_warm_ms"`
	// FirstCardCold and FirstCardWarm: per app page (App, AppStatic, and
	// their "_embed" view), navigation start → a real mouse over Cher shows
	// its card with a number (firstcard.go), ms. FirstCardDiffers counts
	// the loads whose card's value was not Go's once ready.
	FirstCardCold    map[string]Stat `json:"first_card_cold_ms"`
	FirstCardWarm    map[string]Stat `json:"first_card_warm_ms"`
	FirstCardDiffers map[string]int  `json:"first_card_differs"`
	// CodeCache: per app page, Chromium's compiled-code cache of app.wasm
	// over a cold load and two reloads (trace events).
	CodeCache map[string]CodeCache `json:"code_cache"`
	// PeerRatios: per serving path (ServePath.Key) and measure, our median
	// over the best peer's on that path.
	PeerRatios map[string]map[string]PeerRatio `json:"peer_ratios"`
	// RatioGoals are the budgets' ratio goals when the run found them, for
	// the report's table.
	RatioGoals map[string]float64 `json:"ratio_goals,omitempty"`
	// MonthChange: recolour + legend for one month step, ms. "app" is the
	// app's own render time (francenum:rendered detail.ms); "app_wall" is
	// input event → rendered event in the page; "d3" is the peer's recolour.
	MonthChange map[string]Stat `json:"month_change_ms"`
	// PlayFrame: during play, "render" = per-frame render ms,
	// "interval" = time between rendered months.
	PlayFrame map[string]Stat `json:"play_frame_ms"`
	// Parse: full published detail file parsed + filtered in the page, MB/s
	// (MB = 10^6 bytes); "app" via francenumApp.benchParse, "d3" d3-dsv
	// csvParseRows (the faster d3 path, used for ratios and budgets),
	// "d3_objects" d3-dsv csvParse; both include UTF-8 decoding and the filter.
	Parse map[string]Stat `json:"parse_mb_s"`
	// ParseBytes is the size of the file parsed.
	ParseBytes int64 `json:"parse_bytes"`
	// Worker load runs on workerd (wrangler dev), loopback.
	Worker map[string]Load `json:"worker"`
	// IndicatorFetch: GET of an indicator's .csv not fetched before, to its
	// last byte, ms (and the sizes, kB).
	IndicatorFetch map[string]Stat `json:"indicator_fetch_ms"`
	// Ratios us/peer of the medians (< 1 means we are faster / smaller for
	// times; for MB/s > 1 means we are faster).
	Ratios map[string]float64 `json:"ratios"`
	// Floor: the wasm floor (floor.go), per mark, ms since navigation start.
	Floor map[string]Stat `json:"wasm_floor_ms,omitempty"`
	// Problems lists what could not be measured, and why.
	Problems []string `json:"problems,omitempty"`
}

// FirstLoad is what one cold load fetched.
type FirstLoad struct {
	Brotli    int64      `json:"brotli11"`
	Raw       int64      `json:"raw"`
	Transfer  int64      `json:"transfer"`
	Resources []Resource `json:"resources"`
}

// Resource is one response of a first load.
type Resource struct {
	URL      string `json:"url"`
	Raw      int64  `json:"raw"`
	Brotli   int64  `json:"brotli11"`
	Transfer int64  `json:"transfer"`
}

func newReport() *Report {
	return &Report{Sizes: map[string]Size{}, FirstLoad: map[string]FirstLoad{}, NavCold: map[string]Stat{},
		NavWarm: map[string]Stat{}, PaintCold: map[string]Stat{}, PaintWarm: map[string]Stat{},
		TimelineCold: map[string]map[string]Stat{}, TimelineWarm: map[string]map[string]Stat{},
		PeerRatios: map[string]map[string]PeerRatio{}, CodeCache: map[string]CodeCache{}, MonthChange: map[string]Stat{}, PlayFrame: map[string]Stat{},
		Parse: map[string]Stat{}, Worker: map[string]Load{}, IndicatorFetch: map[string]Stat{}, Floor: map[string]Stat{},
		Ratios: map[string]float64{}, FirstCardCold: map[string]Stat{}, FirstCardWarm: map[string]Stat{}, FirstCardDiffers: map[string]int{}}
}

func (r *Report) problem(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintln(os.Stderr, "bench:", msg)
	r.Problems = append(r.Problems, msg)
}

// computeRatios fills Ratios from the medians.
func (r *Report) computeRatios() {
	ratio := func(key string, a, b Stat) {
		if a.N > 0 && b.N > 0 && b.Median != 0 {
			r.Ratios[key] = round3(a.Median / b.Median)
		}
	}
	for _, p := range []string{DSFR, D3} {
		ratio("nav_cold_app/"+p, r.NavCold[App], r.NavCold[p])
		ratio("nav_warm_app/"+p, r.NavWarm[App], r.NavWarm[p])
		if a, b := r.FirstLoad[App], r.FirstLoad[p]; a.Brotli > 0 && b.Brotli > 0 {
			r.Ratios["first_load_app/"+p] = round3(float64(a.Brotli) / float64(b.Brotli))
		}
	}
	ratio("month_change_app/d3", r.MonthChange[App], r.MonthChange[D3])
	ratio("parse_app/d3", r.Parse[App], r.Parse[D3])
	r.computePeerRatios()
}

// Write saves report.json and report.md in dir.
func (r *Report) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "report.json"), append(js, '\n'), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "report.md"), []byte(r.Markdown()), 0o644)
}

func fmtStat(s Stat, unit string) string {
	if s.N == 0 {
		return "—"
	}
	return fmt.Sprintf("%s %s (%s–%s, n=%d)", num(s.Median), unit, num(s.Min), num(s.Max), s.N)
}

func num(x float64) string {
	switch {
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	case x >= 1:
		return fmt.Sprintf("%.1f", x)
	default:
		return fmt.Sprintf("%.3f", x)
	}
}

func kb(n int64) string {
	if n == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1000)
}

// Markdown is the short table of report.md.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# francenum-map benchmark\n\n%s, %s, %s, %d runs; medians (min–max).\n\n", r.When, r.Machine, r.Chromium, r.Runs)
	b.WriteString("| measure | francenum-map | DSFR `<map-chart>` | D3 | ratio us/DSFR | ratio us/D3 |\n|---|---|---|---|---|---|\n")
	row := func(name, a, d, e, r1, r2 string) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", name, a, d, e, r1, r2)
	}
	ratio := func(k string) string {
		if v, ok := r.Ratios[k]; ok {
			return fmt.Sprintf("%.2f", v)
		}
		return "—"
	}
	row("first load, brotli -q 11 (sum of all responses)", kb(r.FirstLoad[App].Brotli), kb(r.FirstLoad[DSFR].Brotli), kb(r.FirstLoad[D3].Brotli),
		ratio("first_load_app/dsfr"), ratio("first_load_app/d3"))
	row("navigation → 101 departments coloured, cold", fmtStat(r.NavCold[App], "ms"), fmtStat(r.NavCold[DSFR], "ms"), fmtStat(r.NavCold[D3], "ms"),
		ratio("nav_cold_app/dsfr"), ratio("nav_cold_app/d3"))
	row("navigation → 101 departments coloured, warm (reload)", fmtStat(r.NavWarm[App], "ms"), fmtStat(r.NavWarm[DSFR], "ms"), fmtStat(r.NavWarm[D3], "ms"),
		ratio("nav_warm_app/dsfr"), ratio("nav_warm_app/d3"))
	row("first paint with the coloured map, cold", fmtStat(r.PaintCold[App], "ms"), fmtStat(r.PaintCold[DSFR], "ms"), fmtStat(r.PaintCold[D3], "ms"), "—", "—")
	row("first paint with the coloured map, warm", fmtStat(r.PaintWarm[App], "ms"), fmtStat(r.PaintWarm[DSFR], "ms"), fmtStat(r.PaintWarm[D3], "ms"), "—", "—")
	for _, m := range []struct {
		label string
		st    map[string]Stat
	}{{"navigation → 101 coloured, cold", r.NavCold}, {"navigation → 101 coloured, warm", r.NavWarm},
		{"first paint with the coloured map, cold", r.PaintCold}, {"first paint with the coloured map, warm", r.PaintWarm}} {
		if m.st[AppStatic].N > 0 {
			row(m.label+", static brotli server", fmtStat(m.st[AppStatic], "ms"), fmtStat(m.st[DSFRStatic], "ms"), fmtStat(m.st[D3Static], "ms"), "—", "—")
		}
	}
	if f := r.FirstLoad[AppStatic]; f.Brotli > 0 {
		row("first load, static brotli server", kb(f.Brotli), kb(r.FirstLoad[DSFRStatic].Brotli), kb(r.FirstLoad[D3Static].Brotli), "", "")
	}
	row("month change (recolour + legend)", fmtStat(r.MonthChange[App], "ms"), "n/a", fmtStat(r.MonthChange[D3], "ms"), "—", ratio("month_change_app/d3"))
	row("month change, input event → rendered event", fmtStat(r.MonthChange["app_wall"], "ms"), "n/a", "—", "—", "—")
	row("play: render per frame", fmtStat(r.PlayFrame["render"], "ms"), "n/a", "—", "—", "—")
	row("play: interval between months", fmtStat(r.PlayFrame["interval"], "ms"), "n/a", "—", "—", "—")
	row(fmt.Sprintf("parse + filter full file (%.1f MB)", float64(r.ParseBytes)/1e6), fmtStat(r.Parse[App], "MB/s"), "n/a", fmtStat(r.Parse[D3], "MB/s (d3-dsv csvParseRows)"), "—", ratio("parse_app/d3"))
	row("parse + filter, d3-dsv csvParse (objects)", "—", "n/a", fmtStat(r.Parse["d3_objects"], "MB/s"), "—", "—")
	b.WriteString(ratioMarkdown(r, r.RatioGoals))
	b.WriteString(timelineMarkdown(r))
	b.WriteString(floorMarkdown(r))
	b.WriteString(codeCacheMarkdown(r))
	b.WriteString("\n| binary | raw | gzip -9 | brotli -q 11 |\n|---|---|---|---|\n")
	for _, k := range slices.Sorted(maps.Keys(r.Sizes)) {
		s := r.Sizes[k]
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", k, kb(s.Raw), kb(s.Gzip9), kb(s.Brotli))
	}
	b.WriteString("\n| Worker on workerd (wrk, loopback) | req/s | p50 | p99 | CPU / request | requests | errors | non-2xx |\n|---|---|---|---|---|---|---|---|\n")
	for _, k := range slices.Sorted(maps.Keys(r.Worker)) {
		l := r.Worker[k]
		cpu := "—"
		if l.CPUPerReqMs > 0 {
			cpu = fmt.Sprintf("%.2f ms", l.CPUPerReqMs)
		}
		fmt.Fprintf(&b, "| %s (c=%d, %d s) | %.0f | %.2f ms | %.2f ms | %s | %d | %d | %d |\n", k, l.Connection, l.Seconds, l.ReqPerSec, l.P50ms, l.P99ms, cpu, l.Requests, l.Errors, l.Non2xx)
	}
	b.WriteString(workerRatiosMarkdown(r))
	b.WriteString(indicatorFetchMarkdown(r))
	b.WriteString(indicatorSwitchMarkdown(r))
	if len(r.Problems) > 0 {
		b.WriteString("\nNot measured:\n\n")
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "- %s\n", p)
		}
	}
	return b.String()
}
