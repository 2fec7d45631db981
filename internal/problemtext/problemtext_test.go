package problemtext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

const nbsp = "\u00a0"

func TestEveryCodeHasBothLanguages(t *testing.T) {
	inTable := map[barometre.Code]bool{}
	for _, e := range table {
		assert.False(t, inTable[e.code], "twice in the table: %s", e.code)
		inTable[e.code] = true
		assert.Contains(t, barometre.Codes, e.code, "not a barometre code: %s", e.code)
	}
	for _, c := range barometre.Codes {
		e, ok := lookup(c)
		require.True(t, ok, "no text for %s", c)
		for _, s := range []string{e.frTitle, e.fr, e.enTitle, e.en} {
			assert.NotEmpty(t, s, c)
		}
		assert.NotEqual(t, e.fr, e.en, c)
	}
}

// words splits a text into lower-case words (letters, accented ones
// included; digits, spaces and punctuation separate them).
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 0xC0 && r != 0xD7 && r != 0xF7 && r < 0x250)
	})
}

var (
	// English words that must never appear in a French text.
	english = []string{"line", "lines", "column", "columns", "file", "the", "value", "empty", "duplicate",
		"missing", "not", "of", "and", "is", "kept", "here", "there", "unreadable", "field", "fields",
		"quote", "header", "required", "number", "first", "only", "problem", "with"}
	// French words that must never appear in an English text (column
	// names such as valeur, indicateur or date are identifiers, left out).
	french = []string{"ligne", "lignes", "colonne", "colonnes", "fichier", "la", "le", "les", "des", "une",
		"est", "pas", "doublon", "vide", "illisible", "gardée", "absente", "absentes", "ici", "là", "et",
		"ou", "champs", "guillemet", "nombre", "première", "problème", "avec", "même", "attendu", "seuls"}
)

// rendered returns every text the package makes for every code, in l:
// titles, sentences, a warning, a refusal and a group.
func rendered(l frfmt.Lang) map[string]string {
	out := map[string]string{}
	for _, c := range barometre.Codes {
		vals := []string{"3", "4", "5"}
		out[string(c)+" title"] = Title(c, l)
		out[string(c)+" text"] = Text(c, vals, barometre.KindSynthese, l)
		out[string(c)+" one"] = Text(c, vals[:1], barometre.KindDetail, l)
		out[string(c)+" warning"] = Warning(barometre.Warning{Line: 12, Column: 7, Field: "x", Code: c, Values: vals}, l)
		out[string(c)+" refusal"] = Refusal(&barometre.StructuralError{Line: 1, Code: c, Values: vals}, l)
		out[string(c)+" group"] = Group(c, 1159, []int{220, 221, 222}, l)
	}
	out["unknown"] = Text("no-such-code", nil, 0, l)
	out["unknown title"] = Title("no-such-code", l)
	return out
}

func TestNoWordOfTheOtherLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang      frfmt.Lang
		forbidden []string
	}{{frfmt.FR, english}, {frfmt.EN, french}} {
		for name, s := range rendered(tc.lang) {
			for _, w := range words(s) {
				assert.NotContains(t, tc.forbidden, w, "%s %s: %q", tc.lang, name, s)
			}
		}
	}
}

func TestFrenchTypography(t *testing.T) {
	for name, s := range rendered(frfmt.FR) {
		assert.NotContains(t, s, " :", name)
		assert.NotContains(t, s, " ;", name)
		assert.NotContains(t, s, `"`, name)
		for i := strings.Index(s, ":"); i >= 0; i = strings.Index(s, ":") {
			assert.True(t, strings.HasSuffix(s[:i], nbsp), "%s: %q has ':' without a no-break space", name, s)
			s = s[i+1:]
		}
	}
	for name, s := range rendered(frfmt.FR) {
		assert.Equal(t, strings.Count(s, "«"), strings.Count(s, "«"+nbsp), name)
		assert.Equal(t, strings.Count(s, "»"), strings.Count(s, nbsp+"»"), name)
		assert.Equal(t, strings.Count(s, "«"), strings.Count(s, "»"), name)
	}
	for name, s := range rendered(frfmt.EN) {
		assert.NotContains(t, s, nbsp+":", name)
		assert.NotContains(t, s, "«", name)
	}
}

