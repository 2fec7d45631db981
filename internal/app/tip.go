package app

import (
	"math"
	"strconv"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/series"
)

// Tip is the tooltip card of one department: name, region, value with its
// unit, month, rank, cumulative count, target and % of target, a sparkline
// and the data-quality notes.
type Tip struct {
	Code, Name, Region, Value, Date string
	Rank, RankLabel                 string
	Cum, Target, Pct                string
	// CumLabel names Cum: « Cumul » for a running total, else « Valeur ».
	CumLabel string
	Pinned   bool
	Spark    Spark
	Notes    []string
}

// Spark is the tooltip's sparkline in its own W×H box: the cumulative
// series as path data, the target's y (NaN none) and the dot of the month
// shown (NaN none).
type Spark struct {
	W, H       int
	D          string
	TargetY    float64
	DotX, DotY float64
}

// Sparkline geometry, in its own viewBox.
const (
	sparkW = 240
	sparkH = 48
)

// Tip returns the tooltip card of department code; ok is false for an
// unknown code.
func (a *App) Tip(code string) (Tip, bool) {
	i := a.geo.Index(code)
	if i < 0 {
		return Tip{}, false
	}
	d := &a.geo.Departments[i]
	s := a.st
	l := a.lang()
	m := a.month()
	sr := a.ser[i]
	cum := a.cumulative(i, m)
	t := target(sr)
	tip := Tip{Code: d.Code, Name: d.Name + " (" + d.Code + ")", Region: d.RegionName, Value: a.fmtValue(a.vals[i], s.Metric),
		Date: a.monthLabel(m), RankLabel: a.t("rank"), Rank: frfmt.NoData(l), Cum: fmtCount(cum, l) + " " + a.unit(),
		CumLabel: a.cumLabel(), Target: fmtCount(t, l), Pct: frfmt.Percent(pctOf(cum, t), 1, l), Pinned: contains(s.Deps, d.Code)}
	if r, n := a.rank(i); r > 0 {
		tip.Rank = strconv.Itoa(r) + " / " + strconv.Itoa(n)
	}
	tip.Spark = a.spark(sr, t, m, cum)
	tip.Notes = a.qualityNotes(sr)
	if dt, ok := a.dateOf[m]; ok && sr != nil && s.Metric == metricNew {
		// An increment after an absent month covers several months: say so
		// rather than pass it off as one month's.
		if mo, ok := sr.Monthly(dt); ok && mo.Averaged() {
			tip.Notes = append(tip.Notes, a.f("newOver", series.SpanLabel(mo.Months, l)))
		}
	}
	return tip, true
}

// spark draws the cumulative series over the indicator's months (gaps
// where months are absent), the target line and the current month's dot
// (cur's value v).
func (a *App) spark(sr *series.Series, t float64, cur barometre.Month, v float64) Spark {
	sp := Spark{W: sparkW, H: sparkH, TargetY: nan(), DotX: nan(), DotY: nan()}
	if sr == nil || len(sr.Points) == 0 || len(a.months) == 0 {
		return sp
	}
	vmax := t
	if !(vmax > 0) {
		vmax = 0
	}
	for _, p := range sr.Points {
		vmax = math.Max(vmax, p.Value)
	}
	if vmax <= 0 {
		vmax = 1
	}
	x0 := a.months[0]
	span := float64(len(a.months) - 1)
	if span < 1 {
		span = 1
	}
	pad := 3.0
	xOf := func(m barometre.Month) float64 { return pad + float64(m-x0)/span*(sparkW-2*pad) }
	yOf := func(v float64) float64 { return sparkH - pad - v/vmax*(sparkH-2*pad) }
	sp.D = string(appendSeriesPath(nil, sr.Points, xOf, yOf))
	if t > 0 {
		sp.TargetY = round1(yOf(t))
	}
	if v == v {
		sp.DotX, sp.DotY = round1(xOf(cur)), round1(yOf(v))
	}
	return sp
}

// qualityNotes lists the data-quality remarks of a series.
func (a *App) qualityNotes(sr *series.Series) []string {
	if sr == nil {
		return []string{a.t("noData")}
	}
	l := a.lang()
	var out []string
	for _, d := range a.ind.Decreases {
		if d.Dept == sr.Dept && a.kind.DecreaseIsProblem() {
			out = append(out, a.f("decreaseNote", fmtCount(d.Before, l), fmtCount(d.After, l), frfmt.MonthShort(d.To.Month(), l), strconv.Itoa(d.Line)))
		}
	}
	if len(sr.Missing) > 0 {
		txt := ""
		for i, d := range sr.Missing {
			if i > 0 {
				txt += ", "
			}
			txt += frfmt.MonthShort(d.Month(), l)
		}
		out = append(out, a.f("missingNote", txt))
	}
	if sr.Target == nil || !sr.Target.HasTarget {
		out = append(out, a.t("noTarget"))
	}
	return out
}
