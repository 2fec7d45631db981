package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
	"francenum-map/internal/classify"
	"francenum-map/internal/indicator"
	"francenum-map/internal/ontrack"
	"francenum-map/internal/viewstate"
)

func ariaOf(v View, code string) string {
	for _, a := range v.Aria {
		if strings.Contains(a, "("+code+")") {
			return a
		}
	}
	return ""
}

func TestDefaultView(t *testing.T) {
	a := newApp(t)
	v := a.View()
	assert.Equal(t, indicator.Cheques, v.State.Ind)
	assert.Equal(t, viewstate.MetricTarget, v.State.Metric)
	require.Len(t, v.Class, 101)
	assert.Equal(t, "novembre 2022", v.Month.Label)
	assert.Equal(t, v.MonthCount-1, v.Month.Index)
	assert.Equal(t, "2022-11", v.State.Date.String(), "the embedding page sees the month resolved")
	assert.Equal(t, "", v.Query, "the default view's URL has no query")
	// Ain: 752 chèques for a target of 878 → 85,6 %.
	assert.Equal(t, "Ain (01) : 85,6\u202f%", ariaOf(v, "01"))
	assert.Contains(t, v.Source, "données au 30 novembre 2022")
	assert.Equal(t, "Chèques numériques — % de la cible 2022 — novembre 2022", v.Title)
	total := v.Legend.NoData.Count
	for i, it := range v.Legend.Items {
		total += it.Count
		assert.Equal(t, i, it.Class)
		assert.Equal(t, v.ClassFills[i], it.Color)
	}
	assert.Equal(t, 101, total)
	for i, c := range v.Class {
		if c >= 0 {
			assert.Equal(t, v.Legend.Items[c].Color, v.Fill(i))
		}
	}
	assert.Equal(t, classify.NoDataFill, v.NoDataFill)
	assert.Nil(t, v.Radii, "no circles for % of target")
	assert.Contains(t, v.Legend.Note, "Divergente à 100 % de la cible")
	d := a.Drawing()
	assert.Len(t, d.Paths, 101)
	assert.Equal(t, d.Codes[0], "01")
	assert.Contains(t, d.Defs, `id="`+classify.NoDataPattern+`"`)
	assert.Contains(t, d.Defs, `id="`+classify.QualityPattern+`"`)
	assert.Len(t, d.Frames, 5)
}

// Reading a view changes nothing: the same view twice, the same state.
func TestViewsArePure(t *testing.T) {
	a := newApp(t)
	a.Act("quality", "1")
	st := a.State()
	v1 := a.View()
	_ = a.Panels()
	_ = a.MonthViews()
	_, _ = a.Tip("93")
	v2 := a.View()
	assert.Equal(t, v1, v2)
	assert.True(t, st.Equal(a.State()))
}

func TestMonthKeepsBreaksAndMarksAbsentMonths(t *testing.T) {
	a := newApp(t)
	before := append([]float64(nil), a.scale.Breaks...)
	v := a.View()
	// 2021-11 is absent from the chèques data: every department no data.
	idx := -1
	for i, m := range a.months {
		if m == barometre.MakeMonth(2021, 11) {
			idx = i
		}
	}
	require.GreaterOrEqual(t, idx, 0)
	assert.False(t, v.Present[idx])
	a.SetMonthIndex(idx)
	m := a.MonthView()
	assert.True(t, m.Absent)
	assert.Equal(t, strings.Repeat("x", 101), string(m.Classes))
	assert.Equal(t, 101, m.NoData)
	assert.Contains(t, m.Label, "mois absent des données")
	a.SetMonthIndex(0)
	m = a.MonthView()
	assert.False(t, m.Absent)
	assert.Equal(t, before, a.scale.Breaks, "breaks must not move with the month")
	v2 := a.View()
	assert.Equal(t, "date=2021-02", v2.Query)
	assert.NotEqual(t, ariaOf(v, "01"), ariaOf(v2, "01"))
}

