package geobuild

import (
	"bytes"
	"html"
	"strconv"

	"francenum-map/internal/carto"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/georegion"
)

// PreviewSVG draws every department (filled by region, so region borders
// and any gap or sliver stand out), the inset frames and the label points:
// a quick visual check of the build, to rasterise in a browser.
func PreviewSVG(a *geoasset.Asset) []byte {
	palette := []string{"#e8c1a0", "#f47560", "#f1e15b", "#e8a838", "#61cdbb", "#97e3d5", "#a6cee3", "#b2df8a", "#fb9a99", "#cab2d6", "#ffff99", "#1f78b4", "#33a02c"}
	colour := map[string]string{}
	var b bytes.Buffer
	checkOpen(&b, a)
	for _, in := range a.Insets {
		b.WriteString(`<path fill="#eef3f8" stroke="#555" stroke-width="4" d="` + carto.FramePath(in.Frame) + `"/>` + "\n")
	}
	for _, d := range a.Departments {
		c, ok := colour[d.RegionCode]
		if !ok {
			c = palette[len(colour)%len(palette)]
			colour[d.RegionCode] = c
		}
		b.WriteString(`<path data-code="` + d.Code + `" fill="` + c + `" stroke="#222" stroke-width="2" stroke-linejoin="round" d="` +
			carto.PathData(d.Geometry) + `"><title>` + html.EscapeString(d.Code+" "+d.Name) + "</title></path>\n")
	}
	for _, d := range a.Departments {
		x, y := strconv.Itoa(int(d.Label[0])), strconv.Itoa(int(d.Label[1]))
		b.WriteString(`<text x="` + x + `" y="` + y + `" font-size="36" text-anchor="middle" dominant-baseline="central" font-family="sans-serif">` + d.Code + "</text>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// RegionsSVG draws the regions (filled, with a thick dark outline) and
// every department's outline thin and red over them, with the inset frames
// and each region's code at its label point: where the borders coincide the
// red line runs down the middle of the dark one, and a gap or a sliver
// between regions shows white or as a second line.
func RegionsSVG(a *geoasset.Asset, rs []georegion.Region) []byte {
	palette := []string{"#e8c1a0", "#f47560", "#f1e15b", "#e8a838", "#61cdbb", "#97e3d5", "#a6cee3", "#b2df8a", "#fb9a99", "#cab2d6", "#ffff99", "#7fb3d5", "#d4e6a5"}
	var b bytes.Buffer
	checkOpen(&b, a)
	for _, in := range a.Insets {
		b.WriteString(`<path fill="none" stroke="#999" stroke-width="3" d="` + carto.FramePath(in.Frame) + `"/>` + "\n")
	}
	for i, r := range rs {
		b.WriteString(`<path data-code="` + r.Code + `" data-level="region" fill="` + palette[i%len(palette)] + `" stroke="#111" stroke-width="7" stroke-linejoin="round" d="` +
			carto.PathData(r.Geometry) + `"><title>` + html.EscapeString(r.Code+" "+r.Name) + "</title></path>\n")
	}
	for _, d := range a.Departments {
		b.WriteString(`<path fill="none" stroke="#d00" stroke-width="1.5" stroke-linejoin="round" d="` + carto.PathData(d.Geometry) + `"/>` + "\n")
	}
	for _, r := range rs {
		x, y := strconv.Itoa(int(r.Label[0])), strconv.Itoa(int(r.Label[1]))
		b.WriteString(`<text x="` + x + `" y="` + y + `" font-size="64" font-weight="bold" text-anchor="middle" dominant-baseline="central" font-family="sans-serif">` + r.Code + "</text>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// checkOpen starts a check picture of a's drawing: the <svg> element and
// its white background.
func checkOpen(b *bytes.Buffer, a *geoasset.Asset) {
	w, h := strconv.Itoa(int(a.Width)), strconv.Itoa(int(a.Height))
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + w + " " + h + `" width="100%" height="100%">` + "\n")
	b.WriteString(`<rect width="` + w + `" height="` + h + `" fill="#fff"/>` + "\n")
}
