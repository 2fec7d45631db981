package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb/geojson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/dept"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/georegion"
)

// The command as `make geodata` runs it, for both mirror levels.
func TestRun(t *testing.T) {
	root, err := datadir.RepoRoot()
	require.NoError(t, err)
	communes := filepath.Join(root, "node_modules", "@etalab", "decoupage-administratif", "data", "communes.json")
	for _, level := range []string{"1000m", "100m"} {
		t.Run(level, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "web", "geo", "departements.bin")
			debug := filepath.Join(dir, "geodata", "departements-projected.geojson")
			svg := filepath.Join(dir, "preview.svg")
			regions := filepath.Join(dir, "web", "geo", "regions.bin")
			regionsSVG := filepath.Join(dir, "regions.svg")
			require.NoError(t, run([]string{"-in", datadir.MustFind(t, "geo/departements-"+level+".geojson"),
				"-communes", communes, "-out", out, "-debug", debug, "-svg", svg, "-regions", regions, "-regions-svg", regionsSVG}))
			bin, err := os.ReadFile(out)
			require.NoError(t, err)
			a, err := geoasset.Decode(bin)
			require.NoError(t, err)
			assert.Len(t, a.Departments, dept.Count)
			rbin, err := os.ReadFile(regions)
			require.NoError(t, err)
			rs, err := georegion.Decode(rbin, a, geoasset.ID(bin))
			require.NoError(t, err)
			assert.Len(t, rs, 18)
			rsvg, err := os.ReadFile(regionsSVG)
			require.NoError(t, err)
			assert.Equal(t, 18, strings.Count(string(rsvg), `data-level="region"`))
			js, err := os.ReadFile(debug)
			require.NoError(t, err)
			fc, err := geojson.UnmarshalFeatureCollection(js)
			require.NoError(t, err)
			assert.Len(t, fc.Features, dept.Count+len(a.Insets))
			assert.Equal(t, "75", fc.Features[dept.Index("75")].Properties.MustString("code"))
			_, err = os.Stat(svg)
			assert.NoError(t, err)
			_, err = os.Stat(out + ".tmp")
			assert.True(t, os.IsNotExist(err), "no temporary file left")
		})
	}
}

func TestRunErrors(t *testing.T) {
	assert.Error(t, run([]string{"-nope"}))
	assert.ErrorContains(t, run([]string{"-in", filepath.Join(t.TempDir(), "missing.geojson")}), "missing.geojson")
	assert.ErrorContains(t, run([]string{"-in", "x", "extra"}), "unexpected arguments")
}
