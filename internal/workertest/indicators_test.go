//go:build integration

package workertest

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/unitkind"
	"francenum-map/internal/workerapi"
)

// mirrorIndicator is what encoding/csv reads of one indicator in a mirror
// file, independently of the Worker's Splitter: its bytes (the header and
// its records, byte for byte) and, for the detail file, its departments,
// dates and unit.
type mirrorIndicator struct {
	file        []byte
	depts       map[string]bool
	first, last string
	unit        string
}

func byIndicator(t *testing.T, rel string) (order []string, out map[string]*mirrorIndicator) {
	data, err := os.ReadFile(datadir.MustFind(t, rel))
	require.NoError(t, err)
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	hdr := data[:r.InputOffset()]
	out = map[string]*mirrorIndicator{}
	for {
		start := r.InputOffset()
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		id := rec[col["id_indicateur"]]
		m := out[id]
		if m == nil {
			m = &mirrorIndicator{file: append([]byte(nil), hdr...), depts: map[string]bool{}}
			out[id] = m
			order = append(order, id)
		}
		m.file = append(m.file, data[start:r.InputOffset()]...)
		if c, ok := col["code_departement"]; ok {
			m.depts[rec[c]] = true
		}
		if c, ok := col["date"]; ok {
			if d := rec[c]; m.first == "" || d < m.first {
				m.first = d
			}
			if d := rec[c]; d > m.last {
				m.last = d
			}
		}
		if m.unit == "" {
			m.unit = rec[col["unite"]]
		}
	}
	return order, out
}

// knownKinds are indicators of the 2023 release of each kind.
var knownKinds = map[string]string{
	"nb-entreprises-cheaque-numerique":   "count+",
	"nb-morts-routes":                    "count",
	"tx-detenus-formation":               "rate",
	"km-amenagement-cyclables-securises": "amount+",
	"nb-heures-patrouille":               "amount",
	"duree-moyenne-traitement-demandes-allocation-adulte-handicape": "average",
}

// TestIndicators: after the cron's refresh from the fake data.gouv.fr the
// index lists every indicator of the release with its kind, dates and
// departments, and the entry script answers each indicator's files with
// the upstream bytes.
func TestIndicators(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	f := startFake(t, dataDir(t))
	w := startWorker(t, root, web, map[string]string{"DATAGOUV_API": f.URL + "/api/1", "UPSTREAM_TIMEOUT": "60s"})
	order, detail := byIndicator(t, mirrorFiles["detail"])
	_, synthese := byIndicator(t, mirrorFiles["synthese"])
	_, national := byIndicator(t, mirrorFiles["national"])
	require.Len(t, order, 54)

	start := time.Now()
	w.scheduled(t)
	t.Logf("scheduled refresh of the three files: %s", time.Since(start).Round(time.Millisecond))

	r := w.do(t, "GET", workerapi.IndicatorsPath)
	require.Equal(t, 200, r.Status, string(r.Body))
	assert.Equal(t, workerapi.SourceCache, r.Header.Get("X-Data-Source"))
	assert.Equal(t, workerapi.JSONType, r.Header.Get("Content-Type"))
	var idx workerapi.Index
	require.NoError(t, json.Unmarshal(r.Body, &idx))
	assert.Equal(t, "2023-01-19", idx.Updated)
	require.Len(t, idx.Indicators, 54)
	for i, e := range idx.Indicators {
		m := detail[e.ID]
		require.NotNil(t, m, e.ID)
		assert.Equal(t, order[i], e.ID, "the file's order")
		assert.Equal(t, len(m.depts), e.Departments, e.ID)
		assert.Equal(t, m.first, e.First, e.ID)
		assert.Equal(t, m.last, e.Last, e.ID)
		assert.Equal(t, m.unit, e.Unite, e.ID)
		assert.Equal(t, strings.Contains(m.unit, "%"), e.Kind == unitkind.Rate, e.ID+" "+m.unit)
		if want, ok := knownKinds[e.ID]; ok {
			got := string(e.Kind)
			if e.Cumulative {
				got += "+"
			}
			assert.Equal(t, want, got, e.ID)
		}
		assert.Equal(t, synthese[e.ID] != nil, e.Synthese != "", e.ID)
		assert.Equal(t, national[e.ID] != nil, e.National != "", e.ID)
	}

	for _, id := range order {
		for name, files := range map[string]map[string]*mirrorIndicator{"detail": detail, "synthese": synthese, "national": national} {
			m := files[id]
			if m == nil {
				continue
			}
			p := workerapi.IndicatorPath(name, id)
			r := w.do(t, "GET", p)
			require.Equal(t, 200, r.Status, p)
			assert.True(t, bytes.Equal(m.file, r.Body), "%s: %d bytes, upstream %d", p, len(r.Body), len(m.file))
			assert.Equal(t, "fast-path", r.Header.Get("Server-Timing"), p)
			assert.Equal(t, workerapi.SourceCache, r.Header.Get("X-Data-Source"), p)
			assert.Equal(t, workerapi.CSVType, r.Header.Get("Content-Type"), p)
			assert.Equal(t, "Thu, 19 Jan 2023 10:08:49 GMT", r.Header.Get("Last-Modified"), p)
			checkSecurity(t, r.Header, p)
			if name == "detail" && id == order[0] {
				r2 := w.do(t, "GET", p, "If-None-Match", r.Header.Get("ETag"))
				assert.Equal(t, 304, r2.Status)
				assert.Equal(t, "fast-path", r2.Header.Get("Server-Timing"))
			}
		}
	}

	r = w.do(t, "GET", workerapi.IndicatorsPrefix+"nb-inconnu.csv")
	assert.Equal(t, 404, r.Status)
	assert.Contains(t, string(r.Body), `"unknown indicator"`)
	assert.Empty(t, r.Header.Get("Server-Timing"), "Go answered")
	r = w.do(t, "GET", workerapi.IndicatorsPrefix+"Nb_Bad.csv")
	assert.Equal(t, 404, r.Status)
	assert.Contains(t, string(r.Body), `"reason"`)

	m := w.meta(t)
	assert.Equal(t, 54, m.Files["detail"].Indicators)
	assert.Empty(t, m.Files["detail"].RefusedIndicators)
	assert.Empty(t, m.Files["detail"].KeptIndicators)
}

