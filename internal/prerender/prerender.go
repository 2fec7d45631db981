// Package prerender draws the app's default view at build time, natively,
// into the page's HTML, so that a visitor sees a coloured map as soon as the
// HTML has arrived instead of after the wasm has downloaded, compiled and
// drawn it (most of a cold load).
//
// The drawing is the wasm's own first render (the same App, same data as
// the Worker's build snapshot, same colours and classes), shown as a static
// picture: its parts carry the class "pre"; a URL with a query (another
// view, embed mode) hides them before the first paint (package boot); the
// app replaces them with the live map, legend, title and source once ready.
package prerender

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	"francenum-map/internal/app"
	"francenum-map/internal/boot"
)

// Parts are the HTML fragments of the default view.
type Parts struct {
	Map    string // <svg class="pre prerender" data-geo="…">…</svg>: paths (geometry order), fills, inset frames
	Legend string // legend title, classes and note
	Title  string // text of the map title
	Date   string // " — données au …": what the source line lacks in the static HTML
	Source string // the full source line, with the data date

	Indicators string // the <option>s of #indicator, the default selected
	Month      string // #month slider attributes: max and value of the latest month
	MonthLabel string // text of #month-label

	// TitleHTML is the map title's inner HTML: the default view's text and
	// each prepared view's (see views.go).
	TitleHTML string
	// Views is the prepared views' stylesheet, ViewKeys their keys and
	// Latest the latest month ("2022-11"), for the inline script.
	Views, ViewKeys, Latest string
	// Cards is the default view's fn-pre JSON (cards.go).
	Cards string
	// Table is the default view's #table element (table.go).
	Table string
}

