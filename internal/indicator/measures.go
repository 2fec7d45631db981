package indicator

// MetricShare is the share of the sum of all departments at the month, in
// percent: the 101 shares add up to 100 % (for quantities that add up).
const MetricShare = "share"

// Compute is how a measure derives a department's value from the
// published one.
type Compute uint8

const (
	// Published is the value as published.
	Published Compute = iota
	// OfTarget is the value as a percentage of the department's target.
	OfTarget
	// PerInhabitants is the value per 10 000 inhabitants.
	PerInhabitants
	// Monthly is the increase over the month (averaged over the months an
	// absent month spans).
	Monthly
	// ShareOfSum is the value as a percentage of the departments' sum at
	// the same date.
	ShareOfSum
)

// Needs is what an indicator must have for a measure to make sense.
type Needs uint8

const (
	// Anything: every indicator.
	Anything Needs = iota
	// Target: departments' targets in the synthese.
	Target
	// Summable: a quantity that adds up (never a rate or an average).
	Summable
	// RunningTotal: a summable running total.
	RunningTotal
)

// Format is how a measure's values read.
type Format uint8

const (
	// AsUnit is a number followed by the indicator's unit (a rate's « % »
	// included).
	AsUnit Format = iota
	// AsPercent is a percentage (« 79,1 % »).
	AsPercent
	// AsPer10k is « 12,3 pour 10 000 hab. ».
	AsPer10k
	// AsSigned is a signed number and the unit (« +12 entreprises »).
	AsSigned
)

// Measure is one way of mapping an indicator: one row of Measures. The
// app, its legend, charts, table and the #metric options read it instead
// of switching on measure names.
type Measure struct {
	_ [0]func() // not comparable: no unused equality function in the wasm
	// ID is the URL's and the #metric select's name.
	ID string
	// Label is the uitext key of its name (the published value's name
	// depends on the indicator's kind: the app picks it).
	Label string
	// Compute, Needs and Format say how values are derived, when the
	// measure makes sense and how they read; Decimals is the legend's
	// minimum decimals.
	Compute  Compute
	Needs    Needs
	Format   Format
	Decimals int
	// Diverging classes pivot at 100 (reached) and cap at 150.
	Diverging bool
	// Column is the key of the table column showing the same figure ("":
	// none), which the table then hides.
	Column string
	// Total is true when the 101 values add up to a meaningful total (the
	// description gives it).
	Total bool
}

// Measures are the measures, in the order of the #metric select.
var Measures = [...]Measure{
	{ID: MetricTarget, Label: "mTarget", Compute: OfTarget, Needs: Target, Format: AsPercent, Decimals: 0, Diverging: true, Column: "pct"},
	{ID: MetricPer10k, Label: "mPer10k", Compute: PerInhabitants, Needs: Summable, Format: AsPer10k, Decimals: 1, Column: "per10k"},
	{ID: MetricShare, Label: "mShare", Compute: ShareOfSum, Needs: Summable, Format: AsPercent, Decimals: 2},
	{ID: MetricCount, Label: "mCount", Compute: Published, Needs: Anything, Format: AsUnit, Column: "count", Total: true},
	{ID: MetricNew, Label: "mNew", Compute: Monthly, Needs: RunningTotal, Format: AsSigned, Total: true},
}

// MeasureOf returns the measure named id; ok is false for an unknown name.
func MeasureOf(id string) (m *Measure, ok bool) {
	for i := range Measures {
		if Measures[i].ID == id {
			return &Measures[i], true
		}
	}
	return &Measures[0], false
}

// allows reports whether k has what n needs.
func (k Kind) allows(n Needs) bool {
	switch n {
	case Target:
		return k.HasTarget
	case Summable:
		return k.Kind.Summable()
	case RunningTotal:
		return k.Kind.Summable() && k.Cumulative
	}
	return true
}
