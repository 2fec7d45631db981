package app

import (
	"math"
	"strconv"

	"francenum-map/internal/barometre"
	"francenum-map/internal/describe"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"
	"francenum-map/internal/ontrack"
	"francenum-map/internal/series"
	"francenum-map/internal/viewstate"
)

// National is the national panel: a title and label–value lines.
type National struct {
	Title string
	Lines [][2]string
}

func (a *App) national() National {
	l := a.lang()
	m := a.month()
	out := National{Title: a.t("national") + " — " + a.monthLabel(m)}
	line := func(k, v string) { out.Lines = append(out.Lines, [2]string{a.t(k), v}) }
	d, ok := a.dateOf[m]
	nat, okN := a.ind.NationalAt(d)
	okN = ok && okN
	switch {
	case !a.summable():
		// A rate or an average is never summed over departments: the
		// national figure is the national file's, or not available.
		v := a.t("notAvailable")
		if okN {
			v = a.fmtValue(nat, metricCount)
		}
		line("nationalValue", v)
	default:
		v := frfmt.NoData(l)
		if okN {
			v = fmtCount(nat, l) + " " + a.unit()
		}
		line("nationalTotal", v)
		v = frfmt.NoData(l)
		if ok {
			sum, n := a.ind.SumAt(d)
			v = a.f("depsCount", fmtCount(sum, l), strconv.Itoa(n))
		}
		line("sumDeps", v)
		v = frfmt.NoData(l)
		if rem, okR := a.ind.Remainder(d); ok && okR {
			v = frfmt.Signed(rem, decimalsFor(rem), l)
		}
		line("remainder", v)
	}
	if t := a.ind.NationalTarget; t != nil && t.HasTarget {
		line("target", fmtCount(t.Target, l))
	}
	return out
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

// OnTrackPanel is the on-track panel: the verdict's name (ontrack.Status),
// a title and sentences.
type OnTrackPanel struct {
	Status, Title string
	Lines         []string
}

func (a *App) onTrackPanel() OnTrackPanel {
	l := a.lang()
	r := a.OnTrack()
	p := OnTrackPanel{Status: r.Status.String(), Title: a.t("ontrackTitle")}
	if !a.kind.DecreaseIsProblem() {
		// Only a running total that adds up has a pace towards a target.
		p.Status, p.Lines = ontrack.NoData.String(), append(p.Lines, a.t("ontrackNA"))
		return p
	}
	if r.Status != ontrack.NoData {
		p.Lines = append(p.Lines, a.f("ontrackSum", fmtCount(r.Current, l), fmtCount(r.Target, l), frfmt.Percent(r.Current/r.Target*100, 1, l), frfmt.Date(r.AsOf, l)))
	}
	// The sentences are describe.OnTrack's (one writer for the page and the
	// description). A reached target is said in a word, since the line above
	// already gives the figures; the panel alone adds the closure of the
	// scheme (even when its target was reached) and the verdict.
	switch r.Status {
	case ontrack.Reached:
		p.Lines = append(p.Lines, describe.StatusLabel(r.Status, l)+".")
		if in, ok := indicator.Lookup(a.ind.ID); ok && in.Closed != 0 {
			// The scheme is closed whatever the verdict: never project it.
			p.Lines = append(p.Lines, a.f("schemeClosed", in.Noun.In(l), frfmt.Date(in.Closed, l)))
		}
	case ontrack.OnTrack, ontrack.Behind:
		p.Lines = append(p.Lines, describe.OnTrack(r, l), describe.StatusLabel(r.Status, l)+".")
	default:
		p.Lines = append(p.Lines, describe.OnTrack(r, l))
	}
	return p
}

// Compare chart geometry.
const (
	cmpW = 280
	cmpH = 140
)

// CompareColors are the line colours of the 1–4 pinned departments
// (distinguishable with colour-blindness, and dashed differently).
var CompareColors = [viewstate.MaxPinned]string{"#000091", "#c9191e", "#00a95f", "#a558a0"}

// Compare is the compare panel: the pinned departments' series on one
// chart (W×H) and a small table.
type Compare struct {
	Title, Help, Unpin, Clear string
	// Measure names what the chart plots (the view's metric).
	Measure string
	W, H    int
	Axis    Axis
	Headers []string
	Items   []CompareItem
}

// Axis is the compare chart's frame: the top value's label, the y of the
// top and of zero, the x of the first and last months with their labels,
// and the x of the month shown (NaN without months).
type Axis struct {
	Max, First, Last string
	YMax, Y0, X0, X1 float64
	XMonth           float64
}

// CompareItem is one pinned department: its series as path data, the y of
// its target (NaN none) and its table cells.
type CompareItem struct {
	Code, Name, Color, D string
	TargetY              float64
	Cells                []string
}

func (a *App) compare() Compare {
	s := a.st
	l := a.lang()
	m := a.month()
	c := Compare{Title: a.t("compare"), Help: a.t("compareHelp"), Unpin: a.t("unpin"), Clear: a.t("clear"), W: cmpW, H: cmpH}
	// The chart plots the view's measure (% of target, per 10 000, the
	// published value, the monthly new ones): plotted as counts, small
	// departments lay flat at 0 next to Paris.
	c.Measure = a.metricTitle()
	var idx []int
	var lines [][]series.Point
	var tys []float64
	vmin, vmax := 0.0, 0.0
	for _, code := range s.Deps {
		i := a.geo.Index(code)
		if i < 0 {
			continue
		}
		idx = append(idx, i)
		var pts []series.Point
		ty := nan()
		if sr := a.ser[i]; sr != nil {
			for _, p := range sr.Points {
				v := a.valueAt(i, p.Date, true, s.Metric)
				if v != v {
					continue // a gap in the line, never a 0
				}
				pts = append(pts, series.Point{Date: p.Date, Value: v})
				vmin, vmax = math.Min(vmin, v), math.Max(vmax, v)
			}
			ty = a.measureTarget(i)
			if ty == ty {
				vmax = math.Max(vmax, ty)
			}
		}
		lines = append(lines, pts)
		tys = append(tys, ty)
	}
	if vmax <= vmin {
		vmax = vmin + 1
	}
	left, right, top, bottom := 34.0, 6.0, 6.0, 18.0
	span := float64(len(a.months) - 1)
	if span < 1 {
		span = 1
	}
	xOf := func(mm barometre.Month) float64 { return left + float64(mm-a.months[0])/span*(cmpW-left-right) }
	yOf := func(v float64) float64 { return cmpH - bottom - (v-vmin)/(vmax-vmin)*(cmpH-top-bottom) }
	c.Axis = Axis{Max: a.axisLabel(vmax), YMax: top, Y0: round1(yOf(0)), X0: left, X1: cmpW - right, XMonth: nan()}
	if len(a.months) > 0 {
		c.Axis.First, c.Axis.Last = frfmt.MonthShort(a.months[0], l), frfmt.MonthShort(a.months[len(a.months)-1], l)
		c.Axis.XMonth = round1(xOf(m))
	}
	// The view's own value gets a column only when it is not already one of
	// the cumulative count and % of target columns the table always shows.
	ms, _ := indicator.MeasureOf(s.Metric)
	showValue := ms.Compute != indicator.OfTarget && ms.Compute != indicator.Published
	// Appended to a make, not a []string{…} literal: a literal allocates a
	// [N]string, whose type brings an unused equality function to the wasm.
	c.Headers = append(make([]string, 0, 4), a.t("colName"))
	if showValue {
		c.Headers = append(c.Headers, a.t("value"))
	}
	c.Headers = append(c.Headers, a.cumLabel(), a.t("colPct"))
	for k, i := range idx {
		d := &a.geo.Departments[i]
		it := CompareItem{Code: d.Code, Name: d.Name + " (" + d.Code + ")", Color: CompareColors[k%viewstate.MaxPinned], TargetY: nan()}
		it.D = string(appendSeriesPath(nil, lines[k], xOf, yOf))
		if ty := tys[k]; ty == ty {
			it.TargetY = round1(yOf(ty))
		}
		t := target(a.ser[i])
		cum := a.cumulative(i, m)
		it.Cells = append(it.Cells, it.Name)
		if showValue {
			it.Cells = append(it.Cells, a.fmtValue(a.vals[i], s.Metric))
		}
		it.Cells = append(it.Cells, fmtCount(cum, l), frfmt.Percent(pctOf(cum, t), 1, l))
		c.Items = append(c.Items, it)
	}
	return c
}

// measureTarget is department i's 2022 target in the view's measure (100
// for % of target), NaN when it has none or the measure has no target
// (the monthly new ones).
func (a *App) measureTarget(i int) float64 {
	t := target(a.ser[i])
	if !(t > 0) {
		return nan()
	}
	ms, _ := indicator.MeasureOf(a.st.Metric)
	switch ms.Compute {
	case indicator.OfTarget:
		return 100
	case indicator.PerInhabitants:
		return a.perInhabitants(i, t)
	case indicator.Published:
		return t
	}
	return nan() // monthly new, share: no target in that measure
}

// axisLabel formats the compare chart's top value in the view's measure.
func (a *App) axisLabel(v float64) string {
	l := a.lang()
	ms, _ := indicator.MeasureOf(a.st.Metric)
	switch ms.Format {
	case indicator.AsPercent:
		return frfmt.Percent(v, ms.Decimals, l)
	case indicator.AsPer10k:
		return frfmt.Number(v, 1, l)
	}
	if !a.summable() {
		return frfmt.Number(v, decimalsFor(math.Round(v*10)/10), l)
	}
	return frfmt.Number(v, 0, l)
}

//go:noinline
func round1(f float64) float64 { return math.Round(f*10) / 10 }

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
		d = strconv.AppendFloat(d, round1(xOf(m)), 'f', -1, 64)
		d = append(d, ' ')
		d = strconv.AppendFloat(d, round1(yOf(p.Value)), 'f', -1, 64)
		prev = m
	}
	return d
}