// Draw returns the parts of a's current view (call it on a fresh App: the
// default view), drawn from its typed views as the live app draws them.
// staticSource is the source line the page's HTML already holds; the data
// date is what Draw adds to it.
func Draw(a *app.App, staticSource string) (Parts, error) {
	d := a.Drawing()
	v := a.View()
	if len(d.Paths) != len(v.Class) || len(d.Paths) != len(d.Codes) {
		return Parts{}, fmt.Errorf("prerender: %d paths, %d codes, %d classes", len(d.Paths), len(d.Codes), len(v.Class))
	}
	var p Parts
	var b strings.Builder
	var err error
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	// The default view's parts come from the fresh app; prepared then
	// moves it through the other prepared views.
	defLegend := legendHTML(&v.Legend)
	defFills := make([]string, len(d.Paths))
	for i := range defFills {
		defFills[i] = v.Fill(i)
	}
	inds := a.Indicators()
	tb := a.Panels().Table
	p.Table = tableHTML(&tb)
	if p.Cards, err = cardsJSON(a, d.Codes, &tb); err != nil {
		return Parts{}, err
	}
	var vs []view
	vs, err = prepared(a)
	if err != nil {
		return Parts{}, err
	}
	a.SetQuery("") // back to the default view, as given
	markDefault(vs, defFills, defLegend, v.Title)
	p.Views, p.ViewKeys, p.Latest = viewStyle(vs), viewKeys(vs), v.Date
	// data-geo names the geometry drawn: the page passes it to Go's load,
	// which then leaves the path data out (app.DrawingFor) and app.js
	// makes these paths the live map.
	b.WriteString(`<svg class="pre prerender" data-geo="` + html.EscapeString(a.GeoID()) + `" viewBox="0 0 ` + num(d.W) + ` ` + num(d.H) + `" preserveAspectRatio="xMidYMid meet" role="img" aria-label="` + html.EscapeString(v.Title) + `">`)
	b.WriteString(`<defs>` + d.Defs + `</defs><g>`)
	// data-code from the first paint: tests and tools find the same map
	// before and after Go. The style holds the path's fill in each
	// prepared view.
	for i, path := range d.Paths {
		b.WriteString(`<path d="` + html.EscapeString(path) + `" fill="` + html.EscapeString(defFills[i]) + `" data-code="` + html.EscapeString(d.Codes[i]) + `" style="`)
		sep := ""
		for _, pv := range vs {
			if !pv.isDefault {
				b.WriteString(sep + `--` + pv.key + `:` + html.EscapeString(pv.fills[i]))
				sep = ";"
			}
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</g><g class="frames">`)
	fs := num(d.LabelSize)
	for _, f := range d.Frames {
		b.WriteString(`<path class="frame" d="` + html.EscapeString(f.D) + `"/><text class="frame-label" x="` + num(f.X) + `" y="` + num(f.Y) + `" font-size="` + fs + `" data-name="` + html.EscapeString(f.Name) + `" data-short="` + html.EscapeString(f.Code) + `">` + html.EscapeString(f.Name) + `</text>`)
	}
	b.WriteString(`</g>`)
	for _, pv := range vs {
		if pv.circles != "" {
			b.WriteString(`<g class="circles pv pv-circles" data-pv="` + pv.key + `" aria-hidden="true">` + pv.circles + `</g>`)
		}
	}
	b.WriteString(`</svg>`)
	p.Map = b.String()

	// The legend, as app.js applyLegend builds it (highest class first):
	// the default view's, and each prepared view's, hidden until the URL
	// asks for it.
	b.Reset()
	b.WriteString(`<div class="pre pd">` + defLegend + `</div>`)
	for _, pv := range vs {
		if !pv.isDefault {
			b.WriteString(`<div class="pv" data-pv="` + pv.key + `">` + pv.legend + `</div>`)
		}
	}
	p.Legend = b.String()
	b.Reset()
	b.WriteString(`<span class="pre pd">` + html.EscapeString(v.Title) + `</span>`)
	for _, pv := range vs {
		if !pv.isDefault {
			b.WriteString(`<span class="pv" data-pv="` + pv.key + `">` + html.EscapeString(pv.title) + `</span>`)
		}
	}
	p.TitleHTML = b.String()

	b.Reset()
	for _, it := range inds {
		sel := ""
		if it.ID == v.State.Ind {
			sel = " selected"
		}
		b.WriteString(`<option value="` + html.EscapeString(it.ID) + `"` + sel + `>` + html.EscapeString(it.Name) + `</option>`)
	}
	p.Indicators = b.String()
	p.Month = `min="0" max="` + strconv.Itoa(max(0, v.MonthCount-1)) + `" value="` + strconv.Itoa(v.Month.Index) + `"`
	p.MonthLabel = v.Month.Label
	p.Title = v.Title
	p.Source = v.Source
	rest, ok := strings.CutPrefix(v.Source, staticSource)
	if !ok {
		return Parts{}, fmt.Errorf("prerender: source line %q does not start with the page's %q", v.Source, staticSource)
	}
	p.Date = rest
	return p, nil
}

// Markers are the empty elements of web/index.html that Inline fills, and
// the end of its head.
const (
	markerHead    = `</head>`
	markerHTML    = `<html lang="fr" data-state="loading">`
	markerTitle   = `<h2 id="map-title" class="map-title"></h2>`
	markerMap     = `<div id="map" class="map"></div>`
	markerLegend  = `<div id="legend" class="legend"></div>`
	markerInds    = `<select id="indicator"></select>`
	markerMonth   = `<input type="range" id="month" min="0" max="0" value="0" step="1">`
	markerMLabel  = `<output id="month-label" for="month"></output>`
	sourceOpen    = `<p id="source" class="source">`
	sourceClose   = `</p>`
	errNoMarkerFn = "prerender: the page has no %s (or more than one)"
)

// StaticSource returns the source line the page's HTML holds.
func StaticSource(page []byte) (string, error) {
	i := bytes.Index(page, []byte(sourceOpen))
	if i < 0 {
		return "", fmt.Errorf(errNoMarkerFn, sourceOpen)
	}
	rest := page[i+len(sourceOpen):]
	j := bytes.Index(rest, []byte(sourceClose))
	if j < 0 {
		return "", errors.New("prerender: the source line is not closed")
	}
	return html.UnescapeString(string(rest[:j])), nil
}

// Inline returns page with the parts, the boot script and its style in
// place. Every marker must be there exactly once, or nothing is changed and
// the error names the missing one.
func Inline(page []byte, p Parts) ([]byte, error) {
	out := page
	title := p.TitleHTML
	if title == "" {
		title = `<span class="pre pd">` + html.EscapeString(p.Title) + `</span>`
	}
	table := p.Table
	if table == "" {
		table = markerTable
	}
	for _, r := range []struct{ marker, with string }{
		{markerHead, `<style>` + boot.Style + p.Views + `</style><script>` + boot.Script + `</script>` + "\n" + markerHead},
		{markerHTML, `<html lang="fr" data-state="loading" data-latest="` + html.EscapeString(p.Latest) + `" data-pv-keys="` + html.EscapeString(p.ViewKeys) + `">`},
		{markerTitle, `<h2 id="map-title" class="map-title">` + title + `</h2>`},
		{markerMap, `<div id="map" class="map">` + p.Map + `</div>` + cardsScript(p.Cards)},
		{markerLegend, `<div id="legend" class="legend">` + p.Legend + `</div>`},
		{markerInds, `<select id="indicator">` + p.Indicators + `</select>`},
		{markerMonth, `<input type="range" id="month" ` + p.Month + ` step="1">`},
		{markerMLabel, `<output id="month-label" for="month"><span class="pre">` + html.EscapeString(p.MonthLabel) + `</span></output>`},
		{markerTable, table},
	} {
		if bytes.Count(out, []byte(r.marker)) != 1 {
			return nil, fmt.Errorf(errNoMarkerFn, r.marker)
		}
		out = bytes.Replace(out, []byte(r.marker), []byte(r.with), 1)
	}
	// The data date goes at the end of the source line's text.
	if bytes.Count(out, []byte(sourceOpen)) != 1 {
		return nil, fmt.Errorf(errNoMarkerFn, sourceOpen)
	}
	i := bytes.Index(out, []byte(sourceOpen)) + len(sourceOpen)
	j := bytes.Index(out[i:], []byte(sourceClose))
	if j < 0 {
		return nil, errors.New("prerender: the source line is not closed")
	}
	date := `<span class="pre">` + html.EscapeString(p.Date) + `</span>`
	return append(out[:i+j:i+j], append([]byte(date), out[i+j:]...)...), nil
}

// cardsScript is the inert element holding the default view's cards.
func cardsScript(j string) string {
	if j == "" {
		return ""
	}
	return `<script type="application/json" id="fn-pre">` + j + `</script>`
}
