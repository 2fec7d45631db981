package classify

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/frfmt"
)

const nbsp, nnb = "\u00a0", "\u202f"

func TestParseBreaks(t *testing.T) {
	nan := math.NaN()
	fr, en := frfmt.FR, frfmt.EN
	tests := []struct {
		in      string
		lang    frfmt.Lang
		lo, hi  float64
		want    []float64
		problem BreakProblem
		pos     int
		text    string
	}{
		// The inputs: a French decimal comma, a comma used as a
		// separator next to a decimal comma.
		{"120,90", fr, nan, nan, []float64{120.9}, 0, 0, ""},
		{"80,5 , 120", fr, nan, nan, []float64{80.5, 120}, 0, 0, ""},
		{"80,5, 120", fr, nan, nan, []float64{80.5, 120}, 0, 0, ""},
		{"50 ; 100 ;150", fr, nan, nan, []float64{50, 100, 150}, 0, 0, ""},
		{"50;100;150", en, nan, nan, []float64{50, 100, 150}, 0, 0, ""},
		{" 50  100\t150 ", fr, nan, nan, []float64{50, 100, 150}, 0, 0, ""},
		{"80.5;120", fr, nan, nan, []float64{80.5, 120}, 0, 0, ""},
		// A Mac inserts a no-break space before « ; »: it separates.
		{"50" + nbsp + ";" + nbsp + "100", fr, nan, nan, []float64{50, 100}, 0, 0, ""},
		// The legend's own numbers can be pasted back.
		{"1" + nnb + "200 ; 12" + nbsp + "500,5", fr, nan, nan, []float64{1200, 12500.5}, 0, 0, ""},
		{"1,200; 5,000.5", en, nan, nan, []float64{1200, 5000.5}, 0, 0, ""},
		{"-10 0 +10", en, nan, nan, []float64{-10, 0, 10}, 0, 0, ""},
		// Several commas in one number: refused in French, never three breaks.
		{"50,100,150", fr, nan, nan, nil, BreakTwoMarks, 1, "50,100,150"},
		{"50;1.5.2", en, nan, nan, nil, BreakTwoMarks, 2, "1.5.2"},
		// In English a comma between digits groups thousands only.
		{"120,90", en, nan, nan, nil, BreakBadGroup, 1, "120,90"},
		{"1,2000", en, nan, nan, nil, BreakBadGroup, 1, "1,2000"},
		{"1" + nbsp + "20", fr, nan, nan, nil, BreakBadGroup, 1, "1" + nbsp + "20"},
		{"1.5,000", en, nan, nan, nil, BreakBadGroup, 1, "1.5,000"},
		{"10 abc", fr, nan, nan, nil, BreakNotANumber, 2, "abc"},
		{"10 1e3", en, nan, nan, nil, BreakNotANumber, 2, "1e3"},
		{"10 NaN", en, nan, nan, nil, BreakNotANumber, 2, "NaN"},
		{"-", en, nan, nan, nil, BreakNotANumber, 1, "-"},
		{"1-2", en, nan, nan, nil, BreakNotANumber, 1, "1-2"},
		{"", fr, nan, nan, nil, BreaksEmpty, 0, ""},
		{" ; , ", fr, nan, nan, nil, BreaksEmpty, 0, ""},
		{"120 90", fr, nan, nan, nil, BreakNotIncreasing, 2, "90"},
		{"100 100", fr, nan, nan, nil, BreakNotIncreasing, 2, "100"},
		{"1 2 3 4 5 6 7", fr, nan, nan, nil, BreakTooMany, 7, "7"},
		{"1 2 3 4 5 6", fr, nan, nan, []float64{1, 2, 3, 4, 5, 6}, 0, 0, ""},
		// « 50,100,150 » in English is fifty million: outside the data.
		{"50,100,150", en, 12, 3456, nil, BreakOutsideData, 1, "50,100,150"},
		{"12 100", en, 12, 3456, nil, BreakOutsideData, 1, "12"},
		{"100 3456", en, 12, 3456, []float64{100, 3456}, 0, 0, ""},
		{"100 3457", en, 12, 3456, nil, BreakOutsideData, 2, "3457"},
	}
	for _, tt := range tests {
		got, err := ParseBreaks(tt.in, tt.lang, tt.lo, tt.hi)
		if tt.problem == 0 {
			require.Nil(t, err, "%q: %v", tt.in, err)
			assert.Equal(t, tt.want, got, tt.in)
			continue
		}
		assert.Nil(t, got, tt.in)
		require.NotNil(t, err, tt.in)
		assert.Equal(t, tt.problem, err.Problem, tt.in)
		assert.Equal(t, tt.pos, err.Pos, tt.in)
		assert.Equal(t, tt.text, err.Text, tt.in)
	}
}

