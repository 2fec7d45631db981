package export

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
	"francenum-map/internal/app/apptest"
	"francenum-map/internal/classify"
	"francenum-map/internal/exportfmt"
)

func newApp(t *testing.T) *app.App {
	a, err := app.New(apptest.Inputs(t))
	require.NoError(t, err)
	return a
}

func TestCSV(t *testing.T) {
	a := newApp(t)
	v := a.View()
	csv := CSV(&v, a.Values(), exportfmt.Standard)
	lines := strings.Split(strings.TrimSuffix(csv, "\n"), "\n")
	require.Len(t, lines, 102)
	assert.True(t, strings.HasPrefix(lines[0], "code_departement,libelle_departement,id_indicateur,indicateur,"))
	// Ain: 752 chèques for a target of 878.
	assert.True(t, strings.HasPrefix(lines[1], "01,Ain,nb-entreprises-cheaque-numerique,"+v.IndName+",2022-11,target,85.649,752,878,85.649,"), lines[1])
	assert.True(t, strings.HasSuffix(lines[1], `,"Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au 30 novembre 2022"`),
		"the source line, quoted (it has a comma): %s", lines[1])
}

// The French Excel variant and the cells a user's file can fill (issue
// 14, item 12).
func TestCSVExcelAndHostileLabels(t *testing.T) {
	a := newApp(t)
	v := a.View()
	v.IndName = "=cmd|' /C calc'!A0"
	csv := CSV(&v, a.Values(), exportfmt.ExcelFR)
	require.True(t, strings.HasPrefix(csv, "\ufeff"), "a BOM for Excel")
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(csv, "\ufeff"), "\r\n"), "\r\n")
	require.Len(t, lines, 102)
	assert.True(t, strings.HasPrefix(lines[0], "code_departement;libelle_departement;id_indicateur;indicateur;"), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "01;Ain;nb-entreprises-cheaque-numerique;'=cmd|' /C calc'!A0;2022-11;target;85,649;752;878;85,649;"), lines[1])
	assert.True(t, strings.HasSuffix(lines[1], ";Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au 30 novembre 2022"), lines[1])
	for _, name := range []string{"+1", "-2", "@SUM(A1)"} {
		v.IndName = name
		std := CSV(&v, a.Values(), exportfmt.Standard)
		assert.Contains(t, strings.SplitN(std, "\n", 3)[1], ",'"+name+",", "%q neutralised", name)
	}
}

// Labels from a user's file with control characters or invalid UTF-8
// still give well-formed XML.
func TestSVGHostileLabels(t *testing.T) {
	a := newApp(t)
	d, v := a.Drawing(), a.View()
	v.IndName = "Mon\x01 indicateur \xff<b>"
	v.Title = v.IndName
	svg := SVG(&d, &v)
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG parses as XML")
	}
	assert.Contains(t, svg, "Mon indicateur &lt;b&gt;")
	assert.Contains(t, svg, "données au 30 novembre 2022")
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
