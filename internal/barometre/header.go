package barometre

import (
	"strconv"

	"francenum-map/internal/ascii"
	"francenum-map/internal/rowfilter"
)

// Column names of the published files.
const (
	colMesure      = "mesure"
	colIndicateur  = "indicateur"
	colID          = "id_indicateur"
	colDept        = "code_departement"
	colDeptName    = "libelle_departement"
	colMaille      = "maille_geographique"
	colDate        = "date"
	colValue       = "valeur"
	colUnit        = "unite"
	colCurrent     = "valeur_actuelle"
	colCurrentDate = "date_valeur_actuelle"
	colInitial     = "valeur_initiale"
	colInitialDate = "date_valeur_initiale"
	colTarget      = "cible"
	colTargetDate  = "date_cible"
	colRegion      = "code_region"
)

// known are the names that make a first line a header of this family.
var known = []string{colMesure, colIndicateur, colID, colDept, colDeptName, colMaille,
	colDate, colValue, colUnit, colCurrent, colCurrentDate, colInitial, colInitialDate,
	colTarget, colTargetDate, colRegion, "libelle_region", "progression", "pourcentage_cible"}

// layout is where the columns the reader uses are (-1 when absent).
type layout struct {
	kind                                             Kind
	names                                            []string
	mesure, label, id, dept, deptName, date, value   int
	unit, current, currentDate, initial, initialDate int
	target, targetDate                               int
}

// detect finds the kind of file and its columns, or refuses the header.
func detect(h *rowfilter.Header) (layout, error) {
	l := layout{names: h.Names}
	col := func(name string) int { return h.Col(name) }
	nKnown := 0
	for _, n := range h.Names {
		for _, k := range known {
			if n == k {
				nKnown++
			}
		}
	}
	if nKnown == 0 {
		return l, &StructuralError{Line: 1, Code: RefuseNoHeader, Reason: "no header: the first line does not name the columns (expected mesure, indicateur, id_indicateur, code_departement, date, valeur, …)"}
	}
	// A name used twice would make the reader pick one silently.
	for i, n := range h.Names {
		for j := i + 1; j < len(h.Names); j++ {
			if n != "" && h.Names[j] == n {
				a, b := strconv.Itoa(i+1), strconv.Itoa(j+1)
				return l, &StructuralError{Line: 1, Column: j + 1, Field: n, Code: RefuseColumnTwice, Values: []string{n, a, b},
					Reason: "column " + ascii.Quote(n) + " appears twice (columns " + a + " and " + b + ")"}
			}
		}
	}
	synthese := col(colCurrent) >= 0 || col(colCurrentDate) >= 0 || col(colTarget) >= 0 || col(colInitial) >= 0
	national := col(colDept) < 0 && col(colMaille) >= 0
	if col(colDept) < 0 && col(colMaille) < 0 && col(colRegion) >= 0 {
		return l, &StructuralError{Line: 1, Field: colDept, Column: col(colRegion) + 1, Code: RefuseRegional,
			Reason: "a regional file (column code_region): only departmental and national files are read"}
	}
	var required []string
	switch {
	case synthese && national:
		l.kind = KindNationalSynthese
		required = []string{colID, colCurrent, colCurrentDate, colTarget}
	case synthese:
		l.kind = KindSynthese
		required = []string{colID, colDept, colCurrent, colCurrentDate, colTarget}
	case national:
		l.kind = KindNationalDetail
		required = []string{colID, colDate, colValue}
	default:
		l.kind = KindDetail
		required = []string{colID, colDept, colDate, colValue}
	}
	var missing []string
	for _, r := range required {
		if col(r) < 0 {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		reason := "missing required column " + ascii.Quote(missing[0])
		if len(missing) > 1 {
			reason = "missing required columns " + ascii.Quote(missing[0])
			for _, m := range missing[1:] {
				reason += ", " + ascii.Quote(m)
			}
		}
		return l, &StructuralError{Line: 1, Field: missing[0], Code: RefuseMissingColumn, Values: missing, Kind: l.kind,
			Reason: reason + " (" + l.kind.String() + " file)"}
	}
	l.mesure, l.label, l.id = col(colMesure), col(colIndicateur), col(colID)
	l.dept, l.deptName = col(colDept), col(colDeptName)
	if national {
		l.deptName = col(colMaille)
	}
	l.date, l.value, l.unit = col(colDate), col(colValue), col(colUnit)
	l.current, l.currentDate = col(colCurrent), col(colCurrentDate)
	l.initial, l.initialDate = col(colInitial), col(colInitialDate)
	l.target, l.targetDate = col(colTarget), col(colTargetDate)
	return l, nil
}
