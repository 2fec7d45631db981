package app

import (
	"math"

	"francenum-map/internal/barometre"
	"francenum-map/internal/classify"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"
	"francenum-map/internal/series"
	"francenum-map/internal/uitext"
	"francenum-map/internal/viewstate"
)

// Metric names (package viewstate), shortened for this package.
const (
	metricTarget = viewstate.MetricTarget
	metricPer10k = viewstate.MetricPer10k
	metricCount  = viewstate.MetricCount
	metricNew    = viewstate.MetricNew
)

// month returns the month shown: the state's, or the latest.
//
//go:noinline
func (a *App) month() barometre.Month {
	if a.st.Date != 0 {
		return a.st.Date
	}
	if len(a.months) == 0 {
		return 0
	}
	return a.months[len(a.months)-1]
}

// monthIndex returns the position of the shown month in a.months.
//
//go:noinline
func (a *App) monthIndex() int {
	if len(a.months) == 0 {
		return 0
	}
	return int(a.month() - a.months[0])
}

//go:noinline
func (a *App) lang() frfmt.Lang {
	if a.st.Lang == "en" {
		return frfmt.EN
	}
	return frfmt.FR
}

// t is the interface string key in the state's language.
//
//go:noinline
func (a *App) t(key string) string { return uitext.T(a.st.Lang, key) }

// f is the interface sentence key in the state's language, filled with
// args.
func (a *App) f(key string, args ...string) string { return uitext.F(a.st.Lang, key, args...) }

// value returns the metric value of department i at month m (NaN when
// absent).
func (a *App) value(i int, m barometre.Month, metric string) float64 {
	d, ok := a.dateOf[m]
	return a.valueAt(i, d, ok, metric)
}

// valueAt is value for the month's published date d (ok false: the month
// is absent): the month hot path looks the date up once for all
// departments.
func (a *App) valueAt(i int, d series.Date, ok bool, metric string) float64 {
	s := a.ser[i]
	if s == nil || !ok {
		return nan()
	}
	if metric == metricNew { // ms.Compute == indicator.Monthly
		// After an absent month, the monthly average over the months
		// spanned (series.Monthly): the one rule of map, legend,
		// description and tooltip.
		m, ok := s.Monthly(d)
		if !ok {
			return nan()
		}
		return m.PerMonth
	}
	v, ok := s.At(d)
	if !ok {
		return nan()
	}
	ms, _ := indicator.MeasureOf(metric)
	switch ms.Compute {
	case indicator.OfTarget:
		t := target(s)
		if !(t > 0) {
			return nan()
		}
		return v / t * 100
	case indicator.PerInhabitants:
		return a.perInhabitants(i, v)
	case indicator.ShareOfSum:
		sum := a.sumAt(d)
		if !(sum > 0) {
			return nan()
		}
		return v / sum * 100
	}
	return v
}

// perInhabitants is v per 10 000 inhabitants of department i (NaN without
// a population).
func (a *App) perInhabitants(i int, v float64) float64 {
	p := a.geo.Departments[i].Population
	if p <= 0 {
		return nan()
	}
	return v / float64(p) * 10000
}

// sumAt is the departments' sum at date d (the share's denominator),
// computed once per date of the shown indicator.
func (a *App) sumAt(d series.Date) float64 {
	if a.sums == nil {
		a.sums = map[series.Date]float64{}
	}
	sum, ok := a.sums[d]
	if !ok {
		sum, _ = a.ind.SumAt(d)
		a.sums[d] = sum
	}
	return sum
}

// target returns the 2022 target of a series, NaN when none.
//
//go:noinline
func target(s *series.Series) float64 {
	if s == nil || s.Target == nil || !s.Target.HasTarget {
		return nan()
	}
	return s.Target.Target
}

// pctOf is c as a percentage of t, NaN when either is unknown.
func pctOf(c, t float64) float64 {
	if t > 0 && c == c {
		return c / t * 100
	}
	return nan()
}

