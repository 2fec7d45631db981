package app

import (
	"encoding/json"
	"francenum-map/internal/barometre"
	"francenum-map/internal/indicator"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/ontrack"
)

type render struct {
	Q      string    `json:"q"`
	Ind    string    `json:"ind"`
	Metric string    `json:"metric"`
	Mi     int       `json:"mi"`
	Mn     int       `json:"mn"`
	Mlabel string    `json:"mlabel"`
	Absent bool      `json:"absent"`
	Fills  []string  `json:"fills"`
	Cls    []int     `json:"cls"`
	Aria   []string  `json:"aria"`
	R      []float64 `json:"r"`
	Legend struct {
		Items []struct {
			C     int    `json:"c"`
			Color string `json:"color"`
			Label string `json:"label"`
			Count int    `json:"count"`
		} `json:"items"`
		Nodata struct{ Count int } `json:"nodata"`
	} `json:"legend"`
	Source  string   `json:"source"`
	Pinned  []string `json:"pinned"`
	Notices []string `json:"notices"`
	Present []bool   `json:"present"`
}

func decodeRender(t *testing.T, s string) render {
	t.Helper()
	var r render
	require.NoError(t, json.Unmarshal([]byte(s), &r), s)
	return r
}

func ariaOf(r render, code string) string {
	for _, a := range r.Aria {
		if strings.Contains(a, "("+code+")") {
			return a
		}
	}
	return ""
}

func TestDefaultView(t *testing.T) {
	a := newApp(t)
	r := decodeRender(t, a.RenderJSON())
	assert.Equal(t, indicator.Cheques, r.Ind)
	assert.Equal(t, MetricTarget, r.Metric)
	require.Len(t, r.Fills, 101)
	require.Len(t, r.Cls, 101)
	assert.Equal(t, "novembre 2022", r.Mlabel)
	assert.Equal(t, r.Mn-1, r.Mi)
	// Ain: 752 chèques for a target of 878 → 85,6 %.
	assert.Equal(t, "Ain (01) : 85,6\u202f%", ariaOf(r, "01"))
	assert.Contains(t, r.Source, "données au 30 novembre 2022")
	total := r.Legend.Nodata.Count
	for i, it := range r.Legend.Items {
		total += it.Count
		assert.Equal(t, i, it.C)
	}
	assert.Equal(t, 101, total)
	for i, c := range r.Cls {
		if c >= 0 {
			assert.Equal(t, r.Legend.Items[c].Color, r.Fills[i])
		}
	}
}

func TestMonthKeepsBreaksAndMarksAbsentMonths(t *testing.T) {
	a := newApp(t)
	before := append([]float64(nil), a.scale.Breaks...)
	r := decodeRender(t, a.RenderJSON())
	// 2021-11 is absent from the chèques data: every department no data.
	idx := -1
	for i, m := range a.months {
		if m == barometre.MakeMonth(2021, 11) {
			idx = i
		}
	}
	require.GreaterOrEqual(t, idx, 0)
	assert.False(t, r.Present[idx])
	var m struct {
		C      string `json:"c"`
		Absent bool   `json:"absent"`
		N      []int  `json:"n"`
		Nd     int    `json:"nd"`
	}
	require.NoError(t, json.Unmarshal([]byte(a.MonthJSON(idx)), &m))
	assert.True(t, m.Absent)
	assert.Equal(t, strings.Repeat("x", 101), m.C)
	assert.Equal(t, 101, m.Nd)
	require.NoError(t, json.Unmarshal([]byte(a.MonthJSON(0)), &m))
	assert.False(t, m.Absent)
	assert.Equal(t, before, a.scale.Breaks, "breaks must not move with the month")
	r2 := decodeRender(t, a.RenderJSON())
	assert.Equal(t, "date=2021-02", r2.Q)
	assert.NotEqual(t, ariaOf(r, "01"), ariaOf(r2, "01"))
}

