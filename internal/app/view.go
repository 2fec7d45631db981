package app

import (
	"math"
	"strconv"

	"francenum-map/internal/barometre"
	"francenum-map/internal/carto"
	"francenum-map/internal/classify"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"
	"francenum-map/internal/source"
	"francenum-map/internal/viewstate"
)

// Drawing is the static map, built once: the drawing's size, one path per
// department in geometry order, the label points, the inset frames and the
// <defs> (hatch patterns) sized for a map about 800 px wide.
type Drawing struct {
	W, H   float64
	Codes  []string
	Names  []string
	Paths  []string  // SVG path data per department (nil from DrawingFor when the page has them)
	LabelX []float64 // label point per department, rounded
	LabelY []float64
	Frames []Frame
	// Defs is the inner markup of the map's <defs>.
	Defs string
	// LabelSize is the font size of the inset names (11 px at 800 px).
	LabelSize float64
}

// Frame is one overseas inset: its frame path, the department and where
// its name is written.
type Frame struct {
	_             noEq
	D, Code, Name string
	X, Y          float64
}

// Drawing returns the static map.
func (a *App) Drawing() Drawing { return a.drawing(true) }

// DrawingFor returns the static map for a page that holds the build-time
// map drawn from the geometry whose ID is pageGeo ("" for none): when that
// is a's geometry (GeoID), without the path data (Paths nil), which the
// page already has, in the same order; else the whole Drawing. Formatting
// the 101 outlines is a third of what a cold load's first render runs.
func (a *App) DrawingFor(pageGeo string) Drawing {
	return a.drawing(pageGeo == "" || pageGeo != a.geoID)
}

func (a *App) drawing(paths bool) Drawing {
	g := a.geo
	n := len(g.Departments)
	d := Drawing{W: g.Width, H: g.Height, Codes: make([]string, n), Names: make([]string, n),
		LabelX: make([]float64, n), LabelY: make([]float64, n)}
	if paths {
		d.Paths = make([]string, n)
	}
	var buf []byte
	for i := range g.Departments {
		dep := &g.Departments[i]
		d.Codes[i], d.Names[i] = dep.Code, dep.Name
		if paths {
			buf = carto.AppendPathData(buf[:0], dep.Geometry)
			d.Paths[i] = string(buf)
		}
		d.LabelX[i], d.LabelY[i] = math.Round(dep.Label[0]), math.Round(dep.Label[1])
	}
	for _, in := range g.Insets {
		d.Frames = append(d.Frames, Frame{D: carto.FramePath(in.Frame), Code: in.Code, Name: in.Name,
			X: math.Round(in.Frame.Min[0] + g.Width*0.006), Y: math.Round(in.Frame.Max[1] - g.Width*0.008)})
	}
	u := g.Width / 800 // drawing units per pixel on a ~800 px wide map
	d.Defs = classify.PatternDefs(u)
	d.LabelSize = math.Round(11 * u)
	return d
}

// View is everything the map, its legend and controls show for the
// current state; reading it changes nothing.
type View struct {
	// Query is the state as a URL query (without "?"), canonical.
	Query string
	// IndVersion changes when the indicator list may have changed.
	IndVersion int
	// State is the state shown: the indicator and the month resolved
	// against the data (what the controls and the embedding page see);
	// Date is its month ("2022-11") and Breaks its manual breaks ("50,100",
	// "" unless manual), as the URL writes them.
	State        State
	Date, Breaks string
	// BreaksText is the manual breaks as the box shows them in the page's
	// language (« 80,5 ; 120 »); BreaksError why the text typed last was
	// refused ("" when it was kept).
	BreaksText, BreaksError string
	// Month is the month shown, MonthIndex its position on the slider of
	// MonthCount months; Present tells the months with data.
	Month      MonthView
	MonthCount int
	Present    []bool
	// Title is "indicator — measure — month"; IndName, MetricTitle and
	// MonthName its parts. Source is the dated source line.
	Title, IndName, MetricTitle, MonthName, Source string
	// UserFile names the user's file the shown data comes from ("" for
	// the published data): a link or an embed shows the published data.
	UserFile string
	// Heading and Subtitle are the page's header: the policy (`mesure`)
	// and the indicator's label, or the France Num header for its two
	// indicators; HeadingFR says they are the publisher's French whatever
	// the interface language (the page marks them lang="fr").
	Heading, Subtitle string
	HeadingFR         bool
	// Metrics are the #metric choices that make sense for the indicator's
	// kind: value and name.
	Metrics [][2]string
	// Class is the class of each department (-1 no data), Aria its
	// accessible name ("Ain (01) : 85,6 %"); Fill(i) its fill.
	Class []int
	Aria  []string
	// ClassFills is the fill of each class and NoDataFill the fill without
	// data.
	ClassFills []string
	NoDataFill string
	// Radii are the circle radii (counts only, else nil), in drawing units.
	Radii []float64
	// Flags mark the departments with a quality problem (quality on, else
	// nil).
	Flags  []bool
	Legend Legend
}

