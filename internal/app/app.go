// Package app is the browser app's pure logic over the data model: it
// holds the geometry, the model built from the published files and the
// view state, and returns typed views of what to draw (View, MonthView,
// Panels, Tip, FileReport…). It writes no JSON and no DOM: wasm/app encodes
// the views for the page's script, internal/prerender draws them at build
// time and internal/export writes them as CSV and SVG. Reading a view
// changes nothing; the state changes only through Apply (and the
// typed actions built on it).
package app

import (
	"errors"
	"math"
	"strings"

	"francenum-map/internal/barometre"
	"francenum-map/internal/classify"
	"francenum-map/internal/dept"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/indicator"
	"francenum-map/internal/place"
	"francenum-map/internal/series"
	"francenum-map/internal/viewstate"
)

// Size note: small helpers called from many sites (lang, month, monthLabel,
// cumulative, itoa…) are marked go:noinline. In wasm each inlined copy
// costs code: together 6 KB brotli of app.wasm, for no measurable time
// (BenchmarkRender/BenchmarkMonth under GOOS=js).

func nan() float64 { return math.NaN() }

// State and Notice are the view state's (package viewstate).
type (
	State  = viewstate.State
	Notice = viewstate.Notice
	Patch  = viewstate.Patch
)

// App is the browser app's state and data: the geometry, the data model and
// the current view state.
type App struct {
	geo   *geoasset.Asset
	geoID string // geoasset.ID of the geometry's bytes
	model *series.Model
	st    State

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
	// was built from; a user's file replaces one of them. extra are the
	// indicators' files added since (AddFiles), kept when a user's file
	// rebuilds the model.
	files [3]*barometre.File
	extra []*barometre.File
	// kind is what the map may do with the shown indicator's values
	// (resolve sets it with the indicator).
	kind indicator.Kind
	// indVersion changes when the indicator list may have changed.
	indVersion int
	// reports are the user's files' results, rendered again on a
	// language switch (filereport.go).
	reports []fileResult
	// userFiles names, per indicator id, the user's file its data now
	// comes from: the view's source line credits that file, not the
	// publisher.
	userFiles map[string]string
	// sums caches the departments' sum per date of the shown indicator
	// (the share); resolve drops it with the indicator.
	sums map[series.Date]float64
	// place is the search index (search.go), built on first use.
	place *place.Index
	// breaksErr is why the breaks typed last were refused (nil when
	// they were kept); the box keeps the text and shows the message.
	breaksErr *classify.BreakError
	// manual are the manual breaks of the metrics left while manual
	// (breaks.go): each metric keeps its own.
	manual []metricBreaks
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
			return nil, errors.New(fileNames[i] + ": " + err.Error())
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
	app := &App{geo: a, geoID: geoasset.ID(geo), model: m, sortKey: "value", sortDesc: true, files: files}
	app.st = viewstate.Default()
	app.resolve(false)
	return app, nil
}

// fileNames name the three files in errors.
var fileNames = [...]string{"detail", "synthese", "national"}

// Geo returns the decoded geometry.
func (a *App) Geo() *geoasset.Asset { return a.geo }

// GeoID is the geoasset.ID of the geometry file a was built from.
func (a *App) GeoID() string { return a.geoID }

// State returns the current state.
func (a *App) State() State { return a.st }

// SetQuery replaces the state from a URL query string (the URL is read at
// this edge only) and returns the notices about values not understood or
// not in the data.
func (a *App) SetQuery(q string) []Notice {
	s, notes := viewstate.Decode(q)
	a.st = s
	return a.resolve(strings.Contains(q, "metric="), notes...)
}

// Apply changes the state by p and returns the notices about values that
// could not be kept. It is the one way the state changes: the URL decoder,
// the page's controls (Act) and the embedding page's francenum:set all
// come through it. Manual classes chosen without breaks start from the
// breaks shown.
func (a *App) Apply(p Patch) []Notice {
	if p.Set == viewstate.FDate && a.st.Date != p.To.Date {
		if i := a.indexOf(p.To.Date); i >= 0 {
			// The month slider's hot path: the scale is fixed, only the
			// values change.
			a.st.Date = p.To.Date
			a.computeValues()
			return nil
		}
	}
	a.breaksErr = nil
	if p.Set&viewstate.FMetric != 0 && p.To.Metric != a.st.Metric && a.st.Scheme == viewstate.SchemeManual &&
		p.Set&viewstate.FBreaks == 0 && (p.Set&viewstate.FScheme == 0 || p.To.Scheme == viewstate.SchemeManual) {
		return a.switchManualMetric(p)
	}
	if p.Set&viewstate.FScheme != 0 && p.To.Scheme == viewstate.SchemeManual && p.Set&viewstate.FBreaks == 0 && len(a.st.Breaks) == 0 {
		if b := roundedBreaks(a.scale.Breaks); ascending(b) {
			p.Set |= viewstate.FBreaks
			p.To.Breaks = b
		}
	}
	s, notes := a.st.Apply(p)
	a.st = s
	return a.resolve(p.Set&viewstate.FMetric != 0, notes...)
}

