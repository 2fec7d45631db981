package app

import (
	"francenum-map/internal/barometre"
	"math"
	"strconv"

	"francenum-map/internal/describe"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"
	"francenum-map/internal/ontrack"
	"francenum-map/internal/series"
)

// Table columns: key, i18n key of the header.
var tableCols = [...][2]string{
	{"code", "colCode"}, {"name", "colName"}, {"region", "colRegion"}, {"value", "colValue"},
	{"count", "colCount"}, {"target", "colTarget"}, {"pct", "colPct"}, {"per10k", "colPer10k"}, {"rank", "colRank"},
}

// row is one department of the table, raw values for sorting.
type row struct {
	i                                int
	value, count, target, pct, per10 float64
	rank                             int
}

func (a *App) rows() []row {
	m := a.month()
	out := make([]row, len(a.geo.Departments))
	for i := range a.geo.Departments {
		r := row{i: i, value: a.vals[i], count: a.cumulative(i, m), target: target(a.ser[i])}
		r.pct, r.per10 = nan(), nan()
		if r.target > 0 && r.count == r.count {
			r.pct = r.count / r.target * 100
		}
		if p := a.geo.Departments[i].Population; p > 0 && r.count == r.count {
			r.per10 = r.count / float64(p) * 10000
		}
		r.rank, _ = a.rank(i)
		out[i] = r
	}
	return out
}

