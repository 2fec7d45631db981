package app

import (
	"errors"
	"math"
	"strings"

	"francenum-map/internal/barometre"
	"francenum-map/internal/classify"
	"francenum-map/internal/dept"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/indicator"
	"francenum-map/internal/series"
)

// Size note: small helpers called from many sites (T, lang, month,
// monthLabel, cumulative, itoa, xmlEsc…) are marked go:noinline. In wasm
// each inlined copy costs code: together 6 KB brotli of app.wasm, for no
// measurable time (BenchmarkRender/BenchmarkMonth under GOOS=js).

func nan() float64 { return math.NaN() }

// App is the browser app's state and data: the geometry, the data model and
// the current view state. Methods return JSON strings for the shell.
type App struct {
	geo   *geoasset.Asset
	model *series.Model
	st    State
	// Notices from the last URL decoded or resolved, shown once.
	notices []Notice

	// Sort of the table: column key and direction.
	sortKey  string
	sortDesc bool

	// Derived from st, recomputed by resolve when the indicator changes.
	ind     *series.Indicator
	months  []barometre.Month // first..last calendar month of the indicator
	present []bool            // month has at least one departmental value
	dateOf  map[barometre.Month]series.Date
	ser     []*series.Series // per geo department, nil when absent

	// Scale cache: the breaks stay fixed while the month changes.
	scaleKey string
	scale    classify.Scale
	vmax     float64 // largest value over all months (circle sizes)

	vals []float64 // current values per geo department
	cls  []int     // current classes

	// files are the parsed detail, synthese and national files the model
	// was built from; a user's file replaces one of them.
	files [3]*barometre.File
	// indVersion changes when the indicator list may have changed.
	indVersion int
}

// New decodes the geometry asset and the three data files. detail is
// required; synthese and national may be empty (the map then lacks targets
// or national totals and says so).
func New(geo, detail, synthese, national []byte) (*App, error) {
	a, err := geoasset.Decode(geo)
	if err != nil {
		return nil, errors.New("geometry: " + err.Error())
	}
	var files [3]*barometre.File
	for i, b := range [][]byte{detail, synthese, national} {
		if len(b) == 0 {
			if i == 0 {
				return nil, errors.New("detail: empty file")
			}
			continue
		}
		f, err := barometre.Parse(b)
		if err != nil {
			return nil, errors.New([]string{"detail", "synthese", "national"}[i] + ": " + err.Error())
		}
		files[i] = f
	}
	m := series.New()
	for _, f := range files {
		if f != nil {
			m.Add(f)
		}
	}
	if len(m.Indicators) == 0 {
		return nil, errors.New("detail: no indicator")
	}
	app := &App{geo: a, model: m, sortKey: "value", sortDesc: true, files: files}
	app.st = Default()
	app.resolve()
	return app, nil
}

// Geo returns the decoded geometry.
func (a *App) Geo() *geoasset.Asset { return a.geo }

// State returns the current state.
func (a *App) State() State { return a.st }

// SetQuery replaces the state from a URL query string; notices about values
// not understood are kept for the next render.
func (a *App) SetQuery(q string) {
	s, notes := Decode(q)
	a.st = s
	a.notices = append(a.notices[:0], notes...)
	a.resolve()
}

// Set changes one state field from a control ("ind", "metric", "date",
// "scheme", "classes", "breaks", "lang", "quality", "embed"), or pins
// ("pin", "unpin" a code; "clear" all). Invalid values are ignored.
func (a *App) Set(key, value string) {
	s := a.st
	switch key {
	case "pin":
		if c, ok := dept.Normalize(value); ok && !contains(s.Deps, c) {
			if len(s.Deps) >= MaxPinned {
				s.Deps = s.Deps[1:]
			}
			s.Deps = append(append([]string{}, s.Deps...), c)
		}
	case "toggle":
		if c, ok := dept.Normalize(value); ok && contains(s.Deps, c) {
			a.Set("unpin", c)
			return
		}
		a.Set("pin", value)
		return
	case "unpin":
		out := make([]string, 0, len(s.Deps))
		for _, d := range s.Deps {
			if d != value {
				out = append(out, d)
			}
		}
		s.Deps = out
	case "clear":
		s.Deps = nil
	case "monthIndex":
		i := atoi(value)
		if i >= 0 && i < len(a.months) {
			s.Date = a.months[i]
		}
	case "sort":
		if a.sortKey == value {
			a.sortDesc = !a.sortDesc
		} else {
			a.sortKey, a.sortDesc = value, value != "code" && value != "name" && value != "region"
		}
		return
	default:
		cur := s.Encode()
		q := setParam(cur, key, value)
		ns, notes := Decode(q)
		if len(notes) > 0 {
			return
		}
		if key == "scheme" && value == SchemeManual && len(ns.Breaks) == 0 {
			return
		}
		if key == "ind" && ns.Ind != s.Ind {
			ns.Date = 0 // a new indicator starts on its latest month
		}
		s = ns
	}
	a.st = s
	a.resolve()
}

// setParam replaces (or adds) key=value in a query string.
func setParam(q, key, value string) string {
	var parts []string
	if q != "" {
		for _, p := range strings.Split(q, "&") {
			k, _, _ := strings.Cut(p, "=")
			if k != key && !(key == "scheme" && value != SchemeManual && k == "breaks") {
				parts = append(parts, p)
			}
		}
	}
	if key == "breaks" {
		parts = append(parts, "scheme=manual")
		kept := parts[:0]
		seen := false
		for _, p := range parts {
			if strings.HasPrefix(p, "scheme=") {
				if seen {
					continue
				}
				p, seen = "scheme=manual", true
			}
			kept = append(kept, p)
		}
		parts = kept
	}
	parts = append(parts, key+"="+escape(value))
	return strings.Join(parts, "&")
}

