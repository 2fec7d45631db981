package export

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
	"francenum-map/internal/app/apptest"
	"francenum-map/internal/classify"
)

func newApp(t *testing.T) *app.App {
	a, err := app.New(apptest.Inputs(t))
	require.NoError(t, err)
	return a
}

func TestCSV(t *testing.T) {
	a := newApp(t)
	v := a.View()
	csv := CSV(&v, a.Values())
	lines := strings.Split(strings.TrimSuffix(csv, "\n"), "\n")
	require.Len(t, lines, 102)
	assert.True(t, strings.HasPrefix(lines[0], "code_departement,libelle_departement,"))
	// Ain: 752 chèques for a target of 878.
	assert.True(t, strings.HasPrefix(lines[1], "01,Ain,nb-entreprises-cheaque-numerique,2022-11,target,85.649,752,878,85.649,"), lines[1])
	assert.True(t, strings.HasSuffix(lines[1], `,"Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au 30 novembre 2022"`),
		"the source line, quoted (it has a comma): %s", lines[1])
	assert.Equal(t, `"a ""b"", c"`, csvField(`a "b", c`))
	assert.Equal(t, "", csvNum(math.NaN()))
}

func TestSVG(t *testing.T) {
	a := newApp(t)
	d, v := a.Drawing(), a.View()
	svg := SVG(&d, &v)
	assert.True(t, strings.HasPrefix(svg, "<?xml"))
	assert.Equal(t, 101, strings.Count(svg, "data-code="))
	assert.Contains(t, svg, `id="legend"`)
	assert.Contains(t, svg, "Licence Ouverte 2.0 — données au 30 novembre 2022")
	assert.Contains(t, svg, "Guadeloupe")
	assert.Contains(t, svg, "Côtes-d&#39;Armor")
	assert.Contains(t, svg, `<pattern id="`+classify.NoDataPattern+`"`, "the app's patterns")
	assert.Contains(t, svg, `fill="`+v.Fill(0)+`"`)
	assert.NotContains(t, svg, "<circle", "no circles for % of target")

	a.Act("metric", "count")
	a.Act("quality", "1")
	d, v = a.Drawing(), a.View()
	svg = SVG(&d, &v)
	assert.Greater(t, strings.Count(svg, "<circle"), 90, "circles for counts")
	assert.Contains(t, svg, `fill="`+classify.NeutralFill+`"`)
	assert.Equal(t, "&lt;a&gt; &amp; &quot;b&quot;", XMLEscape(`<a> & "b"`))
}
