package rowfilter

import "bytes"

// matcher finds the earliest occurrence of any of a few ids with the
// Wu–Manber algorithm on byte pairs: most pairs of the text do not occur in
// the ids, so the search usually jumps by almost the length of the shortest
// id instead of looking at every byte (which matters in wasm, where
// bytes.Index has no vector instructions).
type matcher struct {
	ids   [][]byte
	m     int // length of the shortest id
	shift []uint8
	naive bool // an id shorter than 2 bytes (or too long a table): plain bytes.Index
}

func newMatcher(ids []string) *matcher {
	mt := &matcher{}
	for _, id := range ids {
		if id == "" {
			continue
		}
		mt.ids = append(mt.ids, []byte(id))
		if mt.m == 0 || len(id) < mt.m {
			mt.m = len(id)
		}
	}
	if len(mt.ids) == 0 {
		return mt
	}
	if mt.m < 2 {
		mt.naive = true
		return mt
	}
	m := mt.m
	if m > 255 {
		m = 255
		mt.m = m
	}
	mt.shift = make([]uint8, 1<<16)
	for i := range mt.shift {
		mt.shift[i] = uint8(m - 1)
	}
	for _, p := range mt.ids {
		for i := 1; i < m; i++ {
			h := int(p[i-1])<<8 | int(p[i])
			if s := uint8(m - 1 - i); s < mt.shift[h] {
				mt.shift[h] = s
			}
		}
	}
	return mt
}

// next returns the offset in data of the earliest occurrence of an id
// starting at or after from, or -1.
func (mt *matcher) next(data []byte, from int) int {
	if len(mt.ids) == 0 {
		return -1
	}
	if mt.naive {
		best := -1
		for _, p := range mt.ids {
			if i := bytes.Index(data[from:], p); i >= 0 && (best < 0 || from+i < best) {
				best = from + i
			}
		}
		return best
	}
	m := mt.m
	shift := mt.shift
	for j := from + m - 1; j < len(data); {
		s := shift[int(data[j-1])<<8|int(data[j])]
		if s != 0 {
			j += int(s)
			continue
		}
		start := j - m + 1
		for _, p := range mt.ids {
			if start+len(p) <= len(data) && bytes.Equal(data[start:start+len(p)], p) {
				return start
			}
		}
		j++
	}
	return -1
}
