package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
	"francenum-map/internal/datadir"
	"francenum-map/internal/rowfilter"
	"francenum-map/internal/workerapi"
)

func fixture(name string) string { return filepath.Join("..", "..", "testdata", "barometre", name) }

func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func checkJSON(t *testing.T, file string) (int, report) {
	code, out, _ := runCmd("check", "--json", file)
	var r report
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	// The keys the issue requires are there, whatever their values.
	var raw map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	for _, k := range []string{"rows_read", "rows_kept", "rows_rejected", "indicators", "warnings", "error"} {
		assert.Contains(t, raw, k)
	}
	return code, r
}

func TestCheckRealDetail(t *testing.T) {
	code, r := checkJSON(t, datadir.MustFind(t, "barometre/barometre-resultats-detail-departemental.csv"))
	assert.Equal(t, 0, code)
	assert.Empty(t, r.Error)
	assert.Equal(t, 116707, r.RowsRead)
	assert.Equal(t, r.RowsRead, r.RowsKept+r.RowsRejected)
	assert.Len(t, r.Indicators, 54)
	ch, dg := r.Indicators[Indicators[0]], r.Indicators[Indicators[1]]
	assert.Equal(t, 101, ch.Departments)
	assert.Equal(t, 19, ch.Dates)
	assert.Equal(t, "2021-02-28", ch.FirstDate)
	assert.Equal(t, "2022-11-30", ch.LastDate)
	assert.Equal(t, []string{"2021-11", "2022-04", "2022-07"}, ch.MissingMonths)
	assert.Equal(t, 20, dg.Dates)
	assert.Equal(t, "2021-01-31", dg.FirstDate)
	assert.Len(t, dg.DepartmentsMissingDates, 1)
	for _, ds := range dg.DepartmentsMissingDates {
		assert.Equal(t, []string{"2021-01-31"}, ds)
	}
	assert.Equal(t, 3938, ch.Rows+dg.Rows)
	assert.Equal(t, 188, ch.Decreases+dg.Decreases)
	assert.Len(t, r.Warnings, r.RowsRejected)
}

func TestCheckRealOthers(t *testing.T) {
	code, r := checkJSON(t, datadir.MustFind(t, "barometre/barometre-resultats-synthese-departemental.csv"))
	assert.Equal(t, 0, code)
	assert.Equal(t, "synthese", r.Kind)
	assert.Equal(t, 101, r.Indicators[Indicators[0]].Departments)
	assert.Equal(t, 101, r.Indicators[Indicators[0]].Targets)
	assert.Equal(t, "2022-11-30", r.Indicators[Indicators[0]].LastDate)

	code, r = checkJSON(t, datadir.MustFind(t, "barometre/barometre-resultats-detail-national.csv"))
	assert.Equal(t, 0, code)
	assert.Equal(t, "national detail", r.Kind)
	assert.Equal(t, 0, r.Indicators[Indicators[0]].Departments)
	assert.Equal(t, 19, r.Indicators[Indicators[0]].Dates)

	code, r = checkJSON(t, datadir.MustFind(t, "barometre/barometre-resultats-detail-regional.csv"))
	assert.Equal(t, 2, code)
	assert.Contains(t, r.Error, "regional")
}

