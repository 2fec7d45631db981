package app

import "francenum-map/internal/viewstate"

// metricBreaks are the manual breaks a metric had when the reader left it.
type metricBreaks struct {
	metric string
	breaks []float64
}

// switchManualMetric applies p, which changes the metric while classes
// are manual. Breaks mean something for one metric only (50, 100, 150
// inhabitants per 10 000 is not a count), so each metric keeps its own:
// the old metric's are saved, the new one gets those it had, or else
// starts from the breaks its quantiles would draw.
func (a *App) switchManualMetric(p Patch) []Notice {
	old := a.st.Metric
	saved := -1
	for i, m := range a.manual {
		if m.metric == old {
			a.manual[i].breaks = a.st.Breaks
			saved = i
		}
	}
	if saved < 0 {
		a.manual = append(a.manual, metricBreaks{old, a.st.Breaks})
	}
	for _, m := range a.manual {
		if m.metric == p.To.Metric {
			p.Set |= viewstate.FBreaks | viewstate.FScheme
			p.To.Breaks, p.To.Scheme = m.breaks, viewstate.SchemeManual
			return a.Apply(p)
		}
	}
	// No breaks yet for this metric: show it by quantiles, then turn
	// manual from the breaks shown (Apply's rule for a new manual scheme).
	p.Set |= viewstate.FScheme
	p.To.Scheme = viewstate.SchemeQuantile
	notes := a.Apply(p)
	if a.st.Metric != p.To.Metric { // the metric was refused
		return notes
	}
	var q Patch
	q.Set, q.To.Scheme = viewstate.FScheme, viewstate.SchemeManual
	return append(notes, a.Apply(q)...)
}
