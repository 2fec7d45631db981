package prerender

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
	"francenum-map/internal/app/apptest"
	"francenum-map/internal/boot"
)

// realApp is the app on the mirror's data and the real geometry, as the
// build draws it.
func realApp(t *testing.T) *app.App {
	a, err := app.New(apptest.Inputs(t))
	require.NoError(t, err)
	return a
}

func page(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../web/index.html")
	require.NoError(t, err)
	return b
}

func TestDrawIsTheAppsDefaultView(t *testing.T) {
	a := realApp(t)
	src, err := StaticSource(page(t))
	require.NoError(t, err)
	assert.Equal(t, "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0", src)
	p, err := Draw(a, src)
	require.NoError(t, err)

	fills := regexp.MustCompile(`<path d="[^"]+" fill="(#[0-9a-f]{6})" data-code="[^"]+" style="[^"]*"/>`).FindAllStringSubmatch(p.Map, -1)
	require.Len(t, fills, 101, "one filled path per department")
	// The same colours as the wasm's first render (the same app.View), in
	// the same order, each one a class colour of the legend.
	v := a.View()
	legend := map[string]bool{}
	for _, it := range v.Legend.Items {
		legend[it.Color] = true
	}
	for i, f := range fills {
		assert.Equal(t, v.Fill(i), f[1], "department %d", i)
		assert.True(t, legend[f[1]], "department %d: %s is a legend colour", i, f[1])
	}
	assert.Contains(t, p.Map, `<pattern id="nodata-hatch"`, "the app's patterns")
	assert.Equal(t, 5, strings.Count(p.Map, `class="frame-label"`), "five overseas insets")
	assert.Contains(t, p.Map, `>La Réunion</text>`)
	def, _, _ := strings.Cut(p.Legend, `<div class="pv"`)
	assert.True(t, strings.HasPrefix(def, `<div class="pre pd">`), def)
	assert.Equal(t, 5, strings.Count(def, "<li>"), "five classes, no 'no data' row when every department has a value")
	assert.Contains(t, p.Legend, "≥ 150")
	assert.Equal(t, "Chèques numériques — % de la cible 2022 — novembre 2022", p.Title)
	assert.Equal(t, " — données au 30 novembre 2022", p.Date)
	assert.Equal(t, src+p.Date, p.Source)
	assert.Equal(t, `<option value="nb-diagnostics-individualises">Diagnostics numériques</option>`+
		`<option value="nb-entreprises-cheaque-numerique" selected>Chèques numériques</option>`, p.Indicators, "the app's list, its default selected")
	assert.Equal(t, "novembre 2022", p.MonthLabel)
	assert.Regexp(t, `^min="0" max="(\d+)" value="(\d+)"$`, p.Month)
	m := regexp.MustCompile(`max="(\d+)" value="(\d+)"`).FindStringSubmatch(p.Month)
	assert.Equal(t, m[1], m[2], "the latest month")
}

func TestDrawRefusesAnotherSourceLine(t *testing.T) {
	_, err := Draw(realApp(t), "Source : autre chose")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Source : autre chose")
}