func atoi(s string) int {
	n := 0
	if s == "" {
		return -1
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n > 1e6 {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// resolve checks the state against the data (indicator, month) and
// recomputes what depends on the indicator.
func (a *App) resolve() {
	s := &a.st
	ind := a.model.Indicator(s.Ind)
	if ind == nil || len(ind.Dates) == 0 {
		if s.Ind != Default().Ind && s.Ind != "" {
			a.notices = append(a.notices, Notice{Key: "ind", Value: s.Ind})
		}
		ind = a.model.Indicator(Default().Ind)
		if ind == nil || len(ind.Dates) == 0 {
			for _, x := range a.model.Indicators {
				if len(x.Dates) > 0 {
					ind = x
					break
				}
			}
		}
		if ind == nil {
			ind = a.model.Indicators[0]
		}
		s.Ind = ind.ID
		if s.Ind == Default().Ind {
			s.Ind = Default().Ind
		}
	}
	if ind != a.ind {
		a.ind = ind
		a.months = a.months[:0]
		a.present = a.present[:0]
		a.dateOf = map[barometre.Month]series.Date{}
		for _, d := range ind.Dates {
			a.dateOf[d.Month()] = d
		}
		if len(ind.Dates) > 0 {
			first, last := ind.Dates[0].Month(), ind.Dates[len(ind.Dates)-1].Month()
			for m := first; m <= last; m++ {
				a.months = append(a.months, m)
				_, ok := a.dateOf[m]
				a.present = append(a.present, ok)
			}
		}
		a.ser = make([]*series.Series, len(a.geo.Departments))
		for i := range a.geo.Departments {
			a.ser[i] = ind.Depts[a.geo.Departments[i].Code]
		}
		a.scaleKey = ""
	}
	if s.Metric == MetricTarget && !a.hasTargets() {
		// An indicator without targets (a user's file) cannot show % of
		// target: show the counts instead, and say so.
		a.notices = append(a.notices, Notice{Key: "metric", Value: MetricTarget})
		s.Metric = MetricCount
	}
	if s.Date != 0 {
		if _, ok := a.dateOf[s.Date]; !ok && (len(a.months) == 0 || s.Date < a.months[0] || s.Date > a.months[len(a.months)-1]) {
			a.notices = append(a.notices, Notice{Key: "date", Value: s.Date.String()})
			s.Date = 0
		}
	}
	if s.Date == 0 && len(a.months) > 0 {
		// Date stays 0 in the URL (latest) but resolves for display.
	}
	a.compute()
}

// hasTargets reports whether some department of the indicator has a
// positive target.
func (a *App) hasTargets() bool {
	for _, sr := range a.ser {
		if target(sr) > 0 {
			return true
		}
	}
	return false
}

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

// value returns the metric value of department i at month m (NaN when
// absent).
func (a *App) value(i int, m barometre.Month, metric string) float64 {
	if metric == MetricNew {
		s := a.ser[i]
		d, ok := a.dateOf[m]
		if s == nil || !ok {
			return nan()
		}
		delta, _, ok := s.Increment(d)
		if !ok {
			return nan()
		}
		return delta
	}
	v := a.cumulative(i, m)
	if v != v {
		return v
	}
	switch metric {
	case MetricTarget:
		t := target(a.ser[i])
		if !(t > 0) {
			return nan()
		}
		return v / t * 100
	case MetricPer10k:
		p := a.geo.Departments[i].Population
		if p <= 0 {
			return nan()
		}
		return v / float64(p) * 10000
	}
	return v
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
	key := a.ind.ID + "|" + s.Metric + "|" + s.Scheme + "|" + itoa(s.Classes) + "|" + formatBreaks(s.Breaks)
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
				if s.Metric != MetricNew && m != last {
					continue
				}
				if v := a.value(i, m, s.Metric); v == v {
					all = append(all, v)
				}
			}
		}
		method := classify.Quantile // the state holds one of the four names
		switch s.Scheme {
		case SchemeJenks:
			method = classify.Jenks
		case SchemeEqual:
			method = classify.Equal
		case SchemeManual:
			method = classify.Manual
		}
		opts := classify.Options{Method: method, Classes: s.Classes, Manual: s.Breaks}
		if s.Metric == MetricTarget {
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
	m := a.month()
	if cap(a.vals) < len(a.ser) {
		a.vals = make([]float64, len(a.ser))
	}
	a.vals = a.vals[:len(a.ser)]
	metric := a.st.Metric
	for i := range a.ser {
		a.vals[i] = a.value(i, m, metric)
	}
	a.cls, _, _ = a.scale.ClassAll(a.vals, a.cls)
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

// unitOf returns the unit phrase of the metric.
func (a *App) fmtValue(v float64, metric string) string {
	l := a.lang()
	if v != v {
		return frfmt.NoData(l)
	}
	switch metric {
	case MetricTarget:
		return frfmt.Percent(v, 1, l)
	case MetricPer10k:
		return frfmt.Per10k(v, 1, l)
	case MetricNew:
		return frfmt.Signed(v, decimalsFor(v), l) + " " + a.unit()
	}
	return frfmt.Number(v, decimalsFor(v), l) + " " + a.unit()
}

func decimalsFor(v float64) int {
	if v == math.Trunc(v) {
		return 0
	}
	return 1
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
	return T(a.st.Lang, map[string]string{MetricTarget: "mTarget", MetricPer10k: "mPer10k", MetricCount: "mCount", MetricNew: "mNew"}[a.st.Metric])
}

// monthLabel returns "novembre 2022".
//
//go:noinline
func (a *App) monthLabel(m barometre.Month) string {
	return frfmt.Month(m, a.lang())
}