// sortRows orders rows by key; missing values always last.
func (a *App) sortRows(rs []row, key string, desc bool) {
	deps := a.geo.Departments
	num := func(r row) float64 {
		switch key {
		case "value":
			return r.value
		case "count":
			return r.count
		case "target":
			return r.target
		case "pct":
			return r.pct
		case "per10k":
			return r.per10
		case "rank":
			if r.rank == 0 {
				return nan()
			}
			return float64(r.rank)
		}
		return nan()
	}
	less := func(rx, ry row) bool {
		switch key {
		case "code":
			if desc {
				return rx.i > ry.i
			}
			return rx.i < ry.i
		case "name", "region":
			nx, ny := fold(deps[rx.i].Name), fold(deps[ry.i].Name)
			if key == "region" {
				nx, ny = fold(deps[rx.i].RegionName)+nx, fold(deps[ry.i].RegionName)+ny
			}
			if desc {
				return nx > ny
			}
			return nx < ny
		}
		vx, vy := num(rx), num(ry)
		if vx != vx || vy != vy {
			return vy != vy && vx == vx
		}
		if vx == vy {
			return rx.i < ry.i
		}
		if desc {
			return vx > vy
		}
		return vx < vy
	}
	// Insertion sort, stable: 101 rows, and one generic sort instantiation
	// less in app.wasm (slices.SortStableFunc costs ~8 KB of wasm here).
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && less(rs[j], rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// PanelsJSON returns what is refreshed after the map: the table (sorted),
// the description, the national totals, the on-track panel and the compare
// panel.
func (a *App) PanelsJSON() string {
	s := a.st
	l := a.lang()
	m := a.month()
	var w jw
	w.b = make([]byte, 0, 32<<10)
	w.obj()
	// Table.
	w.key("table").obj().ks("caption", T(s.Lang, "tableCaption")+" — "+a.indicatorName(a.ind)+" — "+a.metricTitle()+" — "+a.monthLabel(m))
	w.ks("sort", a.sortKey).kb("desc", a.sortDesc)
	w.key("cols").arr()
	for _, c := range tableCols {
		label := T(s.Lang, c[1])
		if c[0] == "value" {
			label = a.metricTitle()
		}
		w.obj().ks("key", c[0]).ks("label", label).endObj()
	}
	w.endArr()
	rs := a.rows()
	a.sortRows(rs, a.sortKey, a.sortDesc)
	w.key("rows").arr()
	for _, r := range rs {
		d := &a.geo.Departments[r.i]
		rank := frfmt.NoData(l)
		if r.rank > 0 {
			rank = strconv.Itoa(r.rank)
		}
		w.arr().str(d.Code).str(d.Name).str(d.RegionName).str(a.fmtValue(r.value, s.Metric)).
			str(fmtCount(r.count, l)).str(fmtCount(r.target, l)).str(frfmt.Percent(r.pct, 1, l)).
			str(frfmt.Number(r.per10, 1, l)).str(rank).endArr()
	}
	w.endArr().endObj()
	w.ks("description", a.Description())
	a.writeNational(&w)
	a.writeOnTrack(&w)
	a.writeCompare(&w)
	w.endObj()
	return w.String()
}

// Description is the auto-written text of the current view.
func (a *App) Description() string {
	l := a.lang()
	m := a.month()
	in := describe.Input{Lang: l, Month: m, TargetYear: 2022}
	if ind, ok := describe.KnownIndicator(a.ind.ID, l); ok {
		in.Indicator = ind
	} else {
		in.Indicator = describe.Indicator{Noun: a.indicatorName(a.ind), Label: a.indicatorName(a.ind)}
	}
	in.Metric, _ = describe.ParseMetric(a.st.Metric)
	total, n := 0.0, 0
	in.Depts = make([]describe.Dept, len(a.geo.Departments))
	for i := range a.geo.Departments {
		d := &a.geo.Departments[i]
		c := a.cumulative(i, m)
		pct := nan()
		if t := target(a.ser[i]); t > 0 && c == c {
			pct = c / t * 100
		}
		in.Depts[i] = describe.Dept{Code: d.Code, Name: d.Name, Value: a.vals[i], PctTarget: pct}
		x := c
		if a.st.Metric == MetricNew {
			x = a.vals[i]
		}
		if x == x {
			total += x
			n++
		}
	}
	in.Total = nan()
	if n > 0 {
		in.Total = total
	}
	if len(a.present) > 0 && !a.present[a.monthIndex()] {
		if a.st.Lang == "en" {
			return a.monthLabel(m) + " is absent from the published data: no department has a value for this month."
		}
		return "Le mois de " + a.monthLabel(m) + " est absent des données publiées\u00a0: aucun département n'a de valeur pour ce mois."
	}
	return describe.Text(in)
}

func (a *App) writeNational(w *jw) {
	s := a.st
	l := a.lang()
	m := a.month()
	w.key("national").obj().ks("title", T(s.Lang, "national")+" — "+a.monthLabel(m))
	d, ok := a.dateOf[m]
	sum, n := 0.0, 0
	if ok {
		sum, n = a.ind.SumAt(d)
	}
	w.key("lines").arr()
	nat, okN := 0.0, false
	if ok {
		nat, okN = a.ind.NationalAt(d)
	}
	line := func(k, v string) { w.arr().str(T(s.Lang, k)).str(v).endArr() }
	if okN {
		line("nationalTotal", fmtCount(nat, l)+" "+a.unit())
	} else {
		line("nationalTotal", frfmt.NoData(l))
	}
	if ok {
		line("sumDeps", fmtCount(sum, l)+" ("+strconv.Itoa(n)+" dép.)")
	} else {
		line("sumDeps", frfmt.NoData(l))
	}
	if rem, okR := a.remainder(d, ok); okR {
		line("remainder", frfmt.Signed(rem, decimalsFor(rem), l))
	} else {
		line("remainder", frfmt.NoData(l))
	}
	if t := a.ind.NationalTarget; t != nil && t.HasTarget {
		line("target", fmtCount(t.Target, l))
	}
	w.endArr().endObj()
}

func (a *App) remainder(d series.Date, ok bool) (float64, bool) {
	if !ok {
		return 0, false
	}
	return a.ind.Remainder(d)
}

// OnTrack returns the national (sum of departments) on-track verdict for
// the shown month.
func (a *App) OnTrack() ontrack.Result {
	var pts []ontrack.Point
	tgt := 0.0
	for _, d := range a.ind.Dates {
		sum, n := a.ind.SumAt(d)
		if n > 0 {
			pts = append(pts, ontrack.Point{Date: d, Value: sum})
		}
	}
	tdate := ontrack.TargetDate2022
	for _, sr := range a.ser {
		if t := target(sr); t > 0 {
			tgt += t
			if sr.Target.TargetDate != 0 {
				tdate = sr.Target.TargetDate
			}
		}
	}
	opts := ontrack.Options{}
	if d, ok := a.dateOf[a.month()]; ok {
		opts.AsOf = d
	} else {
		opts.AsOf = a.month().LastDay()
	}
	if in, ok := indicator.Lookup(a.ind.ID); ok {
		opts.Closed = in.Closed
	}
	return ontrack.Compute(pts, ontrack.Point{Date: tdate, Value: tgt}, opts)
}

func (a *App) writeOnTrack(w *jw) {
	s := a.st
	l := a.lang()
	en := s.Lang == "en"
	r := a.OnTrack()
	w.key("ontrack").obj().ks("status", r.Status.String())
	title := "Objectif 2022\u00a0: sur la bonne voie\u00a0?"
	if en {
		title = "2022 target: on track?"
	}
	w.ks("title", title)
	var lines []string
	if r.Status != ontrack.NoData {
		if en {
			lines = append(lines, "Sum of departments: "+fmtCount(r.Current, l)+" of "+fmtCount(r.Target, l)+" ("+frfmt.Percent(r.Current/r.Target*100, 1, l)+"), "+frfmt.Date(r.AsOf, l)+".")
		} else {
			lines = append(lines, "Somme des départements\u00a0: "+fmtCount(r.Current, l)+" sur "+fmtCount(r.Target, l)+" ("+frfmt.Percent(r.Current/r.Target*100, 1, l)+"), au "+frfmt.Date(r.AsOf, l)+".")
		}
	}
	// The sentences are describe.OnTrack's (one writer for the page and the
	// description). A reached target is said in a word, since the line above
	// already gives the figures; the panel alone adds the closure of the
	// chèque scheme (even when its target was reached) and the verdict.
	switch r.Status {
	case ontrack.Reached:
		lines = append(lines, describe.StatusLabel(r.Status, l)+".")
		if in, ok := indicator.Lookup(a.ind.ID); ok && in.Closed != 0 {
			// The scheme is closed whatever the verdict: never project it.
			if en {
				lines = append(lines, "The "+in.Noun.In(l)+" scheme closed on "+frfmt.Date(in.Closed, l)+": no projection is made.")
			} else {
				lines = append(lines, "Le dispositif des "+in.Noun.In(l)+" a fermé le "+frfmt.Date(in.Closed, l)+"\u00a0: aucune projection n'est faite.")
			}
		}
	case ontrack.OnTrack, ontrack.Behind:
		lines = append(lines, describe.OnTrack(r, l), describe.StatusLabel(r.Status, l)+".")
	default:
		lines = append(lines, describe.OnTrack(r, l))
	}
	w.key("lines").arr()
	for _, x := range lines {
		w.str(x)
	}
	w.endArr().endObj()
}

// Compare chart geometry.
const (
	cmpW = 280
	cmpH = 140
)

// CompareColors are the line colours of the 1–4 pinned departments
// (distinguishable with colour-blindness, and dashed differently).
var CompareColors = [MaxPinned]string{"#000091", "#c9191e", "#00a95f", "#a558a0"}

func (a *App) writeCompare(w *jw) {
	s := a.st
	l := a.lang()
	m := a.month()
	w.key("compare").obj().ks("title", T(s.Lang, "compare")).ks("help", T(s.Lang, "compareHelp")).ks("unpin", T(s.Lang, "unpin")).ks("clear", T(s.Lang, "clear"))
	w.ki("w", cmpW).ki("h", cmpH)
	vmax := 0.0
	var idx []int
	for _, c := range s.Deps {
		i := a.geo.Index(c)
		if i < 0 {
			continue
		}
		idx = append(idx, i)
		if sr := a.ser[i]; sr != nil {
			for _, p := range sr.Points {
				vmax = math.Max(vmax, p.Value)
			}
			if t := target(sr); t > 0 {
				vmax = math.Max(vmax, t)
			}
		}
	}
	if vmax <= 0 {
		vmax = 1
	}
	left, right, top, bottom := 34.0, 6.0, 6.0, 18.0
	span := float64(len(a.months) - 1)
	if span < 1 {
		span = 1
	}
	xOf := func(mm barometre.Month) float64 { return left + float64(mm-a.months[0])/span*(cmpW-left-right) }
	yOf := func(v float64) float64 { return cmpH - bottom - v/vmax*(cmpH-top-bottom) }
	w.key("axis").obj().ks("max", frfmt.Number(vmax, 0, l)).kn("ymax", top).kn("y0", cmpH-bottom).kn("x0", left).kn("x1", cmpW-right)
	if len(a.months) > 0 {
		w.ks("first", frfmt.MonthShort(a.months[0], l)).ks("last", frfmt.MonthShort(a.months[len(a.months)-1], l))
		w.kn("xm", math.Round(xOf(m)*10)/10)
	}
	w.endObj()
	// The view's own value gets a column only when it is not already one of
	// the cumulative count and % of target columns the table always shows.
	showValue := s.Metric != MetricTarget && s.Metric != MetricCount
	headers := []string{T(s.Lang, "colName"), T(s.Lang, "colCount"), T(s.Lang, "colPct")}
	if showValue {
		headers = []string{T(s.Lang, "colName"), T(s.Lang, "value"), T(s.Lang, "colCount"), T(s.Lang, "colPct")}
	}
	w.key("headers").arr()
	for _, h := range headers {
		w.str(h)
	}
	w.endArr()
	w.key("items").arr()
	for k, i := range idx {
		d := &a.geo.Departments[i]
		sr := a.ser[i]
		w.obj().ks("code", d.Code).ks("name", d.Name+" ("+d.Code+")").ks("color", CompareColors[k%MaxPinned])
		var p []byte
		if sr != nil {
			p = appendSeriesPath(p, sr.Points, xOf, yOf)
		}
		w.ks("d", string(p))
		if t := target(sr); t > 0 {
			w.kn("ty", math.Round(yOf(t)*10)/10)
		}
		c := a.cumulative(i, m)
		pct := nan()
		if t := target(sr); t > 0 && c == c {
			pct = c / t * 100
		}
		w.key("cells").arr().str(d.Name + " (" + d.Code + ")")
		if showValue {
			w.str(a.fmtValue(a.vals[i], s.Metric))
		}
		w.str(fmtCount(c, l)).str(frfmt.Percent(pct, 1, l)).endArr()
		w.endObj()
	}
	w.endArr().endObj()
}

// fold lower-cases and removes French accents, for search and sort.
func fold(s string) string {
	var b sbuf
	b.Grow(len(s))
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		switch r {
		case 'À', 'Â', 'Ä':
			r = 'a'
		case 'É', 'È', 'Ê', 'Ë':
			r = 'e'
		case 'Î', 'Ï':
			r = 'i'
		case 'Ô', 'Ö':
			r = 'o'
		case 'Ù', 'Û', 'Ü':
			r = 'u'
		case 'Ç':
			r = 'c'
		}
		switch r {
		case 'à', 'â', 'ä', 'á':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'î', 'ï', 'í':
			r = 'i'
		case 'ô', 'ö', 'ó':
			r = 'o'
		case 'ù', 'û', 'ü', 'ú':
			r = 'u'
		case 'ç':
			r = 'c'
		case 'ÿ':
			r = 'y'
		case '-', '\'', '’', '_':
			r = ' '
		case 'œ', 'Œ':
			b.WriteString("oe")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// appendSeriesPath appends the SVG path data of a series (sparkline and
// compare chart): a line between consecutive months, a new subpath after an
// absent month so that a gap is never drawn as if it were data; coordinates
// rounded to 0.1.
func appendSeriesPath(d []byte, pts []series.Point, xOf func(barometre.Month) float64, yOf func(float64) float64) []byte {
	prev := barometre.Month(-1)
	for _, p := range pts {
		m := p.Date.Month()
		if prev >= 0 && m == prev+1 {
			d = append(d, 'L')
		} else {
			d = append(d, 'M')
		}
		d = strconv.AppendFloat(d, math.Round(xOf(m)*10)/10, 'f', -1, 64)
		d = append(d, ' ')
		d = strconv.AppendFloat(d, math.Round(yOf(p.Value)*10)/10, 'f', -1, 64)
		prev = m
	}
	return d
}
