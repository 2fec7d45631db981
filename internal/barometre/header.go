package barometre

import (
	"strconv"

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

// The columns the reader looks for, by number (indexes of colNames).
const (
	cMesure = iota
	cIndicateur
	cID
	cDept
	cDeptName
	cMaille
	cDate
	cValue
	cUnit
	cCurrent
	cCurrentDate
	cInitial
	cInitialDate
	cTarget
	cTargetDate
	cRegion
	nCols
)

// colNames are the names of the columns the reader looks for; with
// otherKnown, the names that make a first line a header of this family.
var colNames = [nCols]string{colMesure, colIndicateur, colID, colDept, colDeptName, colMaille,
	colDate, colValue, colUnit, colCurrent, colCurrentDate, colInitial, colInitialDate,
	colTarget, colTargetDate, colRegion}

var otherKnown = [...]string{"libelle_region", "progression", "pourcentage_cible"}

// The required columns of each kind of file (indexes of colNames).
var (
	reqNationalSynthese = []uint8{cID, cCurrent, cCurrentDate, cTarget}
	reqSynthese         = []uint8{cID, cDept, cCurrent, cCurrentDate, cTarget}
	reqNationalDetail   = []uint8{cID, cDate, cValue}
	reqDetail           = []uint8{cID, cDept, cDate, cValue}
)

// layout is where the columns the reader uses are (-1 when absent).
type layout struct {
	kind                                             Kind
	names                                            []string
	mesure, label, id, dept, deptName, date, value   int
	unit, current, currentDate, initial, initialDate int
	target, targetDate                               int
}

// detect finds the kind of file and its columns, or refuses the header.
// One pass over the header fills the position of every column it knows
// (the first one of a name), then the kind and the layout are read off
// that table.
func detect(h *rowfilter.Header) (layout, error) {
	l := layout{names: h.Names}
	var at [nCols]int
	for i := range at {
		at[i] = -1
	}
	nKnown := 0
	for j, n := range h.Names {
		for c, name := range colNames {
			if n == name {
				nKnown++
				if at[c] < 0 {
					at[c] = j
				}
			}
		}
		for _, name := range otherKnown {
			if n == name {
				nKnown++
			}
		}
	}
	if nKnown == 0 {
		return l, &StructuralError{Line: 1, Code: RefuseNoHeader}
	}
	// A name used twice would make the reader pick one silently.
	for i, n := range h.Names {
		for j := i + 1; j < len(h.Names); j++ {
			if n != "" && h.Names[j] == n {
				return l, &StructuralError{Line: 1, Column: j + 1, Field: n, Code: RefuseColumnTwice, Values: vals(n, strconv.Itoa(i+1), strconv.Itoa(j+1))}
			}
		}
	}
	synthese := at[cCurrent] >= 0 || at[cCurrentDate] >= 0 || at[cTarget] >= 0 || at[cInitial] >= 0
	national := at[cDept] < 0 && at[cMaille] >= 0
	if at[cDept] < 0 && at[cMaille] < 0 && at[cRegion] >= 0 {
		return l, &StructuralError{Line: 1, Field: colDept, Column: at[cRegion] + 1, Code: RefuseRegional}
	}
	required := reqDetail
	l.kind = KindDetail
	switch {
	case synthese && national:
		l.kind, required = KindNationalSynthese, reqNationalSynthese
	case synthese:
		l.kind, required = KindSynthese, reqSynthese
	case national:
		l.kind, required = KindNationalDetail, reqNationalDetail
	}
	var missing []string
	for _, r := range required {
		if at[r] < 0 {
			missing = append(missing, colNames[r])
		}
	}
	if len(missing) > 0 {
		return l, &StructuralError{Line: 1, Field: missing[0], Code: RefuseMissingColumn, Values: missing, Kind: l.kind}
	}
	l.mesure, l.label, l.id = at[cMesure], at[cIndicateur], at[cID]
	l.dept, l.deptName = at[cDept], at[cDeptName]
	if national {
		l.deptName = at[cMaille]
	}
	l.date, l.value, l.unit = at[cDate], at[cValue], at[cUnit]
	l.current, l.currentDate = at[cCurrent], at[cCurrentDate]
	l.initial, l.initialDate = at[cInitial], at[cInitialDate]
	l.target, l.targetDate = at[cTarget], at[cTargetDate]
	return l, nil
}

// vals copies values into a new slice (the caller's array stays on its
// stack: a composite literal of strings stored in an error would give each
// array length its own type, and code, in the wasm).
func vals(values ...string) []string { return append(make([]string, 0, len(values)), values...) }
