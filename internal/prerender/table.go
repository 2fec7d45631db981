package prerender

import (
	"html"
	"strings"

	"francenum-map/internal/app"
)

// The 101-department table is in the page's HTML, as app.js's table()
// builds it from Go's app.Table: a visitor opening « Tableau des 101
// départements » before Go has loaded, a reader without script and a
// crawler all get the default view's figures with their caption. app.js
// adopts these rows (tr[data-code], one cell per column) instead of
// building its own.

// markerTable is the empty table of web/index.html that Inline fills.
const markerTable = `<table id="table"><caption id="table-caption"></caption><thead><tr></tr></thead><tbody></tbody></table>`

// tableHTML returns the table element for t: caption, one sortable header
// per column (aria-sort on the sorting one), then one row per department,
// its name the row header. The column repeating the value column is
// hidden, as app.js hides it.
func tableHTML(t *app.Table) string {
	var b strings.Builder
	b.Grow(len(t.Rows) * 160)
	b.WriteString(`<table id="table"><caption id="table-caption">` + html.EscapeString(t.Caption) + `</caption><thead><tr>`)
	hid := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		sort := "none"
		if c.Key == t.Sort {
			sort = "ascending"
			if t.Desc {
				sort = "descending"
			}
		}
		if c.Repeat {
			hid[i] = " hidden"
		}
		k := html.EscapeString(c.Key)
		b.WriteString(`<th scope="col" data-key="` + k + `" aria-sort="` + sort + `"` + hid[i] + `><button type="button" data-sort="` + k + `">` + html.EscapeString(c.Label) + `</button></th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, r := range t.Rows {
		b.WriteString(`<tr data-code="` + html.EscapeString(r[0]) + `">`)
		for i, cell := range r {
			tag := "td"
			if i == 1 {
				tag = `th scope="row"`
			}
			h := ""
			if i < len(hid) {
				h = hid[i]
			}
			b.WriteString(`<` + tag + h + `>` + html.EscapeString(cell) + `</` + tag[:2] + `>`)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}
