package workerapi

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math/rand"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/rowfilter"
)

// splitRef groups a file's records by id_indicateur with encoding/csv,
// independently of internal/rowfilter: header + raw bytes of each record.
func splitRef(t *testing.T, data []byte) (order []string, files map[string][]byte) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	head, err := r.Read()
	require.NoError(t, err)
	col := -1
	for i, h := range head {
		if h == "id_indicateur" {
			col = i
		}
	}
	require.GreaterOrEqual(t, col, 0)
	hdr := data[:r.InputOffset()]
	files = map[string][]byte{}
	for {
		start := r.InputOffset()
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		if len(rec) <= col {
			continue
		}
		id := rec[col]
		if files[id] == nil {
			order = append(order, id)
			files[id] = append([]byte(nil), hdr...)
		}
		files[id] = append(files[id], data[start:r.InputOffset()]...)
	}
	return order, files
}

// splitInChunks writes data to a Splitter in random pieces.
func splitInChunks(t *testing.T, data []byte, seed int64) *Splitter {
	s := &Splitter{}
	rng := rand.New(rand.NewSource(seed))
	for rest := data; len(rest) > 0; {
		n := min(len(rest), 1+rng.Intn(300<<10))
		if rng.Intn(4) == 0 {
			n = min(len(rest), 1+rng.Intn(40)) // tiny pieces split records and the header
		}
		m, err := s.Write(rest[:n])
		require.NoError(t, err)
		require.Equal(t, n, m)
		rest = rest[n:]
	}
	require.NoError(t, s.Close())
	return s
}

func TestSplitterRealFiles(t *testing.T) {
	for _, name := range []string{"barometre-resultats-detail-departemental.csv",
		"barometre-resultats-synthese-departemental.csv", "barometre-resultats-detail-national.csv"} {
		data, err := os.ReadFile(datadir.MustFind(t, "barometre/"+name))
		require.NoError(t, err)
		order, want := splitRef(t, data)
		s := splitInChunks(t, data, int64(len(name)))
		require.Equal(t, order, s.IDs(), name)
		total := 0
		for _, id := range order {
			got := s.File(id)
			require.True(t, bytes.Equal(want[id], got), "%s %s: %d vs %d bytes", name, id, len(got), len(want[id]))
			// The same rows as rowfilter keeps for that one id.
			filtered, st, err := rowfilter.FilterBytes(data, []string{id})
			require.NoError(t, err)
			require.True(t, bytes.Equal(filtered, got), "%s %s: rowfilter", name, id)
			assert.Equal(t, st.Kept, s.Rows(id))
			assert.Equal(t, len(got), s.Size(id))
			total += len(got) - len(s.Header())
		}
		assert.Equal(t, len(s.Header())+total, s.Bytes())
		if name == "barometre-resultats-detail-departemental.csv" {
			assert.Len(t, order, 54)
			assert.Equal(t, len(data), s.Bytes(), "every byte of the detail file is some indicator's row")
		}
	}
}

func TestSplitterSmallCases(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     map[string]string
		err      string
	}{
		{"quoted newline and delimiter", "a,id_indicateur,v\n\"x\ny\",i1,1\n\"p,q\",i2,2\nz,i1,3\n",
			map[string]string{"i1": "a,id_indicateur,v\n\"x\ny\",i1,1\nz,i1,3\n", "i2": "a,id_indicateur,v\n\"p,q\",i2,2\n"}, ""},
		{"prefix of another id", "id_indicateur,v\nab,1\nabc,2\nab,3\n",
			map[string]string{"ab": "id_indicateur,v\nab,1\nab,3\n", "abc": "id_indicateur,v\nabc,2\n"}, ""},
		{"BOM, CRLF, blank and short lines, no final newline", "\xef\xbb\xbfm,id_indicateur,v\r\n\r\nm,i1,1\r\nshort\r\nm,\"i1\",2",
			map[string]string{"i1": "\xef\xbb\xbfm,id_indicateur,v\r\nm,i1,1\r\nm,\"i1\",2"}, ""},
		{"semicolons", "m;id_indicateur;v\nx;i1;1\n", map[string]string{"i1": "m;id_indicateur;v\nx;i1;1\n"}, ""},
		{"header only", "m,id_indicateur,v\n", map[string]string{}, ""},
		{"no id column", "m,v\nx,1\n", nil, `no "id_indicateur" column`},
		{"html", "<!doctype html><html></html>\n", nil, "HTML page"},
		{"empty", "", nil, "empty file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for seed := int64(0); seed < 20; seed++ {
				s := &Splitter{}
				rng := rand.New(rand.NewSource(seed))
				var err error
				for rest := []byte(tc.in); len(rest) > 0 && err == nil; {
					n := min(len(rest), 1+rng.Intn(5))
					_, err = s.Write(rest[:n])
					rest = rest[n:]
				}
				if err == nil {
					err = s.Close()
				}
				if tc.err != "" {
					require.Error(t, err)
					assert.Contains(t, err.Error(), tc.err)
					continue
				}
				require.NoError(t, err)
				got := map[string]string{}
				for _, id := range s.IDs() {
					got[id] = string(s.File(id))
				}
				assert.Equal(t, tc.want, got, "seed %d", seed)
			}
		})
	}
}

func TestSplitterCap(t *testing.T) {
	s := &Splitter{Max: 100}
	_, err := s.Write([]byte("m,id_indicateur,v\n"))
	require.NoError(t, err)
	var werr error
	for i := 0; i < 20 && werr == nil; i++ {
		_, werr = s.Write([]byte("x,i1,1\n"))
	}
	require.Error(t, werr)
	assert.Contains(t, werr.Error(), "100-byte cap")
	assert.Error(t, s.Close())
}
