package workerapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/unitkind"
)

// refRows keeps the header and the lines of one indicator (fixtures have
// no quoted newlines), independently of the Splitter and rowfilter.
func refRows(s, id string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	b.WriteString(lines[0])
	for _, l := range lines[1:] {
		if strings.Contains(l, ","+id+",") {
			b.WriteString(l)
		}
	}
	return b.String()
}

func index(t *testing.T, h *harness) (Index, *http.Response) {
	t.Helper()
	r := h.do("GET", IndicatorsPath)
	require.Equal(t, 200, r.Code, r.Body.String())
	var idx Index
	require.NoError(t, json.Unmarshal(r.Body.Bytes(), &idx))
	return idx, r.Result()
}

func TestIndicatorRoutes(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))

	idx, resp := index(t, h)
	assert.Equal(t, JSONType, resp.Header.Get("Content-Type"))
	assert.Equal(t, SourceCache, resp.Header.Get("X-Data-Source"))
	assert.Equal(t, "2023-01-19", idx.Updated)
	assert.Contains(t, idx.SourceLine, "données au 19 janvier 2023")
	require.Len(t, idx.Indicators, 3)
	for i, e := range idx.Indicators {
		assert.Equal(t, allIDs[i], e.ID, "the file's order")
		assert.Equal(t, "Label "+e.ID, e.Indicateur)
		assert.Equal(t, "Numérisation des petites et moyennes entreprises", e.Mesure)
		assert.Equal(t, "entreprises", e.Unite)
		assert.Equal(t, unitkind.Count, e.Kind)
		assert.True(t, e.Cumulative, "every series rises")
		assert.Equal(t, 101, e.Departments)
		assert.Equal(t, "2021-01-31", e.First)
		assert.Equal(t, "2021-02-28", e.Last)
		assert.Equal(t, 202, e.Rows)
		assert.True(t, e.HasTarget)
		assert.Equal(t, IndicatorsPrefix+e.ID+".csv", e.Detail)
		assert.Equal(t, IndicatorsPrefix+e.ID+"/synthese.csv", e.Synthese)
		assert.Equal(t, IndicatorsPrefix+e.ID+"/national.csv", e.National)

		for name, src := range map[string]string{"detail": detailCSV(101, 0), "synthese": syntheseCSV(101), "national": nationalCSV()} {
			r := h.do("GET", IndicatorPath(name, e.ID))
			require.Equal(t, 200, r.Code, r.Body.String())
			assert.Equal(t, refRows(src, e.ID), r.Body.String(), "%s %s", name, e.ID)
			assert.Equal(t, CSVType, r.Header().Get("Content-Type"))
			assert.Equal(t, SourceCache, r.Header().Get("X-Data-Source"))
			assert.Equal(t, "Thu, 19 Jan 2023 10:08:49 GMT", r.Header().Get("Last-Modified"))
			assert.Equal(t, "*", r.Header().Get("Access-Control-Allow-Origin"))
			etag := r.Header().Get("ETag")
			assert.Equal(t, ETagOf("p", r.Body.Bytes()), etag)
			assert.Equal(t, 304, h.do("GET", IndicatorPath(name, e.ID), "If-None-Match", etag).Code)
		}
	}
	// The index revalidates too.
	etag := resp.Header.Get("ETag")
	assert.Equal(t, 304, h.do("GET", IndicatorsPath, "If-None-Match", etag).Code)
	assert.Empty(t, h.bg, "fresh data: no refresh started")
}

func TestIndicatorPathsValidatedStrictly(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))
	for _, p := range []string{
		"tx-gs-rep.csv", "nb-inconnu/synthese.csv", // well formed, not in the data
	} {
		r := h.do("GET", IndicatorsPrefix+p)
		assert.Equal(t, 404, r.Code, p)
		assert.Contains(t, r.Body.String(), `"unknown indicator"`, p)
		assert.Equal(t, "application/json; charset=utf-8", r.Header().Get("Content-Type"), p)
	}
	for _, p := range []string{
		"Tx-Classes.csv", "a--b.csv", "-a.csv", "a-.csv", "a_b.csv", "a.b.csv", "é.csv", ".csv",
		strings.Repeat("a", 101) + ".csv", "a%2Fb.csv", "a/b/synthese.csv", "a/detail.csv", "a/synthese", "a",
		"a.json", "a/", "", "a/national.csv/x",
	} {
		r := h.do("GET", IndicatorsPrefix+p)
		assert.Equal(t, 404, r.Code, p)
		assert.Contains(t, r.Body.String(), `"reason"`, p)
		assert.NotContains(t, r.Body.String(), `"unknown indicator"`, p)
	}
	assert.True(t, ValidID(strings.Repeat("a", 100)))
	assert.Equal(t, 405, h.do("POST", IndicatorsPrefix+otherID+".csv").Code)
	assert.Equal(t, 204, h.do("OPTIONS", IndicatorsPath).Code)
}

