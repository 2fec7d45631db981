// Package describe writes the short plain-text description of the map
// (French or English): the total, the highest and lowest departments, how
// many reached their target, how many have no data. The app inserts it as
// text (never HTML). It is linked into the browser wasm: no fmt.
package describe

import (
	"math"
	"strconv"
	"strings"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"
)

// Metric is what the map shows (same names as the app's URL).
type Metric uint8

const (
	// Target is the percentage of the target reached (100 = reached).
	Target Metric = iota
	// Per10k is the cumulative value per 10 000 inhabitants.
	Per10k
	// Count is the cumulative count.
	Count
	// New is the increase during the month.
	New
	// Value is the published value of what never adds up (a rate, an
	// average): no total, and its own heads. It has no URL name: the
	// app's "count" shows it for such indicators.
	Value
	// Share is the share of the departments' sum, in percent.
	Share
)

// metricNames are the URL names by Metric (Value has none).
var metricNames = [...]string{"target", "per10k", "count", "new", "", "share"}

// String returns "target", "per10k", "count", "new" or "share".
func (m Metric) String() string {
	if int(m) < len(metricNames) && metricNames[m] != "" {
		return metricNames[m]
	}
	return "target"
}

// ParseMetric maps a URL name to a Metric; ok is false (Target returned)
// for anything else.
func ParseMetric(s string) (m Metric, ok bool) {
	for i, n := range metricNames {
		if n != "" && n == s {
			return Metric(i), true
		}
	}
	return Target, false
}

// Indicator names what is counted, in the description's language.
type Indicator struct {
	// Noun is the plural noun phrase: "chèques numériques" / "digital
	// vouchers".
	Noun string
	// Participle is the plural past participle agreeing with Noun:
	// "attribués" / "granted". Empty for an indicator without known
	// wording: the total is then written "… total … (Label)".
	Participle string
	// Label is the indicator's title, used when Participle is empty.
	Label string
}

// KnownIndicator returns the wording of a registered indicator
// (internal/indicator); ok is false for any other id.
func KnownIndicator(id string, l frfmt.Lang) (ind Indicator, ok bool) {
	in, ok := indicator.Lookup(id)
	if !ok {
		return Indicator{}, false
	}
	return Indicator{Noun: in.Noun.In(l), Participle: in.Participle.In(l), Label: in.Name.In(l)}, true
}

// Dept is one department's value in the current view.
type Dept struct {
	_          [0]func() // not comparable: no unused equality function in the wasm
	Code, Name string
	// Value is the metric's value; NaN = no data.
	Value float64
	// PctTarget is the percentage of the target (NaN = unknown). With
	// Metric Target the count of departments that reached the target uses
	// Value; with other metrics it uses PctTarget when any is known.
	PctTarget float64
}

// Input is everything the description depends on.
type Input struct {
	Lang      frfmt.Lang
	Indicator Indicator
	Metric    Metric
	// Month of the view.
	Month barometre.Month
	// Depts are the departments (usually 101) in the view.
	Depts []Dept
	// Total is the sum over departments of the count (cumulative, or of the
	// month for Metric New); NaN omits the first sentence.
	Total float64
	// TargetYear is the year of the targets (2022); 0 writes "leur cible".
	TargetYear int
}

// TopN is how many departments are named as highest and as lowest (fewer
// when fewer than 2·TopN have a value).
const TopN = 3

// Text returns the description: 2–4 sentences separated by a space.
func Text(in Input) string { return strings.Join(Sentences(in), " ") }

