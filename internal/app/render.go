package app

import (
	"francenum-map/internal/source"
	"math"

	"francenum-map/internal/carto"
	"francenum-map/internal/classify"
	"francenum-map/internal/frfmt"
)

// NeutralFill is the fill of departments when the metric is drawn as
// proportional circles (raw counts are never a choropleth by default).
const NeutralFill = "#eceef6"

// maxRadius is the radius, in drawing units, of the largest circle: 4 %
// of the drawing's width.
func (a *App) maxRadius() float64 { return math.Round(a.geo.Width * 0.04) }

// InitJSON describes the static drawing, built once by the shell: viewBox,
// one path per department (all path data in one "|"-separated string),
// codes, names, label points, inset frames, the indicator list and the
// interface strings.
func (a *App) InitJSON() string {
	g := a.geo
	var w jw
	w.obj().kn("w", g.Width).kn("h", g.Height)
	var paths []byte
	for i := range g.Departments {
		if i > 0 {
			paths = append(paths, '|')
		}
		paths = carto.AppendPathData(paths, g.Departments[i].Geometry)
	}
	w.key("paths").str(string(paths))
	w.key("codes").arr()
	for i := range g.Departments {
		w.str(g.Departments[i].Code)
	}
	w.endArr().key("names").arr()
	for i := range g.Departments {
		w.str(g.Departments[i].Name)
	}
	w.endArr().key("lx").arr()
	for i := range g.Departments {
		w.num(math.Round(g.Departments[i].Label[0]))
	}
	w.endArr().key("ly").arr()
	for i := range g.Departments {
		w.num(math.Round(g.Departments[i].Label[1]))
	}
	w.endArr().key("frames").arr()
	for _, in := range g.Insets {
		w.obj().ks("d", carto.FramePath(in.Frame)).ks("code", in.Code).ks("name", in.Name).
			kn("x", math.Round(in.Frame.Min[0]+g.Width*0.006)).kn("y", math.Round(in.Frame.Max[1]-g.Width*0.008)).endObj()
	}
	w.endArr()
	w.endObj()
	return w.String()
}

// RenderJSON is the hot path, called on every state change (month, metric,
// classes…): one compact object the shell applies in one pass.
func (a *App) RenderJSON() string {
	var w jw
	w.b = make([]byte, 0, 12<<10)
	s := a.st
	l := a.lang()
	m := a.month()
	w.obj().ks("q", s.Encode()).ki("iv", a.indVersion)
	a.writeState(&w)
	w.ks("lang", s.Lang).kb("embed", s.Embed).kb("quality", s.Quality)
	w.ks("ind", a.ind.ID).ks("metric", s.Metric).ks("scheme", s.Scheme).ki("classes", a.st.Classes).ks("breaks", formatBreaks(s.Breaks))
	w.ks("sb", roundedBreaks(a.scale.Breaks))
	w.ki("mi", a.monthIndex()).ki("mn", len(a.months))
	absent := len(a.present) > 0 && !a.present[a.monthIndex()]
	label := a.monthLabel(m)
	if absent {
		label += " — " + T(s.Lang, "absentMonth")
	}
	w.ks("mlabel", label).kb("absent", absent)
	w.ks("title", a.indicatorName(a.ind)+" — "+a.metricTitle()+" — "+a.monthLabel(m))
	w.ks("source", source.Line(a.lang(), a.dataDate()))
	count := s.Metric == MetricCount
	colors := a.scale.Colors()
	w.key("fills").arr()
	for i, c := range a.cls {
		switch {
		case c < 0:
			w.str(classify.NoDataFill)
		case count:
			w.str(NeutralFill)
		case c < len(colors):
			w.str(colors[c])
		default:
			w.str(classify.NoDataFill)
		}
		_ = i
	}
	w.endArr().key("cls").arr()
	for _, c := range a.cls {
		w.int(c)
	}
	w.endArr().key("aria").arr()
	for i := range a.cls {
		w.str(a.geo.Departments[i].Name + " (" + a.geo.Departments[i].Code + ") : " + a.fmtValue(a.vals[i], s.Metric))
	}
	w.endArr()
	if count {
		w.key("r").arr()
		for i := range a.cls {
			c := a.cumulative(i, m)
			if c != c || a.vmax <= 0 {
				w.int(0)
				continue
			}
			w.num(math.Round(classify.Radius(c, a.vmax, a.maxRadius())*10) / 10)
		}
		w.endArr()
	}
	// Quality flags: departments whose series decreases or misses months.
	if s.Quality {
		w.key("flag").arr()
		for i := range a.cls {
			w.bool(a.flagged(i))
		}
		w.endArr()
	}
	a.writeLegend(&w, l)
	w.key("pinned").arr()
	for _, d := range s.Deps {
		w.str(d)
	}
	w.endArr()
	w.key("notices").arr()
	for _, n := range a.notices {
		w.str(T(s.Lang, "notice") + " : " + n.Key + "=" + n.Value)
	}
	a.notices = a.notices[:0]
	w.endArr()
	w.key("present").arr()
	for _, p := range a.present {
		w.bool(p)
	}
	w.endArr()
	w.endObj()
	return w.String()
}

