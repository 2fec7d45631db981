// Package series is the map's data model: indicator → department → series
// of published values sorted by date, with the synthese targets, the
// national series, absent months, decreases of cumulative values, monthly
// increments and the national remainder not attributed to any department.
// It is linked into the browser's wasm: no fmt.
package series

import (
	"slices"

	"francenum-map/internal/barometre"
	"francenum-map/internal/dept"
	"francenum-map/internal/order"
)

// Date is barometre.Date.
type Date = barometre.Date

// Point is one published value.
type Point struct {
	_     [0]func() // not comparable: no unused equality function in the wasm
	Date  Date
	Value float64
	Line  int // line in the detail file
}

// Series is the values of one indicator in one department (or national).
type Series struct {
	Dept   string // "" for the national series
	Name   string
	Points []Point // sorted by date, one per date
	// Missing lists the indicator's dates absent from this series.
	Missing []Date
	// Target is the synthese row, nil when none.
	Target *barometre.Target
	// Decreases are the points lower than the previous one.
	Decreases []Decrease
}

// Decrease is a cumulative value lower than the previous published one.
type Decrease struct {
	_             [0]func() // not comparable: no unused equality function in the wasm
	Dept          string
	From, To      Date
	Before, After float64
	Line          int // line of the lower value
}

// Indicator is one id_indicateur.
type Indicator struct {
	ID, Label, Mesure, Unit string
	// Dates is the union of the departments' dates, sorted.
	Dates []Date
	// AbsentMonths are the months between the first and last date for
	// which no department has a value.
	AbsentMonths []barometre.Month
	// Depts maps a department code to its series.
	Depts map[string]*Series
	// National is the national series, nil without a national file.
	National *Series
	// NationalTarget is the national synthese row, nil when none.
	NationalTarget *barometre.Target
	// Decreases of cumulative values, in department (dept.Codes) then date
	// order.
	Decreases []Decrease

	order []string // department codes in the official order
}

// Series returns the series of department code, or nil.
func (ind *Indicator) Series(code string) *Series { return ind.Depts[code] }

// Model is every indicator of the files given to Build.
type Model struct {
	// Indicators in order of first appearance in the detail file.
	Indicators []*Indicator
	byID       map[string]*Indicator
}

// Build assembles the model from a departmental detail file, a synthese
// file and a national detail file; synthese and national may be nil (and
// detail too). It is New followed by Add of each file.
func Build(detail, synthese, national *barometre.File) *Model {
	m := New()
	for _, f := range []*barometre.File{detail, synthese, national} {
		if f != nil {
			m.Add(f)
		}
	}
	return m
}

// New returns an empty model.
func New() *Model { return &Model{byID: map[string]*Indicator{}} }

// Add merges a file of any kind (departmental or national, detail or
// synthese) into the model and recomputes dates, absent months and
// decreases of the indicators it touches. A value for a date already in a
// series is ignored (the first one read is kept, as barometre does within a
// file).
func (m *Model) Add(f *barometre.File) {
	touched := map[*Indicator]bool{}
	for i := range f.Observations {
		o := &f.Observations[i]
		ind := m.get(o.Indicator, o.Label, o.Mesure, o.Unit)
		touched[ind] = true
		var s *Series
		if f.Kind.IsNational() {
			if ind.National == nil {
				ind.National = &Series{Name: o.DeptName, Target: ind.NationalTarget}
			}
			s = ind.National
		} else {
			s = ind.dept(o.Dept, o.DeptName)
		}
		s.Points = append(s.Points, Point{Date: o.Date, Value: o.Value, Line: o.Line})
	}
	for i := range f.Targets {
		t := f.Targets[i]
		ind := m.get(t.Indicator, t.Label, t.Mesure, t.Unit)
		touched[ind] = true
		if f.Kind.IsNational() {
			ind.NationalTarget = &t
			if ind.National != nil {
				ind.National.Target = &t
			}
			continue
		}
		ind.dept(t.Dept, t.DeptName).Target = &t
	}
	for ind := range touched {
		ind.finish()
	}
}

// get returns the indicator id, created on first use.
func (m *Model) get(id, label, mesure, unit string) *Indicator {
	ind := m.byID[id]
	if ind == nil {
		ind = &Indicator{ID: id, Depts: map[string]*Series{}}
		m.byID[id] = ind
		m.Indicators = append(m.Indicators, ind)
	}
	if ind.Label == "" {
		ind.Label = label
	}
	if ind.Mesure == "" {
		ind.Mesure = mesure
	}
	if ind.Unit == "" {
		ind.Unit = unit
	}
	return ind
}

// dept returns the series of department code, created on first use.
func (ind *Indicator) dept(code, name string) *Series {
	s := ind.Depts[code]
	if s == nil {
		s = &Series{Dept: code, Name: name}
		ind.Depts[code] = s
	}
	if s.Name == "" {
		s.Name = name
	}
	return s
}

