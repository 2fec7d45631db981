package carto

import (
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// PathData returns the SVG path data ("d" attribute) of a multipolygon:
// one absolute move per ring, then relative integer line-tos and "z". The
// asset's coordinates are integers already; others are rounded. Holes draw
// correctly with the default fill-rule (nonzero) because geodata writes them
// in the opposite winding, and with fill-rule="evenodd" in any case.
func PathData(mp orb.MultiPolygon) string {
	return string(AppendPathData(nil, mp))
}

// AppendPathData appends the path data of mp to dst (see PathData).
func AppendPathData(dst []byte, mp orb.MultiPolygon) []byte {
	for _, p := range mp {
		for _, r := range p {
			dst = appendRing(dst, r)
		}
	}
	return dst
}

func appendRing(dst []byte, r orb.Ring) []byte {
	n := len(r)
	if n > 1 && r[0] == r[n-1] {
		n-- // "z" closes the ring
	}
	if n < 3 {
		return dst
	}
	px, py := round(r[0][0]), round(r[0][1])
	dst = append(dst, 'M')
	dst = strconv.AppendInt(dst, px, 10)
	dst = appendNum(dst, py)
	dst = append(dst, 'l')
	first := true
	for _, pt := range r[1:n] {
		x, y := round(pt[0]), round(pt[1])
		dx, dy := x-px, y-py
		if dx == 0 && dy == 0 {
			continue
		}
		if first {
			dst = strconv.AppendInt(dst, dx, 10)
			first = false
		} else {
			dst = appendNum(dst, dx)
		}
		dst = appendNum(dst, dy)
		px, py = x, y
	}
	return append(dst, 'z')
}

// appendNum writes v separated from the previous number: a minus sign is a
// separator by itself in SVG path syntax, so only positives need a space.
func appendNum(dst []byte, v int64) []byte {
	if v >= 0 {
		dst = append(dst, ' ')
	}
	return strconv.AppendInt(dst, v, 10)
}

func round(f float64) int64 { return int64(math.Round(f)) }

// FramePath returns the SVG path data of a rectangle (an inset frame).
func FramePath(b orb.Bound) string {
	x, y := round(b.Min[0]), round(b.Min[1])
	w, h := round(b.Max[0])-x, round(b.Max[1])-y
	d := []byte{'M'}
	d = strconv.AppendInt(d, x, 10)
	d = appendNum(d, y)
	d = append(d, 'h')
	d = strconv.AppendInt(d, w, 10)
	d = append(d, 'v')
	d = strconv.AppendInt(d, h, 10)
	d = append(d, 'h')
	d = strconv.AppendInt(d, -w, 10)
	return string(append(d, 'z'))
}
