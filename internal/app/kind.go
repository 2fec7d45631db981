package app

import (
	"errors"
	"math"

	"francenum-map/internal/barometre"
	"francenum-map/internal/indicator"
	"francenum-map/internal/series"
	"francenum-map/internal/unitkind"
)

// kindOf decides what the map may do with an indicator's values
// (indicator.Kind): its kind of quantity from its unit and values, as the
// Worker's /api/v1/indicators says (unitkind.Classify, over the same
// departmental values), and whether the synthese gives a target.
func kindOf(ind *series.Indicator, hasTarget bool) indicator.Kind {
	var v unitkind.Values
	for _, s := range ind.Depts {
		for i, p := range s.Points {
			v.N++
			if p.Value != math.Trunc(p.Value) {
				v.Fractional++
			}
			if p.Value < 0 {
				v.Negative++
			}
			if i > 0 {
				switch prev := s.Points[i-1].Value; {
				case p.Value > prev:
					v.Rises++
				case p.Value < prev:
					v.Falls++
				}
			}
		}
	}
	k, cum := unitkind.Classify(ind.Unit, v)
	return indicator.Kind{Kind: k, Cumulative: cum, HasTarget: hasTarget}
}

// Kind returns what the map does with the shown indicator's values: its
// kind of quantity, whether it is a running total, whether it has targets.
func (a *App) Kind() indicator.Kind { return a.kind }

// summable reports whether the shown indicator's values add up over
// departments (a national sum, circles, a figure per inhabitant).
//
//go:noinline
func (a *App) summable() bool { return a.kind.Kind.Summable() }

// circles reports whether the view draws proportional circles.
//
//go:noinline
func (a *App) circles() bool { return a.kind.Circles(a.st.Metric) }

// AddFiles merges one indicator's files (its departmental detail, and its
// synthese and national detail when given: the Worker's
// /api/v1/indicators/{id}… answers) into the model, so that the page can
// switch to it; the model keeps every indicator added, and the shown one
// is unchanged. A file that cannot be read leaves the model untouched and
// comes back as the error.
func (a *App) AddFiles(detail, synthese, national []byte) error {
	var fs []*barometre.File
	for i, b := range [][]byte{detail, synthese, national} {
		if len(b) == 0 {
			continue
		}
		f, err := barometre.Parse(b)
		if err != nil {
			return errors.New(fileNames[i] + ": " + err.Error())
		}
		fs = append(fs, f)
	}
	for _, f := range fs {
		a.model.Add(f)
	}
	a.extra = append(a.extra, fs...)
	a.indVersion++
	return nil
}

// valueKey is the interface string naming the published value (metric
// count) of the shown indicator: « Nombre cumulé (cercles) » for a running
// count, « Valeur (cercles) » for another quantity that adds up, « Taux
// publié » or « Moyenne publiée » for what never does.
func (a *App) valueKey() string {
	switch {
	case a.kind.Kind == unitkind.Rate:
		return "mRate"
	case a.kind.Kind == unitkind.Average:
		return "mAverage"
	case a.kind.Kind == unitkind.Count && a.kind.Cumulative:
		return "mCount"
	}
	return "mSum"
}

// targetKey names % of target: the registered indicators' targets are
// 2022's (« % de la cible 2022 »); the others' dates vary.
func (a *App) targetKey() string {
	if _, ok := indicator.Lookup(a.ind.ID); ok {
		return "mTarget"
	}
	return "pctTarget"
}

// cumLabel names the published value in the tooltip, the table and the
// compare panel: « Cumul » for a running total, « Valeur » otherwise.
func (a *App) cumLabel() string {
	if a.kind.Cumulative {
		return a.t("colCount")
	}
	return a.t("colValue")
}

// metricOptions are the #metric select's choices for the shown indicator:
// only the metrics that make sense for its kind, each with its name.
func (a *App) metricOptions() [][2]string {
	ms := a.kind.Metrics()
	out := make([][2]string, len(ms))
	for i, m := range ms {
		out[i] = [2]string{m, a.metricName(m)}
	}
	return out
}