func TestRenderings(t *testing.T) {
	fr, en := frfmt.FR, frfmt.EN
	w := barometre.Warning{Line: 12, Column: 7, Field: "valeur", Code: barometre.WarnUnparseable, Values: []string{"abc"}}
	assert.Equal(t, "ligne 12, colonne 7 (valeur)"+nbsp+": valeur illisible «"+nbsp+"abc"+nbsp+"»", Warning(w, fr))
	assert.Equal(t, `line 12, column 7 (valeur): unreadable value "abc"`, Warning(w, en))

	// Numbers in the reader's format, line numbers as they are.
	d := barometre.Warning{Line: 11, Column: 7, Field: "valeur", Code: barometre.WarnDuplicateConflict, Values: []string{"12002", "12345.5", "-3"}}
	assert.Equal(t, "ligne 11, colonne 7 (valeur)"+nbsp+": doublon de la ligne 12002 avec une autre valeur (12"+frfmt.NNBSP+"345,5 ici, -3 là"+nbsp+"; la première est gardée)", Warning(d, fr))
	assert.Equal(t, "line 11, column 7 (valeur): duplicate of line 12002 with a different value (12,345.5 here, -3 there; the first is kept)", Warning(d, en))

	// A row-wide warning has no column.
	fc := barometre.Warning{Line: 13, Code: barometre.WarnFieldCount, Values: []string{"9", "8"}}
	assert.Equal(t, "line 13: 9 fields, the header has 8", Warning(fc, en))

	html := &barometre.StructuralError{Line: 1, Code: barometre.RefuseHTML}
	assert.Equal(t, "ligne 1"+nbsp+": une page HTML, pas un fichier CSV", Refusal(html, fr))
	assert.Equal(t, "line 1: an HTML page, not a CSV file", Refusal(html, en))
	assert.Equal(t, "le fichier est vide", Refusal(&barometre.StructuralError{Code: barometre.RefuseEmpty}, fr))

	one := &barometre.StructuralError{Line: 1, Code: barometre.RefuseMissingColumn, Values: []string{"valeur"}, Kind: barometre.KindDetail}
	two := &barometre.StructuralError{Line: 1, Code: barometre.RefuseMissingColumn, Values: []string{"code_departement", "date"}, Kind: barometre.KindDetail}
	assert.Equal(t, "ligne 1"+nbsp+": colonne obligatoire absente"+nbsp+": «"+nbsp+"valeur"+nbsp+"» (fichier détail)", Refusal(one, fr))
	assert.Equal(t, `line 1: missing required columns "code_departement", "date" (detail file)`, Refusal(two, en))

	// A user's bytes are made visible, never passed through raw.
	bad := barometre.Warning{Line: 5, Code: barometre.WarnUnknownDept, Values: []string{"9\t\xff"}}
	assert.Equal(t, `line 5: unknown department code "9\t\xff"`, Warning(bad, en))

	// Too few values never panic; an unknown code still says something.
	assert.Equal(t, "doublon de la ligne ?, même valeur (la première est gardée)", Text(barometre.WarnDuplicate, nil, 0, fr))
	assert.Equal(t, `problem "x-y"`, Text("x-y", nil, 0, en))

	big := &barometre.StructuralError{Code: barometre.RefuseTooLarge, Values: []string{"45312000", "40000000"}}
	assert.Equal(t, "le fichier est trop gros"+nbsp+": 45,3"+nbsp+"Mo, la limite est de 40"+nbsp+"Mo", Refusal(big, fr))
	assert.Equal(t, "the file is too large: 45.3 MB, the limit is 40 MB", Refusal(big, en))

	assert.Equal(t, "Valeur illisible"+nbsp+": 1"+frfmt.NNBSP+"159 lignes (220, 221, …)", Group(barometre.WarnUnparseable, 1159, []int{220, 221}, fr))
	assert.Equal(t, "Empty value: 1 line (4)", Group(barometre.WarnEmptyValue, 1, []int{4}, en))
}

// TestFixtureWarnings renders every warning of the bad-rows fixture: each
// code gets the values its template needs (no "?" left).
func TestFixtureWarnings(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "barometre", "rows-bad.csv"))
	require.NoError(t, err)
	f, err := barometre.Parse(data)
	require.NoError(t, err)
	require.NotEmpty(t, f.Warnings)
	for _, w := range f.Warnings {
		for _, l := range []frfmt.Lang{frfmt.FR, frfmt.EN} {
			s := Warning(w, l)
			assert.NotContains(t, s, "?", s)
			assert.NotContains(t, s, "{", s)
		}
	}
}
