package app

// MonthView is what a month change recolours once the scale is fixed: the
// class of each department, the legend counts and the month's label. The
// breaks stay fixed while the month changes, so the legend labels and
// colours of the last View still apply; everything else (accessible names,
// title, URL) follows with the next View.
type MonthView struct {
	// Index is the month's position on the slider.
	Index int
	// Classes has one byte per department: '0'+class, or 'x' for no data.
	Classes []byte
	// Counts are the legend counts per class, NoData the departments
	// without a value.
	Counts []int
	NoData int
	// Label is "novembre 2022", with a mention when the month is absent
	// from the data (Absent).
	Label  string
	Absent bool
	// Radii are the circle radii of counts (else nil), in drawing units.
	Radii []float64
}

// monthView builds the month view of month index i from its classes.
func (a *App) monthView(i int, cls []int) MonthView {
	v := MonthView{Index: i, Classes: make([]byte, len(cls)), Counts: make([]int, a.scale.K())}
	for k, x := range cls {
		if x < 0 {
			v.Classes[k] = 'x'
			v.NoData++
			continue
		}
		v.Classes[k] = byte('0' + x)
		if x < len(v.Counts) {
			v.Counts[x]++
		}
	}
	if len(a.months) == 0 {
		return v
	}
	v.Absent = len(a.present) > i && !a.present[i]
	v.Label = a.monthLabel(a.months[i])
	if v.Absent {
		v.Label += " — " + a.t("absentMonth")
	}
	return v
}

// MonthView returns the month view of the month shown, with the circle
// radii when counts are drawn. The month slider's hot path: move with
// Act("monthIndex", …) or Apply, then read it.
func (a *App) MonthView() MonthView {
	v := a.monthView(a.monthIndex(), a.cls)
	if a.circles() {
		v.Radii = a.radii(a.month())
	}
	return v
}

// MonthViews returns the month view of every month of the current view,
// without radii, computed aside: the shell asks for them when the page is
// idle, then recolours the map on a month change without calling into Go
// before the first frame. Breaks are fixed while the month changes, so they
// stay valid until anything else in the state changes. The state is not
// touched.
func (a *App) MonthViews() []MonthView {
	out := make([]MonthView, len(a.months))
	var vals []float64
	var cls []int
	for i, m := range a.months {
		vals, cls = a.classesAt(m, vals, cls)
		out[i] = a.monthView(i, cls)
	}
	return out
}