// Sentences returns the description's sentences, each ending with a period.
func Sentences(in Input) []string {
	fr := in.Lang != frfmt.EN
	out := make([]string, 0, 4)
	if s := totalSentence(in, fr); s != "" {
		out = append(out, s)
	}
	withData := make([]Dept, 0, len(in.Depts))
	for _, d := range in.Depts {
		if !math.IsNaN(d.Value) {
			withData = append(withData, d)
		}
	}
	noData := len(in.Depts) - len(withData)
	month := frfmt.Month(in.Month, in.Lang)
	if len(withData) == 0 {
		if fr {
			return append(out, "Aucune donnée départementale pour "+month+".")
		}
		return append(out, "No department data for "+month+".")
	}
	// Split small sets so a department is never named both highest and
	// lowest: 2 → 1+1, 5 → 3+2, ≥ 6 → 3+3.
	top := min(TopN, (len(withData)+1)/2)
	bottom := min(TopN, len(withData)-top)
	// Highest first, lowest first; ties by code so the text is stable. A
	// partial selection: only 2·TopN of ~101 departments are needed.
	highs := selectTop(withData, top, higher)
	// The exact reverse order (ties: code descending) keeps the two lists
	// disjoint even when many departments share a value.
	lows := selectTop(withData, bottom, func(a, b *Dept) bool { return higher(b, a) })
	high, low := highLowHeads(in.Metric, fr)
	out = append(out, high+colon(fr)+list(highs, in, fr)+".")
	if bottom > 0 {
		out = append(out, low+colon(fr)+list(lows, in, fr)+".")
	}
	if s := reachedSentence(in, withData, noData, month, fr); s != "" {
		out = append(out, s)
	}
	return out
}

// higher orders departments by value, descending, then by code ascending.
func higher(a, b *Dept) bool {
	if a.Value != b.Value {
		return a.Value > b.Value
	}
	return a.Code < b.Code
}

