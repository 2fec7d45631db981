package main

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// WorkerKey is the report key of a kind of Worker request run at c
// connections: the kind alone at c=8 (the keys of earlier reports), else
// with ", c=N".
func WorkerKey(kind string, c int) string {
	if c == 8 {
		return kind
	}
	return kind + ", c=" + strconv.Itoa(c)
}

// ParseConns reads the -conns flag: connection counts, comma-separated.
func ParseConns(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || c < 1 {
			return nil, fmt.Errorf("-conns: %q is not a connection count", f)
		}
		out = append(out, c)
	}
	return out, nil
}

// workerRatioKinds are the kinds compared with the static asset of the same
// run: issue 12 asks ≥ 0.5 for the cached detail.csv.
var workerRatioKinds = []struct{ name, kind string }{
	{"detail_fast", "detail.csv (fast path)"},
	{"synthese_fast", "synthese.csv (fast path)"},
	{"detail_bound", BoundKey},
	{"detail_static", "static snapshot/detail.csv"},
}

// workerRatios adds to Ratios each kind's req/s over the static asset's,
// per connection count ("worker_detail_fast/static_c8").
func workerRatios(r *Report, conns []int) {
	for _, c := range conns {
		st, ok := r.Worker[WorkerKey("static asset", c)]
		if !ok || st.ReqPerSec == 0 {
			continue
		}
		for _, k := range workerRatioKinds {
			if l, ok := r.Worker[WorkerKey(k.kind, c)]; ok {
				r.Ratios[fmt.Sprintf("worker_%s/static_c%d", k.name, c)] = round3(l.ReqPerSec / st.ReqPerSec)
			}
		}
	}
}

// workerRatiosMarkdown lists the ratios workerRatios added.
func workerRatiosMarkdown(r *Report) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(r.Ratios)) {
		if strings.HasPrefix(k, "worker_") {
			fmt.Fprintf(&b, "- %s: %.2f\n", k, r.Ratios[k])
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\nreq/s over the static asset's, same run:\n\n" + b.String()
}
