package barometre

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/frfmt"
)

func fixture(t testing.TB, name string) []byte {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "barometre", name))
	require.NoError(t, err)
	return data
}

// wn is an expected warning: where, what (code and values), which
// indicator, and its English reason.
type expected struct {
	Warning
	reason string
}

func wn(line, col int, field string, code Code, indicator, reason string, values ...string) expected {
	return expected{Warning{Line: line, Column: col, Field: field, Code: code, Values: values, Indicator: indicator}, reason}
}

// assertWarnings checks ws against want, the English reasons included.
func assertWarnings(t *testing.T, want []expected, ws []Warning) {
	t.Helper()
	var ew []Warning
	var er, gr []string
	for _, e := range want {
		ew = append(ew, e.Warning)
		er = append(er, e.reason)
	}
	for _, w := range ws {
		gr = append(gr, w.Reason())
	}
	assert.Equal(t, ew, ws)
	assert.Equal(t, er, gr)
}

const (
	fxM = "Numérisation des petites et moyennes entreprises"
	fxL = "Nombre d'entreprises ayant bénéficié d'un chèque numérique de 500€"
)

func TestFixturesStructural(t *testing.T) {
	tests := []struct {
		file   string
		want   StructuralError
		reason string
	}{
		{"empty.csv", StructuralError{Code: RefuseEmpty}, "empty file"},
		{"blank.csv", StructuralError{Code: RefuseEmpty}, "empty file"},
		{"html.csv", StructuralError{Line: 1, Code: RefuseHTML}, "an HTML page, not a CSV file"},
		{"no-header.csv", StructuralError{Line: 1, Code: RefuseNoHeader}, "no header: the first line does not name the columns (expected mesure, indicateur, id_indicateur, code_departement, date, valeur, …)"},
		{"missing-valeur.csv", StructuralError{Line: 1, Field: "valeur", Code: RefuseMissingColumn, Values: []string{"valeur"}, Kind: KindDetail}, `missing required column "valeur" (detail file)`},
		{"missing-two.csv", StructuralError{Line: 1, Field: "code_departement", Code: RefuseMissingColumn, Values: []string{"code_departement", "date"}, Kind: KindDetail}, `missing required columns "code_departement", "date" (detail file)`},
		{"duplicate-column.csv", StructuralError{Line: 1, Column: 5, Field: "valeur", Code: RefuseColumnTwice, Values: []string{"valeur", "4", "5"}}, `column "valeur" appears twice (columns 4 and 5)`},
		{"regional.csv", StructuralError{Line: 1, Column: 4, Field: "code_departement", Code: RefuseRegional}, "a regional file (column code_region): only departmental and national files are read"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := fixture(t, tt.file)
			for _, parse := range []func([]byte) (*File, error){Parse, func(b []byte) (*File, error) { return ParseSelected(b, twoIDs) }} {
				f, err := parse(data)
				assert.Nil(t, f)
				var se *StructuralError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.want, *se)
				assert.Equal(t, tt.reason, se.Reason())
			}
		})
	}
}

func TestFixtureRowsBad(t *testing.T) {
	f, err := Parse(fixture(t, "rows-bad.csv"))
	require.NoError(t, err)
	assert.Equal(t, Stats{Read: 19, Kept: 3, Rejected: 16}, f.Stats)
	assertWarnings(t, []expected{
		wn(3, 7, "valeur", WarnUnparseable, cheques, `unparseable value "abc"`, "abc"),
		wn(4, 7, "valeur", WarnNotANumber, cheques, `not a number "NaN"`, "NaN"),
		wn(5, 7, "valeur", WarnOutOfRange, cheques, `value out of range "1e400"`, "1e400"),
		wn(6, 7, "valeur", WarnEmptyValue, cheques, "empty value"),
		wn(7, 4, "code_departement", WarnUnknownDept, cheques, `unknown department code "20"`, "20"),
		wn(8, 4, "code_departement", WarnUnknownDept, cheques, `unknown department code "975"`, "975"),
		wn(9, 6, "date", WarnBadDate, cheques, `bad date "2022-02-30" (expected YYYY-MM-DD or DD/MM/YYYY)`, "2022-02-30"),
		wn(10, 6, "date", WarnBadDate, cheques, `bad date "30-11-2022" (expected YYYY-MM-DD or DD/MM/YYYY)`, "30-11-2022"),
		wn(11, 7, "valeur", WarnDuplicateConflict, cheques, "duplicate of line 2 with a different value (701 here, 700 there; the first is kept)", "2", "701", "700"),
		wn(12, 7, "valeur", WarnDuplicate, cheques, "duplicate of line 2 (same value; the first is kept)", "2"),
		wn(13, 0, "", WarnFieldCount, "", "wrong field count: 9 fields, the header has 8", "9", "8"),
		wn(14, 0, "", WarnFieldCount, "", "wrong field count: 7 fields, the header has 8", "7", "8"),
		wn(15, 3, "id_indicateur", WarnEmptyID, "", "empty id_indicateur"),
		wn(16, 2, "indicateur", WarnQuoteInField, "", "quote inside an unquoted field"),
		wn(17, 2, "indicateur", WarnTextAfterQuote, "", "unexpected text after a closing quote"),
		wn(22, 0, "", WarnFieldCount, "", "wrong field count: 5 fields, the header has 8", "5", "8"),
	}, f.Warnings)
	type kept struct {
		line  int
		dept  string
		date  Date
		value float64
	}
	var got []kept
	for _, o := range f.Observations {
		got = append(got, kept{o.Line, o.Dept, o.Date, o.Value})
	}
	assert.Equal(t, []kept{
		{2, "01", NewDate(2022, 10, 31), 700},
		{20, "2A", NewDate(2022, 11, 30), 3.5},
		{21, "01", NewDate(2022, 11, 30), 752},
	}, got)
	assert.Equal(t, "Corse-du-Sud", f.Observations[1].DeptName)

	// ParseSelected sees the same rows except the one without an id.
	s, err := ParseSelected(fixture(t, "rows-bad.csv"), twoIDs)
	require.NoError(t, err)
	assert.Equal(t, f.Observations, s.Observations)
	var want []Warning
	for _, w := range f.Warnings {
		if w.Line != 15 {
			want = append(want, w)
		}
	}
	assert.Equal(t, want, s.Warnings)
	assert.Equal(t, Stats{Read: 18, Kept: 3, Rejected: 15}, s.Stats)
	assert.Equal(t, 3, s.Skipped) // line 15, the blank line and the line of empty fields
}