// PinsFull is the Value of the notice Act returns when a pin is refused
// because MaxPinned departments are pinned already.
const PinsFull = "full"

// Act is a control of the page: "pin", "unpin", "toggle" a department
// code (a pin beyond viewstate.MaxPinned is refused with the notice
// {dep, PinsFull}, the pins unchanged), "clear" the pins, "monthIndex" (position on the slider), "sort"
// the table by a column, or any URL key of the state with its value as
// the URL writes it. Values not understood change nothing and come back
// as notices.
func (a *App) Act(key, value string) []Notice {
	var p Patch
	switch key {
	case "pin", "unpin", "toggle", "clear":
		c, _ := dept.Normalize(value)
		on := false
		out := make([]string, 0, len(a.st.Deps)+1)
		for _, d := range a.st.Deps {
			if d == c {
				on = true
			} else {
				out = append(out, d)
			}
		}
		if key == "pin" && on {
			return nil
		}
		if c != "" && (key == "pin" || key == "toggle" && !on) {
			if len(out) >= viewstate.MaxPinned {
				// Full: nothing is dropped behind the reader's back; the
				// page says so and lets them remove one.
				return []Notice{{Key: "dep", Value: PinsFull}}
			}
			out = append(out, c)
		}
		if key == "clear" {
			out = nil
		}
		p.Set, p.To.Deps = viewstate.FDeps, out
	case "monthIndex":
		return a.SetMonthIndex(atoi(value))
	case "breaks":
		// The box's text, in the page's language (« 80,5 ; 120 »), not
		// the URL's form: refused with the reason, the map unchanged.
		b, err := classify.ParseBreaks(value, a.lang(), a.scale.Min, a.scale.Max)
		if err != nil {
			a.breaksErr = err
			return nil
		}
		p.Set, p.To.Breaks = viewstate.FBreaks, b
	case "sort":
		if a.sortKey == value {
			a.sortDesc = !a.sortDesc
		} else {
			a.sortKey, a.sortDesc = value, value != "code" && value != "name" && value != "region"
		}
		return nil
	default:
		if !p.Parse(key, value) {
			return []Notice{{Key: key, Value: value}}
		}
	}
	return a.Apply(p)
}

// SetMonthIndex shows month i of the indicator's months (the last when i is
// out of range).
func (a *App) SetMonthIndex(i int) []Notice {
	if i < 0 || i >= len(a.months) {
		i = len(a.months) - 1
	}
	if i < 0 {
		return nil
	}
	var p Patch
	p.Set, p.To.Date = viewstate.FDate, a.months[i]
	return a.Apply(p)
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// indexOf returns the position of month m on the indicator's months, -1
// when outside.
func (a *App) indexOf(m barometre.Month) int {
	if len(a.months) == 0 || m < a.months[0] || m > a.months[len(a.months)-1] {
		return -1
	}
	return int(m - a.months[0])
}

// resolve checks the state against the data (indicator, metric, month),
// recomputes what depends on the indicator, and returns notes plus its own
// notices. A metric that makes no sense for the indicator (a rate per
// inhabitant, % of target without targets) becomes the indicator's
// default; the notice says so only when asked is true (the URL or the
// change asked for that metric), never for a metric merely carried over
// from the previous indicator.
func (a *App) resolve(asked bool, notes ...Notice) []Notice {
	s := &a.st
	def := viewstate.Default().Ind
	ind := a.model.Indicator(s.Ind)
	if ind == nil || len(ind.Dates) == 0 {
		if s.Ind != def && s.Ind != "" {
			notes = append(notes, Notice{Key: "ind", Value: s.Ind})
		}
		ind = a.model.Indicator(def)
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
	}
	if ind != a.ind {
		a.ind, a.sums = ind, nil // a new indicator, or its data rebuilt
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
		a.kind = kindOf(ind, a.hasTargets())
	}
	if !a.kind.Allows(s.Metric) {
		if asked {
			notes = append(notes, Notice{Key: "metric", Value: s.Metric})
		}
		s.Metric = a.kind.DefaultMetric()
	}
	if s.Date != 0 && a.indexOf(s.Date) < 0 {
		// Date 0 stays in the URL (latest) and resolves for display.
		notes = append(notes, Notice{Key: "date", Value: s.Date.String()})
		s.Date = 0
	}
	a.compute()
	return notes
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
