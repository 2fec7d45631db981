package describe

import (
	"math"
	"strings"
	"testing"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	nb  = frfmt.NNBSP // narrow no-break space: thousands, before % and ;
	nbs = "\u00a0"    // no-break space before the colon
)

var nan = math.NaN()

func depts() []Dept {
	return []Dept{
		{Code: "976", Name: "Mayotte", Value: 1580, PctTarget: 1580},
		{Code: "973", Name: "Guyane", Value: 1210, PctTarget: 1210},
		{Code: "75", Name: "Paris", Value: 45, PctTarget: 45},
		{Code: "13", Name: "Bouches-du-Rhône", Value: 100, PctTarget: 100},
		{Code: "2A", Name: "Corse-du-Sud", Value: nan, PctTarget: nan},
		{Code: "59", Name: "Nord", Value: 87.4, PctTarget: 87.4},
	}
}

func input(l frfmt.Lang, m Metric) Input {
	ind, ok := KnownIndicator(indicator.Cheques, l)
	if !ok {
		panic("cheques")
	}
	return Input{Lang: l, Indicator: ind, Metric: m, Month: barometre.MakeMonth(2022, 11), Depts: depts(), Total: 112567, TargetYear: 2022}
}

func TestTargetFrench(t *testing.T) {
	assert.Equal(t, []string{
		"À fin novembre 2022, 112" + nb + "567 chèques numériques ont été attribués au total dans les départements.",
		"Les plus forts taux d'atteinte de la cible" + nbs + ": Mayotte (1" + nb + "580" + nb + "%), Guyane (1" + nb + "210" + nb + "%) et Bouches-du-Rhône (100" + nb + "%).",
		"Les plus faibles" + nbs + ": Paris (45" + nb + "%) et Nord (87" + nb + "%).",
		"3 départements sur 6 ont atteint leur cible de 2022" + nb + "; 1 n'a pas de donnée pour ce mois.",
	}, Sentences(input(frfmt.FR, Target)))
}

func TestTargetEnglish(t *testing.T) {
	assert.Equal(t,
		"By the end of November 2022, 112,567 digital vouchers had been granted in total across the departments. "+
			"Highest share of the target reached: Mayotte (1,580%), Guyane (1,210%) and Bouches-du-Rhône (100%). "+
			"Lowest: Paris (45%) and Nord (87%). "+
			"3 of 6 departments have reached their 2022 target; 1 has no data for this month.",
		Text(input(frfmt.EN, Target)))
}

func TestOtherMetrics(t *testing.T) {
	in := input(frfmt.FR, Per10k)
	in.Depts = []Dept{
		{Code: "01", Name: "Ain", Value: 12.34, PctTarget: nan},
		{Code: "02", Name: "Aisne", Value: 8.06, PctTarget: nan},
		{Code: "03", Name: "Allier", Value: nan, PctTarget: nan},
		{Code: "04", Name: "Alpes-de-Haute-Provence", Value: nan, PctTarget: nan},
	}
	assert.Equal(t, []string{
		"À fin novembre 2022, 112" + nb + "567 chèques numériques ont été attribués au total dans les départements.",
		"Les plus forts taux pour 10" + nb + "000 habitants" + nbs + ": Ain (12,3).",
		"Les plus faibles" + nbs + ": Aisne (8,1).",
		"2 départements n'ont pas de donnée pour novembre 2022.",
	}, Sentences(in), "two values: one highest, one lowest")

	in = input(frfmt.EN, New)
	in.Month, in.Total = barometre.MakeMonth(2022, 10), 1234
	in.Depts = []Dept{
		{Code: "01", Name: "Ain", Value: 12, PctTarget: nan},
		{Code: "02", Name: "Aisne", Value: 30, PctTarget: nan},
		{Code: "03", Name: "Allier", Value: 12, PctTarget: nan},
		{Code: "04", Name: "Alpes-de-Haute-Provence", Value: 3, PctTarget: nan},
		{Code: "05", Name: "Hautes-Alpes", Value: nan, PctTarget: nan},
	}
	assert.Equal(t, []string{
		"In October 2022, 1,234 digital vouchers were granted across the departments.",
		"Largest increases this month: Aisne (30) and Ain (12).",
		"Smallest: Alpes-de-Haute-Provence (3) and Allier (12).",
		"1 department has no data for October 2022.",
	}, Sentences(in), "ties ordered by code")

	in = input(frfmt.FR, Count)
	in.Depts = depts()[:3]
	in.Total = 2000
	in.Depts[2].PctTarget = 100 // Paris reached with the target known
	assert.Equal(t, []string{
		"À fin novembre 2022, 2" + nb + "000 chèques numériques ont été attribués au total dans les départements.",
		"Les plus grands nombres" + nbs + ": Mayotte (1" + nb + "580) et Guyane (1" + nb + "210).",
		"Les plus petits" + nbs + ": Paris (45).",
		"3 départements sur 3 ont atteint leur cible de 2022.",
	}, Sentences(in), "other metrics count reached targets from PctTarget")
}