// writeState writes the state as the postMessage "state" object.
func (a *App) writeState(w *jw) {
	s := a.st
	w.key("state").obj().ks("ind", a.ind.ID).ks("metric", s.Metric).ks("date", a.month().String()).
		ks("scheme", s.Scheme).ki("classes", s.Classes).ks("lang", s.Lang)
	w.key("dep").arr()
	for _, d := range s.Deps {
		w.str(d)
	}
	w.endArr()
	if s.Scheme == SchemeManual {
		w.ks("breaks", formatBreaks(s.Breaks))
	}
	w.endObj()
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
	for _, d := range a.ind.Decreases {
		if d.Dept == sr.Dept {
			return true
		}
	}
	return false
}

func (a *App) legendFormat(l frfmt.Lang) classify.Format {
	f := classify.Format{Lang: l}
	switch a.st.Metric {
	case MetricTarget:
		f.Unit = classify.Percent
	case MetricPer10k:
		f.Decimals = 1
	}
	return f
}

func (a *App) writeLegend(w *jw, l frfmt.Lang) {
	lg := a.scale.Legend(a.vals, a.legendFormat(l))
	s := a.st
	title := a.metricTitle()
	if s.Metric == MetricCount || s.Metric == MetricNew {
		title += " (" + a.unit() + ")"
	}
	w.key("legend").obj().ks("title", title)
	w.key("items").arr()
	for _, it := range lg.Items {
		w.obj().ki("c", it.Class).ks("color", it.Color).ks("label", it.Label).ks("long", it.Long).ki("count", it.Count).endObj()
	}
	w.endArr()
	w.key("nodata").obj().ks("label", lg.NoData.Label).ki("count", lg.NoData.Count).endObj()
	note := ""
	if s.Metric == MetricTarget {
		if s.Lang == "en" {
			note = "Diverging at 100% of the target"
		} else {
			note = "Divergente à 100 % de la cible"
		}
		if a.scale.Capped {
			if s.Lang == "en" {
				note += "; "
			} else {
				note += "\u00a0; " // French puts a no-break space before ';'
			}
			note += T(s.Lang, "capped") + " (≥ " + frfmt.Percent(a.scale.Opts.Cap, 0, l) + ")"
		}
		note += "."
	}
	if s.Metric == MetricCount {
		note = T(s.Lang, "circles") + "."
		w.key("circles").arr()
		for _, v := range classify.RefValues(a.vmax, 3) {
			w.obj().kn("r", math.Round(classify.Radius(v, a.vmax, a.maxRadius())*10)/10).ks("label", frfmt.Number(v, 0, l)).endObj()
		}
		w.endArr().kn("rmax", a.maxRadius())
	}
	switch {
	case s.Scheme == SchemeManual && s.Lang == "en":
		note += " Manual breaks."
	case s.Scheme == SchemeManual:
		note += " Seuils manuels."
	case s.Metric == MetricNew && s.Lang == "en":
		note += " Breaks computed over all months, fixed while the month changes."
	case s.Metric == MetricNew:
		note += " Seuils calculés sur tous les mois, fixes quand le mois change."
	case s.Lang == "en":
		note += " Breaks from the latest month, fixed while the month changes."
	default:
		note += " Seuils du dernier mois, fixes quand le mois change."
	}
	w.ks("note", note)
	w.endObj()
}

