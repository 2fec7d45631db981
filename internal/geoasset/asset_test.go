package geoasset_test

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"testing"

	"github.com/paulmach/orb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/geoasset"
)

func square(x, y, s float64) orb.Ring {
	return orb.Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}
}

// sample is a small hand-made asset: a holed square with an island, its
// enclave, and one inset.
func sample() *geoasset.Asset {
	a := &geoasset.Asset{
		Version: geoasset.Version, Width: 1000, Height: 800, PopulationYear: 2023,
		Attribution: "Contours : test — Licence Ouverte 2.0",
		Insets:      []geoasset.Inset{{Code: "971", Name: "Guadeloupe", Frame: orb.Bound{Min: orb.Point{10, 10}, Max: orb.Point{210, 210}}}},
		Departments: []geoasset.Department{
			{
				Code: "01", Name: "Ain", RegionCode: "84", RegionName: "Auvergne-Rhône-Alpes", Population: 679344,
				Geometry: orb.MultiPolygon{
					{square(300, 300, 200), reverse(square(350, 350, 50))},
					{square(600, 300, 10)},
				},
				Label: orb.Point{320, 320}, Neighbours: []string{"2A"}, Inset: geoasset.Metropole,
			},
			{
				Code: "2A", Name: "Corse-du-Sud", RegionCode: "94", RegionName: "Corse", Population: 1,
				Geometry: orb.MultiPolygon{{square(350, 350, 50)}},
				Label:    orb.Point{375, 375}, Neighbours: []string{"01"}, Inset: geoasset.Metropole,
			},
			{
				Code: "971", Name: "Guadeloupe", RegionCode: "01", RegionName: "Guadeloupe", Population: 384160,
				// Negative and large deltas exercise multi-byte varints.
				Geometry: orb.MultiPolygon{{orb.Ring{{20, 20}, {200, 20}, {-5000, 90000}, {20, 20}}}},
				Label:    orb.Point{30, 25}, Inset: 0,
			},
		},
	}
	for i := range a.Departments {
		a.Departments[i].Bound = a.Departments[i].Geometry.Bound()
	}
	return a
}

func reverse(r orb.Ring) orb.Ring {
	out := make(orb.Ring, len(r))
	for i, p := range r {
		out[len(r)-1-i] = p
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	a := sample()
	bin, err := geoasset.Encode(a)
	require.NoError(t, err)
	assert.Equal(t, geoasset.Magic, string(bin[:4]))
	got, err := geoasset.Decode(bin)
	require.NoError(t, err)
	assert.Equal(t, a, got)
	assert.Equal(t, 1, got.Index("2A"))
	assert.Equal(t, -1, got.Index("20"))

	// Deterministic: encoding the decoded asset gives the same bytes.
	again, err := geoasset.Encode(got)
	require.NoError(t, err)
	assert.Equal(t, bin, again)
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*geoasset.Asset)
		want string
	}{
		{"fractional coordinate", func(a *geoasset.Asset) { a.Departments[0].Geometry[0][0][1][0] = 300.5 }, "integers"},
		{"unclosed ring", func(a *geoasset.Asset) { r := a.Departments[1].Geometry[0][0]; r[len(r)-1] = orb.Point{1, 1} }, "not closed"},
		{"short ring", func(a *geoasset.Asset) { a.Departments[1].Geometry[0][0] = orb.Ring{{1, 1}, {2, 2}, {1, 1}} }, "fewer than 4"},
		{"unknown neighbour", func(a *geoasset.Asset) { a.Departments[0].Neighbours = []string{"99"} }, `unknown neighbour "99"`},
		{"duplicate code", func(a *geoasset.Asset) { a.Departments[1].Code = "01" }, `duplicate department "01"`},
		{"inset out of range", func(a *geoasset.Asset) { a.Departments[2].Inset = 1 }, "inset 1 out of range"},
		{"negative population", func(a *geoasset.Asset) { a.Departments[2].Population = -1 }, "negative population"},
		{"fractional width", func(a *geoasset.Asset) { a.Width = 10.5 }, "width"},
		{"fractional label", func(a *geoasset.Asset) { a.Departments[0].Label[0] = 0.5 }, "label"},
		{"empty polygon", func(a *geoasset.Asset) { a.Departments[0].Geometry[1] = orb.Polygon{} }, "has no ring"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sample()
			tt.edit(a)
			_, err := geoasset.Encode(a)
			assert.ErrorContains(t, err, tt.want)
		})
	}
	_, err := geoasset.Encode(nil)
	assert.Error(t, err)
}

// resum rewrites the checksum after a deliberate edit.
func resum(b []byte) []byte {
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.ChecksumIEEE(b[:len(b)-4]))
	return b
}

func TestDecodeErrors(t *testing.T) {
	good, err := geoasset.Encode(sample())
	require.NoError(t, err)
	clone := func() []byte { return append([]byte(nil), good...) }
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, geoasset.ErrBadMagic},
		{"bad magic", append([]byte("PK\x03\x04"), good[4:]...), geoasset.ErrBadMagic},
		{"magic only", []byte("FNGA"), geoasset.ErrTruncated},
		{"newer version", func() []byte { b := clone(); b[4] = 2; return b }(), geoasset.ErrVersion + " 2 (want 1)"},
		{"truncated", good[:len(good)-10], geoasset.ErrTruncated},
		{"trailing bytes", append(clone(), 0), "unexpected trailing bytes"},
		{"corrupted", func() []byte { b := clone(); b[len(b)/2] ^= 0x40; return b }(), geoasset.ErrChecksum},
		{"neighbour index out of range", func() []byte {
			// Re-encode with a patched neighbour index: find the
			// neighbour count of "01" (1) followed by index 1, point it at 7.
			b := clone()
			i := indexAfter(b, "Auvergne-Rhône-Alpes")
			// population (3-byte uvarint), inset, label x, label y (2 bytes each), count, index
			j := i + 3 + 1 + 2 + 2
			require.Equal(t, byte(1), b[j], "neighbour count")
			b[j+1] = 7
			return resum(b)
		}(), geoasset.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := geoasset.Decode(tt.data)
			assert.Nil(t, a)
			var e *geoasset.Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Contains(t, e.What, tt.want)
			assert.Contains(t, err.Error(), "at byte")
		})
	}
}

func indexAfter(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return i + len(s)
		}
	}
	return -1
}

// Every prefix and every single-byte corruption is an error, never a panic
// nor a silently wrong asset.
func TestDecodeNeverPanics(t *testing.T) {
	good, err := geoasset.Encode(sample())
	require.NoError(t, err)
	for n := range len(good) {
		_, err := geoasset.Decode(good[:n])
		require.Error(t, err, "prefix %d", n)
	}
	for i := range good {
		b := append([]byte(nil), good...)
		b[i] ^= 0xff
		_, err := geoasset.Decode(b)
		require.Error(t, err, "byte %d flipped", i)
	}
}

func FuzzDecode(f *testing.F) {
	good, err := geoasset.Encode(sample())
	require.NoError(f, err)
	f.Add(good)
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 8 {
			return
		}
		a, err := geoasset.Decode(resum(append([]byte(nil), b...)))
		if err == nil {
			// Whatever decodes must re-encode.
			_, err = geoasset.Encode(a)
			require.NoError(t, err)
		}
	})
}