func TestIndicatorsSnapshotFallback(t *testing.T) {
	h := newHarness(t, nil)
	h.gouv.set("500", h.gouv.modified, 0)
	r := h.do("GET", IndicatorsPath)
	require.Equal(t, 200, r.Code)
	assert.Equal(t, SourceSnapshot, r.Header().Get("X-Data-Source"))
	assert.Equal(t, string(testSnapshot.Assets[SnapshotIndexPath]), r.Body.String())
	assert.Equal(t, JSONType, r.Header().Get("Content-Type"))
	require.Len(t, h.bg, 1, "a refresh starts in the background")
	h.bg[0]()
	h.bg = nil

	r = h.do("GET", IndicatorPath("detail", otherID))
	require.Equal(t, 200, r.Code)
	assert.Equal(t, SourceSnapshot, r.Header().Get("X-Data-Source"))
	assert.Equal(t, refRows(detailCSV(101, 7), otherID), r.Body.String())
	r = h.do("GET", IndicatorPath("synthese", otherID))
	assert.Equal(t, refRows(syntheseCSV(101), otherID), r.Body.String())
	r = h.do("GET", IndicatorPath("detail", "tx-gs-rep"))
	assert.Equal(t, 404, r.Code, "not in the snapshot either")
	assert.Contains(t, r.Body.String(), `"unknown indicator"`)
}

func TestIndicatorFirstRequestDownloads(t *testing.T) {
	h := newHarness(t, nil)
	r := h.do("GET", IndicatorPath("detail", otherID))
	require.Equal(t, 200, r.Code)
	assert.Equal(t, SourceUpstream, r.Header().Get("X-Data-Source"))
	assert.Equal(t, refRows(detailCSV(101, 0), otherID), r.Body.String())
	assert.EqualValues(t, 1, h.gouv.fileHits.Load(), "the detail file only")
}

// TestPartRefusedKeepsItsRows: an indicator whose new rows fail its checks
// keeps its current rows while the others update; meta says why.
func TestPartRefusedKeepsItsRows(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))
	before := h.do("GET", IndicatorPath("detail", otherID)).Body.String()

	h.now = h.now.Add(7 * time.Hour)
	h.gouv.set("other-halved", time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 1)
	require.NoError(t, h.svc.Refresh(context.Background()))
	r := h.do("GET", IndicatorPath("detail", otherID))
	assert.Equal(t, before, r.Body.String(), "kept")
	assert.Equal(t, "2023-01-19", r.Header().Get("X-Data-Updated"))
	r = h.do("GET", IndicatorPath("detail", Indicators[0]))
	assert.Equal(t, refRows(detailCSV(101, 1), Indicators[0]), r.Body.String(), "updated")
	assert.Equal(t, "2023-03-01", r.Header().Get("X-Data-Updated"))

	idx, _ := index(t, h)
	assert.Equal(t, "2023-01-19", idx.Indicators[0].Updated)
	assert.Equal(t, "2023-03-01", idx.Indicators[1].Updated)
	d := h.meta(t).Files["detail"]
	assert.Equal(t, 3, d.Indicators)
	assert.Contains(t, d.KeptIndicators[otherID], "the release of 2023-03-01 was refused: totals")
	assert.Contains(t, d.KeptIndicators[otherID], "a cumulative total")

	// The kept rows survive the next release too, and are not deleted.
	h.now = h.now.Add(7 * time.Hour)
	h.gouv.set("other-halved", time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC), 2)
	require.NoError(t, h.svc.Refresh(context.Background()))
	assert.Equal(t, before, h.do("GET", IndicatorPath("detail", otherID)).Body.String())
}

