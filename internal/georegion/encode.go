package georegion

import (
	"errors"
	"francenum-map/internal/geoasset/wire"
	"slices"
	"strconv"

	"francenum-map/internal/ascii"
	"francenum-map/internal/geoasset"

	"github.com/paulmach/orb"
)

// Encode writes the regions drawn on the department asset a in the
// regions format (Version, see the package documentation). Each
// region ring is stored as runs of consecutive edges of its departments'
// rings, not as coordinates, so it must follow its departments' edges in
// their direction (what geobuild's dissolve gives). Region.Name,
// Region.Departments and Region.Inset are not stored: they must be what
// the departments say (RegionName, RegionCode, Inset), and every
// department's region must be in rs. Bound is recomputed by Decode.
func Encode(a *geoasset.Asset, rs []Region) ([]byte, error) {
	deps, err := geoasset.Encode(a)
	if err != nil {
		return nil, err
	}
	index := make(map[string]int, len(rs))
	for i, r := range rs {
		if r.Code == "" {
			return nil, errors.New("georegion: region " + strconv.Itoa(i) + " has no code")
		}
		if _, dup := index[r.Code]; dup {
			return nil, errors.New("georegion: duplicate region " + ascii.Quote(r.Code))
		}
		index[r.Code] = i
	}
	for _, d := range a.Departments {
		if _, ok := index[d.RegionCode]; !ok {
			return nil, errors.New("georegion: department " + d.Code + ": region " + ascii.Quote(d.RegionCode) + " not among the regions")
		}
	}
	rings, _ := regionRings(a)
	// ringBase[i] is the position in rings of department i's first ring.
	ringBase := make([]int, len(a.Departments)+1)
	for i := range a.Departments {
		n := 0
		for _, p := range a.Departments[i].Geometry {
			n += len(p)
		}
		ringBase[i+1] = ringBase[i] + n
	}

	w := wire.Writer{Buf: make([]byte, 0, 4096)}
	w.Buf = append(w.Buf, Magic...)
	w.Uvarint(Version)
	sizeAt := len(w.Buf)
	w.Buf = append(w.Buf, 0x80, 0x80, 0x80, 0x80, 0)
	w.Buf = append(w.Buf, deps[len(deps)-4:]...)
	w.Uvarint(uint64(len(rs)))
	for _, r := range rs {
		fail := func(what string) error { return errors.New("georegion: region " + r.Code + ": " + what) }
		members := regionMembers(a, r.Code)
		codes := make([]string, len(members))
		for k, i := range members {
			d := &a.Departments[i]
			codes[k] = d.Code
			if d.RegionName != r.Name {
				return nil, fail("name " + ascii.Quote(r.Name) + ", department " + d.Code + " says " + ascii.Quote(d.RegionName))
			}
			if d.Inset != r.Inset {
				return nil, fail("inset " + strconv.Itoa(r.Inset) + ", department " + d.Code + " is in " + strconv.Itoa(d.Inset))
			}
		}
		if !slices.Equal(codes, r.Departments) {
			return nil, fail("departments " + ascii.Quote(join(r.Departments)) + ", the asset says " + ascii.Quote(join(codes)))
		}
		if !wire.IsInt(r.Label[0]) || !wire.IsInt(r.Label[1]) {
			return nil, fail("label must have integer coordinates")
		}
		// Where each directed edge of the region's departments is: its
		// ring in rings and its first vertex there.
		type at struct{ ring, vertex int }
		edges := map[[2]orb.Point]at{}
		for _, i := range members {
			for k := ringBase[i]; k < ringBase[i+1]; k++ {
				ring := rings[k]
				for v := 0; v+1 < len(ring); v++ {
					e := [2]orb.Point{ring[v], ring[v+1]}
					if _, seen := edges[e]; !seen {
						edges[e] = at{k, v}
					}
				}
			}
		}
		w.Str(r.Code)
		w.Varint(int64(r.Label[0]))
		w.Varint(int64(r.Label[1]))
		w.Uvarint(uint64(len(r.Neighbours)))
		for _, n := range r.Neighbours {
			j, ok := index[n]
			if !ok {
				return nil, fail("unknown neighbour " + ascii.Quote(n))
			}
			w.Uvarint(uint64(j))
		}
		w.Uvarint(uint64(len(r.Geometry)))
		for pi, p := range r.Geometry {
			if len(p) == 0 {
				return nil, fail("polygon " + strconv.Itoa(pi) + " has no ring")
			}
			w.Uvarint(uint64(len(p)))
			for ri, ring := range p {
				where := "polygon " + strconv.Itoa(pi) + " ring " + strconv.Itoa(ri)
				if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
					return nil, fail(where + " is not closed or has fewer than 4 points")
				}
				// Runs of edges that follow one department ring.
				var runs [][3]int // ring, first vertex, edges
				for v := 0; v+1 < len(ring); v++ {
					e, ok := edges[[2]orb.Point{ring[v], ring[v+1]}]
					if !ok {
						return nil, fail(where + " edge " + strconv.Itoa(v) + " " + pointText(ring[v]) + "→" + pointText(ring[v+1]) +
							" is not an edge of its departments (in their direction)")
					}
					if n := len(runs); n > 0 {
						last := &runs[n-1]
						if l := len(rings[last[0]]) - 1; e.ring == last[0] && e.vertex == (last[1]+last[2])%l && last[2] < l {
							last[2]++
							continue
						}
					}
					runs = append(runs, [3]int{e.ring, e.vertex, 1})
				}
				w.Uvarint(uint64(len(runs)))
				for _, run := range runs {
					w.Uvarint(uint64(run[0]))
					w.Uvarint(uint64(run[1]))
					w.Uvarint(uint64(run[2]))
				}
			}
		}
	}
	if !w.Seal(sizeAt) {
		return nil, errors.New("georegion: regions asset too large")
	}
	return w.Buf, nil
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ","
		}
		out += s
	}
	return out
}

func pointText(p orb.Point) string {
	return "(" + strconv.FormatFloat(p[0], 'f', -1, 64) + "," + strconv.FormatFloat(p[1], 'f', -1, 64) + ")"
}
