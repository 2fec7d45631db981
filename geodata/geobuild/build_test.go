package geobuild

import (
	"context"
	"os"
	"path/filepath"
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
)

// communesPath is the package's communes.json, from the repository root.
func communesPath(t testing.TB) string {
	t.Helper()
	root, err := datadir.RepoRoot()
	require.NoError(t, err)
	p := filepath.Join(root, filepath.FromSlash(CommunesFile))
	_, err = os.Stat(p)
	require.NoError(t, err, "run `npm ci` first")
	return p
}

var (
	builtMu sync.Mutex
	built   = map[string]*geoasset.Asset{}
)

// buildLevel builds (once per test binary) the asset of a mirror level.
func buildLevel(t testing.TB, level string) *geoasset.Asset {
	t.Helper()
	builtMu.Lock()
	defer builtMu.Unlock()
	if a, ok := built[level]; ok {
		return a
	}
	a, err := FromMirror(context.Background(), level)
	require.NoError(t, err)
	built[level] = a
	return a
}

func metropoleBound(a *geoasset.Asset) orb.Bound {
	var b orb.Bound
	first := true
	for _, d := range a.Departments {
		if d.Inset != geoasset.Metropole {
			continue
		}
		if first {
			b, first = d.Bound, false
		} else {
			b = b.Union(d.Bound)
		}
	}
	return b
}

func TestBuildRealData(t *testing.T) {
	for _, level := range []string{"1000m", "100m"} {
		t.Run(level, func(t *testing.T) {
			a := buildLevel(t, level)
			require.Len(t, a.Departments, dept.Count)
			for i, d := range a.Departments {
				assert.Equal(t, dept.Codes()[i], d.Code, "order")
				assert.NotEmpty(t, d.Name, d.Code)
				assert.NotEmpty(t, d.RegionCode, d.Code)
				assert.NotEmpty(t, d.RegionName, d.Code)
				assert.Positive(t, d.Population, d.Code)
				assert.True(t, planar.MultiPolygonContains(d.Geometry, d.Label), "label of %s inside", d.Code)
				assert.Equal(t, d.Geometry.Bound(), d.Bound, d.Code)
				assert.True(t, d.Bound.Min[0] >= 0 && d.Bound.Min[1] >= 0 && d.Bound.Max[0] <= a.Width && d.Bound.Max[1] <= a.Height, "%s inside the drawing", d.Code)
				for _, n := range d.Neighbours {
					j := a.Index(n)
					require.GreaterOrEqual(t, j, 0)
					assert.Contains(t, a.Departments[j].Neighbours, d.Code, "neighbours of %s are symmetric", d.Code)
				}
				if !dept.IsOverseas(d.Code) {
					assert.NotEmpty(t, d.Neighbours, "%s has neighbours", d.Code)
				}
			}

			by := func(c string) geoasset.Department { return a.Departments[a.Index(c)] }
			assert.Equal(t, []string{"92", "93", "94"}, by("75").Neighbours)
			assert.Equal(t, []string{"2B"}, by("2A").Neighbours)
			assert.Equal(t, []string{"2A"}, by("2B").Neighbours)
			assert.Equal(t, "94", by("2A").RegionCode)
			assert.Equal(t, "Corse", by("2A").RegionName)
			assert.Equal(t, "Île-de-France", by("75").RegionName)

			// Overseas: inside their frame, outside the metropole, no neighbours.
			mb := metropoleBound(a)
			require.Len(t, a.Insets, 5)
			for i, in := range a.Insets {
				d := by(in.Code)
				assert.Equal(t, i, d.Inset, in.Code)
				assert.True(t, dept.IsOverseas(in.Code))
				assert.True(t, in.Frame.Contains(d.Bound.Min) && in.Frame.Contains(d.Bound.Max), "%s inside its frame", in.Code)
				assert.False(t, in.Frame.Intersects(mb), "frame of %s outside the metropole's box", in.Code)
				assert.False(t, d.Bound.Intersects(mb), "%s outside the metropole's box", in.Code)
				assert.Empty(t, d.Neighbours, in.Code)
				for _, o := range a.Insets[i+1:] {
					assert.False(t, in.Frame.Intersects(o.Frame), "frames %s and %s overlap", in.Code, o.Code)
				}
			}
			// Corsica is in place: south-east of the continental metropole.
			assert.Greater(t, by("2B").Bound.Min[0], by("13").Bound.Max[0])
			assert.Greater(t, by("2A").Label[1], by("13").Label[1])

			// Populations (INSEE populations légales 2023 in the package).
			assert.Equal(t, 2023, a.PopulationYear)
			assert.InDelta(t, 2.1e6, by("75").Population, 0.1e6, "Paris")
			assert.InDelta(t, 0.17e6, by("2A").Population, 0.03e6)
			total := 0
			for _, d := range a.Departments {
				total += d.Population
			}
			assert.InDelta(t, 68e6, total, 1e6, "France")
			assert.Contains(t, a.Attribution, "Licence Ouverte 2.0")
		})
	}
}

