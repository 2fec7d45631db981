package georegion_test

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"testing"

	"github.com/paulmach/orb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/geoasset"
	"francenum-map/internal/georegion"
)

// regionSample: two departments side by side forming region 84, one
// forming region 94 and an overseas one forming region 01.
//
//	(10,20)   (20,20)   (30,20)
//	   +---------+---------+
//	   |   01    |   03    |     region 84 = 01 + 03
//	   +---------+---------+
//	(10,10)   (20,10)   (30,10)
func regionSample() (*geoasset.Asset, []georegion.Region) {
	a := &geoasset.Asset{
		Version: geoasset.Version, Width: 100, Height: 100, PopulationYear: 2023, Attribution: "test",
		Insets: []geoasset.Inset{{Code: "971", Name: "Guadeloupe", Frame: orb.Bound{Min: orb.Point{60, 60}, Max: orb.Point{90, 90}}}},
		Departments: []geoasset.Department{
			{Code: "01", Name: "Ain", RegionCode: "84", RegionName: "Auvergne-Rhône-Alpes", Population: 1,
				Geometry: orb.MultiPolygon{{{{10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}}}},
				Label:    orb.Point{15, 15}, Neighbours: []string{"03"}, Inset: geoasset.Metropole},
			{Code: "03", Name: "Allier", RegionCode: "84", RegionName: "Auvergne-Rhône-Alpes", Population: 1,
				Geometry: orb.MultiPolygon{{{{20, 10}, {30, 10}, {30, 20}, {20, 20}, {20, 10}}}},
				Label:    orb.Point{25, 15}, Neighbours: []string{"01", "2A"}, Inset: geoasset.Metropole},
			{Code: "2A", Name: "Corse-du-Sud", RegionCode: "94", RegionName: "Corse", Population: 1,
				Geometry: orb.MultiPolygon{{{{30, 10}, {40, 10}, {40, 14}, {30, 14}, {30, 10}}}},
				Label:    orb.Point{35, 12}, Neighbours: []string{"03"}, Inset: geoasset.Metropole},
			{Code: "971", Name: "Guadeloupe", RegionCode: "01", RegionName: "Guadeloupe", Population: 1,
				Geometry: orb.MultiPolygon{{{{70, 70}, {80, 70}, {75, 80}, {70, 70}}}},
				Label:    orb.Point{75, 73}, Inset: 0},
		},
	}
	for i := range a.Departments {
		a.Departments[i].Bound = a.Departments[i].Geometry.Bound()
	}
	rs := []georegion.Region{
		{Code: "01", Name: "Guadeloupe", Departments: []string{"971"}, Label: orb.Point{75, 73}, Inset: 0,
			Geometry: orb.MultiPolygon{{{{70, 70}, {80, 70}, {75, 80}, {70, 70}}}}},
		// Starts in the middle of 03's bottom edge run: three runs, 01 0→1,
		// 03 0→3, 01 2→4 (wrapping to its vertex 0).
		{Code: "84", Name: "Auvergne-Rhône-Alpes", Departments: []string{"01", "03"}, Label: orb.Point{15, 15},
			Neighbours: []string{"94"}, Inset: geoasset.Metropole,
			Geometry: orb.MultiPolygon{{{{10, 10}, {20, 10}, {30, 10}, {30, 20}, {20, 20}, {10, 20}, {10, 10}}}}},
		{Code: "94", Name: "Corse", Departments: []string{"2A"}, Label: orb.Point{35, 12}, Neighbours: []string{"84"}, Inset: geoasset.Metropole,
			// Starts at 2A's vertex 2: one run wrapping round.
			Geometry: orb.MultiPolygon{{{{40, 14}, {30, 14}, {30, 10}, {40, 10}, {40, 14}}}}},
	}
	for i := range rs {
		rs[i].Bound = rs[i].Geometry.Bound()
	}
	return a, rs
}

func encodeBoth(t *testing.T, a *geoasset.Asset, rs []georegion.Region) (deps, regs []byte) {
	t.Helper()
	deps, err := geoasset.Encode(a)
	require.NoError(t, err)
	regs, err = georegion.Encode(a, rs)
	require.NoError(t, err)
	return deps, regs
}

