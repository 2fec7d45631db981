package browser

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// fakeIndicators are the two indicators the map uses.
var fakeIndicators = map[string]bool{"nb-entreprises-cheaque-numerique": true, "nb-diagnostics-individualises": true}

// spoil returns the detail file of the mirror made wrong as mode says.
func (f *FakeDataGouv) spoil(mode string) ([]byte, error) {
	f.mu.Lock()
	b, ok := f.spoiled[mode]
	f.mu.Unlock()
	if ok {
		return b, nil
	}
	data, err := os.ReadFile(filepath.Join(f.dir, DetailFile))
	if err != nil {
		return nil, err
	}
	b, err = spoilDetail(data, mode)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	f.spoiled[mode] = b
	f.mu.Unlock()
	return b, nil
}

// spoilDetail rewrites the rows of the two indicators of a detail file.
func spoilDetail(data []byte, mode string) ([]byte, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"id_indicateur", "code_departement", "date", "valeur", "mesure"} {
		if _, ok := col[c]; !ok {
			return nil, errors.New("fake data.gouv.fr: no " + c + " column")
		}
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	w.Write(head)
	first := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if fakeIndicators[rec[col["id_indicateur"]]] {
			switch mode {
			case FakeHalved:
				v, err := strconv.ParseFloat(rec[col["valeur"]], 64)
				if err == nil {
					rec[col["valeur"]] = strconv.FormatFloat(v/2, 'f', 1, 64)
				}
			case FakeOneDeptDiag:
				if rec[col["id_indicateur"]] == "nb-diagnostics-individualises" && rec[col["code_departement"]] != "01" {
					continue
				}
			case FakeOlder:
				if rec[col["date"]] > "2021-07-31" {
					continue
				}
			case FakeBigField:
				if first {
					// 5 MB of newlines inside the quoted mesure field.
					rec[col["mesure"]] += strings.Repeat("\n", 5<<20)
					first = false
				}
			default:
				return nil, errors.New("fake data.gouv.fr: unknown mode " + strconv.Quote(mode))
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return out.Bytes(), w.Error()
}
