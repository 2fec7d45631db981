// Package series is the map's data model: indicator → department → series
// of published values sorted by date, with the synthese targets, the
// national series, absent months, decreases of cumulative values, monthly
// increments and the national remainder not attributed to any department.
// It is linked into the browser's wasm: no fmt.
package series

import "francenum-map/internal/barometre"

// Date is barometre.Date.
type Date = barometre.Date

// Point is one published value.
type Point struct {
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
}

// Decrease is a cumulative value lower than the previous published one.
type Decrease struct {
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
	// AbsentMonths are the months (barometre.Date.MonthIndex) between the
	// first and last date for which no department has a value.
	AbsentMonths []int
	// Depts maps a department code to its series.
	Depts map[string]*Series
	// National is the national series, nil without a national file.
	National *Series
	// NationalTarget is the national synthese row, nil when none.
	NationalTarget *barometre.Target
	// Decreases of cumulative values, in department (dept.Codes) then date
	// order.
	Decreases []Decrease
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
// decreases of the indicators it touches.
func (m *Model) Add(f *barometre.File) {}

// Indicator returns the indicator id, or nil.
func (m *Model) Indicator(id string) *Indicator { return m.byID[id] }

// At returns the value published at date d.
func (s *Series) At(d Date) (float64, bool) { return 0, false }

// Increment returns the value at d minus the previous published value, and
// the number of calendar months between them (2 when a month is absent in
// between: the increment then covers both months). ok is false at the first
// point or when d is not published.
func (s *Series) Increment(d Date) (delta float64, months int, ok bool) { return 0, 0, false }

// SumAt returns the sum of the departments' values at d and how many
// departments have a value there.
func (ind *Indicator) SumAt(d Date) (sum float64, n int) { return 0, 0 }

// NationalAt returns the national value at d.
func (ind *Indicator) NationalAt(d Date) (float64, bool) { return 0, false }

// Remainder returns the national value at d minus the sum of departments:
// the part not attributed to any department.
func (ind *Indicator) Remainder(d Date) (float64, bool) { return 0, false }
