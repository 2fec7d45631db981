package app

import "math"

// SeriesTable is every month of every department for the shown
// indicator, as published (cumulative or not, the published value): the
// time-series export's input.
type SeriesTable struct {
	_ noEq
	// Ind and IndName name the indicator; Unit is its unit; Source is the
	// dated source line of the view (a user's file credited as such).
	Ind, IndName, Unit, Source string
	// Dates are the published dates, one per month with data, in order.
	Dates []string
	// Rows are the departments in code order.
	Rows []SeriesRow
}

// SeriesRow is one department's published values, one per SeriesTable
// date (NaN where the department has none).
type SeriesRow struct {
	_          noEq
	Code, Name string
	Values     []float64
}

// Series returns the shown indicator's whole series.
func (a *App) Series() SeriesTable {
	t := SeriesTable{Ind: a.ind.ID, IndName: a.indicatorName(a.ind), Unit: a.unit()}
	t.Source, _ = a.sourceLine()
	for _, d := range a.ind.Dates {
		t.Dates = append(t.Dates, d.String())
	}
	t.Rows = make([]SeriesRow, len(a.geo.Departments))
	for i := range a.geo.Departments {
		g := &a.geo.Departments[i]
		r := SeriesRow{Code: g.Code, Name: g.Name, Values: make([]float64, len(a.ind.Dates))}
		for k := range r.Values {
			r.Values[k] = math.NaN()
		}
		if s := a.ser[i]; s != nil {
			k := 0
			for _, p := range s.Points {
				for k < len(a.ind.Dates) && a.ind.Dates[k] < p.Date {
					k++
				}
				if k < len(a.ind.Dates) && a.ind.Dates[k] == p.Date {
					r.Values[k] = p.Value
				}
			}
		}
		t.Rows[i] = r
	}
	return t
}
