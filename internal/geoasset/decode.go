package geoasset

import (
	"encoding/binary"
	"francenum-map/internal/ascii"
	"francenum-map/internal/geoasset/wire"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// Error is a decoding error: what went wrong and at which byte offset
// (package wire's, which the regions' format shares).
type Error = wire.Error

// Sentinel descriptions, so callers and tests can tell the cases apart with
// errors.As and Error.What.
const (
	ErrBadMagic  = "bad magic (not a francenum geometry asset)"
	ErrVersion   = "unsupported version"
	ErrTruncated = wire.ErrTruncated
	ErrChecksum  = "checksum mismatch (corrupted input)"
	ErrRange     = wire.ErrRange
)

// Decode reads an asset written by Encode. It allocates all points in one
// backing array and shares it between rings, so the result must be treated
// as read-only geometry.
func Decode(data []byte) (*Asset, error) {
	if len(data) < len(Magic) || string(data[:len(Magic)]) != Magic {
		return nil, &Error{Offset: 0, What: ErrBadMagic}
	}
	r := wire.Reader{Buf: data, Off: len(Magic)}
	v := r.Uvarint()
	if r.Err != nil {
		return nil, r.Err
	}
	if v != Version {
		return nil, &Error{Offset: len(Magic), What: ErrVersion + " " + strconv.FormatUint(v, 10) + " (want " + strconv.Itoa(Version) + ")"}
	}
	size := r.Uvarint()
	if r.Err != nil {
		return nil, r.Err
	}
	if size < uint64(r.Off+4) {
		return nil, &Error{Offset: r.Off, What: ErrRange + " (size)"}
	}
	if uint64(len(data)) < size {
		return nil, &Error{Offset: len(data), What: ErrTruncated + " (" + strconv.Itoa(len(data)) + " of " + strconv.FormatUint(size, 10) + " bytes)"}
	}
	if uint64(len(data)) > size {
		return nil, &Error{Offset: int(size), What: "unexpected trailing bytes"}
	}
	r.Buf = data[:len(data)-4]
	// The checksum is checked after the version, so a newer file is reported
	// as such rather than as corrupted.
	if wire.Checksum(data[:len(data)-4]) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, &Error{Offset: len(data) - 4, What: ErrChecksum}
	}
	a := &Asset{Version: int(v)}
	a.Width = float64(r.Count(1 << 30))
	a.Height = float64(r.Count(1 << 30))
	a.PopulationYear = r.Count(1 << 16)
	a.Attribution = r.Str()
	nPts := r.Count(1 << 24)
	nRings := r.Count(1 << 20)
	nPolys := r.Count(1 << 20)
	if r.Err != nil {
		return nil, r.Err
	}
	// Each ring gets its closing point, hence nPts + nRings.
	pts := make([]orb.Point, 0, nPts+nRings)
	rings := make([]orb.Ring, 0, nRings)
	polys := make([]orb.Polygon, 0, nPolys)

	nIns := r.Count(1 << 10)
	if r.Err != nil {
		return nil, r.Err
	}
	a.Insets = make([]Inset, nIns)
	for i := range a.Insets {
		in := &a.Insets[i]
		in.Code = r.Str()
		in.Name = r.Str()
		in.Frame.Min = orb.Point{float64(r.Varint()), float64(r.Varint())}
		in.Frame.Max = orb.Point{float64(r.Varint()), float64(r.Varint())}
	}
	nDep := r.Count(1 << 12)
	if r.Err != nil {
		return nil, r.Err
	}
	a.Departments = make([]Department, nDep)
	neighbours := make([][]int, nDep)
	for i := range a.Departments {
		d := &a.Departments[i]
		d.Code = r.Str()
		d.Name = r.Str()
		d.RegionCode = r.Str()
		d.RegionName = r.Str()
		d.Population = r.Count(1 << 40)
		ins := r.Uvarint()
		if r.Err == nil && ins > uint64(nIns) {
			r.Fail(ErrRange + " (inset index)")
		}
		d.Inset = int(ins) - 1
		d.Label = orb.Point{float64(r.Varint()), float64(r.Varint())}
		nn := r.Count(nDep)
		if r.Err != nil {
			return nil, r.Err
		}
		neighbours[i] = make([]int, nn)
		for k := range neighbours[i] {
			neighbours[i][k] = r.Count(nDep - 1)
		}
		np := r.Count(nPolys - len(polys))
		if r.Err != nil {
			return nil, r.Err
		}
		p0 := len(polys)
		var x, y int64
		minX, minY, maxX, maxY := int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MinInt64), int64(math.MinInt64)
		for range np {
			nr := r.Count(nRings - len(rings))
			if r.Err != nil {
				return nil, r.Err
			}
			r0 := len(rings)
			for range nr {
				n := r.Count(nPts + nRings - len(pts) - 1)
				if r.Err != nil {
					return nil, r.Err
				}
				if n < 3 {
					r.Fail(ErrRange + " (ring with fewer than 3 points)")
					return nil, r.Err
				}
				s := len(pts)
				// The hot loop: one-byte varints inline, bounds on the way,
				// points written in place (capacity was reserved above).
				ring := pts[s : s+n+1]
				pts = pts[:s+n+1]
				buf, off := r.Buf, r.Off
				for k := range ring[:n] {
					var dx, dy int64
					if off < len(buf) && buf[off] < 0x80 {
						u := uint64(buf[off])
						dx = int64(u>>1) ^ -int64(u&1)
						off++
					} else {
						r.Off = off
						dx = r.Varint()
						off = r.Off
					}
					if off < len(buf) && buf[off] < 0x80 {
						u := uint64(buf[off])
						dy = int64(u>>1) ^ -int64(u&1)
						off++
					} else {
						r.Off = off
						dy = r.Varint()
						off = r.Off
					}
					x += dx
					y += dy
					minX, maxX = min(minX, x), max(maxX, x)
					minY, maxY = min(minY, y), max(maxY, y)
					ring[k] = orb.Point{float64(x), float64(y)}
				}
				r.Off = off
				if r.Err != nil {
					return nil, r.Err
				}
				ring[n] = ring[0]
				rings = append(rings, orb.Ring(ring[:n+1:n+1]))
			}
			polys = append(polys, orb.Polygon(rings[r0:len(rings):len(rings)]))
		}
		if r.Err != nil {
			return nil, r.Err
		}
		d.Geometry = orb.MultiPolygon(polys[p0:len(polys):len(polys)])
		if len(d.Geometry) > 0 {
			d.Bound = orb.Bound{Min: orb.Point{float64(minX), float64(minY)}, Max: orb.Point{float64(maxX), float64(maxY)}}
		}
	}
	if r.Err != nil {
		return nil, r.Err
	}
	if r.Off != len(r.Buf) {
		return nil, &Error{Offset: r.Off, What: "unexpected trailing bytes"}
	}
	seen := make(map[string]bool, len(a.Departments))
	for _, d := range a.Departments {
		if seen[d.Code] {
			return nil, &Error{Offset: r.Off, What: "duplicate department " + ascii.Quote(d.Code)}
		}
		seen[d.Code] = true
	}
	for i, ns := range neighbours {
		if len(ns) == 0 {
			continue
		}
		codes := make([]string, len(ns))
		for k, j := range ns {
			codes[k] = a.Departments[j].Code
		}
		a.Departments[i].Neighbours = codes
	}
	return a, nil
}