// MonthJSON is the hot path of the month slider and of play: it moves to
// month index i of the indicator and returns only what recolours the map
// and the legend: the class of each department as one string (a digit per
// department, 'x' for no data), the legend counts, the month label and, for
// counts, the circle radii. The breaks are fixed, so the legend labels and
// colours of the last RenderJSON still apply. Everything else (accessible
// names, title, URL) follows with RenderJSON once the map is coloured.
func (a *App) MonthJSON(i int) string {
	if i < 0 || i >= len(a.months) {
		i = len(a.months) - 1
	}
	if i < 0 {
		return ""
	}
	a.st.Date = a.months[i]
	a.computeValues()
	var w jw
	w.b = make([]byte, 0, 512)
	w.obj().ki("mi", i)
	a.writeMonthClasses(&w, i)
	if a.st.Metric == MetricCount {
		w.key("r").arr()
		for k := range a.cls {
			v := a.cumulative(k, a.months[i])
			if v != v || a.vmax <= 0 {
				w.int(0)
				continue
			}
			w.num(math.Round(classify.Radius(v, a.vmax, a.maxRadius())*10) / 10)
		}
		w.endArr()
	}
	w.endObj()
	return w.String()
}

// writeMonthClasses writes the fields of month i that a month change needs
// once the scale is fixed: "c" (one byte per department: '0'+class, or 'x'
// for no data), "n" (legend counts per class), "nd" (no-data count),
// "mlabel" and "absent". a.cls must hold month i's classes.
func (a *App) writeMonthClasses(w *jw, i int) {
	c := make([]byte, len(a.cls))
	counts := make([]int, a.scale.K())
	nd := 0
	for k, x := range a.cls {
		if x < 0 {
			c[k] = 'x'
			nd++
			continue
		}
		c[k] = byte('0' + x)
		if x < len(counts) {
			counts[x]++
		}
	}
	w.ks("c", string(c))
	w.key("n").arr()
	for _, n := range counts {
		w.int(n)
	}
	w.endArr().ki("nd", nd)
	absent := len(a.present) > 0 && !a.present[i]
	label := a.monthLabel(a.months[i])
	if absent {
		label += " — " + T(a.st.Lang, "absentMonth")
	}
	w.ks("mlabel", label).kb("absent", absent)
}

// MonthsJSON precomputes the month changes of the current view: an array
// with, for every month index, the object MonthJSON would return without
// its radii ({"mi","c","n","nd","mlabel","absent"}). The shell asks for it
// when the page is idle, then recolours the map on a month change without
// calling into Go before the first frame. Breaks are fixed while the month
// changes, so it stays valid until anything else in the state changes.
// The current month and values are left as they were.
func (a *App) MonthsJSON() string {
	saved := a.st.Date
	var w jw
	w.b = make([]byte, 0, len(a.months)*(len(a.cls)+64))
	w.arr()
	for i, m := range a.months {
		a.st.Date = m
		a.computeValues()
		w.obj().ki("mi", i)
		a.writeMonthClasses(&w, i)
		w.endObj()
	}
	w.endArr()
	a.st.Date = saved
	a.computeValues()
	return w.String()
}

// roundedBreaks writes the scale's breaks with at most 3 significant
// decimals, as a starting point for manual breaks.
func roundedBreaks(b []float64) string {
	r := make([]float64, len(b))
	for i, v := range b {
		r[i] = math.Round(v*1000) / 1000
	}
	return formatBreaks(r)
}