func TestMetricsAndURLRoundTrip(t *testing.T) {
	a := newApp(t)
	a.SetQuery("ind=nb-diagnostics-individualises&metric=count&date=2022-11&dep=93,2a&lang=en")
	r := decodeRender(t, a.RenderJSON())
	assert.Equal(t, indicator.Diagnostics, r.Ind)
	assert.Len(t, r.R, 101, "counts are drawn as circles")
	for _, f := range r.Fills {
		assert.NotEqual(t, "", f)
	}
	assert.Equal(t, []string{"93", "2A"}, r.Pinned)
	assert.Contains(t, r.Source, "data as of 30 November 2022")
	assert.Equal(t, "ind=nb-diagnostics-individualises&metric=count&date=2022-11&dep=93,2A&lang=en", r.Q)
	a.SetQuery(r.Q)
	assert.Equal(t, r.Q, decodeRender(t, a.RenderJSON()).Q)

	a.SetQuery("ind=unknown-indicator&date=1999-01")
	r = decodeRender(t, a.RenderJSON())
	assert.Equal(t, indicator.Cheques, r.Ind)
	assert.Len(t, r.Notices, 2)
	assert.Equal(t, "", r.Q)
}

func TestNeighboursAndSearch(t *testing.T) {
	a := newApp(t)
	got := map[string]bool{}
	for _, d := range []string{"up", "down", "left", "right"} {
		if n := a.Neighbour("75", d); n != "" {
			got[n] = true
		}
	}
	assert.NotEmpty(t, got)
	for n := range got {
		assert.Contains(t, []string{"92", "93", "94"}, n)
	}
	// From Seine-Saint-Denis every arrow leads to one of its neighbours.
	for _, d := range []string{"up", "down", "left", "right"} {
		assert.Contains(t, []string{"75", "77", "92", "94", "95"}, a.Neighbour("93", d), d)
	}
	assert.Equal(t, "", a.Neighbour("971", "left"))
	assert.Equal(t, []string{"93"}, a.Search("Seine-Saint-Denis")[:1])
	assert.Equal(t, []string{"2A"}, a.Search("2a")[:1])
	assert.Equal(t, []string{"2A"}, a.Search("Corse-du-Sud (2A)"))
	assert.Equal(t, "93", a.Search("seine saint denis")[0])
	assert.Contains(t, a.Search("seine"), "76")
	assert.Empty(t, a.Search("zzz"))
}

func TestExports(t *testing.T) {
	a := newApp(t)
	csv := a.CSV()
	lines := strings.Split(strings.TrimSuffix(csv, "\n"), "\n")
	require.Len(t, lines, 102)
	assert.True(t, strings.HasPrefix(lines[0], "code_departement,libelle_departement,"))
	assert.True(t, strings.HasPrefix(lines[1], "01,Ain,nb-entreprises-cheaque-numerique,2022-11,target,85.649,752,878,85.649,"), lines[1])
	svg := a.SVG()
	assert.True(t, strings.HasPrefix(svg, "<?xml"))
	assert.Equal(t, 101, strings.Count(svg, "data-code="))
	assert.Contains(t, svg, `id="legend"`)
	assert.Contains(t, svg, "Licence Ouverte 2.0 — données au 30 novembre 2022")
	assert.Contains(t, svg, "Guadeloupe")
	assert.Contains(t, svg, "Côtes-d&#39;Armor")
}

func TestLoadFile(t *testing.T) {
	a := newApp(t)
	before := a.RenderJSON()
	rep := a.LoadFile("bad.csv", []byte("<html><body>Not found</body></html>"))
	assert.Contains(t, rep, `"ok":false`)
	assert.Equal(t, before, a.RenderJSON(), "a refused file leaves the map untouched")

	bad := "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n" +
		"M,Autre,autre-indicateur,01,Ain,2022-11-30,abc,entreprises\n"
	rep = a.LoadFile("rows.csv", []byte(bad))
	assert.Contains(t, rep, `"ok":false`)
	assert.Contains(t, rep, `"line":2`)
	assert.Equal(t, before, a.RenderJSON())

	good := "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n" +
		"M,Autre,autre-indicateur,01,Ain,2022-10-31,5.0,entreprises\n" +
		"M,Autre,autre-indicateur,01,Ain,2022-11-30,7.0,entreprises\n" +
		"M,Autre,autre-indicateur,20,Corse,2022-11-30,7.0,entreprises\n"
	rep = a.LoadFile("good.csv", []byte(good))
	assert.Contains(t, rep, `"ok":true`)
	assert.Contains(t, rep, `"line":4`)
	assert.Contains(t, a.IndicatorsJSON(), `"autre-indicateur"`)
	a.Set("ind", "autre-indicateur")
	r := decodeRender(t, a.RenderJSON())
	assert.Equal(t, MetricCount, r.Metric, "no target: counts instead of % of target")
	assert.NotEmpty(t, r.Notices)
	assert.Equal(t, "autre-indicateur", r.Ind)
	assert.Equal(t, "Ain (01) : 7 entreprises", ariaOf(r, "01"))
}

