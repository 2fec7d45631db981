package geoasset

import (
	"errors"
	"francenum-map/internal/ascii"
	"francenum-map/internal/geoasset/wire"
	"strconv"

	"github.com/paulmach/orb"
)

// Encode writes the asset in the current format Version. Coordinates must be
// integers (geodata quantises them); rings must be closed with at least four
// points; neighbours must name departments of the asset. Department.Bound and
// Asset.Version are not stored (Bound is recomputed by Decode).
func Encode(a *Asset) ([]byte, error) {
	if a == nil {
		return nil, errors.New("geoasset: nil asset")
	}
	if !isUint(a.Width) || !isUint(a.Height) {
		return nil, errors.New("geoasset: width and height must be non-negative integers")
	}
	index := make(map[string]int, len(a.Departments))
	var nPts, nRings, nPolys int
	for i, d := range a.Departments {
		if _, dup := index[d.Code]; dup {
			return nil, errors.New("geoasset: duplicate department " + ascii.Quote(d.Code))
		}
		index[d.Code] = i
		if d.Inset < Metropole || d.Inset >= len(a.Insets) {
			return nil, errors.New("geoasset: department " + d.Code + ": inset " + strconv.Itoa(d.Inset) + " out of range")
		}
		if d.Population < 0 {
			return nil, errors.New("geoasset: department " + d.Code + ": negative population")
		}
		nPolys += len(d.Geometry)
		for pi, p := range d.Geometry {
			if len(p) == 0 {
				return nil, errors.New("geoasset: department " + d.Code + ": polygon " + strconv.Itoa(pi) + " has no ring")
			}
			nRings += len(p)
			for ri, r := range p {
				if len(r) < 4 || r[0] != r[len(r)-1] {
					return nil, errors.New("geoasset: department " + d.Code + ": polygon " + strconv.Itoa(pi) +
						" ring " + strconv.Itoa(ri) + " is not closed or has fewer than 4 points")
				}
				nPts += len(r) - 1
				for _, pt := range r {
					if !wire.IsInt(pt[0]) || !wire.IsInt(pt[1]) {
						return nil, errors.New("geoasset: department " + d.Code + ": coordinates must be integers (quantise first)")
					}
				}
			}
		}
		if !wire.IsInt(d.Label[0]) || !wire.IsInt(d.Label[1]) {
			return nil, errors.New("geoasset: department " + d.Code + ": label must have integer coordinates")
		}
	}
	for _, d := range a.Departments {
		for _, n := range d.Neighbours {
			if _, ok := index[n]; !ok {
				return nil, errors.New("geoasset: department " + d.Code + ": unknown neighbour " + ascii.Quote(n))
			}
		}
	}
	for _, in := range a.Insets {
		if !wire.IsInt(in.Frame.Min[0]) || !wire.IsInt(in.Frame.Min[1]) || !wire.IsInt(in.Frame.Max[0]) || !wire.IsInt(in.Frame.Max[1]) {
			return nil, errors.New("geoasset: inset " + in.Code + ": frame must have integer coordinates")
		}
	}

	w := wire.Writer{Buf: make([]byte, 0, 64+nPts*3)}
	w.Buf = append(w.Buf, Magic...)
	w.Uvarint(Version)
	// The total size is only known at the end: reserve a fixed 5-byte
	// uvarint and patch it.
	sizeAt := len(w.Buf)
	w.Buf = append(w.Buf, 0x80, 0x80, 0x80, 0x80, 0)
	w.Uvarint(uint64(a.Width))
	w.Uvarint(uint64(a.Height))
	w.Uvarint(uint64(max(a.PopulationYear, 0)))
	w.Str(a.Attribution)
	w.Uvarint(uint64(nPts))
	w.Uvarint(uint64(nRings))
	w.Uvarint(uint64(nPolys))
	w.Uvarint(uint64(len(a.Insets)))
	for _, in := range a.Insets {
		w.Str(in.Code)
		w.Str(in.Name)
		w.Varint(int64(in.Frame.Min[0]))
		w.Varint(int64(in.Frame.Min[1]))
		w.Varint(int64(in.Frame.Max[0]))
		w.Varint(int64(in.Frame.Max[1]))
	}
	w.Uvarint(uint64(len(a.Departments)))
	for _, d := range a.Departments {
		w.Str(d.Code)
		w.Str(d.Name)
		w.Str(d.RegionCode)
		w.Str(d.RegionName)
		w.Uvarint(uint64(d.Population))
		w.Uvarint(uint64(d.Inset + 1))
		w.Varint(int64(d.Label[0]))
		w.Varint(int64(d.Label[1]))
		w.Uvarint(uint64(len(d.Neighbours)))
		for _, n := range d.Neighbours {
			w.Uvarint(uint64(index[n]))
		}
		w.Uvarint(uint64(len(d.Geometry)))
		var prev [2]int64
		for _, p := range d.Geometry {
			w.Uvarint(uint64(len(p)))
			for _, r := range p {
				w.Uvarint(uint64(len(r) - 1))
				for _, pt := range r[:len(r)-1] {
					x, y := int64(pt[0]), int64(pt[1])
					w.Varint(x - prev[0])
					w.Varint(y - prev[1])
					prev = [2]int64{x, y}
				}
			}
		}
	}
	if !w.Seal(sizeAt) {
		return nil, errors.New("geoasset: asset too large")
	}
	return w.Buf, nil
}

func isUint(f float64) bool { return wire.IsInt(f) && f >= 0 }

// compile-time check that orb.Ring is a slice of orb.Point (Decode relies on it).
var _ orb.Ring = []orb.Point(nil)