// Legend is the legend of the view.
type Legend struct {
	Title string
	// Items are the classes, lowest first.
	Items  []LegendItem
	NoData LegendItem
	// Circles are the reference circles of the counts' key (else nil,
	// and then Items is empty: with circles every department has the same
	// neutral fill, so class swatches would match nothing on the map).
	// The key is laid out by classify.NewCircleKey in drawing units, with
	// the map's own radius scale: KeyCX is the circles' centre x, KeyLabelX
	// where labels start, KeyW and KeyH its box, KeyFont its font size.
	Circles                               []RefCircle
	KeyCX, KeyLabelX, KeyW, KeyH, KeyFont float64
	Note                                  string
	// Quality is the hatching's key when the quality toggle is on: what it
	// marks and how many departments ("" when off).
	Quality string
}

// LegendItem is one class of the legend.
type LegendItem struct {
	_                  noEq
	Class              int
	Color, Label, Long string
	Count              int
}

// RefCircle is one reference circle of the count legend: its value,
// radius, centre y and label baseline, in drawing units.
type RefCircle struct {
	_                    noEq
	Value, R, CY, LabelY float64
	Label                string
}

// maxRadius is the radius, in drawing units, of the largest circle: 4 %
// of the drawing's width.
func (a *App) maxRadius() float64 { return math.Round(a.geo.Width * 0.04) }

// radii returns the circle radius of each department at month m, rounded
// to 0.1 (0 without a value).
func (a *App) radii(m barometre.Month) []float64 {
	out := make([]float64, len(a.ser))
	if a.vmax <= 0 {
		return out
	}
	for i := range out {
		if c := a.cumulative(i, m); c == c {
			out[i] = math.Round(classify.Radius(c, a.vmax, a.maxRadius())*10) / 10
		}
	}
	return out
}

// classFills returns the fill of each class: its colour, or the neutral
// fill when counts are drawn as circles.
func (a *App) classFills() []string {
	colors := a.scale.Colors()
	if !a.circles() {
		return colors
	}
	out := make([]string, len(colors))
	for i := range out {
		out[i] = classify.NeutralFill
	}
	return out
}

// View returns the view of the current state.
func (a *App) View() View {
	s := a.st
	m := a.month()
	n := len(a.cls)
	v := View{Query: s.Encode(), IndVersion: a.indVersion, State: s,
		Month: a.monthView(a.monthIndex(), a.cls), MonthCount: len(a.months), Present: a.present,
		IndName: a.indicatorName(a.ind), MetricTitle: a.metricTitle(), MonthName: a.monthLabel(m),
		Class: a.cls, Aria: make([]string, n), Metrics: a.metricOptions(),
		ClassFills: a.classFills(), NoDataFill: classify.NoDataFill}
	v.State.Date = m
	v.State.Ind = a.ind.ID
	v.Date = m.String()
	if s.Scheme == viewstate.SchemeManual {
		v.Breaks = viewstate.FormatBreaks(s.Breaks)
		v.BreaksText = classify.FormatBreaks(s.Breaks, a.lang())
	}
	if a.breaksErr != nil {
		v.BreaksError = a.breaksErr.Message(a.lang())
	}
	v.Title = v.IndName + " — " + v.MetricTitle + " — " + v.MonthName
	v.Heading, v.Subtitle = a.t("title"), a.t("subtitle")
	if _, ok := indicator.Lookup(a.ind.ID); !ok && a.ind.Mesure != "" {
		v.Heading, v.Subtitle, v.HeadingFR = a.ind.Mesure, a.indicatorName(a.ind), true
	}
	v.Source, v.UserFile = a.sourceLine()
	// The accessible names share one string: one allocation, not 101.
	buf := make([]byte, 0, n*40)
	ends := make([]int, n)
	for i := range a.cls {
		d := &a.geo.Departments[i]
		buf = append(append(append(append(buf, d.Name...), " ("...), d.Code...), ") : "...)
		buf = append(buf, a.fmtValue(a.vals[i], s.Metric)...)
		ends[i] = len(buf)
	}
	all, start := string(buf), 0
	for i, e := range ends {
		v.Aria[i], start = all[start:e], e
	}
	if a.circles() {
		v.Radii = a.radii(m)
	}
	nf := 0
	if s.Quality {
		v.Flags = make([]bool, n)
		for i := range v.Flags {
			v.Flags[i] = a.flagged(i)
			if v.Flags[i] {
				nf++
			}
		}
	}
	v.Legend = a.legend(v.ClassFills)
	if s.Quality {
		// The key says what the hatching means, and how many it marks.
		key := "qualityKey"
		if nf == 0 {
			key = "qualityNone"
		}
		v.Legend.Quality = a.f(key, strconv.Itoa(nf))
	}
	return v
}

