package problemtext

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/frfmt"
)

const nbsp = "\u00a0"

// TestEveryCodeHasBothLanguages; barometre's TestCodesHaveText checks
// the table against the reader's codes both ways.
func TestEveryCodeHasBothLanguages(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range codes {
		assert.False(t, seen[c], "twice in the table: %s", c)
		seen[c] = true
		for _, s := range []string{frTitles[i], frTexts[i], enTitles[i], enTexts[i]} {
			assert.NotEmpty(t, s, c)
		}
		assert.NotEqual(t, frTexts[i], enTexts[i], c)
		assert.True(t, Has(c))
	}
	assert.Len(t, Codes(), 21)
	assert.Equal(t, Text("duplicate", []string{"2"}, 0, frfmt.EN), English("duplicate", []string{"2"}, 0))
	assert.Equal(t, Problem(3, 7, "valeur", "bad-date", []string{"x"}, 0, frfmt.EN), EnglishProblem(3, 7, "valeur", "bad-date", []string{"x"}, 0))
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
	for _, c := range Codes() {
		vals := []string{"3", "4", "5"}
		out[c+" title"] = Title(c, l)
		out[c+" text"] = Text(c, vals, 2, l)
		out[c+" one"] = Text(c, vals[:1], 1, l)
		out[c+" warning"] = Problem(12, 7, "x", c, vals, 0, l)
		out[c+" refusal"] = Problem(1, 0, "", c, vals, 4, l)
		out[c+" group"] = Group(c, 1159, []int{220, 221, 222}, l)
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
	assert.Equal(t, "ligne 12, colonne 7 (valeur)"+nbsp+": valeur illisible «"+nbsp+"abc"+nbsp+"»", Problem(12, 7, "valeur", "unparseable-value", []string{"abc"}, 0, fr))
	assert.Equal(t, `line 12, column 7 (valeur): unparseable value "abc"`, Problem(12, 7, "valeur", "unparseable-value", []string{"abc"}, 0, en))

	// Numbers in the reader's format, line numbers as they are.
	d := []string{"12002", "12345.5", "-3"}
	assert.Equal(t, "ligne 11, colonne 7 (valeur)"+nbsp+": doublon de la ligne 12002 avec une autre valeur (12"+frfmt.NNBSP+"345,5 ici, -3 là"+nbsp+"; la première est gardée)", Problem(11, 7, "valeur", "duplicate-conflict", d, 0, fr))
	assert.Equal(t, "line 11, column 7 (valeur): duplicate of line 12002 with a different value (12,345.5 here, -3 there; the first is kept)", Problem(11, 7, "valeur", "duplicate-conflict", d, 0, en))

	// A row-wide warning has no column; a whole-file refusal no line.
	assert.Equal(t, "line 13: wrong field count: 9 fields, the header has 8", Problem(13, 0, "", "wrong-field-count", []string{"9", "8"}, 0, en))
	assert.Equal(t, "ligne 1"+nbsp+": une page HTML, pas un fichier CSV", Problem(1, 0, "", "html-page", nil, 0, fr))
	assert.Equal(t, "line 1: an HTML page, not a CSV file", Problem(1, 0, "", "html-page", nil, 0, en))
	assert.Equal(t, "le fichier est vide", Problem(0, 0, "", "empty", nil, 0, fr))

	assert.Equal(t, "ligne 1"+nbsp+": colonne obligatoire absente"+nbsp+": «"+nbsp+"valeur"+nbsp+"» (fichier détail)", Problem(1, 0, "", "missing-column", []string{"valeur"}, 1, fr))
	assert.Equal(t, `line 1: missing required columns "code_departement", "date" (detail file)`, Problem(1, 0, "", "missing-column", []string{"code_departement", "date"}, 1, en))

	// A user's bytes are made visible, never passed through raw.
	assert.Equal(t, `line 5: unknown department code "9\t\xff"`, Problem(5, 0, "", "unknown-department", []string{"9\t\xff"}, 0, en))

	// Too few values never panic; an unknown code still says something.
	assert.Equal(t, "doublon de la ligne ?, même valeur (la première est gardée)", Text("duplicate", nil, 0, fr))
	assert.Equal(t, `problem "x-y"`, Text("x-y", nil, 0, en))
	assert.False(t, Has("x-y"))

	big := []string{"45.4", "40"}
	assert.Equal(t, "le fichier est trop gros"+nbsp+": 45,4"+nbsp+"Mo, la limite est de 40"+nbsp+"Mo", Text("too-large", big, 0, fr))
	assert.Equal(t, "the file is too large: 45.4 MB, the limit is 40 MB", Text("too-large", big, 0, en))

	assert.Equal(t, "Valeur illisible"+nbsp+": 1"+frfmt.NNBSP+"159 lignes (220, 221, …)", Group("unparseable-value", 1159, []int{220, 221}, fr))
	assert.Equal(t, "Empty value: 1 line (4)", Group("empty-value", 1, []int{4}, en))
}