// selectTop returns the n first departments of ds in the order before,
// by insertion into a short list (n ≤ TopN).
func selectTop(ds []Dept, n int, before func(a, b *Dept) bool) []Dept {
	if n <= 0 {
		return nil
	}
	out := make([]Dept, 0, n+1)
	for i := range ds {
		d := &ds[i]
		if len(out) == n && !before(d, &out[n-1]) {
			continue
		}
		j := len(out)
		out = append(out, *d)
		for j > 0 && before(d, &out[j-1]) {
			out[j] = out[j-1]
			j--
		}
		out[j] = *d
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// colon is ": " in English and " : " in French, with a no-break space
// (U+00A0) so the colon never starts a line.
func colon(fr bool) string {
	if fr {
		return "\u00a0: "
	}
	return ": "
}

// semi is "; " in English and " ; " in French, with a narrow no-break space
// (U+202F) before the semicolon as French typography wants.
func semi(fr bool) string {
	if fr {
		return frfmt.NNBSP + "; "
	}
	return "; "
}

func totalSentence(in Input, fr bool) string {
	if math.IsNaN(in.Total) || math.IsInf(in.Total, 0) {
		return ""
	}
	total := frfmt.Number(in.Total, 0, in.Lang)
	month := frfmt.Month(in.Month, in.Lang)
	ind := in.Indicator
	if in.Metric == New {
		switch {
		case fr && ind.Participle != "":
			return "En " + month + ", " + total + " " + ind.Noun + " ont été " + ind.Participle + " dans les départements."
		case fr:
			return "En " + month + ", le total des départements a augmenté de " + total + " (" + ind.Label + ")."
		case ind.Participle != "":
			return "In " + month + ", " + total + " " + ind.Noun + " were " + ind.Participle + " across the departments."
		default:
			return "In " + month + ", the departments' total rose by " + total + " (" + ind.Label + ")."
		}
	}
	switch {
	case fr && ind.Participle != "":
		return "À fin " + month + ", " + total + " " + ind.Noun + " ont été " + ind.Participle + " au total dans les départements."
	case fr:
		return "À fin " + month + ", le total des départements s'élève à " + total + " (" + ind.Label + ")."
	case ind.Participle != "":
		return "By the end of " + month + ", " + total + " " + ind.Noun + " had been " + ind.Participle + " in total across the departments."
	default:
		return "By the end of " + month + ", the departments' total was " + total + " (" + ind.Label + ")."
	}
}

func highLowHeads(m Metric, fr bool) (high, low string) {
	if fr {
		switch m {
		case Per10k:
			return "Les plus forts taux pour 10" + frfmt.NNBSP + "000 habitants", "Les plus faibles"
		case Count:
			return "Les plus grands nombres", "Les plus petits"
		case New:
			return "Les plus fortes hausses du mois", "Les plus faibles"
		case Value:
			return "Les valeurs les plus élevées", "Les plus faibles"
		case Share:
			return "Les plus fortes parts du total", "Les plus faibles"
		}
		return "Les plus forts taux d'atteinte de la cible", "Les plus faibles"
	}
	switch m {
	case Per10k:
		return "Highest rates per 10,000 inhabitants", "Lowest"
	case Count:
		return "Highest counts", "Lowest"
	case New:
		return "Largest increases this month", "Smallest"
	case Value:
		return "Highest values", "Lowest"
	case Share:
		return "Largest shares of the total", "Smallest"
	}
	return "Highest share of the target reached", "Lowest"
}

// value formats a department's value for the metric.
func value(v float64, in Input) string {
	switch in.Metric {
	case Target:
		return frfmt.Percent(v, 0, in.Lang)
	case Per10k, Value:
		return frfmt.Number(v, 1, in.Lang)
	case Share:
		return frfmt.Percent(v, 2, in.Lang)
	}
	return frfmt.Number(v, 0, in.Lang)
}

// list writes "A (1 %), B (2 %) et C (3 %)" / "A (1%), B (2%) and C (3%)".
func list(ds []Dept, in Input, fr bool) string {
	var b strings.Builder
	for i, d := range ds {
		switch {
		case i == 0:
		case i == len(ds)-1 && fr:
			b.WriteString(" et ")
		case i == len(ds)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(d.Name)
		b.WriteString(" (")
		b.WriteString(value(d.Value, in))
		b.WriteString(")")
	}
	return b.String()
}

func reachedSentence(in Input, withData []Dept, noData int, month string, fr bool) string {
	reached, known := 0, false
	if in.Metric == Target {
		known = true
		for _, d := range withData {
			if d.Value >= 100 {
				reached++
			}
		}
	} else {
		for _, d := range in.Depts {
			if !math.IsNaN(d.PctTarget) {
				known = true
				if d.PctTarget >= 100 {
					reached++
				}
			}
		}
	}
	n := strconv.Itoa(len(in.Depts))
	year := ""
	if in.TargetYear > 0 {
		year = strconv.Itoa(in.TargetYear)
	}
	var s string
	if known {
		switch {
		case fr && reached == 0:
			s = "Aucun département n'a atteint sa cible"
		case fr && reached == 1:
			s = "1 département sur " + n + " a atteint sa cible"
		case fr:
			s = strconv.Itoa(reached) + " départements sur " + n + " ont atteint leur cible"
		case reached == 0:
			s = "No department has reached its"
		case reached == 1:
			s = "1 of " + n + " departments has reached its"
		default:
			s = strconv.Itoa(reached) + " of " + n + " departments have reached their"
		}
		switch {
		case fr && year != "":
			s += " de " + year
		case !fr && year != "":
			s += " " + year + " target"
		case !fr:
			s += " target"
		}
		switch {
		case noData == 0:
		case fr && noData == 1:
			s += semi(fr) + "1 n'a pas de donnée pour ce mois"
		case fr:
			s += semi(fr) + strconv.Itoa(noData) + " n'ont pas de donnée pour ce mois"
		case noData == 1:
			s += semi(fr) + "1 has no data for this month"
		default:
			s += semi(fr) + strconv.Itoa(noData) + " have no data for this month"
		}
		return s + "."
	}
	switch {
	case noData == 0:
		return ""
	case fr && noData == 1:
		return "1 département n'a pas de donnée pour " + month + "."
	case fr:
		return strconv.Itoa(noData) + " départements n'ont pas de donnée pour " + month + "."
	case noData == 1:
		return "1 department has no data for " + month + "."
	}
	return strconv.Itoa(noData) + " departments have no data for " + month + "."
}
