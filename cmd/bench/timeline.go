package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// timelineJS reads one load's timeline, in ms since navigation start, from
// the Navigation and Resource Timing entries, the paint timeline, the
// observer's marks (observeJS) and, on the app, francenumApp.stats() (whose
// times count from app.js's start: they are shifted to navigation start).
const timelineJS = `(() => {
  const t = {};
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) {
    t.htmlFirstByte = nav.responseStart; t.htmlEnd = nav.responseEnd;
    t.domInteractive = nav.domInteractive; t.domContentLoaded = nav.domContentLoadedEventStart;
  }
  const res = performance.getEntriesByType('resource');
  const find = (re) => res.find((e) => re.test(new URL(e.name).pathname));
  const css = find(/\.css$/);
  if (css) { t.cssStart = css.startTime; t.cssEnd = css.responseEnd; }
  const wasm = find(/\.wasm$/);
  if (wasm) { t.wasmStart = wasm.startTime; t.wasmEnd = wasm.responseEnd; t.wasmTransfer = wasm.transferSize; }
  const det = find(/detail\.csv$/);
  if (det) { t.dataStart = det.startTime; t.dataEnd = det.responseEnd; }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  if (fcp) t.fcp = fcp.startTime;
  const b = window.__bench || {};
  for (const k of ['mapAt', 'mapPaintAt', 'coloredAt']) if (b[k]) t[k] = b[k];
  const a = window.francenumApp;
  const s = a && a.stats ? a.stats() : null;
  if (s && s.start) {
    t.appJs = s.start;
    for (const k of ['compiled', 'goStarted', 'fetched', 'loaded', 'firstRender', 'ready']) if (s[k] > 0) t[k] = s.start + s[k];
    if (s.earlyCompile) t.earlyCompile = 1;
  }
  return t;
})()`

// ColoredPaint is when the first paint holding the 101 coloured
// departments happened, ms since navigation start: the first contentful
// paint itself when the coloured map was already in the DOM then (mapAt ≤
// fcp: that frame painted it), else the frame after the map arrived
// (mapPaintAt, the start of that frame: a little before its paint, which
// favours the page measured). ok is false when a mark is missing.
func ColoredPaint(fcp, mapAt, mapPaintAt float64) (ms float64, ok bool) {
	switch {
	case fcp <= 0 || mapAt <= 0:
		return 0, false
	case mapAt <= fcp:
		return fcp, true
	case mapPaintAt <= 0:
		return 0, false
	default:
		return max(fcp, mapPaintAt), true
	}
}

// phase is one line of the timeline table.
type phase struct{ key, label string }

// phases are the timeline's marks in load order: navigation (0), the HTML,
// the stylesheet, first paints, app.js, the wasm, Go, the data, ready.
var phases = []phase{
	{"htmlFirstByte", "HTML first byte"},
	{"htmlEnd", "HTML end"},
	{"cssStart", "CSS request start"},
	{"cssEnd", "CSS end (render-blocking)"},
	{"fcp", "first contentful paint"},
	{"coloredPaint", "first paint with the coloured map"},
	{"domInteractive", "HTML parsed"},
	{"appJs", "app.js starts"},
	{"domContentLoaded", "DOMContentLoaded"},
	{"wasmStart", "app.wasm request start"},
	{"wasmEnd", "app.wasm end"},
	{"compiled", "wasm compiled"},
	{"goStarted", "Go started (instantiate + run)"},
	{"dataStart", "detail.csv request start"},
	{"dataEnd", "detail.csv end"},
	{"fetched", "all data in"},
	{"loaded", "Go load (parse, model)"},
	{"firstRender", "first render"},
	{"ready", "ready (interactive)"},
	{"coloredAt", "interactive (bench: live map, 101 coloured)"},
}

// timelineMarkdown is the table of the app's cold and warm timelines on
// each serving path: medians, ms since navigation start.
func timelineMarkdown(r *Report) string {
	var cols []string
	var heads []string
	for _, sp := range servePaths {
		if _, ok := r.TimelineCold[sp.App]; ok {
			cols = append(cols, sp.App)
			heads = append(heads, sp.Label)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(r.TimelineCold)) {
		if v, ok := strings.CutPrefix(k, AppStatic+":"); ok {
			cols = append(cols, k)
			heads = append(heads, "static brotli, "+v)
		}
	}
	if len(cols) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\nApp timeline by phase, ms since navigation start (medians; — not seen, e.g. an inline stylesheet):\n\n| phase |")
	for _, h := range heads {
		fmt.Fprintf(&b, " %s, cold | %s, warm |", h, h)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|---|", len(cols)) + "\n")
	cell := func(m map[string]Stat, k string) string {
		if s, ok := m[k]; ok && s.N > 0 {
			return num(s.Median)
		}
		return "—"
	}
	for _, ph := range phases {
		fmt.Fprintf(&b, "| %s |", ph.label)
		for _, c := range cols {
			fmt.Fprintf(&b, " %s | %s |", cell(r.TimelineCold[c], ph.key), cell(r.TimelineWarm[c], ph.key))
		}
		b.WriteString("\n")
	}
	return b.String()
}
