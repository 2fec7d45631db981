package exportfmt

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCSVDialects(t *testing.T) {
	write := func(d Dialect) []byte {
		w := NewWriter(d)
		w.Text("code")
		w.Text("libellé")
		w.Text("valeur")
		w.EndRow()
		w.Text("09")
		w.Text("Ariège")
		w.Number(12.5, 1)
		w.EndRow()
		w.Text("2A")
		w.Text(`Corse-du-Sud; "île", nord`)
		w.Number(-3, -1)
		w.EndRow()
		w.Text("976")
		w.Text("Mayotte")
		w.Number(math.NaN(), 1)
		w.EndRow()
		return w.Bytes()
	}
	std := write(Standard)
	assert.Equal(t, "code,libellé,valeur\n09,Ariège,12.5\n2A,\"Corse-du-Sud; \"\"île\"\", nord\",-3\n976,Mayotte,\n", string(std))
	xl := write(ExcelFR)
	assert.Equal(t, "\xef\xbb\xbfcode;libellé;valeur\r\n09;Ariège;12,5\r\n2A;\"Corse-du-Sud; \"\"île\"\", nord\";-3\r\n976;Mayotte;\r\n", string(xl))

	// Both read back as the same table with a standard CSV reader.
	read := func(b []byte, sep rune) [][]string {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})))
		r.Comma = sep
		rows, err := r.ReadAll()
		require.NoError(t, err)
		return rows
	}
	a, b := read(std, ','), read(xl, ';')
	require.Len(t, a, 4)
	assert.Equal(t, `Corse-du-Sud; "île", nord`, a[2][1])
	assert.Equal(t, "12,5", b[1][2])
	b[1][2] = "12.5"
	assert.Equal(t, a, b)
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		std  string
		xlFR string
	}{
		{1234.5, 1, "1234.5", "1234,5"},
		{1234.5, -1, "1234.5", "1234,5"},
		{0.1 + 0.2, 2, "0.30", "0,30"},
		{112580, 0, "112580", "112580"},
		{math.Copysign(0, -1), -1, "0", "0"},
		{math.Inf(1), 0, "", ""},
	} {
		for _, d := range []struct {
			dialect Dialect
			want    string
		}{{Standard, tc.std + "\n"}, {ExcelFR, "\xef\xbb\xbf" + tc.xlFR + "\r\n"}} {
			w := NewWriter(d.dialect)
			w.Number(tc.v, tc.dec)
			w.EndRow()
			assert.Equal(t, d.want, string(w.Bytes()), "%v", tc.v)
		}
	}
}

// TestFormulaNeutralised: a label starting with =, +, -, @, a tab or a
// carriage return would run as a formula in a spreadsheet (CSV
// injection); in every dialect it gets a leading apostrophe.
func TestFormulaNeutralised(t *testing.T) {
	for _, d := range []Dialect{Standard, ExcelFR} {
		for in, want := range map[string]string{
			`=HYPERLINK("http://x","clic")`: `"'=HYPERLINK(""http://x"",""clic"")"`,
			"+33 1 23":                      "'+33 1 23",
			"-2+3":                          "'-2+3",
			"@SUM(A1)":                      "'@SUM(A1)",
			"\t=1":                          "'\t=1",
			"\r=1":                          "\"'\r=1\"",
			"Ain":                           "Ain",
			" =1":                           " =1", // not first: text
			"":                              "",
		} {
			w := NewWriter(Dialect{Sep: d.Sep})
			w.Text(in)
			assert.Equal(t, want, string(w.Bytes()), "%q", in)
		}
	}
	w := NewWriter(Standard)
	w.Number(-3, 0)
	assert.Equal(t, "-3", string(w.Bytes()), "numbers are never neutralised")
}

func TestXMLText(t *testing.T) {
	for in, want := range map[string]string{
		"Ain":                      "Ain",
		`Côte-d'Or <"&">`:          "Côte-d&#39;Or &lt;&#34;&amp;&#34;&gt;",
		"a\x00b\x01c\x1fd\x7fe":    "abcde",
		"a\tb\nc\rd":               "a b c d",
		"bad \xff\xfe utf8 \xc3":   "bad  utf8 ",
		"C1 \u0085\u009f end":      "C1  end",
		"non-char \uFFFE\uFFFF ok": "non-char  ok",
		"replacement \uFFFD kept":  "replacement \uFFFD kept",
		"Île-de-France 🗺":          "Île-de-France 🗺",
	} {
		want = string(bytes.ReplaceAll([]byte(want), []byte("&#34;"), []byte("&quot;")))
		assert.Equal(t, want, XMLText(in), "%q", in)
	}
}

// wellFormed reports whether XMLText(s) parses as XML text and as an
// attribute value.
func wellFormed(s string) error {
	doc := `<svg a="` + XMLText(s) + `"><text>` + XMLText(s) + `</text></svg>`
	var v struct {
		A    string `xml:"a,attr"`
		Text string `xml:"text"`
	}
	return xml.Unmarshal([]byte(doc), &v)
}

func TestXMLTextEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		s := "x" + string([]byte{byte(c)}) + "y"
		assert.NoError(t, wellFormed(s), "byte %#x", c)
		assert.True(t, utf8.ValidString(XMLText(s)), "byte %#x", c)
	}
}

func FuzzXMLText(f *testing.F) {
	for _, s := range []string{"Ain", "a\x00b", "\xff\xfe", "<&>\"'", "\uFFFE", "\u0085", "é\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := XMLText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if err := wellFormed(s); err != nil {
			t.Fatalf("%q → %q: %v", s, out, err)
		}
	})
}
