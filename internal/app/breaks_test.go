package app

import (
	"testing"

	"francenum-map/internal/indicator"
	"francenum-map/internal/viewstate"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The breaks box reads the page's language, says which break is wrong
// and why (the map unchanged), and each metric keeps its own breaks
// (issue 14, item 7).
func TestManualBreaksTyped(t *testing.T) {
	a := newApp(t)
	assert.Empty(t, a.Act("ind", indicator.Cheques))
	assert.Empty(t, a.Act("metric", viewstate.MetricCount))
	assert.Empty(t, a.Act("scheme", viewstate.SchemeManual))

	// French: decimal comma, « ; » or spaces between breaks.
	assert.Empty(t, a.Act("breaks", "80,5 ; 120  200"))
	assert.Equal(t, []float64{80.5, 120, 200}, a.State().Breaks)
	v := a.View()
	assert.Equal(t, "80,5\u00a0; 120\u00a0; 200", v.BreaksText, "shown as typed, in French")
	assert.Equal(t, "80.5,120,200", v.Breaks, "the URL's form")
	assert.Empty(t, v.BreaksError)

	// « 120,90 » is one number with a decimal comma, below 200? It is
	// 120.9, then « 90 » is not above it: refused, with the position.
	st := a.State()
	assert.Empty(t, a.Act("breaks", "120,9 ; 90"))
	assert.True(t, st.Equal(a.State()), "a refused text changes nothing")
	v = a.View()
	assert.Contains(t, v.BreaksError, "2")
	assert.Contains(t, v.BreaksError, "«\u00a090\u00a0»")
	assert.Equal(t, "80,5\u00a0; 120\u00a0; 200", v.BreaksText)
	assert.Empty(t, a.Act("lang", "en"))
	assert.Empty(t, a.View().BreaksError, "any other change clears the message")

	// English reads the point and thousands commas.
	assert.Empty(t, a.Act("breaks", "1,200; 2500.5"))
	assert.Equal(t, []float64{1200, 2500.5}, a.State().Breaks)
	assert.Equal(t, "1,200; 2,500.5", a.View().BreaksText)
	assert.Empty(t, a.Act("breaks", "50,100,150"))
	assert.NotEmpty(t, a.View().BreaksError, "50,100,150 is not three breaks in English either")

	// Per metric: per 10 000 starts from its own breaks, and the count's
	// come back with the count.
	count := a.State().Breaks
	assert.Empty(t, a.Act("metric", viewstate.MetricPer10k))
	assert.Equal(t, viewstate.SchemeManual, a.State().Scheme)
	per := a.State().Breaks
	require.NotEmpty(t, per)
	assert.NotEqual(t, count, per)
	assert.Less(t, per[len(per)-1], a.scale.Max+1e-9)
	assert.Greater(t, per[0], a.scale.Min, "no class is empty: the breaks come from this metric's values")
	assert.Empty(t, a.Act("breaks", "10; 20"))
	assert.Empty(t, a.Act("metric", viewstate.MetricCount))
	assert.Equal(t, count, a.State().Breaks, "the count's breaks come back")
	assert.Empty(t, a.Act("metric", viewstate.MetricPer10k))
	assert.Equal(t, []float64{10, 20}, a.State().Breaks)
}

// TestLegendLabelsAsTyped (issue 26 item 8): a typed break prints as
// typed (« 80,5 », not « 81 % »), and a rate's labels carry their unit.
func TestLegendLabelsAsTyped(t *testing.T) {
	a := newApp(t)
	assert.Empty(t, a.Act("ind", indicator.Cheques))
	assert.Empty(t, a.Act("metric", viewstate.MetricTarget))
	assert.Empty(t, a.Act("scheme", viewstate.SchemeManual))
	assert.Empty(t, a.Act("breaks", "50 ; 80,5 ; 100"))
	var labels []string
	for _, it := range a.View().Legend.Items {
		labels = append(labels, it.Label)
	}
	assert.Contains(t, labels, "80,5\u202f% – < 100\u202f%", "the typed break, as typed: %q", labels)

	withIndicator(t, a, "taux-deploiement-fibre")
	assert.Empty(t, a.Act("ind", "taux-deploiement-fibre"))
	assert.Empty(t, a.Act("scheme", viewstate.SchemeQuantile))
	items := a.View().Legend.Items
	require.NotEmpty(t, items)
	for _, it := range items {
		assert.Contains(t, it.Label, "%", "a rate's legend label carries its unit")
	}
}