// cumulative returns the published value of department i at month m.
//
//go:noinline
func (a *App) cumulative(i int, m barometre.Month) float64 {
	s := a.ser[i]
	if s == nil {
		return nan()
	}
	d, ok := a.dateOf[m]
	if !ok {
		return nan()
	}
	v, ok := s.At(d)
	if !ok {
		return nan()
	}
	return v
}

// compute refreshes the scale (when metric/scheme/classes/indicator
// changed) and the current values and classes.
func (a *App) compute() {
	s := a.st
	key := a.ind.ID + "|" + s.Metric + "|" + s.Scheme + "|" + itoa(s.Classes) + "|" + viewstate.FormatBreaks(s.Breaks)
	if key != a.scaleKey {
		// The breaks are computed once and stay fixed while the month
		// changes. Cumulative metrics take them from the latest month (the
		// default view; earlier months then read lighter, as they should);
		// monthly increments pool every month (no month is "the" month).
		all := make([]float64, 0, len(a.months)*len(a.ser))
		a.vmax = 0
		var last barometre.Month
		if len(a.months) > 0 {
			last = a.months[len(a.months)-1]
		}
		for _, m := range a.months {
			for i := range a.ser {
				if c := a.cumulative(i, m); c > a.vmax {
					a.vmax = c
				}
				if s.Metric != metricNew && m != last {
					continue
				}
				if v := a.value(i, m, s.Metric); v == v {
					all = append(all, v)
				}
			}
		}
		method := classify.Quantile // the state holds one of the four names
		switch s.Scheme {
		case viewstate.SchemeJenks:
			method = classify.Jenks
		case viewstate.SchemeEqual:
			method = classify.Equal
		case viewstate.SchemeManual:
			method = classify.Manual
		}
		opts := classify.Options{Method: method, Classes: s.Classes, Manual: s.Breaks}
		if ms, _ := indicator.MeasureOf(s.Metric); ms.Diverging {
			opts.Diverging, opts.Pivot, opts.Cap = true, 100, 150
		}
		a.scale = classify.New(all, opts)
		a.scaleKey = key
	}
	a.computeValues()
}

// computeValues fills a.vals and a.cls for the shown month with the
// current scale: the month hot path (no allocation once warm).
func (a *App) computeValues() {
	a.vals, a.cls = a.classesAt(a.month(), a.vals, a.cls)
}

// classesAt computes the values and classes of month m into vals and cls
// (grown as needed) with the current scale.
func (a *App) classesAt(m barometre.Month, vals []float64, cls []int) ([]float64, []int) {
	if cap(vals) < len(a.ser) {
		vals = make([]float64, len(a.ser))
	}
	vals = vals[:len(a.ser)]
	metric := a.st.Metric
	d, ok := a.dateOf[m]
	for i := range a.ser {
		vals[i] = a.valueAt(i, d, ok, metric)
	}
	cls, _, _ = a.scale.ClassAll(vals, cls)
	return vals, cls
}

//go:noinline
func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		p--
		b[p] = '-'
	}
	return string(b[p:])
}

// dataDate is the latest date of the shown indicator, for the source line
// (0 when it has none).
func (a *App) dataDate() barometre.Date {
	if a.ind == nil || len(a.ind.Dates) == 0 {
		return 0
	}
	return a.ind.Dates[len(a.ind.Dates)-1]
}

// indicatorName is the short name of an indicator in the UI language: the
// registry's, else the file's label, else the id.
//
//go:noinline
func (a *App) indicatorName(ind *series.Indicator) string {
	if in, ok := indicator.Lookup(ind.ID); ok {
		return in.Name.In(a.lang())
	}
	if ind.Label != "" {
		return ind.Label
	}
	return ind.ID
}

// fmtValue formats a value of the metric with its unit.
func (a *App) fmtValue(v float64, metric string) string {
	l := a.lang()
	if v != v {
		return frfmt.NoData(l)
	}
	ms, _ := indicator.MeasureOf(metric)
	switch ms.Format {
	case indicator.AsPercent:
		return frfmt.Percent(v, max(1, ms.Decimals), l)
	case indicator.AsPer10k:
		return frfmt.Per10k(v, 1, l)
	case indicator.AsSigned:
		return frfmt.Signed(v, decimalsFor(v), l) + " " + a.unit()
	}
	return frfmt.Number(v, decimalsFor(v), l) + " " + a.unit()
}