// TestFastGroup: the record the entry script replays for the indicator
// routes holds, per path, exactly Go's headers and the stored bytes.
func TestFastGroup(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))
	b, ok, err := h.store.Get(context.Background(), FastGroupKey)
	require.NoError(t, err)
	require.True(t, ok)
	var g FastGroup
	require.NoError(t, json.Unmarshal(b, &g))
	assert.Equal(t, h.svc.Config.Stamp, g.Stamp)
	assert.Len(t, g.Answers, 1+3*3, "the index and 3 files of 3 indicators")
	for path, a := range g.Answers {
		r := h.do("GET", path)
		require.Equal(t, 200, r.Code, path)
		want := r.Header()
		got := http.Header{}
		for _, kv := range g.Headers {
			got.Set(kv[0], kv[1])
		}
		for _, kv := range a.Headers {
			got.Set(kv[0], kv[1])
		}
		assert.Equal(t, want, got, path)
		stored, ok, _ := h.store.Get(context.Background(), a.Key)
		require.True(t, ok, path)
		assert.Equal(t, r.Body.String(), string(stored), path)
		assert.Equal(t, want.Get("ETag"), a.ETag, path)
		assert.Equal(t, h.now.Add(6*time.Hour).UnixMilli(), a.FreshUntil, path)
		assert.Equal(t, time.Date(2023, 1, 19, 10, 8, 49, 0, time.UTC).Unix(), a.LastModified, path)
	}
	assert.Contains(t, g.Answers, IndicatorsPath)
	assert.Contains(t, g.Answers, IndicatorPath("synthese", otherID))
	puts := h.store.puts

	// Go's later answers do not rewrite an unchanged record.
	h.do("GET", IndicatorsPath)
	h.do("GET", IndicatorPath("detail", otherID))
	assert.Equal(t, puts, h.store.puts)

	// A refused refresh: fresh until the next retry.
	h.now = h.now.Add(7 * time.Hour)
	h.gouv.set("500", time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), 0)
	require.Error(t, h.svc.Refresh(context.Background()))
	b, _, _ = h.store.Get(context.Background(), FastGroupKey)
	require.NoError(t, json.Unmarshal(b, &g))
	assert.Equal(t, h.now.Add(5*time.Minute).UnixMilli(), g.Answers[IndicatorPath("detail", otherID)].FreshUntil)
	assert.Equal(t, h.now.Add(5*time.Minute).UnixMilli(), g.Answers[IndicatorsPath].FreshUntil)

	// A new release: the previous index is deleted with its record.
	old := g.Answers[IndicatorsPath].Key
	h.now = h.now.Add(7 * time.Hour)
	h.gouv.set("", time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC), 1)
	require.NoError(t, h.svc.Refresh(context.Background()))
	b, _, _ = h.store.Get(context.Background(), FastGroupKey)
	require.NoError(t, json.Unmarshal(b, &g))
	assert.NotEqual(t, old, g.Answers[IndicatorsPath].Key)
	_, ok, _ = h.store.Get(context.Background(), old)
	assert.False(t, ok, "old index deleted")
}

// TestSplitAfterUpgrade: a version stored before the split existed (no
// PartSet) is downloaded again and split, even when upstream is unchanged.
func TestSplitAfterUpgrade(t *testing.T) {
	h := newHarness(t, nil)
	require.NoError(t, h.svc.Refresh(context.Background()))
	ctx := context.Background()
	st := h.svc.LoadState(ctx)
	for _, fs := range st.Files {
		require.NoError(t, h.store.Delete(ctx, fs.Current.Parts))
		fs.Current.Parts, fs.Current.Indicators = "", 0
	}
	require.NoError(t, h.svc.saveState(ctx, st))
	require.NoError(t, h.store.Delete(ctx, FastGroupKey))
	hits := h.gouv.fileHits.Load()
	h.now = h.now.Add(7 * time.Hour)
	require.NoError(t, h.svc.Refresh(ctx))
	assert.Equal(t, hits+3, h.gouv.fileHits.Load(), "the three files again")
	assert.Equal(t, 3, h.meta(t).Files["detail"].Indicators)
	assert.Equal(t, 200, h.do("GET", IndicatorPath("detail", otherID)).Code)
	_, ok, _ := h.store.Get(ctx, FastGroupKey)
	assert.True(t, ok)
}
