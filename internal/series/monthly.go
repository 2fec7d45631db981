package series

import (
	"strconv"

	"francenum-map/internal/frfmt"
)

// Monthly is the « Nouveaux ce mois » (new this month) value of a series
// at a published date, under one rule applied wherever it shows (map,
// legend, description, tooltip): the increment since the previous
// published value, divided by the calendar months it spans. After an
// absent month the increment covers two months; shown whole it would
// read as one month's and double that month on the map, so it is shown
// as a monthly average and flagged by Months > 1 (« moyenne mensuelle sur
// 2 mois »).
type Monthly struct {
	// PerMonth is Total / Months: the value to map, class and sum.
	PerMonth float64
	// Total is the increment since the previous published value.
	Total float64
	// Months is the number of calendar months between the two dates: 1
	// normally, 2 after one absent month.
	Months int
	// From is the previous published date, To the date asked for.
	From, To Date
}

// Averaged reports whether PerMonth is an average over several months.
func (m Monthly) Averaged() bool { return m.Months > 1 }

// Monthly returns the monthly increment at d (see the type); ok is false
// at the series' first point, when d is not published, or for a nil
// series.
func (s *Series) Monthly(d Date) (m Monthly, ok bool) {
	delta, months, ok := s.Increment(d)
	if !ok || months < 1 {
		return Monthly{}, false
	}
	i, _ := s.index(d)
	return Monthly{PerMonth: delta / float64(months), Total: delta, Months: months, From: s.Points[i-1].Date, To: d}, true
}

// MonthsSpanned returns how many calendar months the indicator's monthly
// increments at d span: 1 when the previous month is published, 2 after
// one absent month, 0 at the first date or for a date not in Dates. The
// legend and the description label the whole map with it; a department
// missing months of its own says so in its tooltip (Series.Monthly).
func (ind *Indicator) MonthsSpanned(d Date) int {
	for i, x := range ind.Dates {
		if x == d {
			if i == 0 {
				return 0
			}
			return int(d.Month() - ind.Dates[i-1].Month())
		}
	}
	return 0
}

// SpanLabel names an average over months calendar months: « moyenne
// mensuelle sur 2 mois » / "monthly average over 2 months"; "" when
// months ≤ 1 (a plain monthly increment needs no label).
func SpanLabel(months int, l frfmt.Lang) string {
	if months <= 1 {
		return ""
	}
	if l == frfmt.EN {
		return "monthly average over " + strconv.Itoa(months) + " months"
	}
	return "moyenne mensuelle sur " + strconv.Itoa(months) + "\u00a0mois"
}
