package place

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
	"francenum-map/internal/dept"
)

// realEntries reads the 101 departments and their regions from the
// boundaries the geometry asset is built from (the asset carries the same
// names and region fields).
func realEntries(t *testing.T) []Entry {
	type fc struct {
		Features []struct {
			Properties map[string]string `json:"properties"`
		} `json:"features"`
	}
	read := func(name string) fc {
		data, err := os.ReadFile(datadir.MustFind(t, "geo/"+name))
		require.NoError(t, err)
		var c fc
		require.NoError(t, json.Unmarshal(data, &c))
		return c
	}
	regions := map[string]string{}
	for _, f := range read("regions-1000m.geojson").Features {
		regions[f.Properties["code"]] = f.Properties["nom"]
	}
	require.Len(t, regions, 18)
	var out []Entry
	for _, f := range read("departements-1000m.geojson").Features {
		p := f.Properties
		out = append(out, Entry{Code: p["code"], Name: p["nom"], RegionCode: p["region"], RegionName: regions[p["region"]]})
	}
	require.Len(t, out, dept.Count)
	return out
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Île-de-France":              "ile de france",
		"  ILE  de   FRANCE ":        "ile de france",
		"Côtes-d'Armor":              "cotes d armor",
		"Côtes-d’Armor":              "cotes d armor",
		"Provence-Alpes-Côte d'Azur": "provence alpes cote d azur",
		"Œuvre Ÿ":                    "oeuvre y",
		"1\u202f200":                 "1 200",
		"Ñ":                          "Ñ", // other letters kept as they are
	} {
		assert.Equal(t, want, Fold(in), in)
	}
}

func TestSearchReal(t *testing.T) {
	x := New(realEntries(t))
	codes := func(q string) []string { return x.Codes(q) }
	first := func(q string) Result {
		r := x.Search(q)
		require.NotEmpty(t, r, q)
		return r[0]
	}
	// The queries.
	b := first("Bretagne")
	assert.Equal(t, Result{Region: true, Code: "53", Name: "Bretagne", Codes: []string{"22", "29", "35", "56"}}, b)
	assert.Equal(t, []string{"75", "77", "78", "91", "92", "93", "94", "95"}, first("ile de france").Codes)
	assert.Equal(t, "Île-de-France", first("ILE-DE-FRANCE").Name)
	assert.Equal(t, []string{"2A", "2B"}, codes("20"))
	assert.Equal(t, []string{"93"}, codes("93"))
	assert.Equal(t, []string{"75"}, codes("75"))
	// A fresh query is read whole: « 9375 » (the old appended text) is
	// nothing, « 75 » after « 93 » is Paris.
	assert.Empty(t, x.Search("9375"))

	assert.Equal(t, []string{"2A"}, codes("2a"))
	assert.Equal(t, []string{"01"}, codes("1"))
	assert.Equal(t, []string{"971"}, codes("971"))
	assert.Equal(t, []string{"93"}, codes("Seine-Saint-Denis (93)"))
	assert.Equal(t, "Côtes-d'Armor", first("cotes d armor").Name)
	assert.Equal(t, "Ariège", first("ariege").Name)
	// Corse: the region (2A, 2B) first, then its two departments' names.
	r := x.Search("corse")
	require.Len(t, r, 3)
	assert.True(t, r[0].Region)
	assert.Equal(t, []string{"2A", "2B"}, r[0].Codes)
	assert.Equal(t, []string{"2A", "2B"}, []string{r[1].Code, r[2].Code})
	// An overseas region is its department: given once, as the department.
	assert.Equal(t, []Result{{Code: "971", Name: "Guadeloupe", Codes: []string{"971"}}}, x.Search("guadeloupe"))
	// Names starting with the query before names containing it.
	assert.Equal(t, []string{"73", "74"}, codes("savoie"))
	s := x.Search("seine")
	assert.Equal(t, "Seine-Maritime", s[0].Name)
	assert.LessOrEqual(t, len(x.Search("e")), MaxResults)
	assert.Empty(t, x.Search("   "))
	assert.Empty(t, x.Search("zzz"))
}

// TestRegionsMatchBoundaries cross-checks the index's regions against the
// boundaries' region property: 18 regions, every department in exactly
// one, Bretagne's four, Île-de-France's eight, the five overseas alone.
func TestRegionsMatchBoundaries(t *testing.T) {
	entries := realEntries(t)
	x := New(entries)
	regions := x.Regions()
	require.Len(t, regions, 18)
	in := map[string]string{}
	for _, r := range regions {
		for _, c := range r.Codes {
			assert.Empty(t, in[c], "%s in two regions", c)
			in[c] = r.Code
		}
	}
	assert.Len(t, in, dept.Count)
	for _, e := range entries {
		assert.Equal(t, e.RegionCode, in[e.Code], e.Code)
	}
	sizes := map[string]int{}
	for _, r := range regions {
		sizes[r.Name] = len(r.Codes)
	}
	assert.Equal(t, 4, sizes["Bretagne"])
	assert.Equal(t, 8, sizes["Île-de-France"])
	assert.Equal(t, 2, sizes["Corse"])
	assert.Equal(t, 13, sizes["Occitanie"])
	for _, n := range []string{"Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"} {
		assert.Equal(t, 1, sizes[n], n)
	}
}
