package prerender

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"francenum-map/internal/app"
	"francenum-map/internal/indicator"
)

// A shared link most often asks for one of France Num's two indicators in
// one of its measures at the latest month. Those views are prepared at
// build time too, so that such a link paints coloured before Go: each
// department's path carries its fill in every prepared view as a CSS
// custom property (--c-target, --d-per10k…), and the page's inline script
// names the view the URL asks for (html[data-pv]) before the first paint;
// a stylesheet rule per view then fills the paths, and shows that view's
// legend, title and circles. Any other view shows the outlines and the
// controls asked for (package boot).

// viewInds are the prepared indicators and their one-letter keys (the
// inline script maps ind= to them).
var viewInds = [...][2]string{{indicator.Cheques, "c"}, {indicator.Diagnostics, "d"}}

// view is one prepared view: its key ("d-per10k"), fills per department
// (geometry order), legend, title and, for counts, circles.
//
// A prepared view that draws what the default view draws (chèques, % of
// target: the page's own view, asked for by name) is the default: same
// marks, no copy of its fills, legend and title (83 B brotli of the page:
// the copies compressed well, but they were dead weight all the same).
type view struct {
	key, title, legend, circles string
	fills                       []string
	isDefault                   bool
}

// markDefault marks the views drawing the default view: fills, legend,
// title and circles all equal.
func markDefault(vs []view, fills []string, legend, title string) {
	for k := range vs {
		v := &vs[k]
		v.isDefault = v.circles == "" && v.legend == legend && v.title == title && slices.Equal(v.fills, fills)
	}
}

// prepared draws the prepared views of a (whose state it changes) and
// checks that each indicator opens on % of target, the measure the
// inline script assumes without metric=.
func prepared(a *app.App) ([]view, error) {
	var out []view
	for _, ind := range viewInds {
		// As a URL naming the indicator alone would open it.
		if n := a.SetQuery("ind=" + ind[0]); len(n) > 0 {
			return nil, fmt.Errorf("prerender: indicator %s: %v", ind[0], n)
		}
		if m := a.State().Metric; m != "target" {
			return nil, fmt.Errorf("prerender: %s opens on %q, the inline script assumes target", ind[0], m)
		}
		for _, m := range a.View().Metrics {
			if n := a.SetQuery("ind=" + ind[0] + "&metric=" + m[0]); len(n) > 0 {
				return nil, fmt.Errorf("prerender: %s metric %s: %v", ind[0], m[0], n)
			}
			v := a.View()
			pv := view{key: ind[1] + "-" + m[0], title: v.Title, fills: make([]string, len(v.Class))}
			for i := range v.Class {
				pv.fills[i] = v.Fill(i)
			}
			pv.legend = legendHTML(&v.Legend)
			if len(v.Radii) > 0 {
				pv.circles = circlesHTML(a.Drawing(), v.Radii)
			}
			out = append(out, pv)
		}
	}
	return out, nil
}

// legendHTML is the legend as app.js applyLegend builds it (highest class
// first), without the circles' key (its scale is the screen's, known in
// the page only).
func legendHTML(lg *app.Legend) string {
	var b strings.Builder
	b.WriteString(`<h3>` + html.EscapeString(lg.Title) + `</h3><ul>`)
	for i := len(lg.Items) - 1; i >= 0; i-- {
		it := lg.Items[i]
		b.WriteString(`<li><span class="sw" style="background:` + html.EscapeString(it.Color) + `"></span><span class="label" title="` + html.EscapeString(it.Long) + `">` + html.EscapeString(it.Label) + `</span><span class="count">` + strconv.Itoa(it.Count) + `</span></li>`)
	}
	if lg.NoData.Count > 0 {
		b.WriteString(`<li><span class="sw nodata"></span><span class="label">` + html.EscapeString(lg.NoData.Label) + `</span><span class="count">` + strconv.Itoa(lg.NoData.Count) + `</span></li>`)
	}
	b.WriteString(`</ul><p class="note">` + html.EscapeString(lg.Note) + `</p>`)
	return b.String()
}

// circlesHTML draws the count's circles as the live map does (class sym,
// at the label points), largest first so that small ones stay on top.
func circlesHTML(d app.Drawing, r []float64) string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	idx := make([]int, 0, len(r))
	for i := range r {
		if r[i] > 0 {
			idx = append(idx, i)
		}
	}
	for i := 1; i < len(idx); i++ { // insertion sort: 101 items, no sort package
		for j := i; j > 0 && r[idx[j]] > r[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	var b strings.Builder
	for _, i := range idx {
		b.WriteString(`<circle class="sym" cx="` + num(d.LabelX[i]) + `" cy="` + num(d.LabelY[i]) + `" r="` + num(r[i]) + `"/>`)
	}
	return b.String()
}

// viewStyle is the stylesheet of the prepared views: the paths' fill,
// the view's parts shown, the default's hidden.
func viewStyle(vs []view) string {
	var b strings.Builder
	for _, v := range vs {
		k := v.key
		if v.isDefault {
			// The default view's own parts, shown again (boot.Style hides
			// them for any query): same specificity, later in the page.
			b.WriteString(`html[data-pv="` + k + `"] .pd{display:revert}`)
			continue
		}
		b.WriteString(`html[data-pv="` + k + `"] .prerender path[data-code]{fill:var(--` + k + `)}`)
		b.WriteString(`html[data-pv="` + k + `"] .pv[data-pv="` + k + `"]{display:revert}`)
	}
	return b.String()
}

// viewKeys lists the prepared views' keys, for the inline script.
func viewKeys(vs []view) string {
	ks := make([]string, len(vs))
	for i, v := range vs {
		ks[i] = v.key
	}
	return strings.Join(ks, " ")
}