func TestInline(t *testing.T) {
	parts := Parts{Map: `<svg class="pre prerender"></svg>`, Legend: `<div class="pre">L</div>`, Title: `Titre <b>`, Date: ` — données au 1 & 2`,
		Indicators: `<option value="x" selected>X</option>`, Month: `min="0" max="3" value="3"`, MonthLabel: "mars <2022>"}
	out, err := Inline(page(t), parts)
	require.NoError(t, err)
	s := string(out)
	assert.Contains(t, s, `<div id="map" class="map"><svg class="pre prerender"></svg></div>`)
	assert.Contains(t, s, `<div id="legend" class="legend"><div class="pre">L</div></div>`)
	assert.Contains(t, s, `<h2 id="map-title" class="map-title"><span class="pre pd">Titre &lt;b&gt;</span></h2>`, "text, never HTML")
	assert.Contains(t, s, `Licence Ouverte 2.0<span class="pre"> — données au 1 &amp; 2</span></p>`)
	assert.Contains(t, s, `<script>`+boot.Script+`</script>`)
	assert.Contains(t, s, `<select id="indicator"><option value="x" selected>X</option></select>`)
	assert.Contains(t, s, `<input type="range" id="month" min="0" max="3" value="3" step="1">`)
	assert.Contains(t, s, `<output id="month-label" for="month"><span class="pre">mars &lt;2022&gt;</span></output>`)
	head, _, ok := strings.Cut(s, "</head>")
	require.True(t, ok)
	assert.Contains(t, head, boot.Style, "the style that hides the build-time parts is in the head, before any of them")

	for _, tc := range []struct {
		name, drop, want string
	}{
		{"no map", markerMap, `id="map"`},
		{"no legend", markerLegend, `id="legend"`},
		{"no title", markerTitle, `id="map-title"`},
		{"no head end", markerHead, `</head>`},
		{"no source", sourceOpen, `id="source"`},
		{"no indicator select", markerInds, `id="indicator"`},
		{"no month slider", markerMonth, `id="month"`},
		{"no month label", markerMLabel, `id="month-label"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			broken := strings.Replace(string(page(t)), tc.drop, "<div></div>", 1)
			_, err := Inline([]byte(broken), parts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	// Already inlined: its markers are gone, it is not drawn twice.
	_, err = Inline(out, parts)
	require.Error(t, err)
}

func TestInlineStyle(t *testing.T) {
	css := []byte("body{margin:0}\n.map{height:10px}\n")
	out, err := InlineStyle(page(t), css)
	require.NoError(t, err)
	assert.NotContains(t, string(out), StyleLink, "no render-blocking stylesheet request")
	assert.Contains(t, string(out), "<style>body{margin:0}\n.map{height:10px}</style>")
	assert.Less(t, strings.Index(string(out), "<style>body"), strings.Index(string(out), "</head>"), "in the head")

	_, err = InlineStyle([]byte("<html><head></head></html>"), css)
	assert.ErrorContains(t, err, StyleLink)
	_, err = InlineStyle(page(t), []byte("a{}</STYLE><script>"))
	assert.ErrorContains(t, err, "</style")
}

func TestSetWasmURL(t *testing.T) {
	p := HashedWasmPath([]byte("wasm bytes"))
	assert.Regexp(t, `^/h/app\.[0-9a-f]{16}\.wasm$`, p)
	assert.NotEqual(t, p, HashedWasmPath([]byte("other bytes")), "the name changes with the bytes")
	assert.Equal(t, p, HashedWasmPath([]byte("wasm bytes")))

	out, err := SetWasmURL(page(t), p)
	require.NoError(t, err)
	assert.Contains(t, string(out), `<link id="fn-wasm" rel="preload" href="`+p+`" as="fetch" type="application/wasm" crossorigin>`)
	assert.NotContains(t, string(out), `"/app.wasm"`)
	_, err = SetWasmURL([]byte("<head></head>"), p)
	assert.ErrorContains(t, err, "fn-wasm")
}

// TestPreparedViews (issue 26 item 9): France Num's two indicators in each
// of their measures are drawn at build time, each department's path
// carrying its fill in every view (the app's own fills for that URL),
// with a stylesheet rule, legend and title per view, and data-code on
// every path from the first paint.
func TestPreparedViews(t *testing.T) {
	src, err := StaticSource(page(t))
	require.NoError(t, err)
	p, err := Draw(realApp(t), src)
	require.NoError(t, err)
	keys := strings.Fields(p.ViewKeys)
	assert.Equal(t, []string{"c-target", "c-per10k", "c-share", "c-count", "c-new", "d-target", "d-per10k", "d-share", "d-count", "d-new"}, keys)
	assert.Equal(t, "2022-11", p.Latest)
	paths := regexp.MustCompile(`<path d="[^"]+" fill="[^"]+" data-code="([^"]+)" style="([^"]*)"/>`).FindAllStringSubmatch(p.Map, -1)
	require.Len(t, paths, 101)
	a := realApp(t)
	for _, k := range keys {
		ind := map[byte]string{'c': "nb-entreprises-cheaque-numerique", 'd': "nb-diagnostics-individualises"}[k[0]]
		require.Empty(t, a.SetQuery("ind="+ind+"&metric="+k[2:]))
		v := a.View()
		if k == "c-target" {
			// The default view, asked for by name: its own fills (the
			// paths' fill attribute), legend and title shown again, no copy.
			fills := regexp.MustCompile(`<path d="[^"]+" fill="([^"]+)"`).FindAllStringSubmatch(p.Map, -1)
			for i, m := range paths {
				assert.Equal(t, v.Fill(i), fills[i][1], "the default view's fill of %s", m[1])
				assert.NotContains(t, m[2], "--"+k+":", "no copy of the default view's fills")
			}
			assert.Contains(t, p.Views, `html[data-pv="c-target"] .pd{display:revert}`)
			assert.NotContains(t, p.Legend, `data-pv="c-target"`)
			assert.NotContains(t, p.TitleHTML, `data-pv="c-target"`)
			assert.Contains(t, p.TitleHTML, `<span class="pre pd">`+v.Title+`</span>`)
			continue
		}
		for i, m := range paths {
			assert.Contains(t, ";"+m[2]+";", ";--"+k+":"+v.Fill(i)+";", "%s: department %s", k, m[1])
		}
		assert.Contains(t, p.Views, `html[data-pv="`+k+`"] .prerender path[data-code]{fill:var(--`+k+`)}`)
		assert.Contains(t, p.Legend, `<div class="pv" data-pv="`+k+`"><h3>`+v.Legend.Title+`</h3>`)
		assert.Contains(t, p.TitleHTML, `<span class="pv" data-pv="`+k+`">`+v.Title+`</span>`)
		if len(v.Radii) > 0 {
			assert.Contains(t, p.Map, `<g class="circles pv pv-circles" data-pv="`+k+`"`, "%s draws its circles", k)
		}
	}
	assert.Equal(t, "01", paths[0][1])
}
