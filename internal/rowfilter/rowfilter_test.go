package rowfilter

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
)

const (
	cheques = "nb-entreprises-cheaque-numerique"
	diags   = "nb-diagnostics-individualises"
)

var twoIDs = []string{cheques, diags}

// reference filters record by record with no search shortcut: the engine
// must give exactly the same bytes.
func reference(t testing.TB, data []byte, ids []string) ([]byte, []int) {
	h, _, err := ReadHeader(data, true)
	require.NoError(t, err)
	out := append([]byte{}, data[:h.End]...)
	var lines []int
	line := 1 + h.Lines
	for pos := h.End; pos < len(data); {
		end, n, _ := RecordEnd(data, pos)
		if f, ok := field(data[pos:end], h.Delim, h.IDCol); ok {
			for _, id := range ids {
				if id != "" && string(Unquote(f)) == id {
					out = append(out, data[pos:end]...)
					lines = append(lines, line)
				}
			}
		}
		line += n
		pos = end
	}
	return out, lines
}

// chunky returns reads of n bytes at most, to cross chunk boundaries.
type chunky struct {
	r io.Reader
	n int
}

func (c chunky) Read(p []byte) (int, error) {
	if len(p) > c.n {
		p = p[:c.n]
	}
	return c.r.Read(p)
}

func readReal(t testing.TB) []byte {
	data, err := os.ReadFile(datadir.MustFind(t, "barometre/barometre-resultats-detail-departemental.csv"))
	require.NoError(t, err)
	return data
}

func TestRealFileTwoIndicators(t *testing.T) {
	data := readReal(t)
	out, st, err := FilterBytes(data, twoIDs)
	require.NoError(t, err)
	assert.Equal(t, 3938, st.Kept)
	assert.Equal(t, 116707, st.Rows)
	assert.Equal(t, int64(len(out)), st.Out)

	// Independent check with encoding/csv: the real file has one record per
	// line, so every kept line is a line of the input whose third field is
	// one of the ids.
	lines := strings.SplitAfter(string(data), "\n")
	want := lines[0]
	n := 0
	for _, l := range lines[1:] {
		if l == "" {
			continue
		}
		rec, err := csv.NewReader(strings.NewReader(l)).Read()
		require.NoError(t, err)
		if rec[2] == cheques || rec[2] == diags {
			want += l
			n++
		}
	}
	assert.Equal(t, 3938, n)
	assert.Equal(t, want, string(out))

	var w bytes.Buffer
	st2, err := Filter(&w, chunky{bytes.NewReader(data), 10007}, twoIDs)
	require.NoError(t, err)
	assert.Equal(t, want, w.String())
	assert.Equal(t, st.Kept, st2.Kept)
	assert.Equal(t, st.Rows, st2.Rows)
	assert.Equal(t, int64(len(data)), st2.BytesIn)
}

func TestRealScanLines(t *testing.T) {
	data := readReal(t)
	want, wantLines := reference(t, data, twoIDs)
	var got []byte
	var lines []int
	_, err := Scan(data, twoIDs, func(r Row) {
		if r.Line == 1 {
			got = append(got, data[:r.End]...)
			return
		}
		got = append(got, r.Bytes...)
		lines = append(lines, r.Line)
	})
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, wantLines, lines)
	assert.Equal(t, 220, lines[0]) // `grep -n` gives 220 for the first diagnostics row
}

func TestRealIndicators(t *testing.T) {
	data := readReal(t)
	infos, err := Indicators(data)
	require.NoError(t, err)
	assert.Len(t, infos, 54)
	total := 0
	byID := map[string]Info{}
	for _, in := range infos {
		total += in.Rows
		byID[in.ID] = in
	}
	assert.Equal(t, 116707, total)
	assert.Equal(t, 3938, byID[cheques].Rows+byID[diags].Rows)
	assert.Equal(t, "Numérisation des petites et moyennes entreprises", byID[diags].Mesure)
	assert.Equal(t, "Nombre d'entreprises ayant bénéficié d'un chèque numérique de 500€", byID[cheques].Label)
	assert.Equal(t, "tx-detenus-formation", infos[0].ID)
	// A label that is quoted in the file comes out unquoted.
	for _, in := range infos {
		assert.False(t, strings.HasPrefix(in.Mesure, `"`), in.ID)
	}
}

// small is a file with every quirk the filter must keep byte for byte.
const small = "\xEF\xBB\xBFmesure,indicateur,id_indicateur,code_departement,date,valeur\r\n" +
	"m,\"label with a, comma\",a,01,2021-01-31,1.0\r\n" +
	"m,\"label naming b\nover two lines\",b,01,2021-01-31,2.0\r\n" +
	"m,\"quote \"\" inside, a\",c,02,2021-01-31,3.0\r\n" +
	"m,x,\"a\",03,2021-01-31,4.0\r\n" +
	"m,x,ab,03,2021-01-31,5.0\r\n" +
	"\r\n" +
	"m,\"multi\nline b\n\",b,04,2021-01-31,6.0\r\n" +
	"m,x,b,05,2021-01-31,7"