func TestPanels(t *testing.T) {
	a := newApp(t)
	// The departments' sum passed the summed targets (102,5 %): reached,
	// and the closure of the scheme is stated, never projected.
	assert.Equal(t, ontrack.Reached, a.OnTrack().Status)
	assert.Zero(t, a.OnTrack().Projected)
	p := a.PanelsJSON()
	assert.Contains(t, p, "+13") // national 112 580 − 112 567 departments
	assert.Contains(t, p, "31 juillet 2021")
	d1 := a.Description()
	assert.Contains(t, d1, "112\u202f567")
	a.Set("ind", indicator.Diagnostics)
	assert.Contains(t, []ontrack.Status{ontrack.OnTrack, ontrack.Behind, ontrack.Reached}, a.OnTrack().Status)
	assert.NotEqual(t, d1, a.Description())
	var pj struct {
		Table struct {
			Rows [][]string `json:"rows"`
		} `json:"table"`
	}
	a.Set("sort", "name")
	require.NoError(t, json.Unmarshal([]byte(a.PanelsJSON()), &pj))
	require.Len(t, pj.Table.Rows, 101)
	assert.Equal(t, "Ain", pj.Table.Rows[0][1])
	a.Set("sort", "name")
	require.NoError(t, json.Unmarshal([]byte(a.PanelsJSON()), &pj))
	assert.Equal(t, "Yvelines", pj.Table.Rows[0][1])
	a.Set("pin", "93")
	a.Set("pin", "75")
	assert.Contains(t, a.PanelsJSON(), "Seine-Saint-Denis (93)")
	tip := a.TipJSON("93")
	assert.Contains(t, tip, `"name":"Seine-Saint-Denis (93)"`)
	assert.Contains(t, tip, `"spark"`)
}

func TestIncrementAfterAbsentMonthIsFlagged(t *testing.T) {
	a := newApp(t)
	// 2021-11 is absent for chèques: December's increment covers 2 months.
	a.SetQuery("metric=new&date=2021-12")
	assert.Contains(t, a.TipJSON("01"), "Nouveaux sur 2 mois")
	a.SetQuery("metric=new&date=2021-10")
	assert.NotContains(t, a.TipJSON("01"), "Nouveaux sur")
}

func TestMonthsJSONMatchesMonthJSON(t *testing.T) {
	for _, q := range []string{"", "ind=nb-diagnostics-individualises&metric=per10k&scheme=jenks&classes=4", "metric=new&lang=en"} {
		a := newApp(t)
		a.SetQuery(q)
		before := a.RenderJSON()
		var all []map[string]any
		require.NoError(t, json.Unmarshal([]byte(a.MonthsJSON()), &all), q)
		require.Len(t, all, len(a.months), q)
		assert.Equal(t, before, a.RenderJSON(), "MonthsJSON leaves the view as it was (%s)", q)
		assert.NotEqual(t, all[0]["c"], all[len(all)-1]["c"], "the months differ (%s)", q)
		for _, i := range []int{0, len(a.months) / 2, len(a.months) - 1} {
			var one map[string]any
			require.NoError(t, json.Unmarshal([]byte(a.MonthJSON(i)), &one))
			assert.Equal(t, one, all[i], "%s month %d", q, i)
		}
	}
}

func TestCompareColumnsFollowTheMetric(t *testing.T) {
	a := newApp(t)
	a.Set("pin", "93")
	a.Set("pin", "75")
	type cmp struct {
		Compare struct {
			Headers []string `json:"headers"`
			Items   []struct {
				Cells []string `json:"cells"`
			} `json:"items"`
		} `json:"compare"`
	}
	for _, tc := range []struct {
		metric string
		cols   int
	}{
		{MetricTarget, 3}, // the value is the "% cible" column already
		{MetricCount, 3},  // the value is the cumulative column already
		{MetricPer10k, 4}, // its own column
		{MetricNew, 4},
	} {
		t.Run(tc.metric, func(t *testing.T) {
			a.Set("metric", tc.metric)
			var c cmp
			require.NoError(t, json.Unmarshal([]byte(a.PanelsJSON()), &c))
			assert.Len(t, c.Compare.Headers, tc.cols)
			require.Len(t, c.Compare.Items, 2)
			for _, it := range c.Compare.Items {
				assert.Len(t, it.Cells, tc.cols)
			}
		})
	}
}