func TestMetricsAndURLRoundTrip(t *testing.T) {
	a := newApp(t)
	assert.Empty(t, a.SetQuery("ind=nb-diagnostics-individualises&metric=count&date=2022-11&dep=93,2a&lang=en"))
	v := a.View()
	assert.Equal(t, indicator.Diagnostics, v.State.Ind)
	assert.Len(t, v.Radii, 101, "counts are drawn as circles")
	for i := range v.Class {
		assert.Contains(t, []string{classify.NeutralFill, classify.NoDataFill}, v.Fill(i))
	}
	for _, f := range v.ClassFills {
		assert.Equal(t, classify.NeutralFill, f, "circles over a neutral map")
	}
	assert.NotEmpty(t, v.Legend.Circles)
	assert.Empty(t, v.Legend.Items, "counts: a key of circle sizes, no class swatches")
	assert.Equal(t, []string{"93", "2A"}, v.State.Deps)
	assert.Contains(t, v.Source, "data as of 30 November 2022")
	assert.Equal(t, "ind=nb-diagnostics-individualises&metric=count&date=2022-11&dep=93,2A&lang=en", v.Query)
	a.SetQuery(v.Query)
	assert.Equal(t, v.Query, a.View().Query)

	notes := a.SetQuery("ind=unknown-indicator&date=1999-01")
	v = a.View()
	assert.Equal(t, indicator.Cheques, v.State.Ind)
	assert.Len(t, notes, 2)
	assert.Equal(t, "Paramètre d'adresse ignoré\u00a0: ind=unknown-indicator — indicateur absent des données\u00a0; choisissez-en un dans le menu Indicateur", a.NoticeText(notes[0]))
	assert.Equal(t, "", v.Query)
}

// The page's controls change the state through Apply: a new indicator
// starts on its latest month, manual classes start from the breaks shown,
// pins toggle, a bad value changes nothing and says so.
func TestActions(t *testing.T) {
	a := newApp(t)
	a.SetMonthIndex(3)
	require.NotZero(t, a.State().Date)
	assert.Empty(t, a.Act("ind", indicator.Diagnostics))
	assert.Zero(t, a.State().Date, "a new indicator starts on its latest month")

	shown := roundedBreaks(a.scale.Breaks)
	assert.Empty(t, a.Act("scheme", viewstate.SchemeManual))
	assert.Equal(t, viewstate.SchemeManual, a.State().Scheme)
	assert.Equal(t, shown, a.State().Breaks, "manual classes start from the breaks shown")
	assert.Equal(t, shown, a.View().State.Breaks)
	assert.Empty(t, a.Act("breaks", "90; 100 ;150"))
	assert.Equal(t, []float64{90, 100, 150}, a.State().Breaks)
	assert.Equal(t, 4, a.View().State.Classes)

	st := a.State()
	assert.NotEmpty(t, a.Act("classes", "12"))
	assert.True(t, st.Equal(a.State()), "a bad value changes nothing")

	a.Act("toggle", "93")
	a.Act("pin", "2a")
	assert.Equal(t, []string{"93", "2A"}, a.State().Deps)
	a.Act("pin", "93")
	assert.Equal(t, []string{"93", "2A"}, a.State().Deps, "pinning twice keeps the order")
	a.Act("toggle", "93")
	assert.Equal(t, []string{"2A"}, a.State().Deps)
	for _, c := range []string{"01", "02", "03"} {
		a.Act("pin", c)
	}
	require.Len(t, a.State().Deps, 4)
	// A 5th pin is refused with a notice, nothing dropped (issue 14, item 9).
	for _, key := range []string{"pin", "toggle"} {
		assert.Equal(t, []Notice{{Key: "dep", Value: PinsFull}}, a.Act(key, "04"), key)
		assert.Equal(t, []string{"2A", "01", "02", "03"}, a.State().Deps, "a 5th pin (%s) drops nothing", key)
	}
	a.Act("unpin", "01")
	assert.Empty(t, a.Act("pin", "04"), "room again after an unpin")
	assert.Equal(t, []string{"2A", "02", "03", "04"}, a.State().Deps)
	a.Act("clear", "")
	assert.Empty(t, a.State().Deps)
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
	assert.Equal(t, []SearchHit{{Code: "2A", Name: "Corse-du-Sud"}}, a.SearchHits("Corse-du-Sud (2A)"))
	// Regions and « 20 » (issue 14, item 10): the departments, grouped.
	for _, c := range []struct {
		q, group string
		codes    []string
	}{
		{"Bretagne", "Bretagne", []string{"22", "29", "35", "56"}},
		{"ile de france", "Île-de-France", []string{"75", "77", "78", "91", "92", "93", "94", "95"}},
		{"20", "Corse", []string{"2A", "2B"}},
		{"93", "", []string{"93"}},
	} {
		hits := a.SearchHits(c.q)
		var codes []string
		for _, h := range hits {
			codes = append(codes, h.Code)
			assert.Equal(t, c.group, h.Group, c.q)
		}
		assert.Equal(t, c.codes, codes, c.q)
	}
}