func TestSmallCases(t *testing.T) {
	tests := []struct {
		name  string
		ids   []string
		want  string
		lines []int
		rows  int
	}{
		{"a (quoted id kept, ab not)", []string{"a"}, "m,\"label with a, comma\",a,01,2021-01-31,1.0\r\nm,x,\"a\",03,2021-01-31,4.0\r\n", []int{2, 6}, 8},
		{"b across quoted newlines and unterminated last line", []string{"b"}, "m,\"label naming b\nover two lines\",b,01,2021-01-31,2.0\r\nm,\"multi\nline b\n\",b,04,2021-01-31,6.0\r\nm,x,b,05,2021-01-31,7", []int{3, 9, 12}, 8},
		{"none", []string{"zz"}, "", nil, 8},
		{"no ids", nil, "", nil, 8},
		{"c with escaped quotes", []string{"c"}, "m,\"quote \"\" inside, a\",c,02,2021-01-31,3.0\r\n", []int{5}, 8},
	}
	header := small[:strings.Index(small, "\r\n")+2]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, st, err := FilterBytes([]byte(small), tt.ids)
			require.NoError(t, err)
			assert.Equal(t, header+tt.want, string(out))
			assert.Equal(t, tt.rows, st.Rows)
			assert.Equal(t, len(tt.lines), st.Kept)
			var lines []int
			_, err = Scan([]byte(small), tt.ids, func(r Row) {
				if r.Line > 1 {
					lines = append(lines, r.Line)
				}
			})
			require.NoError(t, err)
			assert.Equal(t, tt.lines, lines)
			for _, n := range []int{1, 2, 3, 7, 64} {
				var w bytes.Buffer
				st, err := Filter(&w, chunky{strings.NewReader(small), n}, tt.ids)
				require.NoError(t, err, n)
				assert.Equal(t, header+tt.want, w.String(), n)
				assert.Equal(t, tt.rows, st.Rows, n)
			}
			var w bytes.Buffer
			_, err = Filter(&w, iotest.OneByteReader(strings.NewReader(small)), tt.ids)
			require.NoError(t, err)
			assert.Equal(t, header+tt.want, w.String())
		})
	}
}

func TestSemicolonFile(t *testing.T) {
	in := "id_indicateur;valeur\na;1,5\nb;2,5\n"
	out, st, err := FilterBytes([]byte(in), []string{"b"})
	require.NoError(t, err)
	assert.Equal(t, "id_indicateur;valeur\nb;2,5\n", string(out))
	assert.Equal(t, 2, st.Rows)
}

func TestStructuralErrors(t *testing.T) {
	tests := []struct{ name, in, reason string }{
		{"empty", "", "empty file"},
		{"only BOM and blank lines", "\xEF\xBB\xBF\r\n\n", "empty file"},
		{"HTML", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "an HTML page, not a CSV file"},
		{"HTML after spaces", "\n  <html>", "an HTML page, not a CSV file"},
		{"no id column", "mesure,date,valeur\nm,2021-01-31,1\n", `no "id_indicateur" column in the header`},
		{"data without header", "m,l,nb-diagnostics-individualises,01,Ain,2021-01-31,1.0,u\n", `no "id_indicateur" column in the header`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := FilterBytes([]byte(tt.in), twoIDs)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.reason, e.Reason)
			_, err = Filter(io.Discard, strings.NewReader(tt.in), twoIDs)
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.reason, e.Reason)
			_, err = Indicators([]byte(tt.in))
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.reason, e.Reason)
		})
	}
}

func TestIndicatorsSmall(t *testing.T) {
	infos, err := Indicators([]byte(small))
	require.NoError(t, err)
	assert.Equal(t, []Info{
		{ID: "a", Label: "label with a, comma", Mesure: "m", Rows: 2},
		{ID: "b", Label: "label naming b\nover two lines", Mesure: "m", Rows: 3},
		{ID: "c", Label: `quote " inside, a`, Mesure: "m", Rows: 1},
		{ID: "ab", Label: "x", Mesure: "m", Rows: 1},
	}, infos)
}

func TestCountRun(t *testing.T) {
	// Long enough to use the eight-byte path on both sides of quotes.
	b := []byte("abcdefgh\nabcdefgh\"in\nside\"abcdefghij\nxy\"z")
	for name, count := range map[string]func([]byte) byteRun{"swar": countRunSWAR, "index": countRunIndex} {
		r := count(b)
		assert.Equal(t, 2, r.records, name)
		assert.Equal(t, 3, r.lines, name)
		assert.Equal(t, strings.Index(string(b), "xy"), r.boundary, name)
		assert.True(t, r.inQuote, name)
	}
	assert.Equal(t, 3, countLines(b))
}

