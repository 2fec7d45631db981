package geobuild

import (
	"encoding/csv"
	"io"
	"math"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/dept"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/georegion"
)

var (
	regionsMu    sync.Mutex
	regionsBuilt = map[string][]georegion.Region{}
)

func buildRegions(t *testing.T, level string) (*geoasset.Asset, []georegion.Region) {
	t.Helper()
	a := buildLevel(t, level)
	regionsMu.Lock()
	defer regionsMu.Unlock()
	if rs, ok := regionsBuilt[level]; ok {
		return a, rs
	}
	rs, err := Regions(a)
	require.NoError(t, err)
	regionsBuilt[level] = rs
	return a, rs
}

// The 18 regions of 2016, their INSEE codes and names, and how many
// departments each has.
var wantRegions = []struct {
	code, name string
	n          int
}{
	{"01", "Guadeloupe", 1}, {"02", "Martinique", 1}, {"03", "Guyane", 1}, {"04", "La Réunion", 1}, {"06", "Mayotte", 1},
	{"11", "Île-de-France", 8}, {"24", "Centre-Val de Loire", 6}, {"27", "Bourgogne-Franche-Comté", 8},
	{"28", "Normandie", 5}, {"32", "Hauts-de-France", 5}, {"44", "Grand Est", 10}, {"52", "Pays de la Loire", 5},
	{"53", "Bretagne", 4}, {"75", "Nouvelle-Aquitaine", 12}, {"76", "Occitanie", 13},
	{"84", "Auvergne-Rhône-Alpes", 12}, {"93", "Provence-Alpes-Côte d'Azur", 6}, {"94", "Corse", 2},
}

func TestRegionsRealData(t *testing.T) {
	for _, level := range []string{"1000m", "100m"} {
		t.Run(level, func(t *testing.T) {
			a, rs := buildRegions(t, level)
			require.Len(t, rs, len(wantRegions))
			by := map[string]georegion.Region{}
			in := map[string][]string{} // department → regions listing it
			for i, r := range rs {
				w := wantRegions[i]
				assert.Equal(t, w.code, r.Code)
				assert.Equal(t, w.name, r.Name, r.Code)
				assert.Len(t, r.Departments, w.n, r.Code)
				by[r.Code] = r
				for _, c := range r.Departments {
					in[c] = append(in[c], r.Code)
				}
			}
			for _, d := range a.Departments {
				assert.Equal(t, []string{d.RegionCode}, in[d.Code], "department %s in exactly one region, its own", d.Code)
			}
			assert.Equal(t, []string{"2A", "2B"}, by["94"].Departments, "Corse")
			assert.Equal(t, []string{"75", "77", "78", "91", "92", "93", "94", "95"}, by["11"].Departments)
			assert.Equal(t, []string{"22", "29", "35", "56"}, by["53"].Departments)

			for _, c := range []string{"971", "972", "973", "974", "976"} {
				d := a.Departments[a.Index(c)]
				r := by[d.RegionCode]
				assert.Equal(t, []string{c}, r.Departments)
				if level == "1000m" {
					// (At 100 m, Mayotte's spikes are not drawn twice:
					// checkDissolved below compares the edges.)
					assert.Equal(t, d.Geometry, r.Geometry, "overseas region %s is its department", r.Code)
				}
				assert.Equal(t, d.Inset, r.Inset, r.Code)
				assert.Equal(t, d.Bound, r.Bound, r.Code)
				assert.Empty(t, r.Neighbours, r.Code)
			}

			for _, r := range rs {
				assert.True(t, planar.MultiPolygonContains(r.Geometry, r.Label), "label of %s inside", r.Code)
				assert.Equal(t, r.Geometry.Bound(), r.Bound, r.Code)
				for _, n := range r.Neighbours {
					assert.Contains(t, by[n].Neighbours, r.Code, "neighbours of %s are symmetric", r.Code)
				}
				if r.Inset == geoasset.Metropole && r.Code != "94" {
					assert.NotEmpty(t, r.Neighbours, r.Code)
				}
				checkDissolved(t, a, r)
			}
			assert.Equal(t, []string{"24", "27", "28", "32", "44"}, by["11"].Neighbours, "Île-de-France")
			assert.Equal(t, []string{"28", "52"}, by["53"].Neighbours, "Bretagne")
			assert.Empty(t, by["94"].Neighbours, "Corse has no land border")
			assert.Equal(t, []string{"24", "27", "75", "76", "93"}, by["84"].Neighbours, "Auvergne-Rhône-Alpes")
		})
	}
}

