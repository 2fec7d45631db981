package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"francenum-map/internal/workerapi"
)

// IndicatorFetchKey is the report key of the first fetch of an indicator.
const IndicatorFetchKey = "indicator .csv, first fetch (fast path)"

// indicatorFetches is how many indicators are fetched (each once).
const indicatorFetches = 12

// indicatorFetch measures, on a Worker with data in its store, the time
// from sending GET /api/v1/indicators/{id}.csv to its last byte, for
// indicators no one has fetched yet (neither this client nor the entry
// script's memo): the Worker's part of switching the map to an indicator
// not yet loaded (issue 16: ≤ 150 ms to a coloured map). The connection is
// kept alive, as a page's to its origin is.
func indicatorFetch(r *Report, base string) {
	c := &http.Client{Timeout: 30 * time.Second}
	resp, err := c.Get(base + workerapi.IndicatorsPath)
	if err != nil {
		r.problem("indicator fetch: %v", err)
		return
	}
	var idx workerapi.Index
	err = json.NewDecoder(resp.Body).Decode(&idx)
	resp.Body.Close()
	if err != nil || len(idx.Indicators) < indicatorFetches {
		r.problem("indicator fetch: index unreadable or too short (%v, %d indicators)", err, len(idx.Indicators))
		return
	}
	var ms, kb []float64
	step := len(idx.Indicators) / indicatorFetches
	for i := 0; i < indicatorFetches; i++ {
		e := idx.Indicators[i*step]
		start := time.Now()
		resp, err := c.Get(base + e.Detail)
		if err != nil {
			r.problem("indicator fetch %s: %v", e.ID, err)
			return
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		d := time.Since(start)
		if err != nil || resp.StatusCode != http.StatusOK || resp.Header.Get("Server-Timing") != "fast-path" {
			r.problem("indicator fetch %s: %v, %s, Server-Timing %q", e.ID, err, resp.Status, resp.Header.Get("Server-Timing"))
			return
		}
		ms = append(ms, round3(float64(d.Microseconds())/1000))
		kb = append(kb, round3(float64(n)/1000))
	}
	r.IndicatorFetch[IndicatorFetchKey] = Summarise(ms)
	r.IndicatorFetch["indicator .csv size, kB"] = Summarise(kb)
}

// indicatorFetchMarkdown is the report's line for indicatorFetch.
func indicatorFetchMarkdown(r *Report) string {
	s, ok := r.IndicatorFetch[IndicatorFetchKey]
	if !ok || s.N == 0 {
		return ""
	}
	size := r.IndicatorFetch["indicator .csv size, kB"]
	return fmt.Sprintf("\nWorker: an indicator's .csv not fetched before, GET to last byte on loopback: median %.2f ms "+
		"(min %.2f, max %.2f, n=%d; %.0f–%.0f kB)\n", s.Median, s.Min, s.Max, s.N, size.Min, size.Max)
}
