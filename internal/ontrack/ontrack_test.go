package ontrack

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/barometre"
)

// chequesClosed is the closing day of the chèque scheme (its registry
// entry, internal/indicator, gives it to the app).
const chequesClosed = barometre.Date(20210731)

func ym(y, m int) barometre.Month { return barometre.MakeMonth(y, m) }

var nan = math.NaN()

// series: +100 a month with April and July 2022 absent, as in the data.
var series = []Point{
	{20220131, 1000}, {20220228, 1100}, {20220331, 1200}, {20220531, 1400},
	{20220630, 1500}, {20220831, 1700}, {20220930, 1800}, {20221031, 1900}, {20221130, 2000},
}

func TestDecisionTable(t *testing.T) {
	tests := []struct {
		name       string
		points     []Point
		target     float64
		opts       Options
		status     Status
		remaining  float64
		monthsLeft int
		needed     float64
		pace       float64
		paceMonths int
		projected  barometre.Month
	}{
		// Window 6 → from March (6 published months back): 800 over 8 real months.
		{"behind", series, 2600, Options{}, Behind, 600, 1, 600, 100, 8, ym(2023, 5)},
		{"on track", series, 2050, Options{}, OnTrack, 50, 1, 50, 100, 8, ym(2022, 12)},
		{"exactly the pace needed", series, 2100, Options{}, OnTrack, 100, 1, 100, 100, 8, ym(2022, 12)},
		{"reached", series, 1900, Options{}, Reached, 0, 1, nan, 100, 8, 0},
		{"reached exactly", series, 2000, Options{}, Reached, 0, 1, nan, 100, 8, 0},
		{"window 3: from August", series, 2600, Options{Window: 3}, Behind, 600, 1, 600, 100, 3, ym(2023, 5)},
		{"as of June: 5 points, from January", series, 2600, Options{AsOf: 20220630}, Behind, 1100, 6, 1100.0 / 6, 100, 5, ym(2023, 5)},
		{"closed scheme: no projection", series, 2600, Options{Closed: chequesClosed}, Closed, 600, 1, nan, 100, 8, 0},
		{"closed but reached", series, 1500, Options{Closed: chequesClosed}, Reached, 0, 1, nan, 100, 8, 0},
		{"single point", []Point{{20221130, 10}}, 100, Options{}, Unknown, 90, 1, 90, nan, 0, 0},
		{"decreasing (correction): no projection", []Point{{20221031, 1000}, {20221130, 900}}, 2000, Options{}, Behind, 1100, 1, 1100, -100, 1, 0},
		{"flat: no projection", []Point{{20221031, 1000}, {20221130, 1000}}, 2000, Options{}, Behind, 1000, 1, 1000, 0, 1, 0},
		{"target date passed", []Point{{20221130, 1000}, {20230131, 1100}}, 2000, Options{}, Behind, 900, -1, nan, 50, 2, ym(2024, 7)},
		{"projection beyond 50 years is none", []Point{{20221031, 1000}, {20221130, 1000.001}}, 2000, Options{}, Behind, 999.999, 1, 999.999, 0.001, 1, 0},
		{"NaN points ignored", []Point{{20221031, 1000}, {20221130, nan}}, 2000, Options{}, Unknown, 1000, 2, 500, nan, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(tt.points, Point{TargetDate2022, tt.target}, tt.opts)
			assert.Equal(t, tt.status, r.Status, r.Status.String())
			assert.InDelta(t, tt.remaining, r.Remaining, 1e-9)
			assert.Equal(t, tt.monthsLeft, r.MonthsLeft)
			assertFloat(t, tt.needed, r.PaceNeeded, "pace needed")
			assertFloat(t, tt.pace, r.RecentPace, "recent pace")
			assert.Equal(t, tt.paceMonths, r.PaceMonths)
			assert.Equal(t, tt.projected, r.Projected)
			assert.Equal(t, tt.target, r.Target)
			if tt.status == Closed {
				assert.Equal(t, chequesClosed, r.ClosedOn)
			} else {
				assert.Zero(t, r.ClosedOn)
			}
		})
	}
}

func assertFloat(t *testing.T, want, got float64, msg string) {
	t.Helper()
	if math.IsNaN(want) {
		assert.True(t, math.IsNaN(got), "%s: want NaN, got %v", msg, got)
		return
	}
	assert.InDelta(t, want, got, 1e-9, msg)
}

func TestNoData(t *testing.T) {
	for name, c := range map[string]struct {
		pts    []Point
		target float64
	}{
		"no point":       {nil, 100},
		"all NaN":        {[]Point{{20221130, nan}}, 100},
		"zero target":    {series, 0},
		"NaN target":     {series, nan},
		"all after AsOf": {[]Point{{20221130, 5}}, 100},
	} {
		opts := Options{}
		if name == "all after AsOf" {
			opts.AsOf = 20220101
		}
		r := Compute(c.pts, Point{TargetDate2022, c.target}, opts)
		assert.Equal(t, NoData, r.Status, name)
		assert.Zero(t, r.Projected, name)
		assert.True(t, math.IsNaN(r.PaceNeeded), name)
	}
}

// Order of the input does not matter; a month given twice keeps the later.
func TestUnsortedAndDuplicates(t *testing.T) {
	rev := make([]Point, len(series))
	for i, p := range series {
		rev[len(series)-1-i] = p
	}
	assert.Equal(t, Compute(series, Point{TargetDate2022, 2600}, Options{}), Compute(rev, Point{TargetDate2022, 2600}, Options{}))
	dup := append([]Point{}, series...)
	dup = append(dup, Point{20221115, 1950}) // same month, earlier day: superseded
	r := Compute(dup, Point{TargetDate2022, 2600}, Options{})
	assert.Equal(t, 2000.0, r.Current)
	assert.Equal(t, barometre.Date(20221130), r.AsOf)
	dup = append(dup, Point{20221130, 2100}) // same day given again: the later row wins
	r = Compute(dup, Point{TargetDate2022, 2600}, Options{})
	assert.Equal(t, 2100.0, r.Current)
	assert.InDelta(t, 900.0/8, r.RecentPace, 1e-9, "one point per month in the window")
}

func TestStatusNames(t *testing.T) {
	for _, s := range []Status{NoData, Reached, OnTrack, Behind, Unknown, Closed} {
		assert.NotEmpty(t, s.String())
	}
	assert.Equal(t, "ontrack", OnTrack.String())
}

func BenchmarkCompute(b *testing.B) {
	for b.Loop() {
		_ = Compute(series, Point{TargetDate2022, 2600}, Options{})
	}
}