// checkDissolved: the region's area is its departments' (1e-9
// relative), and its outline is exactly what its departments do not
// share: each directed edge is in it as many times as its departments
// use it more that way than the other, so every region edge is an edge of
// one of its departments, none is between two of them, and none of their
// outer edges is missing.
func checkDissolved(t *testing.T, a *geoasset.Asset, r georegion.Region) {
	t.Helper()
	type edge [2]orb.Point
	dep := map[edge]int{}
	sum := 0.0
	for _, c := range r.Departments {
		d := a.Departments[a.Index(c)]
		sum += mpArea(d.Geometry)
		for _, p := range d.Geometry {
			for _, ring := range p {
				for i := 0; i+1 < len(ring); i++ {
					if ring[i] != ring[i+1] {
						dep[edge{ring[i], ring[i+1]}]++
					}
				}
			}
		}
	}
	got := map[edge]int{}
	for _, p := range r.Geometry {
		for _, ring := range p {
			for i := 0; i+1 < len(ring); i++ {
				got[edge{ring[i], ring[i+1]}]++
			}
		}
	}
	area := mpArea(r.Geometry)
	assert.InDelta(t, 0, (area-sum)/sum, 1e-9, "region %s: area %v, its departments %v", r.Code, area, sum)
	bad := 0
	for e := range got {
		if dep[e]-dep[edge{e[1], e[0]}] <= 0 {
			bad++
		}
	}
	assert.Zero(t, bad, "region %s: edges not of exactly one of its departments, or between two", r.Code)
	missing := 0
	for e, n := range dep {
		if want := n - dep[edge{e[1], e[0]}]; want > 0 && got[e] != want {
			missing++
		}
	}
	assert.Zero(t, missing, "region %s: outer edges of its departments missing from its outline", r.Code)
}

// On the drawing, on both sides of every region edge, the region covers
// what its departments cover: just left of it inside, just right of it
// outside, so no border between two of them is left and none overlaps,
// but for a department's own near-spike, where the region follows it
// (Martinique's ring turns back on itself at (618, 1280)). (At 100 m the
// department outlines also have an Aisne/Oise bow tie, which the region
// keeps as they draw it, so only the level the page draws is checked.)
func TestRegionEdgesSeparateInsideFromOutside(t *testing.T) {
	a, rs := buildRegions(t, "1000m")
	checked, sides := 0, 0
	for _, r := range rs {
		var deps []orb.MultiPolygon
		for _, c := range r.Departments {
			deps = append(deps, a.Departments[a.Index(c)].Geometry)
		}
		inDeps := func(pt orb.Point) bool {
			for _, g := range deps {
				if planar.MultiPolygonContains(g, pt) {
					return true
				}
			}
			return false
		}
		for _, p := range r.Geometry {
			for _, ring := range p {
				for i := 0; i+1 < len(ring); i++ {
					p0, p1 := ring[i], ring[i+1]
					l := math.Hypot(p1[0]-p0[0], p1[1]-p0[1])
					// Left of a→b in orb's y-up sense: (-dy, dx).
					nx, ny := -(p1[1]-p0[1])/l*0.05, (p1[0]-p0[0])/l*0.05
					mid := orb.Point{(p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2}
					left, right := orb.Point{mid[0] + nx, mid[1] + ny}, orb.Point{mid[0] - nx, mid[1] - ny}
					inL, inR := inDeps(left), inDeps(right)
					if !assert.Equal(t, inL, planar.MultiPolygonContains(r.Geometry, left), "region %s: left of %v→%v covered as by its departments", r.Code, p0, p1) ||
						!assert.Equal(t, inR, planar.MultiPolygonContains(r.Geometry, right), "region %s: right of %v→%v covered as by its departments", r.Code, p0, p1) {
						return
					}
					if inL && !inR {
						sides++
					}
					checked++
				}
			}
		}
	}
	assert.Greater(t, checked, 5000)
	// 5 391 of 5 406: the others lie along the departments' near-spikes.
	assert.Greater(t, float64(sides), 0.99*float64(checked), "inside on the left, outside on the right")
}

// Region neighbours are what neighbours() finds on the regions' outlines
// in true metres, as for departments (Touch 100 m), and the 1000 m regions
// file is what `make geodata` writes.
func TestRegionNeighboursAsForDepartments(t *testing.T) {
	a, rs := buildRegions(t, "1000m")
	raw, err := os.ReadFile(datadir.MustFind(t, "geo/departements-1000m.geojson"))
	require.NoError(t, err)
	feats, err := parseDepartments(raw)
	require.NoError(t, err)
	o := DefaultOptions()
	pl := layout(feats, o.layout())
	metric := map[string]orb.MultiPolygon{}
	for _, c := range dept.Codes() {
		if !dept.IsOverseas(c) {
			r := a.Departments[a.Index(c)].RegionCode
			metric[r] = append(metric[r], apply(feats[c].Geom, pl.metres[c])...)
		}
	}
	nb := neighbours(metric, o.Touch)
	for _, r := range rs {
		want := nb[r.Code]
		slices.Sort(want)
		assert.Equal(t, want, r.Neighbours, r.Code)
	}
}

// The names are the publisher's: the regional file of the baromètre
// uses the same codes and names.
func TestRegionsMatchTheBarometre(t *testing.T) {
	_, rs := buildRegions(t, "1000m")
	f, err := os.Open(datadir.MustFind(t, "barometre/barometre-resultats-detail-regional.csv"))
	require.NoError(t, err)
	defer f.Close()
	cr := csv.NewReader(f)
	head, err := cr.Read()
	require.NoError(t, err)
	ci, ni := slices.Index(head, "code_region"), slices.Index(head, "libelle_region")
	require.True(t, ci >= 0 && ni >= 0, "%v", head)
	names := map[string]string{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		names[rec[ci]] = rec[ni]
	}
	got := map[string]string{}
	for _, r := range rs {
		got[r.Code] = r.Name
	}
	assert.Equal(t, names, got)
}
