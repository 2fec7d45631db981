package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app/apptest"
	"francenum-map/internal/barometre"
	"francenum-map/internal/datadir"
	"francenum-map/internal/rowfilter"
	"francenum-map/internal/unitkind"
)

// withIndicator is the app with indicator id's files added, as the page
// adds them on demand (a file of the header alone is one the Worker does
// not have: nil).
func withIndicator(t *testing.T, a *App, id string) {
	t.Helper()
	d, s, n := apptest.Files(t, id)
	orNil := func(b []byte) []byte {
		if bytes.Count(b, []byte("\n")) <= 1 {
			return nil
		}
		return b
	}
	require.NoError(t, a.AddFiles(d, orNil(s), orNil(n)))
}

// TestIndicatorKinds: each kind of indicator gets the metrics, default,
// legend, national figure and quality rules that make sense for it.
func TestIndicatorKinds(t *testing.T) {
	tests := []struct {
		id, kind string
		metrics  []string // the #metric choices
		def      string   // the metric the indicator opens on
		unit     string   // in the legend's title with metric=count
		national [2]string
		circles  bool
	}{
		{"tx-gs-rep", "rate", []string{"target", "count"}, "target", "% des classes",
			[2]string{"Valeur nationale", "non disponible"}, false},
		{"taux-deploiement-fibre", "rate", []string{"count"}, "count", "% de déploiement",
			[2]string{"Valeur nationale", "77 % de déploiement"}, false},
		{"duree-moyenne-traitement-demandes-allocation-adulte-handicape", "average", []string{"target", "count"}, "target", "mois de traitement",
			[2]string{"Valeur nationale", "5 mois de traitement"}, false},
		{"km-amenagement-cyclables-securises", "amount", []string{"target", "per10k", "share", "count", "new"}, "target", "kilomètres",
			[2]string{"Total national", "57\u202f014 kilomètres"}, true},
		{"nb-morts-routes", "count", []string{"per10k", "share", "count"}, "count", "morts dans l'année",
			[2]string{"Total national", "248 morts dans l'année"}, true},
		{"nb-maisons-sante", "count", []string{"target", "per10k", "share", "count", "new"}, "target", "maisons de santé",
			[2]string{"Total national", "2\u202f251 maisons de santé"}, true},
	}
	a := newApp(t)
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			withIndicator(t, a, tc.id)
			notes := a.SetQuery("ind=" + tc.id)
			assert.Empty(t, notes, "the default view of an indicator has no notice")
			v := a.View()
			require.Equal(t, tc.id, v.State.Ind)
			assert.Equal(t, tc.kind, string(a.Kind().Kind))
			var ms []string
			for _, m := range v.Metrics {
				ms = append(ms, m[0])
			}
			assert.Equal(t, tc.metrics, ms)
			assert.Equal(t, tc.def, v.State.Metric)
			assert.True(t, v.HeadingFR)
			assert.Equal(t, a.ind.Mesure, v.Heading, "the header names the policy")
			assert.Contains(t, v.Source, "« "+a.ind.Mesure+" »", "the source line names the policy")
			nat := a.Panels().National.Lines
			require.NotEmpty(t, nat)
			assert.Equal(t, tc.national, nat[0])
			if !tc.circles {
				assert.Len(t, nat, 1, "a rate is never summed: no sum of departments, no remainder")
			}

			require.Empty(t, a.Act("metric", "count"))
			v = a.View()
			assert.Contains(t, v.Legend.Title, "("+tc.unit+")", "the legend names the unit")
			assert.Equal(t, tc.circles, v.Radii != nil, "circles only for what adds up")
			assert.Equal(t, tc.circles, v.Legend.Circles != nil)
			assert.Equal(t, !tc.circles, len(v.Legend.Items) > 0, "a rate is a choropleth")
			desc := a.Description()
			assert.Equal(t, tc.circles, strings.Contains(desc, "total"), "a total only for what adds up: %s", desc)

			notes = a.Act("metric", "per10k")
			if contains(tc.metrics, "per10k") {
				assert.Empty(t, notes)
			} else {
				assert.Equal(t, []Notice{{Key: "metric", Value: "per10k"}}, notes, "a rate is never divided per inhabitant")
				assert.Equal(t, tc.def, a.State().Metric)
			}
		})
	}
}

// TestDefaultMetricCarriedOver: % of target chosen on the chèques, then an
// indicator without targets: its published value, silently (the user
// asked for nothing it lacks); asked in the URL, the notice says so.
func TestDefaultMetricCarriedOver(t *testing.T) {
	a := newApp(t)
	withIndicator(t, a, "taux-deploiement-fibre")
	assert.Equal(t, "target", a.State().Metric)
	assert.Empty(t, a.Act("ind", "taux-deploiement-fibre"))
	assert.Equal(t, "count", a.State().Metric)
	assert.Equal(t, []Notice{{Key: "metric", Value: "target"}}, a.SetQuery("ind=taux-deploiement-fibre&metric=target"))
	assert.Empty(t, a.SetQuery("ind=taux-deploiement-fibre"))
}

// TestKindsMatchWorker: the app classifies each of the 54 published
// indicators as the Worker's index does (unitkind over the same rows).
func TestKindsMatchWorker(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(datadir.MustFind(t, "barometre")), "barometre", "barometre-resultats-detail-departemental.csv"))
	require.NoError(t, err)
	infos, err := rowfilter.Indicators(raw)
	require.NoError(t, err)
	require.Len(t, infos, 54)
	a := newApp(t)
	for _, in := range infos {
		id := in.ID
		det, _, _ := apptest.Files(t, id)
		f, err := barometre.Parse(det)
		require.NoError(t, err)
		var obs []unitkind.Obs
		for _, o := range f.Observations {
			obs = append(obs, unitkind.Obs{Dept: o.Dept, Date: int(o.Date), Value: o.Value})
		}
		wk, wc := unitkind.Classify(f.Observations[0].Unit, unitkind.ValuesOf(obs))
		require.NoError(t, a.AddFiles(det, nil, nil))
		k := kindOf(a.model.Indicator(id), false)
		assert.Equal(t, wk, k.Kind, id)
		assert.Equal(t, wc, k.Cumulative, id)
	}
}