func TestFixtureUnterminated(t *testing.T) {
	f, err := Parse(fixture(t, "unterminated.csv"))
	require.NoError(t, err)
	assert.Equal(t, Stats{Read: 2, Kept: 1, Rejected: 1}, f.Stats)
	assertWarnings(t, []expected{wn(3, 2, "indicateur", WarnUnterminatedQuote, "", "unterminated quoted field (it runs to the end of the file, line 4)", "4")}, f.Warnings)
	s, err := ParseSelected(fixture(t, "unterminated.csv"), twoIDs)
	require.NoError(t, err)
	// The id of line 3 is inside the unterminated quote: the filter cannot
	// see it, so only line 2 is selected.
	assert.Equal(t, Stats{Read: 1, Kept: 1}, s.Stats)
	assert.Equal(t, 1, s.Skipped)
}

func TestFixtureQuirks(t *testing.T) {
	for _, parse := range []func([]byte) (*File, error){Parse, func(b []byte) (*File, error) { return ParseSelected(b, twoIDs) }} {
		f, err := parse(fixture(t, "quirks-bom-crlf.csv"))
		require.NoError(t, err)
		assert.Equal(t, "UTF-8 BOM", f.Encoding)
		assert.Equal(t, KindDetail, f.Kind)
		assert.Equal(t, Stats{Read: 4, Kept: 4}, f.Stats)
		assert.Empty(t, f.Warnings)
		require.Len(t, f.Observations, 4)
		o := f.Observations
		assert.Equal(t, Observation{Line: 2, Indicator: cheques, Label: `Label with "quotes"`, Mesure: fxM + ", avec virgule",
			Dept: "01", DeptName: "Ain", Unit: "entreprises", Date: NewDate(2022, 11, 30), Value: 752}, o[0])
		assert.Equal(t, Observation{Line: 3, Indicator: diags, Label: "Label\nover\nthree lines", Mesure: fxM,
			Dept: "2B", DeptName: "Haute-Corse", Unit: "entreprises", Date: NewDate(2022, 11, 30), Value: 36}, o[1])
		assert.Equal(t, 7, o[2].Line)
		assert.Equal(t, "971", o[2].Dept)
		assert.Equal(t, 12.5, o[2].Value)
		assert.Equal(t, 8, o[3].Line)
		assert.Equal(t, "976", o[3].Dept)
		assert.Equal(t, -3.0, o[3].Value)
	}
}

func TestFixtureExcelFrance(t *testing.T) {
	for _, parse := range []func([]byte) (*File, error){Parse, func(b []byte) (*File, error) { return ParseSelected(b, twoIDs) }} {
		f, err := parse(fixture(t, "excel-fr-1252.csv"))
		require.NoError(t, err)
		assert.Equal(t, "Windows-1252", f.Encoding)
		assert.Equal(t, byte(';'), f.Delimiter)
		assert.Equal(t, Stats{Read: 3, Kept: 2, Rejected: 1}, f.Stats)
		assertWarnings(t, []expected{wn(4, 7, "valeur", WarnUnparseable, cheques, `unparseable value "1.234,5"`, "1.234,5")}, f.Warnings)
		require.Len(t, f.Observations, 2)
		assert.Equal(t, Observation{Line: 2, Indicator: cheques, Label: fxL, Mesure: fxM,
			Dept: "01", DeptName: "Ain", Unit: "entreprises", Date: NewDate(2022, 11, 30), Value: 752}, f.Observations[0])
		assert.Equal(t, "2A", f.Observations[1].Dept)
		assert.Equal(t, "Label; with semicolon", f.Observations[1].Label)
		assert.Equal(t, 12.5, f.Observations[1].Value)
	}
}