func TestBreakMessages(t *testing.T) {
	nan := math.NaN()
	fr, en := frfmt.FR, frfmt.EN
	msg := func(in string, l frfmt.Lang, lo, hi float64) string {
		_, err := ParseBreaks(in, l, lo, hi)
		require.NotNil(t, err, in)
		return err.Message(l)
	}
	assert.Equal(t, "Seuil 3, «"+nbsp+"90"+nbsp+"»"+nbsp+": doit être supérieur au seuil précédent (120,5).", msg("50 120,5 90", fr, nan, nan))
	assert.Equal(t, `Break 3, "90": must be greater than the previous break (120.5).`, msg("50 120.5 90", en, nan, nan))
	assert.Equal(t, "Seuil 1, «"+nbsp+"5"+nbsp+"»"+nbsp+": hors des données (de 12 à 3"+nnb+"456)"+nbsp+": une classe serait vide.", msg("5", fr, 12, 3456))
	assert.Equal(t, `Break 1, "50,100,150": outside the data (12 to 3,456): a class would be empty.`, msg("50,100,150", en, 12, 3456))
	assert.Contains(t, msg("50,100,150", fr, nan, nan), "En français la virgule est décimale")
	assert.Contains(t, msg("120,90", en, nan, nan), "a comma between digits groups thousands (1,200)")
	assert.Equal(t, `Break 7, "7": at most 6 breaks (7 classes).`, msg("1 2 3 4 5 6 7", en, nan, nan))

	// Every problem has a message in both languages, the French one with
	// no English word and the reverse; Error is the English one.
	inputs := []string{"", "x", "1,2,3", "1 20", "2 1", "1 2 3 4 5 6 7", "0"}
	for _, in := range inputs {
		for _, l := range []frfmt.Lang{fr, en} {
			_, err := ParseBreaks(in, l, 1, 10)
			require.NotNil(t, err, in)
			m := err.Message(l)
			assert.NotContains(t, m, "seuil refusé", in)
			assert.NotContains(t, m, "break refused", in)
			words := strings.Fields(strings.ToLower(m))
			if l == fr {
				for _, w := range []string{"break", "the", "must", "number", "separate", "with", "data"} {
					assert.NotContains(t, words, w, m)
				}
				assert.NotContains(t, m, " :", m)
			} else {
				for _, w := range []string{"seuil", "seuils", "le", "la", "des", "doit", "nombre", "séparez"} {
					assert.NotContains(t, words, w, m)
				}
				assert.Equal(t, m, err.Error())
			}
		}
	}
}

// What the box shows, ParseBreaks reads back, in each language.
func TestFormatBreaksRoundTrip(t *testing.T) {
	for _, c := range []struct {
		b      []float64
		fr, en string
	}{
		{[]float64{50, 100, 150}, "50" + nbsp + "; 100" + nbsp + "; 150", "50; 100; 150"},
		{[]float64{80.5, 1200, 2500.125}, "80,5" + nbsp + "; 1" + nnb + "200" + nbsp + "; 2" + nnb + "500,125", "80.5; 1,200; 2,500.125"},
		{[]float64{-3.25, 0.001}, "-3,25" + nbsp + "; 0,001", "-3.25; 0.001"},
	} {
		for _, l := range []struct {
			lang frfmt.Lang
			want string
		}{{frfmt.FR, c.fr}, {frfmt.EN, c.en}} {
			s := FormatBreaks(c.b, l.lang)
			assert.Equal(t, l.want, s)
			got, err := ParseBreaks(s, l.lang, math.NaN(), math.NaN())
			require.Nil(t, err, "%q", s)
			assert.Equal(t, c.b, got, "%q", s)
		}
	}
}
