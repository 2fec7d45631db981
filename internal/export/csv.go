// Package export writes the current view as files to download: CSV (the
// departments' numbers) and a standalone SVG (the map as shown, its legend,
// title, source line and data date). Both are drawn from the app's typed
// views (app.View, app.Values) and the geometry; no state is read here.
package export

import (
	"math"
	"strconv"
	"strings"

	"francenum-map/internal/app"
)

// CSV returns the view as CSV (comma-separated, UTF-8, "\n"): one row per
// department in code order, the metric value with a dot decimal
// (machine-readable), the cumulative value, the target, the class, and the
// source line in the last column.
func CSV(v *app.View, rows []app.DeptValue) string {
	var b strings.Builder
	b.Grow(16 << 10)
	b.WriteString("code_departement,libelle_departement,id_indicateur,date,mesure,valeur,valeur_cumulee,cible,pourcentage_cible,classe,source\n")
	src := csvField(v.Source)
	date := v.State.Date.String()
	for i := range rows {
		r := &rows[i]
		class := "nodata"
		if r.Class >= 0 {
			class = strconv.Itoa(r.Class)
		}
		line := []string{csvField(r.Code), csvField(r.Name), csvField(v.State.Ind), date, v.State.Metric,
			csvNum(r.Value), csvNum(r.Count), csvNum(r.Target), csvNum(r.Pct), class, src}
		for k, f := range line {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(f)
		}
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