// Fill is the fill of department i: its class's, or the no-data hatch.
func (v *View) Fill(i int) string {
	if c := v.Class[i]; c >= 0 && c < len(v.ClassFills) {
		return v.ClassFills[c]
	}
	return v.NoDataFill
}

// sourceLine is the shown indicator's dated source line: the publisher's
// (naming the policy for any indicator but France Num's two, whose page
// header names it), or the user's file its data came from, with that
// file's name ("" for the published data).
func (a *App) sourceLine() (line, userFile string) {
	l, d := a.lang(), a.dataDate()
	if name, ok := a.userFiles[a.ind.ID]; ok {
		return source.File(l, name, d), name
	}
	if _, ok := indicator.Lookup(a.ind.ID); !ok && a.ind.Mesure != "" {
		return source.Policy(l, d, a.ind.Mesure), ""
	}
	return source.Line(l, d), ""
}

// legend builds the legend with the class fills.
func (a *App) legend(fills []string) Legend {
	s := a.st
	l := a.lang()
	f := classify.Format{Lang: l}
	ms, _ := indicator.MeasureOf(s.Metric)
	f.Decimals = ms.Decimals
	if ms.Format == indicator.AsPercent {
		f.Unit = classify.Percent
	}
	if ms.Compute == indicator.Published && !a.summable() {
		f.Decimals = 1 // rates and averages: 12,5 (the unit in the title)
	}
	// A rate's labels carry their unit (« ≥ 88,0 % », not « ≥ 88,0 »):
	// the baromètre's rates are in « % », « % de déploiement », …
	inUnit := ms.Format == indicator.AsUnit || ms.Format == indicator.AsSigned
	if u := a.unit(); inUnit && len(u) > 0 && u[0] == '%' {
		f.Unit = classify.Percent
	}
	// Typed breaks print as typed: « 80,5 » must not read « 81 % ».
	if s.Scheme == viewstate.SchemeManual {
		f.AsTyped, f.Decimals = true, 0
	}
	lg := a.scale.Legend(a.vals, f)
	circles := a.circles()
	out := Legend{Title: a.metricTitle(), NoData: LegendItem{Class: -1, Color: classify.NoDataFill, Label: lg.NoData.Label, Long: lg.NoData.Label, Count: lg.NoData.Count}}
	if inUnit {
		out.Title += " (" + a.unit() + ")"
	}
	for _, it := range lg.Items {
		if circles {
			break // the circle key below instead
		}
		c := it.Color
		if it.Class >= 0 && it.Class < len(fills) {
			c = fills[it.Class]
		}
		out.Items = append(out.Items, LegendItem{Class: it.Class, Color: c, Label: it.Label, Long: it.Long, Count: it.Count})
	}
	note := ""
	switch {
	case ms.Diverging:
		note = a.t("noteDiverging")
		if a.scale.Capped {
			note += a.t("semicolon") + a.t("capped") + " (≥ " + frfmt.Percent(a.scale.Opts.Cap, 0, l) + ")"
		}
		note += "."
	case circles:
		note = a.t("circles") + "."
		if !a.kind.Cumulative {
			note = a.t("circlesValue") + "."
		}
		// The key's font: 16 px on an 800 px map, about 11 px on the
		// ~550 px the desktop page gives the map.
		fs := math.Round(16 * a.geo.Width / 800)
		k := classify.NewCircleKey(nil, a.vmax, a.maxRadius(), fs, classify.Format{Lang: l})
		for _, it := range k.Items {
			out.Circles = append(out.Circles, RefCircle{Value: it.Value, R: it.R, CY: it.CY, LabelY: it.LabelY, Label: it.Label})
		}
		out.KeyCX, out.KeyLabelX, out.KeyW, out.KeyH, out.KeyFont = k.CX, k.LabelX, k.Width, k.Height, fs
	}
	switch {
	case s.Scheme == viewstate.SchemeManual:
		note += a.t("noteManual")
	case s.Metric == metricNew:
		note += a.t("noteAllMonths")
	default:
		note += a.t("noteLatest")
	}
	out.Note = note
	return out
}