// finish sorts the series and derives dates, absent months, missing dates
// and decreases.
func (ind *Indicator) finish() {
	all := map[Date]bool{}
	for _, s := range ind.Depts {
		s.sortPoints()
		for _, p := range s.Points {
			all[p.Date] = true
		}
	}
	if ind.National != nil {
		ind.National.sortPoints()
	}
	ind.Dates = ind.Dates[:0]
	for d := range all {
		ind.Dates = append(ind.Dates, d)
	}
	order.Sort(ind.Dates)

	ind.AbsentMonths = ind.AbsentMonths[:0]
	if n := len(ind.Dates); n > 0 {
		months := map[barometre.Month]bool{}
		for _, d := range ind.Dates {
			months[d.Month()] = true
		}
		for mi := ind.Dates[0].Month(); mi <= ind.Dates[n-1].Month(); mi++ {
			if !months[mi] {
				ind.AbsentMonths = append(ind.AbsentMonths, mi)
			}
		}
	}

	ind.order = ind.codes()
	ind.Decreases = ind.Decreases[:0]
	for _, code := range ind.order {
		s := ind.Depts[code]
		s.Missing = s.Missing[:0]
		for _, d := range ind.Dates {
			if _, ok := s.index(d); !ok {
				s.Missing = append(s.Missing, d)
			}
		}
		s.Decreases = s.decreases()
		ind.Decreases = append(ind.Decreases, s.Decreases...)
	}
	if ind.National != nil {
		ind.National.Decreases = ind.National.decreases()
	}
}

// codes returns the indicator's department codes in the official order
// (dept.Codes); codes unknown to package dept, if any, come last, sorted.
func (ind *Indicator) codes() []string {
	out := make([]string, 0, len(ind.Depts))
	for _, c := range dept.Codes() {
		if ind.Depts[c] != nil {
			out = append(out, c)
		}
	}
	var other []string
	for c := range ind.Depts {
		if dept.Index(c) < 0 {
			other = append(other, c)
		}
	}
	order.Sort(other)
	return append(out, other...)
}

// Codes returns the department codes that have a series, in the official
// order. The caller must not modify the slice.
func (ind *Indicator) Codes() []string { return ind.order }

// sortPoints sorts by date and drops a second value for the same date.
func (s *Series) sortPoints() {
	order.StableFunc(s.Points, func(a, b Point) int { return int(a.Date) - int(b.Date) })
	out := s.Points[:min(len(s.Points), 1)]
	for _, p := range s.Points[min(len(s.Points), 1):] {
		if p.Date != out[len(out)-1].Date {
			out = append(out, p)
		}
	}
	s.Points = out
}

func (s *Series) decreases() []Decrease {
	var out []Decrease
	for i := 1; i < len(s.Points); i++ {
		if p, q := s.Points[i-1], s.Points[i]; q.Value < p.Value {
			out = append(out, Decrease{Dept: s.Dept, From: p.Date, To: q.Date, Before: p.Value, After: q.Value, Line: q.Line})
		}
	}
	return out
}

// index returns the position of date d in Points.
func (s *Series) index(d Date) (int, bool) {
	return slices.BinarySearchFunc(s.Points, d, func(p Point, d Date) int { return int(p.Date) - int(d) })
}

// Indicator returns the indicator id, or nil.
func (m *Model) Indicator(id string) *Indicator { return m.byID[id] }

// At returns the value published at date d.
func (s *Series) At(d Date) (float64, bool) {
	if s == nil {
		return 0, false
	}
	i, ok := s.index(d)
	if !ok {
		return 0, false
	}
	return s.Points[i].Value, true
}

// Last returns the last published point, false when the series is empty.
func (s *Series) Last() (Point, bool) {
	if s == nil || len(s.Points) == 0 {
		return Point{}, false
	}
	return s.Points[len(s.Points)-1], true
}

// Increment returns the value at d minus the previous published value, and
// the number of calendar months between the two dates. Across an absent
// month the increment is not split: it covers both months and months is 2,
// so that callers can show it as such (or divide). ok is false at the first
// point or when d is not published.
func (s *Series) Increment(d Date) (delta float64, months int, ok bool) {
	if s == nil {
		return 0, 0, false
	}
	i, found := s.index(d)
	if !found || i == 0 {
		return 0, 0, false
	}
	p, q := s.Points[i-1], s.Points[i]
	return q.Value - p.Value, int(q.Date.Month() - p.Date.Month()), true
}

// SumAt returns the sum of the departments' values at d and how many
// departments have a value there.
func (ind *Indicator) SumAt(d Date) (sum float64, n int) {
	for _, code := range ind.order {
		if v, ok := ind.Depts[code].At(d); ok {
			sum += v
			n++
		}
	}
	return sum, n
}

// NationalAt returns the national value at d.
func (ind *Indicator) NationalAt(d Date) (float64, bool) { return ind.National.At(d) }

// Remainder returns the national value at d minus the sum of departments:
// the part not attributed to any department. ok is false without a
// national value or without any department value at d.
func (ind *Indicator) Remainder(d Date) (float64, bool) {
	nat, ok := ind.NationalAt(d)
	sum, n := ind.SumAt(d)
	if !ok || n == 0 {
		return 0, false
	}
	return nat - sum, true
}

// LastDate returns the indicator's last date (zero when it has none).
func (ind *Indicator) LastDate() Date {
	if len(ind.Dates) == 0 {
		return 0
	}
	return ind.Dates[len(ind.Dates)-1]
}