func TestEdgeCases(t *testing.T) {
	in := input(frfmt.FR, Target)
	for i := range in.Depts {
		in.Depts[i].Value = nan
	}
	in.Total = nan
	assert.Equal(t, []string{"Aucune donnée départementale pour novembre 2022."}, Sentences(in))
	in.Lang = frfmt.EN
	assert.Equal(t, "No department data for November 2022.", Text(in))

	in = input(frfmt.FR, Target)
	in.Depts = []Dept{{Code: "01", Name: "Ain", Value: 99.6, PctTarget: nan}, {Code: "02", Name: "Aisne", Value: 120, PctTarget: nan}}
	in.TargetYear = 0
	s := Sentences(in)
	require.Len(t, s, 4)
	assert.Equal(t, "1 département sur 2 a atteint sa cible.", s[3])
	assert.Equal(t, "Les plus faibles"+nbs+": Ain (100"+nb+"%).", s[2], "99.6 % prints 100 % but does not count as reached")
	in.Depts[1].Value = 50
	assert.Equal(t, "Aucun département n'a atteint sa cible.", Sentences(in)[3])
	in.Lang = frfmt.EN
	in.Indicator, _ = KnownIndicator(indicator.Diagnostics, frfmt.EN)
	assert.Equal(t, "No department has reached its target.", Sentences(in)[3])
	assert.Equal(t, "By the end of November 2022, 112,567 digital diagnostics had been carried out in total across the departments.", Sentences(in)[0])

	// An indicator of the full file without wording.
	in = input(frfmt.FR, Count)
	in.Indicator = Indicator{Label: "Nombre de bornes"}
	in.Depts = in.Depts[:1]
	one := Sentences(in)
	require.Len(t, one, 3, "one value: total, highest, reached (PctTarget known)")
	assert.Equal(t, "Les plus grands nombres"+nbs+": Mayotte (1"+nb+"580).", one[1])
	assert.Equal(t, "À fin novembre 2022, le total des départements s'élève à 112"+nb+"567 (Nombre de bornes).", Sentences(in)[0])
	in.Metric = New
	in.Lang = frfmt.EN
	assert.Equal(t, "In November 2022, the departments' total rose by 112,567 (Nombre de bornes).", Sentences(in)[0])
	_, ok := KnownIndicator("other", frfmt.FR)
	assert.False(t, ok)
}

// The description follows the view: month, metric, language, values.
// Many equal values: highest and lowest never name the same department.
func TestTiesDisjoint(t *testing.T) {
	in := input(frfmt.EN, Count)
	in.Depts = []Dept{
		{Code: "03", Name: "C", Value: 5, PctTarget: nan}, {Code: "01", Name: "A", Value: 5, PctTarget: nan},
		{Code: "04", Name: "D", Value: 5, PctTarget: nan}, {Code: "02", Name: "B", Value: 5, PctTarget: nan},
		{Code: "05", Name: "E", Value: 5, PctTarget: nan},
	}
	s := Sentences(in)
	assert.Equal(t, "Highest counts: A (5), B (5) and C (5).", s[1])
	assert.Equal(t, "Lowest: E (5) and D (5).", s[2])
}

func TestChangesWithView(t *testing.T) {
	base := Text(input(frfmt.FR, Target))
	views := map[string]Input{}
	in := input(frfmt.FR, Target)
	in.Month = barometre.MakeMonth(2022, 10)
	views["month"] = in
	views["metric"] = input(frfmt.FR, Count)
	views["lang"] = input(frfmt.EN, Target)
	in = input(frfmt.FR, Target)
	in.Depts[2].Value = 2000 // Paris now highest
	views["values"] = in
	seen := map[string]string{"base": base}
	for name, v := range views {
		txt := Text(v)
		for other, o := range seen {
			assert.NotEqual(t, o, txt, "%s vs %s", name, other)
		}
		seen[name] = txt
	}
	assert.True(t, strings.HasPrefix(seen["values"][strings.Index(seen["values"], "cible"+nbs+": ")+len("cible"+nbs+": "):], "Paris"))
}

// Plain text only: names are never markup, nothing is escaped or wrapped.
func TestPlainText(t *testing.T) {
	in := input(frfmt.FR, Target)
	in.Depts[0].Name = "<b>Mayotte</b> & co"
	txt := Text(in)
	assert.Contains(t, txt, "<b>Mayotte</b> & co (1"+nb+"580"+nb+"%)", "kept verbatim; the app inserts it as text")
	assert.NotContains(t, Text(input(frfmt.EN, Target)), "<")
}

func TestParseMetric(t *testing.T) {
	for _, m := range []Metric{Target, Per10k, Count, New, Share} {
		got, ok := ParseMetric(m.String())
		assert.True(t, ok)
		assert.Equal(t, m, got)
	}
	_, ok := ParseMetric("part")
	assert.False(t, ok)
	_, ok = ParseMetric("")
	assert.False(t, ok, "Value has no URL name")
}

func BenchmarkText101(b *testing.B) {
	in := input(frfmt.FR, Target)
	in.Depts = make([]Dept, 101)
	for i := range in.Depts {
		in.Depts[i] = Dept{Code: strings.Repeat("x", 2), Name: "Département", Value: float64(i * 7 % 101 * 3), PctTarget: nan}
	}
	for b.Loop() {
		_ = Text(in)
	}
}