func TestLoadFile(t *testing.T) {
	a := newApp(t)
	before := a.View()
	rep := a.LoadFile("bad.csv", []byte("<html><body>Not found</body></html>"))
	assert.False(t, rep.OK)
	assert.NotEmpty(t, rep.Error)
	assert.Equal(t, before, a.View(), "a refused file leaves the map untouched")

	bad := "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n" +
		"M,Autre,autre-indicateur,01,Ain,2022-11-30,abc,entreprises\n"
	rep = a.LoadFile("rows.csv", []byte(bad))
	assert.False(t, rep.OK)
	require.NotEmpty(t, rep.Warnings)
	assert.Equal(t, 2, rep.Warnings[0].Line)
	assert.Equal(t, before, a.View())

	good := "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n" +
		"M,Autre,autre-indicateur,01,Ain,2022-10-31,5.0,entreprises\n" +
		"M,Autre,autre-indicateur,01,Ain,2022-11-30,7.0,entreprises\n" +
		"M,Autre,autre-indicateur,20,Corse,2022-11-30,7.0,entreprises\n"
	rep = a.LoadFile("good.csv", []byte(good))
	assert.True(t, rep.OK)
	require.NotEmpty(t, rep.Warnings)
	assert.Equal(t, 4, rep.Warnings[0].Line)
	assert.Equal(t, []string{"autre-indicateur"}, rep.Indicators)
	assert.Equal(t, "3 lignes lues, 2 gardées, 1 écartées — 1 indicateur(s)", rep.Counts)
	assert.Equal(t, "1 département sur 101", rep.Coverage, "a file covering fewer departments says so (issue 26 item 7)")
	assert.Contains(t, a.Indicators(), IndicatorItem{ID: "autre-indicateur", Name: "Autre"})
	assert.Equal(t, []Notice{{Key: "metric", Value: viewstate.MetricTarget}}, rep.Notices,
		"the new detail file has no chèques: its indicator is shown, without targets")
	a.Act("ind", "autre-indicateur")
	v := a.View()
	assert.Equal(t, viewstate.MetricCount, v.State.Metric, "no target: counts instead of % of target")
	assert.Equal(t, "autre-indicateur", v.State.Ind)
	assert.Equal(t, "Ain (01) : 7 entreprises", ariaOf(v, "01"))
	// The view credits the visitor's file, not the publisher (issue 26
	// item 7).
	assert.Equal(t, "good.csv", v.UserFile)
	assert.True(t, strings.HasPrefix(v.Source, "Données : votre fichier good.csv (non publié)"), v.Source)
	assert.NotContains(t, v.Source, "data.gouv.fr")
	assert.Empty(t, a.Act("lang", "en"))
	assert.True(t, strings.HasPrefix(a.View().Source, "Data: your file good.csv (unpublished)"), a.View().Source)
	assert.Contains(t, a.FileReportAt(rep.Index).Coverage, "1 department of 101")
}

