package export

import (
	"math"
	"strconv"
	"strings"

	"francenum-map/internal/app"
	"francenum-map/internal/classify"
	"francenum-map/internal/exportfmt"
	"francenum-map/internal/uitext"
)

// XMLEscape returns s ready for XML content and attribute values:
// markup characters escaped, control characters and invalid UTF-8 dropped
// (exportfmt.XMLText). A user's file can put any byte into a label.
//
//go:noinline
func XMLEscape(s string) string { return exportfmt.XMLText(s) }

// SVG returns a standalone SVG document of the view d, v as shown: title,
// the departments with their fills (and circles for counts), the overseas
// insets with their frames, the legend, the source line and the data date.
func SVG(d *app.Drawing, v *app.View) string {
	// The page is in pixels (900 px of map); the map group is scaled.
	const headH, legendW, footH, mapW = 70.0, 320.0, 50.0, 900.0
	k := mapW / d.W
	W := mapW + legendW
	H := d.H*k + headH + footH
	var b sbuf
	b.Grow(200 << 10)
	num := num1
	esc := XMLEscape
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + num(W) + " " + num(H) + `" width="` + num(W) + `" height="` + num(H) + `" font-family="Marianne, Arial, sans-serif">` + "\n")
	b.WriteString("<title>" + esc(v.Title) + "</title>\n")
	// Patterns are in the user space of the shapes that use them: the map's
	// are scaled up so that the hatching reads at about 6 px once drawn;
	// the legend's swatch is in pixels.
	b.WriteString("<defs>" + classify.PatternDefs(1/k) + classify.NoDataPatternDef("nodata-legend", 1) + "</defs>\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	b.WriteString(`<text x="20" y="32" font-size="22" font-weight="700" fill="#161616">` + esc(v.IndName+" — "+v.MonthName) + "</text>\n")
	b.WriteString(`<text x="20" y="56" font-size="15" fill="#3a3a3a">` + esc(v.MetricTitle) + "</text>\n")
	b.WriteString(`<g transform="translate(0 ` + num(headH) + `) scale(` + strconv.FormatFloat(k, 'f', 6, 64) + `)">` + "\n")
	for i, p := range d.Paths {
		b.WriteString(`<path d="` + p + `" fill="` + v.Fill(i) + `" stroke="#ffffff" stroke-width="1" vector-effect="non-scaling-stroke" data-code="` + esc(d.Codes[i]) + `"><title>` + esc(v.Aria[i]) + "</title></path>\n")
		if v.Flags != nil && v.Flags[i] {
			b.WriteString(`<path d="` + p + `" fill="` + classify.QualityFill + `"/>` + "\n")
		}
	}
	for i, r := range v.Radii {
		if r > 0 {
			b.WriteString(`<circle cx="` + num(d.LabelX[i]) + `" cy="` + num(d.LabelY[i]) + `" r="` + num(r) + `" fill="#000091" fill-opacity="0.35" stroke="#000091" vector-effect="non-scaling-stroke"/>` + "\n")
		}
	}
	for _, f := range d.Frames {
		b.WriteString(`<path d="` + f.D + `" fill="none" stroke="#929292" vector-effect="non-scaling-stroke"/>` + "\n")
		b.WriteString(`<text x="` + num(f.X) + `" y="` + num(f.Y) + `" font-size="` + num(10/k) + `" fill="#595959">` + esc(f.Name) + "</text>\n")
	}
	b.WriteString("</g>\n")
	// Legend.
	lg := &v.Legend
	x := mapW + 10
	y := headH + 10
	b.WriteString(`<g id="legend"><text x="` + num(x) + `" y="` + num(y+12) + `" font-size="14" font-weight="700" fill="#161616">` + esc(uitext.T(v.State.Lang, "legend")) + "</text>\n")
	y += 26
	row := func(fill, label string, count int) {
		b.WriteString(`<rect x="` + num(x) + `" y="` + num(y) + `" width="26" height="16" fill="` + fill + `" stroke="#777777"/><text x="` + num(x+34) + `" y="` + num(y+13) + `" font-size="13" fill="#161616">` + esc(label+" ("+strconv.Itoa(count)+")") + "</text>\n")
		y += 22
	}
	for _, it := range lg.Items {
		row(it.Color, it.Label, it.Count)
	}
	row("url(#nodata-legend)", lg.NoData.Label, lg.NoData.Count)
	circleKey(&b, lg, x, y, k)
	b.WriteString("</g>\n")
	b.WriteString(`<text id="source" x="20" y="` + num(H-20) + `" font-size="12" fill="#3a3a3a">` + esc(v.Source) + "</text>\n")
	b.WriteString("</svg>\n")
	return b.String()
}

// sbuf is a strings.Builder whose WriteString is not inlined: the SVG
// export writes from ~30 call sites, each inlined append costing wasm size.
type sbuf struct{ strings.Builder }

//go:noinline
func (s *sbuf) WriteString(x string) { s.Builder.WriteString(x) }

// num1 formats f rounded to one decimal, shortest form.
//
//go:noinline
func num1(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }
