package export

import (
	"strconv"

	"francenum-map/internal/app"
)

// circleKey writes the count legend's key of circle sizes at (x, y) of
// the page: the key is in drawing units, scaled by k as the map is, so
// its circles are the size of the map's circles of the same values.
func circleKey(b *sbuf, lg *app.Legend, x, y, k float64) {
	if len(lg.Circles) == 0 {
		return
	}
	num := num1
	b.WriteString(`<g id="circle-key" transform="translate(` + num(x) + " " + num(y) + `) scale(` + strconv.FormatFloat(k, 'f', 6, 64) + `)" font-size="` + num(lg.KeyFont) + `" fill="#161616">` + "\n")
	for _, c := range lg.Circles {
		b.WriteString(`<circle cx="` + num(lg.KeyCX) + `" cy="` + num(c.CY) + `" r="` + num(c.R) + `" fill="none" stroke="#000091" vector-effect="non-scaling-stroke"/>`)
		b.WriteString(`<path d="M` + num(lg.KeyCX) + " " + num(c.CY-c.R) + "L" + num(lg.KeyLabelX-4) + " " + num(c.LabelY-lg.KeyFont/3) + `" fill="none" stroke="#929292" vector-effect="non-scaling-stroke"/>`)
		b.WriteString(`<text x="` + num(lg.KeyLabelX) + `" y="` + num(c.LabelY) + `">` + XMLEscape(c.Label) + "</text>\n")
	}
	b.WriteString("</g>\n")
}