func TestPanels(t *testing.T) {
	a := newApp(t)
	// The departments' sum passed the summed targets (102,5 %): reached,
	// and the closure of the scheme is stated, never projected.
	assert.Equal(t, ontrack.Reached, a.OnTrack().Status)
	assert.Zero(t, a.OnTrack().Projected)
	p := a.Panels()
	assert.Equal(t, "+13", p.National.Lines[2][1]) // national 112 580 − 112 567 departments
	assert.Equal(t, "112\u202f567 (101 dép.)", p.National.Lines[1][1])
	assert.Contains(t, strings.Join(p.OnTrack.Lines, " "), "a fermé le 31 juillet 2021")
	d1 := a.Description()
	assert.Contains(t, d1, "112\u202f567")
	a.Act("ind", indicator.Diagnostics)
	assert.Contains(t, []ontrack.Status{ontrack.OnTrack, ontrack.Behind, ontrack.Reached}, a.OnTrack().Status)
	assert.NotEqual(t, d1, a.Description())
	a.Act("sort", "name")
	p = a.Panels()
	require.Len(t, p.Table.Rows, 101)
	assert.Equal(t, "Ain", p.Table.Rows[0][1])
	a.Act("sort", "name")
	assert.Equal(t, "Yvelines", a.Panels().Table.Rows[0][1])
	a.Act("sort", "code")
	rows := a.Panels().Table.Rows
	assert.Equal(t, "2A", rows[19][0], "code order is the geometry's: 2A after 19")
	a.Act("pin", "93")
	a.Act("pin", "75")
	c := a.Panels().Compare
	require.Len(t, c.Items, 2)
	assert.Equal(t, "Seine-Saint-Denis (93)", c.Items[0].Name)
	tip, ok := a.Tip("93")
	require.True(t, ok)
	assert.Equal(t, "Seine-Saint-Denis (93)", tip.Name)
	assert.True(t, tip.Pinned)
	assert.NotEmpty(t, tip.Spark.D)
	_, ok = a.Tip("99")
	assert.False(t, ok)
}

func TestIncrementAfterAbsentMonthIsFlagged(t *testing.T) {
	a := newApp(t)
	// 2021-11 is absent for chèques: December's increment covers 2 months.
	a.SetQuery("metric=new&date=2021-12")
	tip, _ := a.Tip("01")
	assert.Contains(t, tip.Notes, "Nouveaux ce mois\u00a0: moyenne mensuelle sur 2\u00a0mois (mois précédent absent)")
	a.SetQuery("metric=new&date=2021-10&lang=en")
	tip, _ = a.Tip("01")
	assert.NotContains(t, strings.Join(tip.Notes, " "), "monthly average")
}

func TestMonthViewsMatchMonthView(t *testing.T) {
	for _, q := range []string{"", "ind=nb-diagnostics-individualises&metric=per10k&scheme=jenks&classes=4", "metric=new&lang=en"} {
		a := newApp(t)
		a.SetQuery(q)
		before := a.View()
		all := a.MonthViews()
		require.Len(t, all, len(a.months), q)
		assert.Equal(t, before, a.View(), "MonthViews leaves the view as it was (%s)", q)
		assert.NotEqual(t, all[0].Classes, all[len(all)-1].Classes, "the months differ (%s)", q)
		for _, i := range []int{0, len(a.months) / 2, len(a.months) - 1} {
			a.SetMonthIndex(i)
			assert.Equal(t, a.MonthView(), all[i], "%s month %d", q, i)
		}
	}
}

func TestCompareColumnsFollowTheMetric(t *testing.T) {
	a := newApp(t)
	a.Act("pin", "93")
	a.Act("pin", "75")
	for _, tc := range []struct {
		metric string
		cols   int
	}{
		{viewstate.MetricTarget, 3}, // the value is the "% cible" column already
		{viewstate.MetricCount, 3},  // the value is the cumulative column already
		{viewstate.MetricPer10k, 4}, // its own column
		{viewstate.MetricNew, 4},
	} {
		t.Run(tc.metric, func(t *testing.T) {
			a.Act("metric", tc.metric)
			c := a.Panels().Compare
			assert.Len(t, c.Headers, tc.cols)
			require.Len(t, c.Items, 2)
			for _, it := range c.Items {
				assert.Len(t, it.Cells, tc.cols)
			}
		})
	}
}

