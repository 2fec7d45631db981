package indicator

import "francenum-map/internal/unitkind"

// Metric names, as the URL and the #metric select write them (package
// viewstate takes its constants from here).
const (
	MetricTarget = "target" // % of the synthese's target
	MetricPer10k = "per10k" // per 10 000 inhabitants
	MetricCount  = "count"  // the published value (circles when it adds up)
	MetricNew    = "new"    // new this month (monthly increment)
)

// Kind is what the map may do with an indicator's values: its kind of
// quantity (unitkind), whether it is a running total, and whether the
// synthese gives departments a target.
type Kind struct {
	Kind       unitkind.Kind
	Cumulative bool
	HasTarget  bool
}

// Metrics lists the measures that make sense for k (Measures' Needs),
// in the order of the #metric select: % of target wherever there is a
// target; per 10 000 inhabitants and the share of the total only for
// quantities that add up (a rate or an average is never divided per
// inhabitant nor summed); the published value always; new this month only
// for a running total (a count « dans l'année » or a rate has no
// meaningful monthly increment).
func (k Kind) Metrics() []string {
	out := make([]string, 0, len(Measures))
	for i := range Measures {
		if k.allows(Measures[i].Needs) {
			out = append(out, Measures[i].ID)
		}
	}
	return out
}

// Allows reports whether metric m makes sense for k.
func (k Kind) Allows(m string) bool {
	for _, x := range k.Metrics() {
		if x == m {
			return true
		}
	}
	return false
}

// DefaultMetric is the metric an indicator opens on: % of target when the
// synthese has targets (the France Num default: the state's default, so
// the URL stays short), else the published value.
func (k Kind) DefaultMetric() string {
	if k.HasTarget {
		return MetricTarget
	}
	return MetricCount
}

// Circles reports whether metric m of k is drawn as proportional circles:
// only the published value of a quantity that adds up.
func (k Kind) Circles(m string) bool { return m == MetricCount && k.Kind.Summable() }

// DecreaseIsProblem reports whether a value lower than the previous one is
// a data-quality problem: only in a running total; a rate or a count
// « dans l'année » goes down as a matter of course.
func (k Kind) DecreaseIsProblem() bool { return k.Cumulative && k.Kind.Summable() }
