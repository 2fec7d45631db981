package app

import (
	"francenum-map/internal/barometre"
	"math"
	"strconv"

	"francenum-map/internal/frfmt"
	"francenum-map/internal/series"
)

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

// TipJSON returns the tooltip content of department code: name, value with
// unit and date, rank, target and % of target, a sparkline and quality
// notes. "" for an unknown code.
func (a *App) TipJSON(code string) string {
	i := a.geo.Index(code)
	if i < 0 {
		return ""
	}
	d := &a.geo.Departments[i]
	s := a.st
	l := a.lang()
	m := a.month()
	var w jw
	w.obj().ks("code", d.Code).ks("name", d.Name+" ("+d.Code+")").ks("region", d.RegionName)
	w.ks("value", a.fmtValue(a.vals[i], s.Metric)).ks("date", a.monthLabel(m))
	r, n := a.rank(i)
	lab := T(s.Lang, "rank")
	if r > 0 {
		w.ks("rank", strconv.Itoa(r)+" / "+strconv.Itoa(n))
	} else {
		w.ks("rank", frfmt.NoData(l))
	}
	w.ks("rankLabel", lab)
	sr := a.ser[i]
	cum := a.cumulative(i, m)
	t := target(sr)
	w.ks("cum", fmtCount(cum, l)+" "+a.unit())
	w.ks("target", fmtCount(t, l))
	pct := nan()
	if t > 0 && cum == cum {
		pct = cum / t * 100
	}
	w.ks("pct", frfmt.Percent(pct, 1, l))
	w.ks("pinned", boolStr(contains(s.Deps, d.Code)))
	a.writeSpark(&w, sr, t, m)
	notes := a.qualityNotes(sr)
	if d, ok := a.dateOf[m]; ok && sr != nil && s.Metric == MetricNew {
		// An increment after an absent month covers several months: say so
		// rather than pass it off as one month's.
		if _, months, ok := sr.Increment(d); ok && months > 1 {
			if s.Lang == "en" {
				notes = append(notes, "New over "+strconv.Itoa(months)+" months (previous month absent)")
			} else {
				notes = append(notes, "Nouveaux sur "+strconv.Itoa(months)+" mois (mois précédent absent)")
			}
		}
	}
	w.key("notes").arr()
	for _, note := range notes {
		w.str(note)
	}
	w.endArr()
	w.endObj()
	return w.String()
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return ""
}

//go:noinline
func fmtCount(v float64, l frfmt.Lang) string {
	if v != v {
		return frfmt.NoData(l)
	}
	return frfmt.Number(v, decimalsFor(v), l)
}

// Sparkline geometry, in its own viewBox.
const (
	sparkW = 240
	sparkH = 48
)

// writeSpark writes the cumulative series as SVG path data over the
// indicator's months (gaps where months are absent), the target line and
// the current month's dot.
func (a *App) writeSpark(w *jw, sr *series.Series, t float64, cur barometre.Month) {
	w.key("spark").obj().ki("w", sparkW).ki("h", sparkH)
	if sr == nil || len(sr.Points) == 0 || len(a.months) == 0 {
		w.ks("d", "").endObj()
		return
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
	w.ks("d", string(appendSeriesPath(nil, sr.Points, xOf, yOf)))
	if t > 0 {
		w.kn("ty", math.Round(yOf(t)*10)/10)
	}
	if v := a.cumulative(a.geo.Index(sr.Dept), cur); v == v {
		w.kn("cx", math.Round(xOf(cur)*10)/10).kn("cy", math.Round(yOf(v)*10)/10)
	}
	w.endObj()
}

// qualityNotes lists the data-quality remarks of a series.
func (a *App) qualityNotes(sr *series.Series) []string {
	if sr == nil {
		return []string{T(a.st.Lang, "noData")}
	}
	l := a.lang()
	var out []string
	for _, d := range a.ind.Decreases {
		if d.Dept != sr.Dept {
			continue
		}
		if a.st.Lang == "en" {
			out = append(out, "Cumulative value decreases: "+fmtCount(d.Before, l)+" → "+fmtCount(d.After, l)+" ("+frfmt.MonthShort(d.To.Month(), l)+", line "+strconv.Itoa(d.Line)+")")
		} else {
			out = append(out, "Baisse du cumul\u00a0: "+fmtCount(d.Before, l)+" → "+fmtCount(d.After, l)+" ("+frfmt.MonthShort(d.To.Month(), l)+", ligne "+strconv.Itoa(d.Line)+")")
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
		if a.st.Lang == "en" {
			out = append(out, "Missing month(s) for this department: "+txt)
		} else {
			out = append(out, "Mois manquant(s) pour ce département\u00a0: "+txt)
		}
	}
	if sr.Target == nil || !sr.Target.HasTarget {
		if a.st.Lang == "en" {
			out = append(out, "No 2022 target in the synthese file")
		} else {
			out = append(out, "Pas de cible 2022 dans le fichier de synthèse")
		}
	}
	return out
}
