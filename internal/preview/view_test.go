package preview

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
	"francenum-map/internal/app/apptest"
)

// TestOfDrawsTheViewAsked: Of gives the view's canonical query, its texts
// and SVG; one app serves views one after the other (the Worker's
// preview wasm keeps it), each its own; a query the app does not show as
// asked is refused with the app's notices, never drawn as another view.
func TestOfDrawsTheViewAsked(t *testing.T) {
	a, err := app.New(apptest.Inputs(t))
	require.NoError(t, err)
	cases := []struct{ query, canonical, title string }{
		{"lang=fr", "", "Chèques numériques — % de la cible 2022 — novembre 2022"},
		{"ind=nb-diagnostics-individualises&metric=per10k&lang=en&embed=1", "ind=nb-diagnostics-individualises&metric=per10k&lang=en", "Digital diagnostics — Per 10,000 inhabitants — November 2022"},
		{"metric=target&date=2022-03", "date=2022-03", "Chèques numériques — % de la cible 2022 — mars 2022"},
	}
	svgs := map[string]bool{}
	for _, c := range cases {
		v, err := Of(a, c.query, true)
		require.NoError(t, err, c.query)
		assert.Equal(t, c.canonical, v.Query, "canonical, without embed")
		assert.Equal(t, c.title, v.Meta.Title)
		assert.Equal(t, MetaOf(a), v.Meta)
		assert.Contains(t, v.SVG, `width="1200" height="630"`)
		assert.Contains(t, v.SVG, "Licence Ouverte 2.0")
		svgs[v.SVG] = true
	}
	assert.Len(t, svgs, len(cases), "each view its own picture")

	v, err := Of(a, "metric=per10k", false)
	require.NoError(t, err)
	assert.Empty(t, v.SVG, "texts only when asked")
	assert.NotEmpty(t, v.Meta.Description)

	for _, q := range []string{"ind=no-such-indicator", "date=1999-01", "metric=volume", "dep=999"} {
		_, err := Of(a, q, true)
		require.Error(t, err, q)
		var qe *QueryError
		require.ErrorAs(t, err, &qe, q)
		assert.NotEmpty(t, qe.Notices, "says why")
		assert.Contains(t, err.Error(), q)
	}
}
