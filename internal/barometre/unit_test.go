package barometre

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/frfmt"
	"francenum-map/internal/problemtext"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		in     string
		delim  byte
		want   float64
		reason string
	}{
		{"752.0", ',', 752, ""},
		{" 12.5 ", ',', 12.5, ""},
		{"-3", ',', -3, ""},
		{"+0.1", ',', 0.1, ""},
		{".5", ',', 0.5, ""},
		{"0.30000000000000004", ',', 0.30000000000000004, ""},
		{"1e3", ',', 1000, ""},
		{"12,5", ';', 12.5, ""},
		{"12,5", ',', 0, `unparseable value "12,5"`},
		{"abc", ',', 0, `unparseable value "abc"`},
		{"NaN", ',', 0, `not a number "NaN"`},
		{"-Inf", ',', 0, `not a number "-Inf"`},
		{"infinity", ',', 0, `not a number "infinity"`},
		{"1e400", ',', 0, `value out of range "1e400"`},
		{"0x10", ',', 0, `unparseable value "0x10"`},
		{"1_000", ',', 0, `unparseable value "1_000"`},
		{"", ',', 0, "empty value"},
		{"  ", ',', 0, "empty value"},
		{"-", ',', 0, `unparseable value "-"`},
		{"1.2.3", ',', 0, `unparseable value "1.2.3"`},
		{"112 580", ';', 0, `unparseable value "112 580"`},
	}
	for _, tt := range tests {
		v, code := parseValue([]byte(tt.in), tt.delim)
		reason := ""
		if code != "" {
			w := Warning{Code: code}
			if code != WarnEmptyValue {
				w.Values = []string{strings.TrimSpace(tt.in)}
			}
			reason = w.Reason()
		}
		assert.Equal(t, tt.reason, reason, tt.in)
		assert.Equal(t, tt.want, v, tt.in)
	}
	// The fast path agrees with strconv on long mantissas and fractions.
	for _, s := range []string{"123456789012345", "0.000000000000001", "9007199254740993", "4.35", "116707.0"} {
		v, code := parseValue([]byte(s), ',')
		assert.Empty(t, code)
		assert.False(t, math.IsNaN(v))
	}
	v, _ := parseValue([]byte("4.35"), ',')
	assert.Equal(t, 4.35, v)
}

func TestDecode1252(t *testing.T) {
	assert.Equal(t, "€ é œ Ÿ \u0081 ÿ a", string(decode1252([]byte{0x80, ' ', 0xE9, ' ', 0x9C, ' ', 0x9F, ' ', 0x81, ' ', 0xFF, ' ', 'a'})))
}

func TestKindAndWarningStrings(t *testing.T) {
	assert.Equal(t, "national synthese", KindNationalSynthese.String())
	assert.True(t, KindNationalDetail.IsNational())
	assert.False(t, KindDetail.IsSynthese())
	assert.Equal(t, `line 12, column 7 (valeur): unparseable value "abc"`, Warning{Line: 12, Column: 7, Field: "valeur", Code: WarnUnparseable, Values: []string{"abc"}}.String())
	assert.Equal(t, "line 3: wrong field count: 9 fields, the header has 8", Warning{Line: 3, Code: WarnFieldCount, Values: []string{"9", "8"}}.String())
	assert.Equal(t, `refused: line 1: missing required column "valeur" (detail file)`, (&StructuralError{Line: 1, Code: RefuseMissingColumn, Values: []string{"valeur"}, Kind: KindDetail}).Error())
	assert.Equal(t, "refused: empty file", (&StructuralError{Code: RefuseEmpty}).Error())
	// Missing values never panic; an unknown code names itself.
	assert.Equal(t, "line 4: bad date \"?\" (expected YYYY-MM-DD or DD/MM/YYYY)", Warning{Line: 4, Code: WarnBadDate}.String())
	assert.Equal(t, `refused: problem "x-y"`, (&StructuralError{Code: "x-y"}).Error())
}

func TestEncode1252(t *testing.T) {
	e, ok := encode1252("é€a")
	assert.True(t, ok)
	assert.Equal(t, "\xe9\x80a", e)
	assert.Equal(t, "é€a", string(decode1252([]byte(e))))
	_, ok = encode1252("日本")
	assert.False(t, ok)
}

// TestCodesHaveText: every Code the reader returns has its text in both
// languages in problemtext's table, and the table holds nothing else.
func TestCodesHaveText(t *testing.T) {
	seen := map[Code]bool{}
	for _, c := range Codes {
		assert.False(t, seen[c], "twice: %s", c)
		seen[c] = true
		assert.True(t, problemtext.Has(string(c)), "no text for %s", c)
	}
	for _, c := range problemtext.Codes() {
		assert.True(t, seen[Code(c)], "problemtext has %s, not a barometre code", c)
	}
	assert.Len(t, problemtext.Codes(), len(Codes))
	// Text is French or English; String and Error the English.
	w := Warning{Line: 12, Column: 7, Field: "valeur", Code: WarnUnparseable, Values: []string{"abc"}}
	assert.Equal(t, "ligne 12, colonne 7 (valeur)\u00a0: valeur illisible «\u00a0abc\u00a0»", w.Text(frfmt.FR))
	assert.Equal(t, w.Text(frfmt.EN), w.String())
	e := &StructuralError{Line: 1, Code: RefuseHTML}
	assert.Equal(t, "ligne 1\u00a0: une page HTML, pas un fichier CSV", e.Text(frfmt.FR))
	assert.Equal(t, "refused: "+e.Text(frfmt.EN), e.Error())
}
