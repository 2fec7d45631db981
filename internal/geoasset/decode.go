package geoasset

import (
	"encoding/binary"
	"francenum-map/internal/ascii"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// Error is a decoding error: what went wrong and at which byte offset.
type Error struct {
	_ [0]func() // not comparable: no unused equality function in the wasm
	// Offset is the byte position where decoding failed.
	Offset int
	// What describes the problem.
	What string
}

// Error implements error.
func (e *Error) Error() string {
	return "geoasset: " + e.What + " at byte " + strconv.Itoa(e.Offset)
}

// Sentinel descriptions, so callers and tests can tell the cases apart with
// errors.As and Error.What.
const (
	ErrBadMagic  = "bad magic (not a francenum geometry asset)"
	ErrVersion   = "unsupported version"
	ErrTruncated = "truncated input"
	ErrChecksum  = "checksum mismatch (corrupted input)"
	ErrRange     = "value out of range"
)

// Decode reads an asset written by Encode. It allocates all points in one
// backing array and shares it between rings, so the result must be treated
// as read-only geometry.
func Decode(data []byte) (*Asset, error) {
	if len(data) < len(Magic) || string(data[:len(Magic)]) != Magic {
		return nil, &Error{Offset: 0, What: ErrBadMagic}
	}
	r := reader{buf: data, off: len(Magic)}
	v := r.uvarint()
	if r.err != nil {
		return nil, r.err
	}
	if v != Version {
		return nil, &Error{Offset: len(Magic), What: ErrVersion + " " + strconv.FormatUint(v, 10) + " (want " + strconv.Itoa(Version) + ")"}
	}
	size := r.uvarint()
	if r.err != nil {
		return nil, r.err
	}
	if size < uint64(r.off+4) {
		return nil, &Error{Offset: r.off, What: ErrRange + " (size)"}
	}
	if uint64(len(data)) < size {
		return nil, &Error{Offset: len(data), What: ErrTruncated + " (" + strconv.Itoa(len(data)) + " of " + strconv.FormatUint(size, 10) + " bytes)"}
	}
	if uint64(len(data)) > size {
		return nil, &Error{Offset: int(size), What: "unexpected trailing bytes"}
	}
	r.buf = data[:len(data)-4]
	// The checksum is checked after the version, so a newer file is reported
	// as such rather than as corrupted.
	if checksum(data[:len(data)-4]) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, &Error{Offset: len(data) - 4, What: ErrChecksum}
	}
	a := &Asset{Version: int(v)}
	a.Width = float64(r.count(1 << 30))
	a.Height = float64(r.count(1 << 30))
	a.PopulationYear = r.count(1 << 16)
	a.Attribution = r.str()
	nPts := r.count(1 << 24)
	nRings := r.count(1 << 20)
	nPolys := r.count(1 << 20)
	if r.err != nil {
		return nil, r.err
	}
	// Each ring gets its closing point, hence nPts + nRings.
	pts := make([]orb.Point, 0, nPts+nRings)
	rings := make([]orb.Ring, 0, nRings)
	polys := make([]orb.Polygon, 0, nPolys)

	nIns := r.count(1 << 10)
	if r.err != nil {
		return nil, r.err
	}
	a.Insets = make([]Inset, nIns)
	for i := range a.Insets {
		in := &a.Insets[i]
		in.Code = r.str()
		in.Name = r.str()
		in.Frame.Min = orb.Point{float64(r.varint()), float64(r.varint())}
		in.Frame.Max = orb.Point{float64(r.varint()), float64(r.varint())}
	}
	nDep := r.count(1 << 12)
	if r.err != nil {
		return nil, r.err
	}
	a.Departments = make([]Department, nDep)
	neighbours := make([][]int, nDep)
	for i := range a.Departments {
		d := &a.Departments[i]
		d.Code = r.str()
		d.Name = r.str()
		d.RegionCode = r.str()
		d.RegionName = r.str()
		d.Population = r.count(1 << 40)
		ins := r.uvarint()
		if r.err == nil && ins > uint64(nIns) {
			r.fail(ErrRange + " (inset index)")
		}
		d.Inset = int(ins) - 1
		d.Label = orb.Point{float64(r.varint()), float64(r.varint())}
		nn := r.count(nDep)
		if r.err != nil {
			return nil, r.err
		}
		neighbours[i] = make([]int, nn)
		for k := range neighbours[i] {
			neighbours[i][k] = r.count(nDep - 1)
		}
		np := r.count(nPolys - len(polys))
		if r.err != nil {
			return nil, r.err
		}
		p0 := len(polys)
		var x, y int64
		minX, minY, maxX, maxY := int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MinInt64), int64(math.MinInt64)
		for range np {
			nr := r.count(nRings - len(rings))
			if r.err != nil {
				return nil, r.err
			}
			r0 := len(rings)
			for range nr {
				n := r.count(nPts + nRings - len(pts) - 1)
				if r.err != nil {
					return nil, r.err
				}
				if n < 3 {
					r.fail(ErrRange + " (ring with fewer than 3 points)")
					return nil, r.err
				}
				s := len(pts)
				// The hot loop: one-byte varints inline, bounds on the way,
				// points written in place (capacity was reserved above).
				ring := pts[s : s+n+1]
				pts = pts[:s+n+1]
				buf, off := r.buf, r.off
				for k := range ring[:n] {
					var dx, dy int64
					if off < len(buf) && buf[off] < 0x80 {
						u := uint64(buf[off])
						dx = int64(u>>1) ^ -int64(u&1)
						off++
					} else {
						r.off = off
						dx = r.varint()
						off = r.off
					}
					if off < len(buf) && buf[off] < 0x80 {
						u := uint64(buf[off])
						dy = int64(u>>1) ^ -int64(u&1)
						off++
					} else {
						r.off = off
						dy = r.varint()
						off = r.off
					}
					x += dx
					y += dy
					minX, maxX = min(minX, x), max(maxX, x)
					minY, maxY = min(minY, y), max(maxY, y)
					ring[k] = orb.Point{float64(x), float64(y)}
				}
				r.off = off
				if r.err != nil {
					return nil, r.err
				}
				ring[n] = ring[0]
				rings = append(rings, orb.Ring(ring[:n+1:n+1]))
			}
			polys = append(polys, orb.Polygon(rings[r0:len(rings):len(rings)]))
		}
		if r.err != nil {
			return nil, r.err
		}
		d.Geometry = orb.MultiPolygon(polys[p0:len(polys):len(polys)])
		if len(d.Geometry) > 0 {
			d.Bound = orb.Bound{Min: orb.Point{float64(minX), float64(minY)}, Max: orb.Point{float64(maxX), float64(maxY)}}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(r.buf) {
		return nil, &Error{Offset: r.off, What: "unexpected trailing bytes"}
	}
	seen := make(map[string]bool, len(a.Departments))
	for _, d := range a.Departments {
		if seen[d.Code] {
			return nil, &Error{Offset: r.off, What: "duplicate department " + ascii.Quote(d.Code)}
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

type reader struct {
	buf []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = &Error{Offset: r.off, What: what}
	}
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.buf[r.off:])
	if !r.advance(n) {
		return 0
	}
	return v
}

// advance moves past a varint of n bytes as returned by binary.Uvarint or
// binary.Varint (0: the buffer ended, < 0: overflow) and reports success.
func (r *reader) advance(n int) bool {
	if n <= 0 {
		if n == 0 {
			r.fail(ErrTruncated)
		} else {
			r.fail(ErrRange + " (varint overflow)")
		}
		return false
	}
	r.off += n
	return true
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	// Inline fast path for the common one-byte case (most deltas).
	if r.off < len(r.buf) && r.buf[r.off] < 0x80 {
		u := uint64(r.buf[r.off])
		r.off++
		return int64(u>>1) ^ -int64(u&1)
	}
	v, n := binary.Varint(r.buf[r.off:])
	if !r.advance(n) {
		return 0
	}
	return v
}

// count reads a uvarint that must be at most limit.
func (r *reader) count(limit int) int {
	v := r.uvarint()
	if r.err == nil && (limit < 0 || v > uint64(limit)) {
		r.fail(ErrRange)
		return 0
	}
	return int(v)
}

func (r *reader) str() string {
	n := r.count(1 << 16)
	if r.err != nil {
		return ""
	}
	if len(r.buf)-r.off < n {
		r.fail(ErrTruncated)
		return ""
	}
	s := string(r.buf[r.off : r.off+n])
	r.off += n
	return s
}