// decimalsFor is how many decimals show v as published: 0, 1 or 2 (the
// baromètre writes at most 2: a mean of 3,45 months, a rate of 18,09 %).
func decimalsFor(v float64) int {
	switch {
	case v == math.Trunc(v):
		return 0
	case math.Abs(v*10-math.Round(v*10)) < 1e-6:
		return 1
	}
	return 2
}

//go:noinline
func fmtCount(v float64, l frfmt.Lang) string {
	if v != v {
		return frfmt.NoData(l)
	}
	return frfmt.Number(v, decimalsFor(v), l)
}

// unit is the indicator's unit: the registry's ("entreprises" / "firms"),
// else the file's, else firms.
func (a *App) unit() string {
	in, ok := indicator.Lookup(a.ind.ID)
	if !ok && a.ind.Unit != "" && a.ind.Unit != "entreprises" {
		return a.ind.Unit
	}
	return indicator.UnitText(in.Unit, a.lang())
}

// metricTitle names the metric for titles and legends.
func (a *App) metricTitle() string {
	if l := a.spanLabel(); l != "" {
		return a.t("mNew") + " (" + l + ")"
	}
	return a.metricName(a.st.Metric)
}

// metricName names metric m for the shown indicator's kind.
func (a *App) metricName(m string) string {
	ms, _ := indicator.MeasureOf(m)
	switch ms.Compute {
	case indicator.Published:
		return a.t(a.valueKey())
	case indicator.OfTarget:
		return a.t(a.targetKey())
	}
	return a.t(ms.Label)
}

// monthLabel returns "novembre 2022".
//
//go:noinline
func (a *App) monthLabel(m barometre.Month) string {
	return frfmt.Month(m, a.lang())
}

// rank returns the 1-based rank of department i for the current values
// (highest first) and how many departments have a value; 0 when none.
func (a *App) rank(i int) (int, int) {
	v := a.vals[i]
	n := 0
	r := 1
	for _, x := range a.vals {
		if x != x {
			continue
		}
		n++
		if x > v {
			r++
		}
	}
	if v != v {
		return 0, n
	}
	return r, n
}

// flagged reports whether department i's series has a quality problem.
func (a *App) flagged(i int) bool {
	sr := a.ser[i]
	if sr == nil {
		return false
	}
	if len(sr.Missing) > 0 {
		return true
	}
	if !a.kind.DecreaseIsProblem() {
		return false // a rate or a count « dans l'année » may go down
	}
	for _, d := range a.ind.Decreases {
		if d.Dept == sr.Dept && d.Before > 0 && (d.Before-d.After)/d.Before >= qualityDrop {
			return true
		}
	}
	return false
}

// qualityDrop is the fall of a running total, from one published month to
// the next, from which its series is hatched « à vérifier ». Smaller falls
// are the ordinary revisions of the published counts (the chèques have
// 155, in 95 departments, none over 3,3 %); the diagnostics' larger ones
// (up to 59 %) are what a reader should check before quoting a figure.
const qualityDrop = 0.05

// roundedBreaks returns the scale's breaks with at most 3 decimals, as a
// starting point for manual breaks.
func roundedBreaks(b []float64) []float64 {
	r := make([]float64, len(b))
	for i, v := range b {
		r[i] = math.Round(v*1000) / 1000
	}
	return r
}

// ascending reports whether b is strictly ascending (as manual breaks must
// be); rounding may have merged two breaks.
func ascending(b []float64) bool {
	for i := 1; i < len(b); i++ {
		if !(b[i] > b[i-1]) {
			return false
		}
	}
	return true
}

// noEq makes a view type incomparable: Go then generates no equality
// function for it, which in wasm costs code for every such type (the views
// are never compared). It is zero-sized; put it first (a last zero-size
// field is padded).
type noEq [0]func()
