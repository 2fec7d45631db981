package export

import (
	"francenum-map/internal/app"
	"francenum-map/internal/exportfmt"
)

// SeriesLong returns every month of every department of the indicator in
// the published detail file's long shape, one row per department and
// date with a value (code_departement, libelle_departement,
// id_indicateur, indicateur, date, valeur, unite), then the dated source
// line in the last column.
func SeriesLong(t *app.SeriesTable, d exportfmt.Dialect) string {
	w := exportfmt.NewWriter(d)
	for _, h := range [...]string{"code_departement", "libelle_departement", "id_indicateur", "indicateur", "date", "valeur", "unite", "source"} {
		w.Text(h)
	}
	w.EndRow()
	for i := range t.Rows {
		r := &t.Rows[i]
		for k, v := range r.Values {
			if v != v {
				continue // absent, as in the published file: no row
			}
			w.Text(r.Code)
			w.Text(r.Name)
			w.Text(t.Ind)
			w.Text(t.IndName)
			w.Text(t.Dates[k])
			w.Number(v, -1)
			w.Text(t.Unit)
			w.Text(t.Source)
			w.EndRow()
		}
	}
	return string(w.Bytes())
}

// SeriesWide returns the same values one row per department and one
// column per date (for a spreadsheet), an empty cell where a department
// has no value; a last row gives the indicator and the dated source line.
func SeriesWide(t *app.SeriesTable, d exportfmt.Dialect) string {
	w := exportfmt.NewWriter(d)
	w.Text("code_departement")
	w.Text("libelle_departement")
	for _, dt := range t.Dates {
		w.Text(dt)
	}
	w.EndRow()
	for i := range t.Rows {
		r := &t.Rows[i]
		w.Text(r.Code)
		w.Text(r.Name)
		for _, v := range r.Values {
			if v != v {
				w.Text("")
				continue
			}
			w.Number(v, -1)
		}
		w.EndRow()
	}
	w.EndRow()
	w.Text(t.IndName + " (" + t.Ind + ", " + t.Unit + ")")
	w.EndRow()
	w.Text(t.Source)
	w.EndRow()
	return string(w.Bytes())
}