// TestArrowsReachEveryDepartment (issue 26 item 4): every arrow leads the
// way it points on the drawing, and from any department the arrows reach
// every other one: Corsica from the mainland and back, the overseas
// insets from the mainland, each other and back.
func TestArrowsReachEveryDepartment(t *testing.T) {
	a := newApp(t)
	dirs := map[string][2]float64{"up": {0, -1}, "down": {0, 1}, "left": {-1, 0}, "right": {1, 0}}
	next := map[string][]string{}
	for _, d := range a.geo.Departments {
		for dir, v := range dirs {
			n := a.Neighbour(d.Code, dir)
			if n == "" {
				continue
			}
			to := a.geo.Departments[a.geo.Index(n)].Label
			dot := (to[0]-d.Label[0])*v[0] + (to[1]-d.Label[1])*v[1]
			assert.Greater(t, dot, 0.0, "%s %s leads to %s, which lies the other way", d.Code, dir, n)
			next[d.Code] = append(next[d.Code], n)
		}
	}
	reach := func(from string) map[string]bool {
		seen := map[string]bool{from: true}
		todo := []string{from}
		for len(todo) > 0 {
			c := todo[0]
			todo = todo[1:]
			for _, n := range next[c] {
				if !seen[n] {
					seen[n] = true
					todo = append(todo, n)
				}
			}
		}
		return seen
	}
	for _, d := range a.geo.Departments {
		got := reach(d.Code)
		var missing []string
		for _, e := range a.geo.Departments {
			if !got[e.Code] {
				missing = append(missing, e.Code)
			}
		}
		assert.Empty(t, missing, "from %s the arrows never reach these", d.Code)
	}
	hasAny := func(from string, want ...string) bool {
		for _, n := range next[from] {
			if contains(want, n) {
				return true
			}
		}
		return false
	}
	assert.True(t, hasAny("06", "2A", "2B") || hasAny("83", "2A", "2B"), "an arrow from Var or Alpes-Maritimes to Corsica: 06 %v, 83 %v", next["06"], next["83"])
	assert.True(t, hasAny("2B", "06", "83", "13", "84", "04") || hasAny("2A", "06", "83", "13", "84", "04"), "an arrow from Corsica to the mainland: 2A %v, 2B %v", next["2A"], next["2B"])
	for _, c := range []string{"971", "972", "973", "974", "976"} {
		assert.NotEmpty(t, next[c], "an arrow from %s leads somewhere", c)
	}
}

// pathYs gives the smallest y of an SVG path's "M x y" / "L x y" points
// (the highest point drawn), and the largest.
func pathYs(t *testing.T, d string) (top, bottom float64) {
	t.Helper()
	top, bottom = 1e9, -1e9
	f := strings.FieldsFunc(d, func(r rune) bool { return r == 'M' || r == 'L' })
	require.NotEmpty(t, f, "path data %q", d)
	for _, p := range f {
		xy := strings.Fields(p)
		require.Len(t, xy, 2, "point %q", p)
		y, err := strconv.ParseFloat(xy[1], 64)
		require.NoError(t, err)
		top, bottom = min(top, y), max(bottom, y)
	}
	return top, bottom
}

// TestCompareChartFollowsTheMeasure (issue 26 item 10): the compare chart
// plots the view's measure, so Lozère (48) next to Paris rises as high as
// its % of target does, not flat at 0 under Paris's count.
func TestCompareChartFollowsTheMeasure(t *testing.T) {
	a := newApp(t)
	a.Act("pin", "75")
	a.Act("pin", "48")
	rise := func(metric string) (float64, Compare) {
		a.Act("metric", metric)
		c := a.Panels().Compare
		require.Len(t, c.Items, 2)
		top, _ := pathYs(t, c.Items[1].D)
		return (c.Axis.Y0 - top) / (c.Axis.Y0 - c.Axis.YMax), c
	}
	count, c := rise(viewstate.MetricCount)
	assert.Less(t, count, 0.1, "as counts, Lozère lies near 0 under Paris")
	assert.NotContains(t, c.Axis.Max, "%")
	pct, c := rise(viewstate.MetricTarget)
	assert.Greater(t, pct, 0.3, "as % of target, Lozère rises like its %% of target")
	assert.Contains(t, c.Axis.Max, "%", "the axis reads in %")
	assert.Equal(t, a.metricTitle(), c.Measure)
	// Both targets are 100 %: one line for both.
	assert.InDelta(t, c.Items[0].TargetY, c.Items[1].TargetY, 0.01)
	per, c := rise(viewstate.MetricPer10k)
	assert.Greater(t, per, 0.1, "per 10 000 firms, Lozère is not flat")
	assert.Equal(t, a.t("mPer10k"), c.Measure)
}
