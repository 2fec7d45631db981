// Package preview is a view's link preview (Open Graph, Twitter card): the
// texts a crawler shows beside a shared link and the 1200×630 picture. The
// picture is the SVG export of the view (package export, the file « Carte
// (SVG) » gives) fitted into the preview's frame on white, so the map,
// its legend, title and dated source line are the export's own drawing; a
// real SVG renderer (resvg) makes the PNG of it.
package preview

import (
	"fmt"
	"strconv"
	"strings"

	"francenum-map/internal/app"
	"francenum-map/internal/export"
	"francenum-map/internal/uitext"
)

// Width and Height are the preview's size in pixels: Open Graph's and
// Twitter's summary_large_image 1.91:1.
const (
	Width  = 1200
	Height = 630
)

// Meta are the texts of a view's preview, in the view's language.
type Meta struct {
	Lang        string `json:"lang"`   // fr or en
	Locale      string `json:"locale"` // og:locale: fr_FR, en_GB
	Title       string `json:"title"`  // the view's title: indicator — measure — month
	Description string `json:"description"`
	Alt         string `json:"alt"` // og:image:alt
}

// MetaOf returns the texts of a's current view: its title; its
// auto-written description followed by its source line (which names the
// source, the licence and the data date); and the picture's alternative
// text, what the picture shows.
func MetaOf(a *app.App) Meta {
	v := a.View()
	l := v.State.Lang
	m := Meta{Lang: l, Locale: "fr_FR", Title: v.Title}
	if l == "en" {
		m.Locale = "en_GB"
	}
	m.Description = a.Description() + " " + v.Source
	m.Alt = uitext.T(l, "embedTitle") + uitext.T(l, "colon") + v.Title + ". " + v.Source
	return m
}

// SVG returns a's current view as a Width×Height SVG document: the SVG
// export, scaled to fit and centred, on white.
func SVG(a *app.App) (string, error) {
	d := a.Drawing()
	v := a.View()
	doc := export.SVG(&d, &v)
	// The export is one <svg> after the XML declaration; its opening tag
	// gives way to a nested <svg> placed in the frame, its viewBox kept.
	open := strings.Index(doc, "<svg ")
	end := strings.Index(doc[max(open, 0):], ">")
	if open < 0 || end < 0 {
		return "", fmt.Errorf("preview: the SVG export has no <svg> element")
	}
	tag := doc[open : open+end+1]
	w, h, err := viewBox(tag)
	if err != nil {
		return "", err
	}
	k := min(Width/w, Height/h)
	sw, sh := w*k, h*k
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
	var b strings.Builder
	b.Grow(len(doc) + 512)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + strconv.Itoa(Width) + " " + strconv.Itoa(Height) + `" width="` + strconv.Itoa(Width) + `" height="` + strconv.Itoa(Height) + `">` + "\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	b.WriteString(`<svg x="` + num((Width-sw)/2) + `" y="` + num((Height-sh)/2) + `" width="` + num(sw) + `" height="` + num(sh) + `" viewBox="0 0 ` + num(w) + " " + num(h) + `" font-family="Marianne, Arial, sans-serif">`)
	b.WriteString(doc[open+end+1:])
	b.WriteString("</svg>\n")
	return b.String(), nil
}

// viewBox reads the width and height of an <svg> tag's viewBox "0 0 W H".
func viewBox(tag string) (float64, float64, error) {
	_, rest, ok := strings.Cut(tag, `viewBox="`)
	vb, _, ok2 := strings.Cut(rest, `"`)
	f := strings.Fields(vb)
	if !ok || !ok2 || len(f) != 4 {
		return 0, 0, fmt.Errorf("preview: no viewBox in %.80q", tag)
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || !(w > 0) || !(h > 0) {
		return 0, 0, fmt.Errorf("preview: bad viewBox %q", vb)
	}
	return w, h, nil
}