// TestIndicatorsOffline: with no upstream at all, the snapshot answers the
// index and every indicator's file, byte for byte the published rows.
func TestIndicatorsOffline(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	w := startWorker(t, root, web, map[string]string{"DATAGOUV_API": "http://127.0.0.1:9/api/1", "UPSTREAM_TIMEOUT": "2s"})
	order, detail := byIndicator(t, mirrorFiles["detail"])
	_, synthese := byIndicator(t, mirrorFiles["synthese"])

	r := w.do(t, "GET", workerapi.IndicatorsPath)
	require.Equal(t, 200, r.Status, string(r.Body))
	assert.Equal(t, workerapi.SourceSnapshot, r.Header.Get("X-Data-Source"))
	snap, err := os.ReadFile(filepath.Join(web, "snapshot", "indicators.json"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(snap, r.Body), "the snapshot's index")
	var idx workerapi.Index
	require.NoError(t, json.Unmarshal(r.Body, &idx))
	assert.Len(t, idx.Indicators, 54)

	for _, id := range order {
		for name, files := range map[string]map[string]*mirrorIndicator{"detail": detail, "synthese": synthese} {
			m := files[id]
			if m == nil {
				continue
			}
			p := workerapi.IndicatorPath(name, id)
			r := w.do(t, "GET", p)
			require.Equal(t, 200, r.Status, p+": "+string(r.Body))
			assert.Equal(t, workerapi.SourceSnapshot, r.Header.Get("X-Data-Source"), p)
			assert.True(t, bytes.Equal(m.file, r.Body), "%s: %d bytes, published %d", p, len(r.Body), len(m.file))
		}
	}
	r = w.do(t, "GET", workerapi.IndicatorsPrefix+"nb-inconnu/synthese.csv")
	assert.Equal(t, 404, r.Status)
	assert.Contains(t, string(r.Body), `"unknown indicator"`)
	assert.Contains(t, w.meta(t).Files["detail"].Reason, "serving the build snapshot")
}