// The published asset must be small: ≤ 60 KB with brotli at the 1000 m
// level. Brotli is not in the standard library; gzip -9 is always larger
// than brotli -q 11, so the raw size bound below is a safe proxy checked in
// the test, and the brotli size is measured in the report.
func TestAssetSizeBudget(t *testing.T) {
	bin, err := geoasset.Encode(buildLevel(t, "1000m"))
	require.NoError(t, err)
	assert.Less(t, len(bin), 60_000, "raw asset under the brotli budget")
}

// Shared borders stay shared: every pair of neighbours still has common
// edges after simplification, no edge is used by more than two rings, and
// sample points well inside a department before simplification are still in
// that department (and only that one) afterwards: no gaps, no overlaps.
func TestSimplificationKeepsTopology(t *testing.T) {
	a := buildLevel(t, "1000m")
	type edge [2]orb.Point
	uses := map[edge][]string{}
	for _, d := range a.Departments {
		for _, p := range d.Geometry {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					e := edge{r[i], r[i+1]}
					if less(e[1], e[0]) {
						e = edge{e[1], e[0]}
					}
					uses[e] = append(uses[e], d.Code)
				}
			}
		}
	}
	shared := map[[2]string]int{}
	for e, us := range uses {
		require.LessOrEqual(t, len(us), 2, "edge %v used by %v", e, us)
		if len(us) == 2 {
			shared[[2]string{us[0], us[1]}]++
			shared[[2]string{us[1], us[0]}]++
		}
	}
	for _, d := range a.Departments {
		for _, n := range d.Neighbours {
			assert.Positive(t, shared[[2]string{d.Code, n}], "%s and %s share edges", d.Code, n)
		}
	}

	// Unsimplified reference, quantised on the same grid.
	raw, err := os.ReadFile(datadir.MustFind(t, "geo/departements-1000m.geojson"))
	require.NoError(t, err)
	feats, err := parseDepartments(raw)
	require.NoError(t, err)
	o := DefaultOptions()
	pl := layout(feats, o.layout())
	step := 12.0
	checked := 0
	for i, c := range dept.Codes() {
		ref := quantise(apply(feats[c].Geom, pl.transform[c]))
		b := ref.Bound()
		for x := b.Min[0]; x <= b.Max[0]; x += step {
			for y := b.Min[1]; y <= b.Max[1]; y += step {
				pt := orb.Point{x, y}
				if !planar.MultiPolygonContains(ref, pt) || distToOutline(ref, pt) < 3*o.Tolerance {
					continue
				}
				checked++
				var in []string
				for _, d := range a.Departments {
					if d.Bound.Contains(pt) && planar.MultiPolygonContains(d.Geometry, pt) {
						in = append(in, d.Code)
					}
				}
				if !assert.Equal(t, []string{a.Departments[i].Code}, in, "point %v", pt) {
					return
				}
			}
		}
	}
	assert.Greater(t, checked, 50_000)
}

func distToOutline(mp orb.MultiPolygon, pt orb.Point) float64 {
	best := -1.0
	for _, p := range mp {
		for _, r := range p {
			if d := planar.DistanceFrom(orb.LineString(r), pt); best < 0 || d < best {
				best = d
			}
		}
	}
	return best
}

func TestRegionFromCommunesWhenGeoJSONHasNone(t *testing.T) {
	raw, err := os.ReadFile(datadir.MustFind(t, "geo/departements-1000m.geojson"))
	require.NoError(t, err)
	withRegion, err := parseDepartments(raw)
	require.NoError(t, err)
	noRegion := stripRegion(t, raw)
	feats, err := parseDepartments(noRegion)
	require.NoError(t, err)
	for _, f := range feats {
		require.Empty(t, f.Region)
	}
	ad, err := loadAdmin(communesPath(t), 0)
	require.NoError(t, err)
	a, err := build(feats, ad, DefaultOptions())
	require.NoError(t, err)
	for _, d := range a.Departments {
		assert.Equal(t, withRegion[d.Code].Region, d.RegionCode, d.Code)
	}
	assert.Equal(t, buildLevel(t, "1000m").Departments, a.Departments, "same result without the region property")
}

func TestFromSourceGzip(t *testing.T) {
	raw, err := os.ReadFile(datadir.MustFind(t, "geo/departements-1000m.geojson"))
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "any-name")
	require.NoError(t, os.WriteFile(p, gzipBytes(t, raw), 0o644))
	a, err := FromSource(context.Background(), p, communesPath(t), DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, buildLevel(t, "1000m").Departments, a.Departments)
}

func TestDebugAndPreview(t *testing.T) {
	a := buildLevel(t, "1000m")
	js, err := DebugGeoJSON(a)
	require.NoError(t, err)
	fc := decodeFC(t, js)
	assert.Len(t, fc.Features, dept.Count+len(a.Insets))
	svg := string(PreviewSVG(a))
	for _, c := range dept.Codes() {
		assert.Contains(t, svg, `data-code="`+c+`"`)
	}
	assert.Equal(t, len(a.Insets), countSubstr(svg, `stroke-width="4"`), "one frame per inset")
}

func countSubstr(s, sub string) int {
	n := 0
	for i := 0; ; {
		j := slices.Index([]byte(s[i:]), sub[0])
		if j < 0 {
			return n
		}
		i += j
		if len(s)-i >= len(sub) && s[i:i+len(sub)] == sub {
			n++
		}
		i++
	}
}
