package geoasset

import (
	"encoding/binary"
	"errors"
	"francenum-map/internal/ascii"
	"math"
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
					if !isInt(pt[0]) || !isInt(pt[1]) {
						return nil, errors.New("geoasset: department " + d.Code + ": coordinates must be integers (quantise first)")
					}
				}
			}
		}
		if !isInt(d.Label[0]) || !isInt(d.Label[1]) {
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
		if !isInt(in.Frame.Min[0]) || !isInt(in.Frame.Min[1]) || !isInt(in.Frame.Max[0]) || !isInt(in.Frame.Max[1]) {
			return nil, errors.New("geoasset: inset " + in.Code + ": frame must have integer coordinates")
		}
	}

	w := writer{buf: make([]byte, 0, 64+nPts*3)}
	w.buf = append(w.buf, Magic...)
	w.uvarint(Version)
	// The total size is only known at the end: reserve a fixed 5-byte
	// uvarint and patch it.
	sizeAt := len(w.buf)
	w.buf = append(w.buf, 0x80, 0x80, 0x80, 0x80, 0)
	w.uvarint(uint64(a.Width))
	w.uvarint(uint64(a.Height))
	w.uvarint(uint64(max(a.PopulationYear, 0)))
	w.str(a.Attribution)
	w.uvarint(uint64(nPts))
	w.uvarint(uint64(nRings))
	w.uvarint(uint64(nPolys))
	w.uvarint(uint64(len(a.Insets)))
	for _, in := range a.Insets {
		w.str(in.Code)
		w.str(in.Name)
		w.varint(int64(in.Frame.Min[0]))
		w.varint(int64(in.Frame.Min[1]))
		w.varint(int64(in.Frame.Max[0]))
		w.varint(int64(in.Frame.Max[1]))
	}
	w.uvarint(uint64(len(a.Departments)))
	for _, d := range a.Departments {
		w.str(d.Code)
		w.str(d.Name)
		w.str(d.RegionCode)
		w.str(d.RegionName)
		w.uvarint(uint64(d.Population))
		w.uvarint(uint64(d.Inset + 1))
		w.varint(int64(d.Label[0]))
		w.varint(int64(d.Label[1]))
		w.uvarint(uint64(len(d.Neighbours)))
		for _, n := range d.Neighbours {
			w.uvarint(uint64(index[n]))
		}
		w.uvarint(uint64(len(d.Geometry)))
		var prev [2]int64
		for _, p := range d.Geometry {
			w.uvarint(uint64(len(p)))
			for _, r := range p {
				w.uvarint(uint64(len(r) - 1))
				for _, pt := range r[:len(r)-1] {
					x, y := int64(pt[0]), int64(pt[1])
					w.varint(x - prev[0])
					w.varint(y - prev[1])
					prev = [2]int64{x, y}
				}
			}
		}
	}
	total := uint64(len(w.buf) + 4)
	if total >= 1<<35 {
		return nil, errors.New("geoasset: asset too large")
	}
	for i := range 5 {
		b := byte(total >> (7 * i) & 0x7f)
		if i < 4 {
			b |= 0x80
		}
		w.buf[sizeAt+i] = b
	}
	w.buf = binary.LittleEndian.AppendUint32(w.buf, checksum(w.buf))
	return w.buf, nil
}

type writer struct{ buf []byte }

func (w *writer) uvarint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) varint(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }
func (w *writer) str(s string) {
	w.uvarint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func isInt(f float64) bool  { return f == math.Trunc(f) && math.Abs(f) < 1<<52 }
func isUint(f float64) bool { return isInt(f) && f >= 0 }

// compile-time check that orb.Ring is a slice of orb.Point (Decode relies on it).
var _ orb.Ring = []orb.Point(nil)
