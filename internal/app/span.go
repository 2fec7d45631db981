package app

import "francenum-map/internal/series"

// spanLabel is « moyenne mensuelle sur 2 mois » when « Nouveaux ce mois »
// at the shown month averages an increment over several months (the
// previous month is absent), "" otherwise or for other metrics: the map
// title, the legend and the description carry it.
func (a *App) spanLabel() string {
	if a.st.Metric != metricNew || a.ind == nil {
		return ""
	}
	d, ok := a.dateOf[a.month()]
	if !ok {
		return ""
	}
	return series.SpanLabel(a.ind.MonthsSpanned(d), a.lang())
}
