package app

import (
	"strconv"

	"francenum-map/internal/describe"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"
	"francenum-map/internal/place"
)

// Panels is what is refreshed after the map: the table (sorted), the
// description, the national totals, the on-track panel and the compare
// panel.
type Panels struct {
	Table       Table
	Description string
	National    National
	OnTrack     OnTrackPanel
	Compare     Compare
}

// Table is the table of the departments, sorted.
type Table struct {
	Caption string
	// Sort is the key of the sorting column, Desc its direction.
	Sort string
	Desc bool
	Cols []Column
	// Rows hold one cell text per column; the first is the code.
	Rows [][]string
}

// Column is one column of the table.
type Column struct {
	_          noEq
	Key, Label string
	// Repeat marks the column that repeats the value column in the view's
	// measure (« % cible » beside « % de la cible 2022 »): the page hides it.
	Repeat bool
}

// Table columns: key, i18n key of the header.
var tableCols = [...][2]string{
	{"code", "colCode"}, {"name", "colName"}, {"region", "colRegion"}, {"value", "colValue"},
	{"count", "colCount"}, {"target", "colTarget"}, {"pct", "colPct"}, {"per10k", "colPer10k"}, {"rank", "colRank"},
}

// DeptValue is one department's raw numbers in the current view (NaN
// unknown): the metric's value, the cumulative count, the target, the
// percentage of the target, the count per 10 000 inhabitants, the rank
// (0 none) and the class (-1 no data).
type DeptValue struct {
	_                              noEq
	Code, Name, Region             string
	Value, Count, Target, Pct, Per float64
	Rank, Class                    int

	i int // geometry index: the code order of the table
}

// Values returns every department's raw numbers, in geometry (code) order.
func (a *App) Values() []DeptValue {
	m := a.month()
	out := make([]DeptValue, len(a.geo.Departments))
	for i := range a.geo.Departments {
		d := &a.geo.Departments[i]
		r := DeptValue{Code: d.Code, Name: d.Name, Region: d.RegionName, Value: a.vals[i], Count: a.cumulative(i, m), Target: target(a.ser[i]), Per: nan(), Class: a.cls[i], i: i}
		r.Pct = pctOf(r.Count, r.Target)
		if p := d.Population; p > 0 && r.Count == r.Count && a.summable() {
			r.Per = r.Count / float64(p) * 10000
		}
		r.Rank, _ = a.rank(i)
		out[i] = r
	}
	return out
}

// sortRows orders rows by key; missing values always last.
func sortRows(rs []DeptValue, key string, desc bool) {
	num := func(r *DeptValue) float64 {
		switch key {
		case "value":
			return r.Value
		case "count":
			return r.Count
		case "target":
			return r.Target
		case "pct":
			return r.Pct
		case "per10k":
			return r.Per
		case "rank":
			if r.Rank == 0 {
				return nan()
			}
			return float64(r.Rank)
		}
		return nan()
	}
	less := func(rx, ry *DeptValue) bool {
		switch key {
		case "code":
			if desc {
				return rx.i > ry.i
			}
			return rx.i < ry.i
		case "name", "region":
			nx, ny := place.Fold(rx.Name), place.Fold(ry.Name)
			if key == "region" {
				nx, ny = place.Fold(rx.Region)+nx, place.Fold(ry.Region)+ny
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
		for j := i; j > 0 && less(&rs[j], &rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// Panels returns the panels of the current view.
func (a *App) Panels() Panels {
	return Panels{Table: a.table(), Description: a.Description(), National: a.national(), OnTrack: a.onTrackPanel(), Compare: a.compare()}
}

func (a *App) table() Table {
	s := a.st
	l := a.lang()
	t := Table{Caption: a.t("tableCaption") + " — " + a.indicatorName(a.ind) + " — " + a.metricTitle() + " — " + a.monthLabel(a.month()),
		Sort: a.sortKey, Desc: a.sortDesc}
	for _, c := range tableCols {
		label := a.t(c[1])
		switch c[0] {
		case "value":
			label = a.metricTitle()
		case "count":
			label = a.cumLabel()
		}
		t.Cols = append(t.Cols, Column{Key: c[0], Label: label, Repeat: c[0] == repeats(s.Metric)})
	}
	rs := a.Values()
	sortRows(rs, a.sortKey, a.sortDesc)
	t.Rows = make([][]string, len(rs))
	for i := range rs {
		r := &rs[i]
		rank := frfmt.NoData(l)
		if r.Rank > 0 {
			rank = strconv.Itoa(r.Rank)
		}
		// make, not a [9]string literal: see compare's Headers.
		t.Rows[i] = append(make([]string, 0, 9), r.Code, r.Name, r.Region, a.fmtValue(r.Value, s.Metric),
			fmtCount(r.Count, l), fmtCount(r.Target, l), frfmt.Percent(r.Pct, 1, l), frfmt.Number(r.Per, 1, l), rank)
	}
	return t
}

// repeats is the key of the table column showing the same figure as the
// value column in measure metric ("" for none).
func repeats(metric string) string {
	ms, _ := indicator.MeasureOf(metric)
	return ms.Column
}

// Description is the auto-written text of the current view.
func (a *App) Description() string {
	l := a.lang()
	m := a.month()
	if len(a.present) > 0 && !a.present[a.monthIndex()] {
		return a.f("absentDescription", a.monthLabel(m))
	}
	in := describe.Input{Lang: l, Month: m, TargetYear: 2022}
	if ind, ok := describe.KnownIndicator(a.ind.ID, l); ok {
		in.Indicator = ind
	} else {
		in.Indicator = describe.Indicator{Noun: a.indicatorName(a.ind), Label: a.indicatorName(a.ind)}
	}
	in.Metric, _ = describe.ParseMetric(a.st.Metric)
	if !a.summable() && in.Metric == describe.Count {
		in.Metric = describe.Value // a rate: its own heads, never a total
	}
	total, n := 0.0, 0
	in.Depts = make([]describe.Dept, len(a.geo.Departments))
	for i := range a.geo.Departments {
		d := &a.geo.Departments[i]
		c := a.cumulative(i, m)
		in.Depts[i] = describe.Dept{Code: d.Code, Name: d.Name, Value: a.vals[i], PctTarget: pctOf(c, target(a.ser[i]))}
		x := c
		if a.st.Metric == metricNew {
			x = a.vals[i]
		}
		if x == x {
			total += x
			n++
		}
	}
	in.Total = nan()
	if n > 0 && a.summable() {
		in.Total = total
	}
	if sl := a.spanLabel(); sl != "" {
		return describe.Text(in) + " " + a.f("spanNote", sl)
	}
	return describe.Text(in)
}
