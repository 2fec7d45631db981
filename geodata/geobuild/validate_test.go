package geobuild

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/dept"
)

func TestValidationErrorsListCodes(t *testing.T) {
	raw, err := os.ReadFile(datadir.MustFind(t, "geo/departements-1000m.geojson"))
	require.NoError(t, err)
	drop := func(codes ...string) func([]map[string]any) []map[string]any {
		return func(fs []map[string]any) []map[string]any {
			var out []map[string]any
			for _, f := range fs {
				c := f["properties"].(map[string]any)["code"].(string)
				if !strings.Contains(" "+strings.Join(codes, " ")+" ", " "+c+" ") {
					out = append(out, f)
				}
			}
			return out
		}
	}
	extra := func(code string) func([]map[string]any) []map[string]any {
		return func(fs []map[string]any) []map[string]any {
			f := map[string]any{"type": "Feature", "properties": map[string]any{"code": code, "nom": "X"}, "geometry": fs[0]["geometry"]}
			return append(fs, f)
		}
	}
	dup := func(fs []map[string]any) []map[string]any {
		for _, f := range fs {
			if f["properties"].(map[string]any)["code"] == "04" {
				return append(fs, f)
			}
		}
		return fs
	}
	unclosed := func(fs []map[string]any) []map[string]any {
		for _, f := range fs {
			if f["properties"].(map[string]any)["code"] == "33" {
				g := f["geometry"].(map[string]any)
				cs := g["coordinates"].([]any)
				if g["type"] == "MultiPolygon" {
					cs = cs[0].([]any)
				}
				ring := cs[0].([]any)
				cs[0] = ring[:len(ring)-1]
			}
		}
		return fs
	}
	tests := []struct {
		name string
		edit func([]map[string]any) []map[string]any
		want []string
	}{
		{"one missing", drop("33"), []string{"1 missing department(s): 33"}},
		{"several missing", drop("2A", "976", "01"), []string{"3 missing department(s): 01, 2A, 976"}},
		{"extra feature", extra("99"), []string{"1 unexpected code(s): 99"}},
		{"old Corsica code", extra("20"), []string{"unexpected code(s): 20"}},
		{"missing and extra", func(fs []map[string]any) []map[string]any { return extra("977")(drop("974")(fs)) },
			[]string{"missing department(s): 974", "unexpected code(s): 977"}},
		{"duplicate", dup, []string{"duplicated code(s): 04"}},
		{"unclosed ring", unclosed, []string{"(code 33): polygon 0 ring 0: not closed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseDepartments(editFeatures(t, raw, tt.edit))
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestValidationFixture(t *testing.T) {
	root, err := datadir.RepoRoot()
	require.NoError(t, err)
	p := filepath.Join(root, "testdata", "geo", "two-departments.geojson")
	_, err = FromSource(context.Background(), p, communesPath(t), DefaultOptions())
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, p)
	// 01 and 2A are there (2a normalised), 20 is not a department, the
	// other 99 are missing; the triangle of 20 and the 3-point ring of 2A
	// are reported with their feature number.
	assert.Contains(t, msg, "99 missing department(s): 02, 03,")
	assert.NotContains(t, msg, " 01,")
	assert.Contains(t, msg, "1 unexpected code(s): 20")
	assert.Contains(t, msg, "feature 2 (code 2A): polygon 1 ring 0: 3 points, want at least 4")
}

func TestParseAcceptsCodeAndNomOnly(t *testing.T) {
	raw, err := os.ReadFile(datadir.MustFind(t, "geo/departements-1000m.geojson"))
	require.NoError(t, err)
	// Another publisher: codes as numbers where possible, no region.
	other := editFeatures(t, stripRegion(t, raw), func(fs []map[string]any) []map[string]any {
		for _, f := range fs {
			p := f["properties"].(map[string]any)
			if p["code"] == "05" {
				p["code"] = 5.0
			}
		}
		return fs
	})
	feats, err := parseDepartments(other)
	require.NoError(t, err)
	assert.Len(t, feats, dept.Count)
	assert.Equal(t, "Hautes-Alpes", feats["05"].Name)
}

func TestReadSourceErrors(t *testing.T) {
	_, err := readSource(context.Background(), filepath.Join(t.TempDir(), "nope.geojson"))
	assert.Error(t, err)
	p := filepath.Join(t.TempDir(), "bad.gz")
	require.NoError(t, os.WriteFile(p, []byte{0x1f, 0x8b, 1, 2, 3}, 0o644))
	_, err = readSource(context.Background(), p)
	assert.ErrorContains(t, err, p)
	_, err = parseDepartments([]byte(`{"type":"Feature"`))
	assert.ErrorContains(t, err, "not a GeoJSON FeatureCollection")
}
