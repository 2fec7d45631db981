package app

import (
	"francenum-map/internal/source"
	"math"
	"strconv"
	"strings"

	"francenum-map/internal/carto"
	"francenum-map/internal/classify"
)

// CSV returns the current view as CSV (comma-separated, UTF-8, "\n"): one
// row per department in code order, the metric value with a dot decimal
// (machine-readable), the cumulative value, the target, the class, and the
// source line in the last column.
func (a *App) CSV() string {
	var b sbuf
	b.Grow(16 << 10)
	b.WriteString("code_departement,libelle_departement,id_indicateur,date,mesure,valeur,valeur_cumulee,cible,pourcentage_cible,classe,source\n")
	m := a.month()
	src := csvField(source.Line(a.lang(), a.dataDate()))
	for i := range a.geo.Departments {
		d := &a.geo.Departments[i]
		c := a.cumulative(i, m)
		t := target(a.ser[i])
		pct := nan()
		if t > 0 && c == c {
			pct = c / t * 100
		}
		class := "nodata"
		if a.cls[i] >= 0 {
			class = strconv.Itoa(a.cls[i])
		}
		b.WriteString(csvField(d.Code))
		b.WriteByte(',')
		b.WriteString(csvField(d.Name))
		b.WriteByte(',')
		b.WriteString(csvField(a.ind.ID))
		b.WriteByte(',')
		b.WriteString(m.String())
		b.WriteByte(',')
		b.WriteString(a.st.Metric)
		for _, v := range []float64{a.vals[i], c, t, pct} {
			b.WriteByte(',')
			b.WriteString(csvNum(v))
		}
		b.WriteByte(',')
		b.WriteString(class)
		b.WriteByte(',')
		b.WriteString(src)
		b.WriteByte('\n')
	}
	return b.String()
}

func csvNum(v float64) string {
	if v != v || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n\r") {
		// Double the quotes (a loop: strings.ReplaceAll costs 5 KB of wasm).
		b := make([]byte, 0, len(s)+4)
		b = append(b, '"')
		for i := 0; i < len(s); i++ {
			if s[i] == '"' {
				b = append(b, '"')
			}
			b = append(b, s[i])
		}
		return string(append(b, '"'))
	}
	return s
}

