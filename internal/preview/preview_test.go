package preview

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
	"francenum-map/internal/app/apptest"
	"francenum-map/internal/uitext"
)

func newApp(t *testing.T, query string) *app.App {
	a, err := app.New(apptest.Inputs(t))
	require.NoError(t, err)
	require.Empty(t, a.SetQuery(query), query)
	return a
}

// frame is the outer <svg> and the nested one of a preview.
type frame struct{ outerW, outerH, x, y, w, h float64 }

func parse(t *testing.T, doc string) (frame, []string) {
	dec := xml.NewDecoder(strings.NewReader(doc))
	var f frame
	var texts []string
	depth := 0
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "well-formed XML")
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "svg" {
				depth++
				for _, at := range e.Attr {
					v, _ := strconv.ParseFloat(at.Value, 64)
					switch {
					case depth == 1 && at.Name.Local == "width":
						f.outerW = v
					case depth == 1 && at.Name.Local == "height":
						f.outerH = v
					case depth == 2 && at.Name.Local == "x":
						f.x = v
					case depth == 2 && at.Name.Local == "y":
						f.y = v
					case depth == 2 && at.Name.Local == "width":
						f.w = v
					case depth == 2 && at.Name.Local == "height":
						f.h = v
					}
				}
			}
			inText = e.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(e))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return f, texts
}

// TestPreviewIsTheExportInTheFrame: the preview is 1200×630, the export
// nested in it fits and touches two opposite sides (fitted, not cropped),
// and it has the view's title, legend and dated source line.
func TestPreviewIsTheExportInTheFrame(t *testing.T) {
	for _, q := range []string{"", "ind=nb-diagnostics-individualises&metric=per10k&lang=en", "metric=count&date=2022-03"} {
		t.Run(q, func(t *testing.T) {
			a := newApp(t, q)
			doc, err := SVG(a)
			require.NoError(t, err)
			f, texts := parse(t, doc)
			assert.Equal(t, frame{1200, 630, f.x, f.y, f.w, f.h}, f)
			assert.GreaterOrEqual(t, f.x, 0.0)
			assert.GreaterOrEqual(t, f.y, 0.0)
			assert.LessOrEqual(t, f.x+f.w, 1200.05)
			assert.LessOrEqual(t, f.y+f.h, 630.05)
			assert.True(t, f.w > 1199 || f.h > 629, "fitted to the frame: %+v", f)
			all := strings.Join(texts, "\n")
			v := a.View()
			assert.Contains(t, all, v.IndName+" — "+v.MonthName, "title")
			assert.Contains(t, texts, uitext.T(v.State.Lang, "legend"), "legend")
			if len(v.Legend.Items) > 0 {
				assert.Contains(t, all, v.Legend.Items[0].Label, "legend's classes")
			}
			assert.Contains(t, all, v.Source, "the source line")
			assert.Contains(t, v.Source, "Licence Ouverte 2.0")
		})
	}
}

// TestMetaSaysTheView: the texts of the preview are the view's, in its
// language, with its source and data date; two views differ.
func TestMetaSaysTheView(t *testing.T) {
	fr := MetaOf(newApp(t, ""))
	assert.Equal(t, "fr", fr.Lang)
	assert.Equal(t, "fr_FR", fr.Locale)
	assert.Equal(t, "Chèques numériques — % de la cible 2022 — novembre 2022", fr.Title)
	assert.Contains(t, fr.Description, "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au 30 novembre 2022")
	assert.True(t, strings.HasPrefix(fr.Alt, "Carte France Num par département\u00a0: Chèques numériques"), fr.Alt)

	en := MetaOf(newApp(t, "ind=nb-diagnostics-individualises&metric=per10k&lang=en"))
	assert.Equal(t, "en_GB", en.Locale)
	assert.Equal(t, "Digital diagnostics — Per 10,000 inhabitants — November 2022", en.Title)
	assert.Contains(t, en.Description, "Licence Ouverte 2.0")
	assert.NotEqual(t, fr.Description, en.Description)
	assert.True(t, strings.HasPrefix(en.Alt, "France Num map by department: "), en.Alt)
}