func TestCheckFixtures(t *testing.T) {
	code, r := checkJSON(t, fixture("rows-bad.csv"))
	assert.Equal(t, 0, code)
	assert.Equal(t, 19, r.RowsRead)
	assert.Equal(t, 3, r.RowsKept)
	assert.Equal(t, 16, r.RowsRejected)
	assert.Len(t, r.Warnings, 16)
	assert.Equal(t, warningReport{3, 7, "valeur", `unparseable value "abc"`}, r.Warnings[0])
	assert.Equal(t, 22, r.Warnings[15].Line)

	for _, f := range []string{"empty.csv", "html.csv", "no-header.csv", "missing-valeur.csv", "regional.csv"} {
		code, r := checkJSON(t, fixture(f))
		assert.Equal(t, 2, code, f)
		assert.NotEmpty(t, r.Error, f)
		assert.Equal(t, 0, r.RowsRead, f)
		assert.Empty(t, r.Warnings, f)
	}
	code, r = checkJSON(t, fixture("missing-valeur.csv"))
	assert.Equal(t, 2, code)
	assert.Contains(t, r.Error, `missing required column "valeur"`)

	code, r = checkJSON(t, filepath.Join(t.TempDir(), "nope.csv"))
	assert.Equal(t, 2, code)
	assert.Contains(t, r.Error, "no such file")

	// Text output: counts, indicators, every warning with its line; one
	// refused file makes the status 2.
	code, out, _ := runCmd("check", fixture("rows-bad.csv"), fixture("html.csv"))
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "rows read 19, kept 3, rejected 16")
	assert.Contains(t, out, `line 3, column 7 (valeur): unparseable value "abc"`)
	assert.Contains(t, out, "line 22: wrong field count")
	assert.Contains(t, out, "REFUSED: refused: line 1: an HTML page, not a CSV file")

	code, _, _ = runCmd("check")
	assert.Equal(t, 1, code)
	code, _, _ = runCmd("check", "--nope", "x")
	assert.Equal(t, 1, code)
	code, _, _ = runCmd("frobnicate")
	assert.Equal(t, 1, code)
}