func TestRegionsRoundTrip(t *testing.T) {
	a, rs := regionSample()
	deps, bin := encodeBoth(t, a, rs)
	assert.Equal(t, georegion.Magic, string(bin[:4]))
	got, err := georegion.Decode(bin, a, geoasset.ID(deps))
	require.NoError(t, err)
	assert.Equal(t, rs, got)
	again, err := georegion.Encode(a, got)
	require.NoError(t, err)
	assert.Equal(t, bin, again, "deterministic")

	// Runs, not coordinates: region 84's ring is three runs of three
	// numbers (ring, vertex, edges), each one byte here.
	i := indexAfter(bin, "\x0284") // code "84"
	require.Positive(t, i)
	// label (2 bytes), 1 neighbour (index 2), 1 polygon, 1 ring, 3 runs
	assert.Equal(t, []byte{30, 30, 1, 2, 1, 1, 3, 0, 0, 1, 1, 0, 3, 0, 2, 2}, bin[i:i+16])
}

func TestEncodeRegionsErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*geoasset.Asset, []georegion.Region) []georegion.Region
		want string
	}{
		{"edge not a department edge", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			rs[1].Geometry[0][0][2] = orb.Point{31, 10}
			return rs
		}, `region 84: polygon 0 ring 0 edge 1 (20,10)→(31,10) is not an edge of its departments`},
		{"ring the other way round", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			r := rs[0].Geometry[0][0]
			rs[0].Geometry[0][0] = orb.Ring{r[0], r[2], r[1], r[3]}
			return rs
		}, "region 01: polygon 0 ring 0 edge 0 (70,70)→(75,80) is not an edge"},
		{"edge of a department of another region", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			rs[2].Geometry = append(rs[2].Geometry, orb.Polygon{{{10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}}})
			return rs
		}, "region 94: polygon 1 ring 0 edge 0"},
		{"name", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region { rs[2].Name = "Corsica"; return rs }, `region 94: name "Corsica", department 2A says "Corse"`},
		{"departments", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			rs[1].Departments = []string{"01"}
			return rs
		}, `region 84: departments "01", the asset says "01,03"`},
		{"inset", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			rs[0].Inset = geoasset.Metropole
			return rs
		}, "region 01: inset -1, department 971 is in 0"},
		{"unknown neighbour", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			rs[1].Neighbours = []string{"99"}
			return rs
		}, `region 84: unknown neighbour "99"`},
		{"duplicate", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region { return append(rs, rs[1]) }, `duplicate region "84"`},
		{"no code", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region { rs[1].Code = ""; return rs }, "region 1 has no code"},
		{"department's region missing", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region { return rs[:2] }, `department 2A: region "94" not among the regions`},
		{"fractional label", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region { rs[2].Label[1] = 12.5; return rs }, "region 94: label"},
		{"unclosed ring", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			r := rs[0].Geometry[0][0]
			r[len(r)-1] = orb.Point{71, 70}
			return rs
		}, "region 01: polygon 0 ring 0 is not closed"},
		{"empty polygon", func(_ *geoasset.Asset, rs []georegion.Region) []georegion.Region {
			rs[0].Geometry = append(rs[0].Geometry, orb.Polygon{})
			return rs
		}, "region 01: polygon 1 has no ring"},
		{"bad department asset", func(a *geoasset.Asset, rs []georegion.Region) []georegion.Region { a.Width = 0.5; return rs }, "width"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, rs := regionSample()
			rs = tt.edit(a, rs)
			_, err := georegion.Encode(a, rs)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

// craft writes a regions file by hand: header for the department asset
// deps, then body as given, then the checksum.
func craft(deps []byte, body ...uint64) []byte {
	b := []byte(georegion.Magic)
	b = binary.AppendUvarint(b, 1)
	sizeAt := len(b)
	b = append(b, 0x80, 0x80, 0x80, 0x80, 0)
	b = append(b, deps[len(deps)-4:]...)
	for _, v := range body {
		b = binary.AppendUvarint(b, v)
	}
	total := uint64(len(b) + 4)
	for i := range 5 {
		c := byte(total >> (7 * i) & 0x7f)
		if i < 4 {
			c |= 0x80
		}
		b[sizeAt+i] = c
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

func TestDecodeRegionsErrors(t *testing.T) {
	a, rs := regionSample()
	deps, good := encodeBoth(t, a, rs)
	id := geoasset.ID(deps)
	clone := func() []byte { return append([]byte(nil), good...) }
	// One region "94" (code bytes 2, '9', '4'), label (0,0), no neighbour,
	// one polygon of one ring made of the given runs (ring, vertex, edges).
	// 2A's ring is ring 2 of the asset, 4 points; 01's is ring 0.
	only94 := func(runs ...uint64) []byte {
		body := []uint64{1, 2, '9', '4', 0, 0, 0, 1, 1, uint64(len(runs) / 3)}
		return craft(deps, append(body, runs...)...)
	}
	other := *a
	other.Departments = append([]geoasset.Department(nil), a.Departments...)
	other.Departments[3].RegionCode = "02"
	tests := []struct {
		name string
		data []byte
		a    *geoasset.Asset
		want string
	}{
		{"empty", nil, a, geoasset.ErrBadMagic},
		{"departments asset instead", deps, a, geoasset.ErrBadMagic},
		{"newer version", func() []byte { b := clone(); b[4] = 2; return b }(), a, geoasset.ErrVersion + " 2 (want 1)"},
		{"truncated", good[:len(good)-3], a, geoasset.ErrTruncated},
		{"trailing bytes", append(clone(), 0), a, "unexpected trailing bytes"},
		{"corrupted", func() []byte { b := clone(); b[len(b)/2] ^= 0x10; return b }(), a, geoasset.ErrChecksum},
		{"another department asset", craft([]byte{1, 2, 3, 4}, 0), a, georegion.ErrOtherAsset + " (04030201, not \"" + id + "\")"},
		{"a region whose department moved", good, &other, `region "01" has no department`},
		{"whole ring", only94(2, 0, 4), a, `department 01: region "84" missing`},
		{"run on another region's department", only94(0, 0, 4), a, "run on department 01, not of region 94"},
		{"ring index out of range", only94(9, 0, 1), a, geoasset.ErrRange},
		{"vertex out of range", only94(2, 4, 1), a, geoasset.ErrRange},
		{"more edges than the ring", only94(2, 0, 5), a, geoasset.ErrRange},
		{"run of no edge", only94(2, 0, 0), a, "run of no edge"},
		{"runs do not join", only94(2, 0, 1, 2, 2, 3), a, "runs do not join in region 94"},
		{"ring does not close", only94(2, 0, 3), a, "ring of region 94 does not close"},
		{"region without department", craft(deps, 1, 2, '9', '9', 0, 0, 0, 0), a, `region "99" has no department`},
		{"duplicate region", craft(deps, 2, 2, '9', '4', 0, 0, 0, 0, 2, '9', '4', 0, 0, 0, 0), a, `duplicate region "94"`},
		{"neighbour index out of range", craft(deps, 1, 2, '9', '4', 0, 0, 1, 1, 0), a, geoasset.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := georegion.Decode(tt.data, tt.a, id)
			assert.Nil(t, got)
			var e *geoasset.Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Contains(t, e.What, tt.want)
		})
	}
}

// Every prefix and every single-byte corruption is an error, never a
// panic nor silently wrong regions.
func TestDecodeRegionsNeverPanics(t *testing.T) {
	a, rs := regionSample()
	deps, good := encodeBoth(t, a, rs)
	id := geoasset.ID(deps)
	for n := range len(good) {
		_, err := georegion.Decode(good[:n], a, id)
		require.Error(t, err, "prefix %d", n)
	}
	for i := range good {
		b := append([]byte(nil), good...)
		b[i] ^= 0xff
		_, err := georegion.Decode(b, a, id)
		require.Error(t, err, "byte %d flipped", i)
	}
}

func FuzzDecodeRegions(f *testing.F) {
	a, rs := regionSample()
	deps, err := geoasset.Encode(a)
	require.NoError(f, err)
	good, err := georegion.Encode(a, rs)
	require.NoError(f, err)
	id := geoasset.ID(deps)
	f.Add(good)
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 8 {
			return
		}
		got, err := georegion.Decode(resum(append([]byte(nil), b...)), a, id)
		if err == nil {
			// Whatever decodes follows the departments' edges: it encodes again.
			_, err = georegion.Encode(a, got)
			require.NoError(t, err)
		}
	})
}

func indexAfter(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return i + len(s)
		}
	}
	return -1
}

// resum rewrites the checksum after a deliberate edit.
func resum(b []byte) []byte {
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.ChecksumIEEE(b[:len(b)-4]))
	return b
}