// xmlEsc escapes text for XML content and attribute values.
//
//go:noinline
func xmlEsc(s string) string {
	if !strings.ContainsAny(s, "<>&\"'") {
		return s
	}
	var b sbuf
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SVG returns a standalone SVG document of the map as shown: title, the
// departments with their fills (and circles for counts), the overseas
// insets with their frames, the legend, the source line and the data date.
func (a *App) SVG() string {
	g := a.geo
	s := a.st
	m := a.month()
	// The page is in pixels (900 px of map); the map group is scaled.
	const headH, legendW, footH, mapW = 70.0, 320.0, 50.0, 900.0
	k := mapW / g.Width
	W := mapW + legendW
	H := g.Height*k + headH + footH
	var b sbuf
	b.Grow(200 << 10)
	num := num1
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + num(W) + " " + num(H) + `" width="` + num(W) + `" height="` + num(H) + `" font-family="Marianne, Arial, sans-serif">` + "\n")
	title := a.indicatorName(a.ind) + " — " + a.metricTitle() + " — " + a.monthLabel(m)
	b.WriteString("<title>" + xmlEsc(title) + "</title>\n")
	// Patterns are in the user space of the shapes that use them: the map's
	// are scaled up so that the hatching reads at about 6 px once drawn.
	u := func(px float64) string { return num(px / k) }
	b.WriteString(`<defs><pattern id="` + classify.NoDataPattern + `" patternUnits="userSpaceOnUse" width="` + u(6) + `" height="` + u(6) + `" patternTransform="rotate(45)"><rect width="` + u(6) + `" height="` + u(6) + `" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="` + u(6) + `" stroke="#6a6a6a" stroke-width="` + u(2) + `"/></pattern>`)
	b.WriteString(`<pattern id="nodata-legend" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#6a6a6a" stroke-width="2"/></pattern>`)
	b.WriteString(`<pattern id="qhatch" patternUnits="userSpaceOnUse" width="` + u(8) + `" height="` + u(8) + `" patternTransform="rotate(-45)"><line x1="0" y1="0" x2="0" y2="` + u(8) + `" stroke="#161616" stroke-width="` + u(1.5) + `"/></pattern></defs>` + "\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	b.WriteString(`<text x="20" y="32" font-size="22" font-weight="700" fill="#161616">` + xmlEsc(a.indicatorName(a.ind)+" — "+a.monthLabel(m)) + "</text>\n")
	b.WriteString(`<text x="20" y="56" font-size="15" fill="#3a3a3a">` + xmlEsc(a.metricTitle()) + "</text>\n")
	b.WriteString(`<g transform="translate(0 ` + num(headH) + `) scale(` + strconv.FormatFloat(k, 'f', 6, 64) + `)">` + "\n")
	colors := a.scale.Colors()
	count := s.Metric == MetricCount
	var pd []byte
	for i := range g.Departments {
		d := &g.Departments[i]
		fill := classify.NoDataFill
		if c := a.cls[i]; c >= 0 && c < len(colors) {
			fill = colors[c]
			if count {
				fill = NeutralFill
			}
		}
		pd = carto.AppendPathData(pd[:0], d.Geometry)
		b.WriteString(`<path d="` + string(pd) + `" fill="` + fill + `" stroke="#ffffff" stroke-width="1" vector-effect="non-scaling-stroke" data-code="` + xmlEsc(d.Code) + `"><title>` + xmlEsc(d.Name+" ("+d.Code+") : "+a.fmtValue(a.vals[i], s.Metric)) + "</title></path>\n")
		if s.Quality && a.flagged(i) {
			b.WriteString(`<path d="` + string(pd) + `" fill="url(#qhatch)"/>` + "\n")
		}
	}
	if count && a.vmax > 0 {
		for i := range g.Departments {
			c := a.cumulative(i, m)
			if c > 0 {
				b.WriteString(`<circle cx="` + num(g.Departments[i].Label[0]) + `" cy="` + num(g.Departments[i].Label[1]) + `" r="` + num(classify.Radius(c, a.vmax, a.maxRadius())) + `" fill="#000091" fill-opacity="0.35" stroke="#000091" vector-effect="non-scaling-stroke"/>` + "\n")
			}
		}
	}
	for _, in := range g.Insets {
		b.WriteString(`<path d="` + carto.FramePath(in.Frame) + `" fill="none" stroke="#929292" vector-effect="non-scaling-stroke"/>` + "\n")
		b.WriteString(`<text x="` + num(in.Frame.Min[0]+4/k) + `" y="` + num(in.Frame.Max[1]-5/k) + `" font-size="` + num(10/k) + `" fill="#595959">` + xmlEsc(in.Name) + "</text>\n")
	}
	b.WriteString("</g>\n")
	// Legend.
	lg := a.scale.Legend(a.vals, a.legendFormat(a.lang()))
	x := mapW + 10
	y := headH + 10
	b.WriteString(`<g id="legend"><text x="` + num(x) + `" y="` + num(y+12) + `" font-size="14" font-weight="700" fill="#161616">` + xmlEsc(T(s.Lang, "legend")) + "</text>\n")
	y += 26
	for _, it := range lg.Items {
		fill := it.Color
		if count {
			fill = NeutralFill
		}
		b.WriteString(`<rect x="` + num(x) + `" y="` + num(y) + `" width="26" height="16" fill="` + fill + `" stroke="#777777"/><text x="` + num(x+34) + `" y="` + num(y+13) + `" font-size="13" fill="#161616">` + xmlEsc(it.Label+" ("+strconv.Itoa(it.Count)+")") + "</text>\n")
		y += 22
	}
	b.WriteString(`<rect x="` + num(x) + `" y="` + num(y) + `" width="26" height="16" fill="url(#nodata-legend)" stroke="#777777"/><text x="` + num(x+34) + `" y="` + num(y+13) + `" font-size="13" fill="#161616">` + xmlEsc(lg.NoData.Label+" ("+strconv.Itoa(lg.NoData.Count)+")") + "</text>\n")
	y += 22
	if count && a.vmax > 0 {
		for _, v := range classify.RefValues(a.vmax, 3) {
			rm := a.maxRadius() * k
			r := classify.Radius(v, a.vmax, rm)
			b.WriteString(`<circle cx="` + num(x+rm) + `" cy="` + num(y+2*rm-r) + `" r="` + num(r) + `" fill="none" stroke="#000091"/>`)
			b.WriteString(`<text x="` + num(x+2*rm+8) + `" y="` + num(y+2*rm-2*r+4) + `" font-size="12" fill="#161616">` + xmlEsc(fmtCount(v, a.lang())) + "</text>\n")
		}
	}
	b.WriteString("</g>\n")
	b.WriteString(`<text id="source" x="20" y="` + num(H-20) + `" font-size="12" fill="#3a3a3a">` + xmlEsc(source.Line(a.lang(), a.dataDate())) + "</text>\n")
	b.WriteString("</svg>\n")
	return b.String()
}

// sbuf is a strings.Builder whose WriteString is not inlined: the SVG
// export writes from ~40 call sites, each inlined append costing wasm size.
type sbuf struct{ strings.Builder }

//go:noinline
func (s *sbuf) WriteString(x string) { s.Builder.WriteString(x) }

// num1 formats f rounded to one decimal, shortest form.
//
//go:noinline
func num1(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }
