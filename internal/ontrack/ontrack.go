// Package ontrack answers "is this department on track to reach its
// target?" for a cumulative series: what remains, the pace needed per month
// until the target date, the recent pace, a status and the projected month
// of reaching the target. The decision table (Compute's doc) lives here so
// the app only displays a Result.
//
// Dates are barometre.Date (data points, target) and barometre.Month
// (projected month). The baromètre publishes end-of-month values, so only
// the month of a date matters.
package ontrack

import (
	"math"

	"francenum-map/internal/barometre"
)

// TargetDate2022 is the date of the baromètre's 2022 targets (date_cible).
const TargetDate2022 = barometre.Date(20221231)

// DefaultWindow is the number of published months the recent pace looks
// back over (when Options.Window is 0).
const DefaultWindow = 6

// maxHorizon caps projections (months): further than 50 years is "never".
const maxHorizon = 600

// Point is one published value of a cumulative series.
type Point struct {
	// Date is the published date.
	Date barometre.Date
	// Value is the cumulative value; NaN points are ignored.
	Value float64
}

// Options tunes Compute.
type Options struct {
	// AsOf ignores points after it, for the month shown on the map; 0 uses
	// every point.
	AsOf barometre.Date
	// Window is how many published months back the recent pace looks
	// (DefaultWindow when ≤ 0). With months missing in the data, the pace
	// divides by the real number of months between the two points.
	Window int
	// Closed, when not 0, is the day the scheme closed: no pace needed, no
	// projection, Status Closed (unless the target is reached).
	Closed barometre.Date
}

// Status is the verdict.
type Status uint8

const (
	// NoData: no usable point, or no positive target.
	NoData Status = iota
	// Reached: the latest value is at or above the target.
	Reached
	// OnTrack: the recent pace is at least the pace needed.
	OnTrack
	// Behind: the recent pace is below the pace needed, or the target date
	// has passed without reaching the target.
	Behind
	// Unknown: a single point, so no recent pace to compare.
	Unknown
	// Closed: the scheme is closed (Options.Closed); nothing is projected.
	Closed
)

var statusNames = [...]string{"nodata", "reached", "ontrack", "behind", "unknown", "closed"}

// String returns a stable name: "nodata", "reached", "ontrack", "behind",
// "unknown", "closed".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "nodata"
}

// Result is what the app shows. Values that do not apply are NaN (floats)
// or 0 (dates).
type Result struct {
	Status Status
	// AsOf is the date of the latest point used.
	AsOf barometre.Date
	// Current is the latest value; Target the target value.
	Current, Target float64
	// TargetDate is the target's date.
	TargetDate barometre.Date
	// Remaining is max(0, Target − Current).
	Remaining float64
	// MonthsLeft is the number of months from AsOf's month to the target's
	// month (1 from Nov to Dec 2022); ≤ 0 once the target month is reached.
	MonthsLeft int
	// PaceNeeded is Remaining / MonthsLeft per month (NaN when reached,
	// closed, or no month left).
	PaceNeeded float64
	// RecentPace is the average monthly increase over the window (NaN with
	// a single point); PaceFrom is the date it starts from and PaceMonths
	// the real number of months it spans.
	RecentPace float64
	PaceFrom   barometre.Date
	PaceMonths int
	// Projected is the month when the target would be reached at the
	// recent pace, 0 when none (reached, closed, pace ≤ 0, or beyond 50
	// years).
	Projected barometre.Month
	// ClosedOn is Options.Closed when the scheme is closed, else 0.
	ClosedOn barometre.Date
}

// Compute applies the decision table, in this order:
//
//	no point, or target not > 0           → NoData
//	latest value ≥ target                 → Reached (even when closed)
//	Options.Closed set                    → Closed  (no pace needed, no projection)
//	target month reached or passed        → Behind  (PaceNeeded NaN)
//	a single point (no recent pace)       → Unknown
//	recent pace ≥ pace needed             → OnTrack
//	otherwise                             → Behind
//
// Projected is set whenever the target is not reached, the scheme is open
// and the recent pace is > 0 (also when Behind: "at this pace, reached in
// …").
func Compute(points []Point, target Point, opts Options) Result {
	nan := math.NaN()
	r := Result{Target: target.Value, TargetDate: target.Date, Current: nan, Remaining: nan, PaceNeeded: nan, RecentPace: nan}
	pts := usable(points, opts.AsOf)
	if len(pts) == 0 || !(target.Value > 0) {
		return r
	}
	last := pts[len(pts)-1]
	r.AsOf, r.Current = last.Date, last.Value
	r.Remaining = math.Max(0, target.Value-last.Value)
	r.MonthsLeft = int(target.Date.Month() - last.Date.Month())
	w := opts.Window
	if w <= 0 {
		w = DefaultWindow
	}
	if len(pts) >= 2 {
		first := pts[max(0, len(pts)-1-w)]
		gap := int(last.Date.Month() - first.Date.Month())
		r.PaceFrom, r.PaceMonths = first.Date, gap
		r.RecentPace = (last.Value - first.Value) / float64(gap)
	}
	switch {
	case last.Value >= target.Value:
		r.Status = Reached
		return r
	case opts.Closed != 0:
		r.Status = Closed
		r.ClosedOn = opts.Closed
		return r
	}
	if r.RecentPace > 0 {
		months := math.Ceil(r.Remaining / r.RecentPace)
		if months <= maxHorizon {
			r.Projected = last.Date.Month() + barometre.Month(months)
		}
	}
	switch {
	case r.MonthsLeft <= 0:
		r.Status = Behind
	default:
		r.PaceNeeded = r.Remaining / float64(r.MonthsLeft)
		switch {
		case math.IsNaN(r.RecentPace):
			r.Status = Unknown
		case r.RecentPace >= r.PaceNeeded:
			r.Status = OnTrack
		default:
			r.Status = Behind
		}
	}
	return r
}

// usable returns the points with a finite value and a date ≤ asOf (when
// set), sorted by date (stable), keeping one point per month: the latest
// date, and for equal dates the one given last.
func usable(points []Point, asOf barometre.Date) []Point {
	out := make([]Point, 0, len(points))
	sorted := true
	for _, p := range points {
		if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) || p.Date <= 0 || (asOf > 0 && p.Date > asOf) {
			continue
		}
		if len(out) > 0 && p.Date < out[len(out)-1].Date {
			sorted = false
		}
		out = append(out, p)
	}
	if !sorted {
		// Stable insertion sort: a few dozen months, and no generic sort
		// instantiation in app.wasm.
		for i := 1; i < len(out); i++ {
			for j := i; j > 0 && out[j].Date < out[j-1].Date; j-- {
				out[j], out[j-1] = out[j-1], out[j]
			}
		}
	}
	w := 0
	for i, p := range out {
		if i > 0 && p.Date.Month() == out[w-1].Date.Month() {
			out[w-1] = p
			continue
		}
		out[w] = p
		w++
	}
	return out[:w]
}