func TestFixtureLatin1(t *testing.T) {
	f, err := Parse(fixture(t, "latin1.csv"))
	require.NoError(t, err)
	assert.Equal(t, "Windows-1252", f.Encoding)
	require.Len(t, f.Observations, 2)
	assert.Equal(t, "Finistère", f.Observations[0].DeptName)
	assert.Equal(t, "Puy-de-Dôme", f.Observations[1].DeptName)
	assert.Equal(t, "", f.Observations[0].Label) // no indicateur column: empty, not an error
}

func TestFixtureSynthese(t *testing.T) {
	f, err := Parse(fixture(t, "synthese.csv"))
	require.NoError(t, err)
	assert.Equal(t, KindSynthese, f.Kind)
	assert.Equal(t, Stats{Read: 7, Kept: 2, Rejected: 5}, f.Stats)
	assertWarnings(t, []expected{
		wn(4, 12, "cible", WarnUnparseable, cheques, `unparseable value "beaucoup"`, "beaucoup"),
		wn(5, 14, "date_cible", WarnBadDate, cheques, `bad date "2022-12-32" (expected YYYY-MM-DD or DD/MM/YYYY)`, "2022-12-32"),
		wn(6, 6, "valeur_actuelle", WarnDuplicateConflict, cheques, "duplicate of line 2 with a different value (753 here, 752 there; the first is kept)", "2", "753", "752"),
		wn(7, 4, "code_departement", WarnUnknownDept, cheques, `unknown department code "96"`, "96"),
		wn(8, 6, "valeur_actuelle", WarnEmptyValue, cheques, "empty value"),
	}, f.Warnings)
	assert.Equal(t, Target{Line: 2, Indicator: cheques, Label: fxL, Mesure: fxM, Dept: "01", DeptName: "Ain", Unit: "entreprises",
		Current: 752, CurrentDate: NewDate(2022, 11, 30), Initial: 0, InitialDate: NewDate(2020, 9, 30),
		Target: 878, HasTarget: true, TargetDate: NewDate(2022, 12, 31)}, f.Targets[0])
	assert.Equal(t, Target{Line: 3, Indicator: cheques, Label: fxL, Mesure: fxM, Dept: "02", DeptName: "Aisne", Unit: "entreprises",
		Current: 500, CurrentDate: NewDate(2022, 11, 30)}, f.Targets[1])
}

func TestFixtureNational(t *testing.T) {
	f, err := Parse(fixture(t, "national.csv"))
	require.NoError(t, err)
	assert.Equal(t, KindNationalDetail, f.Kind)
	assert.Equal(t, Stats{Read: 3, Kept: 2, Rejected: 1}, f.Stats)
	assertWarnings(t, []expected{wn(4, 6, "valeur", WarnDuplicate, cheques, "duplicate of line 3 (same value; the first is kept)", "3")}, f.Warnings)
	assert.Equal(t, "", f.Observations[1].Dept)
	assert.Equal(t, "national", f.Observations[1].DeptName)
	assert.Equal(t, 112580.0, f.Observations[1].Value)
}

func TestFixtureTruncated(t *testing.T) {
	tests := []struct {
		file   string
		values []string
		reason string
	}{
		{"truncated.csv", []string{"3", "8"}, "the file is truncated: its last line has no line end and 3 fields, the header has 8"},
		{"truncated-quote.csv", []string{"2", "8"}, "the file is truncated: its last line has no line end and 2 fields, the header has 8"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			for _, parse := range []func([]byte) (*File, error){Parse, func(b []byte) (*File, error) { return ParseSelected(b, twoIDs) },
				func(b []byte) (*File, error) { return ParseSelected(b, []string{"other"}) }} {
				f, err := parse(fixture(t, tt.file))
				assert.Nil(t, f)
				var se *StructuralError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, StructuralError{Line: 3, Code: RefuseTruncated, Values: tt.values}, *se)
				assert.Equal(t, tt.reason, se.Reason())
			}
		})
	}
	// A whole last row without line end is read (editors often write none).
	for _, parse := range []func([]byte) (*File, error){Parse, func(b []byte) (*File, error) { return ParseSelected(b, twoIDs) }} {
		f, err := parse(fixture(t, "no-final-eol.csv"))
		require.NoError(t, err)
		assert.Equal(t, Stats{Read: 2, Kept: 2}, f.Stats)
		assert.Equal(t, 500.0, f.Observations[1].Value)
	}
}

// TestFixtureWarningsRender renders every warning of the bad-rows fixture
// in both languages: each code gets the values its text needs.
func TestFixtureWarningsRender(t *testing.T) {
	f, err := Parse(fixture(t, "rows-bad.csv"))
	require.NoError(t, err)
	require.Len(t, f.Warnings, 16)
	for _, w := range f.Warnings {
		for _, l := range []frfmt.Lang{frfmt.FR, frfmt.EN} {
			s := w.Text(l)
			assert.NotContains(t, s, "?", s)
			assert.NotContains(t, s, "{", s)
		}
	}
}
