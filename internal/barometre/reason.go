package barometre

import (
	"francenum-map/internal/frfmt"
	"francenum-map/internal/problemtext"
)

// Text renders the warning in language l, place included: « ligne 12,
// colonne 7 (valeur) : valeur illisible « abc » » (package problemtext,
// from its Code and Values).
func (w Warning) Text(l frfmt.Lang) string {
	return problemtext.Problem(w.Line, w.Column, w.Field, string(w.Code), w.Values, 0, l)
}

// Reason returns the English sentence of the warning without its place,
// e.g. `unparseable value "abc"`.
func (w Warning) Reason() string {
	return problemtext.English(string(w.Code), w.Values, 0)
}

// String returns the English text, e.g. `line 12, column 7 (valeur):
// unparseable value "abc"`.
func (w Warning) String() string {
	return problemtext.EnglishProblem(w.Line, w.Column, w.Field, string(w.Code), w.Values, 0)
}

// Text renders the refusal in language l, line included when known:
// « ligne 1 : une page HTML, pas un fichier CSV ».
func (e *StructuralError) Text(l frfmt.Lang) string {
	return problemtext.Problem(e.Line, 0, "", string(e.Code), e.Values, int(e.Kind), l)
}

// Reason returns the English sentence of the refusal without its line,
// e.g. `missing required column "valeur" (detail file)`.
func (e *StructuralError) Reason() string {
	return problemtext.English(string(e.Code), e.Values, int(e.Kind))
}

// Error returns "refused: " and the English text, e.g. `refused: line 1:
// missing required column "valeur" (detail file)`.
func (e *StructuralError) Error() string {
	return "refused: " + problemtext.EnglishProblem(e.Line, 0, "", string(e.Code), e.Values, int(e.Kind))
}
