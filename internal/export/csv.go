// Package export writes the current view as files to download: CSV (the
// departments' numbers) and a standalone SVG (the map as shown, its legend,
// title, source line and data date). Both are drawn from the app's typed
// views (app.View, app.Values) and the geometry; no state is read here.
package export

import (
	"math"

	"francenum-map/internal/app"
	"francenum-map/internal/exportfmt"
)

// CSV returns the view as CSV in dialect d: exportfmt.Standard for
// programs (',', dot decimals, UTF-8 without BOM, "\n") or
// exportfmt.ExcelFR for French Excel (';', decimal commas, BOM, "\r\n").
// One row per department in code order: the metric value (rounded to
// three decimals), the cumulative value, the target, the class, and the
// source line with its data date in the last column. Text cells that a
// spreadsheet would run as a formula (a user's file can name its
// indicator « =cmd ») are neutralised by exportfmt.
func CSV(v *app.View, rows []app.DeptValue, d exportfmt.Dialect) string {
	w := exportfmt.NewWriter(d)
	for _, h := range [...]string{"code_departement", "libelle_departement", "id_indicateur", "indicateur", "date", "mesure",
		"valeur", "valeur_cumulee", "cible", "pourcentage_cible", "classe", "source"} {
		w.Text(h)
	}
	w.EndRow()
	date := v.State.Date.String()
	for i := range rows {
		r := &rows[i]
		w.Text(r.Code)
		w.Text(r.Name)
		w.Text(v.State.Ind)
		w.Text(v.IndName)
		w.Text(date)
		w.Text(v.State.Metric)
		for _, x := range [...]float64{r.Value, r.Count, r.Target, r.Pct} {
			w.Number(math.Round(x*1000)/1000, -1)
		}
		if r.Class >= 0 {
			w.Number(float64(r.Class), 0)
		} else {
			w.Text("nodata")
		}
		w.Text(v.Source)
		w.EndRow()
	}
	return string(w.Bytes())
}