func TestFilterAndSnapshot(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "f.csv")
	code, _, stderr := runCmd("filter", "-ids", "nb-diagnostics-individualises", fixture("quirks-bom-crlf.csv"), out)
	require.Equal(t, 0, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	in, _ := os.ReadFile(fixture("quirks-bom-crlf.csv"))
	lines := strings.SplitAfter(string(in), "\r\n")
	// The header and the one row spanning lines 3–6 (a CRLF inside quotes
	// splits it in two here), byte for byte.
	assert.Equal(t, lines[0]+lines[2]+lines[3], string(b))
	assert.Contains(t, stderr, "1 of 4 rows kept")

	code, _, _ = runCmd("filter", "-ids", "x", fixture("html.csv"), filepath.Join(dir, "g.csv"))
	assert.Equal(t, 2, code)
	_, err = os.Stat(filepath.Join(dir, "g.csv"))
	assert.True(t, os.IsNotExist(err), "no half-written output")

	data := filepath.Dir(filepath.Dir(datadir.MustFind(t, "barometre/barometre-resultats-detail-departemental.csv")))
	snap := filepath.Join(dir, "snapshot")
	// A file of an earlier build must not survive.
	require.NoError(t, os.MkdirAll(filepath.Join(snap, "indicators"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(snap, "indicators", "gone.csv"), []byte("x"), 0o644))
	code, stdout, stderr := runCmd("snapshot", "-data", data, "-out", snap, "-modified", "2023-01-19")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "3938 of 116707 rows")
	assert.Contains(t, stdout, "54 indicators (detail), 53 synthese, 57 national: 165 files")
	_, err = os.Stat(filepath.Join(snap, "indicators", "gone.csv"))
	assert.True(t, os.IsNotExist(err))
	var idx workerapi.Index
	b, err = os.ReadFile(filepath.Join(snap, "indicators.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &idx))
	assert.Len(t, idx.Indicators, 54)
	assert.Equal(t, "2023-01-19", idx.Updated)
	// Each indicator's file is its rows of the published file, which the
	// two France Num ones make up detail.csv with.
	full, err := os.ReadFile(filepath.Join(data, "barometre", "barometre-resultats-detail-departemental.csv"))
	require.NoError(t, err)
	sum := 0
	for _, e := range idx.Indicators {
		b, err := os.ReadFile(filepath.Join(snap, "indicators", e.ID+".csv"))
		require.NoError(t, err, e.ID)
		want, _, err := rowfilter.FilterBytes(full, []string{e.ID})
		require.NoError(t, err)
		require.True(t, string(want) == string(b), e.ID)
		sum += len(b)
	}
	assert.Equal(t, len(full)+53*strings.Index(string(full), "\n")+53, sum, "every row once, 54 headers")
	code, _, stderr = runCmd("snapshot", "-data", data, "-out", snap, "-modified", "19/01/2023")
	assert.Equal(t, 1, code, stderr)
	for name, rows := range map[string]int{"detail.csv": 3938, "synthese.csv": 202, "national.csv": 39} {
		b, err := os.ReadFile(filepath.Join(snap, name))
		require.NoError(t, err)
		f, err := barometre.Parse(b)
		require.NoError(t, err)
		assert.Equal(t, rows, f.Stats.Kept, name)
		assert.Zero(t, f.Stats.Rejected, name)
	}
}

// fakeDataGouv serves the dataset document, the four CSV files and the
// three GeoJSON files, like data.gouv.fr and Etalab's geo server.
func fakeDataGouv(t *testing.T, override map[string]string) *httptest.Server {
	csv, err := os.ReadFile(fixture("quirks-bom-crlf.csv"))
	require.NoError(t, err)
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/api/1/datasets/"+Dataset+"/", func(w http.ResponseWriter, r *http.Request) {
		var res []map[string]string
		res = append(res, map[string]string{"title": "Documentation", "url": srv.URL + "/static/doc.pdf"})
		for i, name := range BarometreFiles {
			title := strings.ToUpper(name)
			if i == 1 {
				title = "Synthèse départementale" // found by its URL instead
			}
			res = append(res, map[string]string{"title": title, "url": srv.URL + "/static/2023-01-19/" + name})
		}
		json.NewEncoder(w).Encode(map[string]any{"id": "x", "resources": res})
	})
	mux.HandleFunc("/static/2023-01-19/", func(w http.ResponseWriter, r *http.Request) {
		if body, ok := override[filepath.Base(r.URL.Path)]; ok {
			w.Write([]byte(body))
			return
		}
		w.Write(csv)
	})
	mux.HandleFunc("/geo/", func(w http.ResponseWriter, r *http.Request) {
		if body, ok := override[filepath.Base(r.URL.Path)]; ok {
			w.Write([]byte(body))
			return
		}
		w.Write([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"01"},"geometry":null}]}`))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestData(t *testing.T) {
	srv := fakeDataGouv(t, nil)
	dir := t.TempDir()
	code, stdout, stderr := runCmd("data", "-out", dir, "-api", srv.URL+"/api/1", "-geo", srv.URL+"/geo/")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Licence Ouverte")
	for _, name := range BarometreFiles {
		assert.FileExists(t, filepath.Join(dir, "barometre", name))
	}
	for _, name := range GeoFiles {
		assert.FileExists(t, filepath.Join(dir, "geo", name))
	}

	tests := []struct {
		name     string
		override map[string]string
		want     string
	}{
		{"HTML instead of CSV", map[string]string{BarometreFiles[2]: "<html>maintenance</html>"}, "an HTML page"},
		{"bad GeoJSON", map[string]string{GeoFiles[0]: `{"type":"Feature"}`}, "not a GeoJSON FeatureCollection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeDataGouv(t, tt.override)
			code, _, stderr := runCmd("data", "-out", t.TempDir(), "-api", srv.URL+"/api/1", "-geo", srv.URL+"/geo/")
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, tt.want)
		})
	}
	code, _, stderr = runCmd("data", "-out", t.TempDir(), "-api", srv.URL+"/nothing")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "404")
}

func TestResolve(t *testing.T) {
	res := []resource{
		{Title: "barometre-resultats-detail-departemental.csv", URL: "https://static.data.gouv.fr/a/detail.csv"},
		{Title: "other", URL: "https://static.data.gouv.fr/b/barometre-resultats-detail-national.csv"},
		{Title: "javascript", URL: "javascript:alert(1)"},
	}
	got, err := resolve(res, []string{"barometre-resultats-detail-departemental.csv", "barometre-resultats-detail-national.csv"})
	require.NoError(t, err)
	assert.Equal(t, "https://static.data.gouv.fr/a/detail.csv", got["barometre-resultats-detail-departemental.csv"])
	assert.Equal(t, "https://static.data.gouv.fr/b/barometre-resultats-detail-national.csv", got["barometre-resultats-detail-national.csv"])
	_, err = resolve(res, []string{"missing.csv"})
	assert.EqualError(t, err, `no resource titled "missing.csv" among the 3 resources of the dataset`)
	_, err = resolve(res, []string{"javascript"})
	assert.ErrorContains(t, err, "no usable URL")
}
