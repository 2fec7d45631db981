package georegion

import (
	"encoding/binary"
	"francenum-map/internal/geoasset/wire"
	"math"
	"strconv"

	"francenum-map/internal/ascii"
	"francenum-map/internal/geoasset"

	"github.com/paulmach/orb"
)

// Decode reads a regions asset written by Encode for the department asset
// a, whose encoded bytes have the ID assetID (geoasset.ID of the
// department file). The regions' points are a's own (the same values,
// new slices). Decoding is strict, as Decode is: bad magic, an unknown
// version, truncation, a checksum mismatch, another department asset
// (ErrOtherAsset), out-of-range indices, runs that do not join or a ring
// that does not close are errors, each a *geoasset.Error.
func Decode(data []byte, a *geoasset.Asset, assetID string) ([]Region, error) {
	if len(data) < len(Magic) || string(data[:len(Magic)]) != Magic {
		return nil, &geoasset.Error{Offset: 0, What: geoasset.ErrBadMagic}
	}
	// The header checks repeat geoasset.Decode's (see the package
	// documentation).
	r := wire.Reader{Buf: data, Off: len(Magic)}
	v := r.Uvarint()
	if r.Err != nil {
		return nil, r.Err
	}
	if v != Version {
		return nil, &geoasset.Error{Offset: len(Magic), What: geoasset.ErrVersion + " " + strconv.FormatUint(v, 10) + " (want " + strconv.Itoa(Version) + ")"}
	}
	size := r.Uvarint()
	if r.Err != nil {
		return nil, r.Err
	}
	if size < uint64(r.Off+8) {
		return nil, &geoasset.Error{Offset: r.Off, What: geoasset.ErrRange + " (size)"}
	}
	if uint64(len(data)) < size {
		return nil, &geoasset.Error{Offset: len(data), What: geoasset.ErrTruncated + " (" + strconv.Itoa(len(data)) + " of " + strconv.FormatUint(size, 10) + " bytes)"}
	}
	if uint64(len(data)) > size {
		return nil, &geoasset.Error{Offset: int(size), What: "unexpected trailing bytes"}
	}
	r.Buf = data[:len(data)-4]
	if wire.Checksum(data[:len(data)-4]) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, &geoasset.Error{Offset: len(data) - 4, What: geoasset.ErrChecksum}
	}
	// The department asset's ID, as ID writes it.
	var id [8]byte
	const hex = "0123456789abcdef"
	for i := range 4 {
		c := r.Buf[r.Off+3-i]
		id[2*i], id[2*i+1] = hex[c>>4], hex[c&15]
	}
	if string(id[:]) != assetID {
		return nil, &geoasset.Error{Offset: r.Off, What: ErrOtherAsset + " (" + string(id[:]) + ", not " + ascii.Quote(assetID) + ")"}
	}
	r.Off += 4

	rings, owner := regionRings(a)
	n := r.Count(1 << 10)
	if r.Err != nil {
		return nil, r.Err
	}
	rs := make([]Region, n)
	neighbours := make([][]int, n)
	where := map[string]int{}
	for i := range rs {
		g := &rs[i]
		g.Code = r.Str()
		if r.Err != nil {
			return nil, r.Err
		}
		if _, dup := where[g.Code]; dup {
			r.Fail("duplicate region " + ascii.Quote(g.Code))
			return nil, r.Err
		}
		where[g.Code] = i
		members := regionMembers(a, g.Code)
		if len(members) == 0 {
			r.Fail("region " + ascii.Quote(g.Code) + " has no department")
			return nil, r.Err
		}
		mine := make(map[int]bool, len(members))
		g.Inset = a.Departments[members[0]].Inset
		g.Name = a.Departments[members[0]].RegionName
		for _, k := range members {
			mine[k] = true
			g.Departments = append(g.Departments, a.Departments[k].Code)
		}
		g.Label = orb.Point{float64(r.Varint()), float64(r.Varint())}
		nn := r.Count(n)
		if r.Err != nil {
			return nil, r.Err
		}
		neighbours[i] = make([]int, nn)
		for k := range neighbours[i] {
			neighbours[i][k] = r.Count(n - 1)
		}
		np := r.Count(1 << 16)
		if r.Err != nil {
			return nil, r.Err
		}
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		g.Geometry = make(orb.MultiPolygon, 0, np)
		for range np {
			nr := r.Count(1 << 16)
			if r.Err != nil {
				return nil, r.Err
			}
			if nr == 0 {
				r.Fail(geoasset.ErrRange + " (polygon with no ring)")
				return nil, r.Err
			}
			p := make(orb.Polygon, 0, nr)
			for range nr {
				nruns := r.Count(1 << 20)
				if r.Err == nil && nruns == 0 {
					r.Fail(geoasset.ErrRange + " (ring with no run)")
				}
				var ring orb.Ring
				for range nruns {
					k := r.Count(len(rings) - 1)
					if r.Err == nil && !mine[owner[k]] {
						r.Fail(geoasset.ErrRange + " (run on department " + a.Departments[owner[k]].Code + ", not of region " + g.Code + ")")
					}
					if r.Err != nil {
						return nil, r.Err
					}
					src := rings[k]
					l := len(src) - 1 // open length
					start := r.Count(l - 1)
					edges := r.Count(l)
					if r.Err == nil && edges == 0 {
						r.Fail(geoasset.ErrRange + " (run of no edge)")
					}
					if r.Err != nil {
						return nil, r.Err
					}
					if len(ring) == 0 {
						ring = append(ring, src[start])
					} else if ring[len(ring)-1] != src[start] {
						r.Fail("runs do not join in region " + g.Code)
						return nil, r.Err
					}
					for e := 1; e <= edges; e++ {
						ring = append(ring, src[(start+e)%l])
					}
				}
				if r.Err != nil {
					return nil, r.Err
				}
				if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
					r.Fail("ring of region " + g.Code + " does not close")
					return nil, r.Err
				}
				for _, pt := range ring {
					minX, maxX = math.Min(minX, pt[0]), math.Max(maxX, pt[0])
					minY, maxY = math.Min(minY, pt[1]), math.Max(maxY, pt[1])
				}
				p = append(p, ring)
			}
			g.Geometry = append(g.Geometry, p)
		}
		if len(g.Geometry) > 0 {
			g.Bound = orb.Bound{Min: orb.Point{minX, minY}, Max: orb.Point{maxX, maxY}}
		}
	}
	if r.Err != nil {
		return nil, r.Err
	}
	if r.Off != len(r.Buf) {
		return nil, &geoasset.Error{Offset: r.Off, What: "unexpected trailing bytes"}
	}
	for _, d := range a.Departments {
		if _, ok := where[d.RegionCode]; !ok {
			return nil, &geoasset.Error{Offset: r.Off, What: "department " + d.Code + ": region " + ascii.Quote(d.RegionCode) + " missing"}
		}
	}
	for i, ns := range neighbours {
		if len(ns) == 0 {
			continue
		}
		codes := make([]string, len(ns))
		for k, j := range ns {
			codes[k] = rs[j].Code
		}
		rs[i].Neighbours = codes
	}
	return rs, nil
}