// FuzzCountRun checks that both ways of counting agree.
func FuzzCountRun(f *testing.F) {
	f.Add([]byte("abcdefgh\nabcdefgh\"in\nside\"abcdefghij\nxy\"z"))
	f.Add([]byte(small))
	f.Fuzz(func(t *testing.T, b []byte) {
		if a, c := countRunSWAR(b), countRunIndex(b); a != c {
			t.Fatalf("swar %+v, index %+v", a, c)
		}
	})
}

func FuzzFilter(f *testing.F) {
	f.Add([]byte(small), "b", uint8(3))
	f.Add([]byte("id_indicateur,v\n\"a\nb\",1\na,2\n"), "a", uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, id string, n uint8) {
		ids := []string{id, "ab"}
		out, st, err := FilterBytes(data, ids)
		if err != nil {
			return
		}
		want, lines := reference(t, data, ids)
		if !bytes.Equal(want, out) {
			t.Fatalf("FilterBytes\n got %q\nwant %q", out, want)
		}
		if st.Kept != len(lines) {
			t.Fatalf("kept %d, want %d", st.Kept, len(lines))
		}
		var w bytes.Buffer
		if _, err := Filter(&w, chunky{bytes.NewReader(data), int(n%16) + 1}, ids); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, w.Bytes()) {
			t.Fatalf("Filter\n got %q\nwant %q", w.Bytes(), want)
		}
	})
}

func TestIndexSpecial(t *testing.T) {
	tests := []struct {
		in    string
		delim byte
		want  int
	}{
		{"", ',', -1},
		{"abc", ',', -1},
		{"abcdefghijklmnop", ',', -1},
		{"abcdefghijklmno,", ',', 15},
		{"abcdefgh\"ijklmno,", ',', 8},
		{"abcdefghijk;", ';', 11},
		{"abcdefghijk,", ';', -1},
		{",", ',', 0},
		{"\xff\xfe\x80,", ',', 3},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, IndexSpecial([]byte(tt.in), tt.delim), tt.in)
	}
}

// naiveFields is the byte-by-byte definition of Fields.
func naiveFields(rec []byte, delim byte) [][]byte {
	rec = TrimEOL(rec)
	var out [][]byte
	start, inQ := 0, false
	for i, c := range rec {
		switch {
		case c == '"':
			inQ = !inQ
		case c == delim && !inQ:
			out = append(out, rec[start:i])
			start = i + 1
		}
	}
	return append(out, rec[start:])
}

func FuzzFields(f *testing.F) {
	f.Add([]byte(small), byte(','))
	f.Add([]byte(`a;"b;c";d`+"\r\n"), byte(';'))
	f.Fuzz(func(t *testing.T, rec []byte, delim byte) {
		if delim == '"' {
			return
		}
		want := naiveFields(rec, delim)
		got := Fields(rec, delim, nil)
		if len(want) != len(got) {
			t.Fatalf("Fields %q: got %q want %q", rec, got, want)
		}
		for i := range want {
			if !bytes.Equal(want[i], got[i]) {
				t.Fatalf("Fields %q: got %q want %q", rec, got, want)
			}
			f, ok := field(rec, delim, i)
			if !ok || !bytes.Equal(f, want[i]) {
				t.Fatalf("field %d of %q: %q", i, rec, f)
			}
		}
		if _, ok := field(rec, delim, len(want)); ok {
			t.Fatalf("field %d of %q exists", len(want), rec)
		}
	})
}

// generated yields a header then rows forever-ish, and records the largest
// read buffer Filter asked for.
type generated struct {
	rows, maxP int
	pending    []byte
}

func (g *generated) Read(p []byte) (int, error) {
	g.maxP = max(g.maxP, len(p))
	if len(g.pending) == 0 {
		if g.rows == 0 {
			return 0, io.EOF
		}
		g.rows--
		id := "other"
		if g.rows%1000 == 0 {
			id = "keep"
		}
		g.pending = []byte("m,\"l, with comma\"," + id + ",01,2021-01-31,1.0\n")
	}
	n := copy(p, g.pending)
	g.pending = g.pending[n:]
	return n, nil
}

func TestFilterStreamsInBoundedMemory(t *testing.T) {
	// 300 000 rows (about 13 MB), read through a 256 KB buffer.
	g := &generated{rows: 300000, pending: []byte("mesure,indicateur,id_indicateur,code_departement,date,valeur\n")}
	var out bytes.Buffer
	st, err := Filter(&out, g, []string{"keep"})
	require.NoError(t, err)
	assert.Equal(t, 300000, st.Rows)
	assert.Equal(t, 300, st.Kept)
	assert.LessOrEqual(t, g.maxP, chunk)
	assert.Equal(t, 1+300, strings.Count(out.String(), "\n"))
}
