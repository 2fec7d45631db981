package workerapi

import (
	"bytes"
	"errors"
	"strconv"

	"francenum-map/internal/rowfilter"
)

// Splitter groups the rows of a published CSV file by id_indicateur while
// the file streams through it (an io.Writer: the refresh tees the download
// into it): the header and every row are kept byte for byte, so each
// indicator's file is the header followed by its rows in the file's order.
// The rows are copied into 1 MiB slabs, runs of one indicator's rows (the
// published files keep them together) as one piece: memory is the kept
// bytes plus less than a slab, never a buffer grown by doubling. Blank
// lines and rows too short to hold an id_indicateur are left out, as
// rowfilter leaves them out.
type Splitter struct {
	// Max caps the kept bytes (rows and header); past it Write fails.
	Max int

	header []byte
	h      rowfilter.Header
	carry  []byte // the start of a record the next Write completes
	slabs  [][]byte
	parts  map[string]*splitPart
	order  []string
	total  int
	err    error
	fs     [][]byte
	prefix []byte     // the current indicator's row start, through the field after the id
	cur    *splitPart // the indicator of prefix
}

type splitPart struct {
	segs []span
	n    int // bytes
	rows int
}

// span is a piece of one slab.
type span struct{ slab, from, to int }

// slabSize is the size of the Splitter's copies.
const slabSize = 1 << 20

// errSplitTooLarge is returned by a Splitter past its cap.
var errSplitTooLarge = errors.New("split: more bytes than the cap")

// Write takes the next bytes of the file.
func (s *Splitter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	buf := p
	if len(s.carry) > 0 {
		s.carry = append(s.carry, p...)
		buf = s.carry
	}
	n := s.consume(buf, false)
	rest := buf[n:]
	if len(s.carry) > 0 {
		s.carry = s.carry[:copy(s.carry, rest)] // buf is carry: copy handles the overlap
	} else {
		s.carry = append(s.carry, rest...) // p is the caller's: copy it
	}
	return len(p), s.err
}

// Close ends the file: a last record without its line end is kept too. It
// returns the first error (a structural one: no header, no id_indicateur
// column, an HTML page; or the cap).
func (s *Splitter) Close() error {
	if s.err == nil {
		s.consume(s.carry, true)
		s.carry = nil
		if s.err == nil && s.header == nil {
			_, _, err := rowfilter.ReadHeader(nil, true)
			s.err = err
		}
	}
	return s.err
}

// consume splits the complete records of buf and returns how far it got.
func (s *Splitter) consume(buf []byte, atEOF bool) int {
	pos := 0
	if s.header == nil {
		h, ok, err := rowfilter.ReadHeader(buf, atEOF)
		switch {
		case err != nil:
			s.err = err
			return 0
		case !ok:
			return 0
		case h.IDCol < 0:
			s.err = &rowfilter.Error{Line: 1, Reason: `no "id_indicateur" column in the header`}
			return 0
		}
		s.h, s.header, pos = h, append([]byte(nil), buf[:h.End]...), h.End
		if s.parts == nil {
			s.parts = map[string]*splitPart{}
		}
		s.total = len(s.header)
	}
	run, runPart := pos, (*splitPart)(nil)
	flush := func(end int) {
		if runPart != nil && end > run {
			s.keep(runPart, buf[run:end])
		}
	}
	for pos < len(buf) && s.err == nil {
		end, _, complete := rowfilter.RecordEnd(buf, pos)
		if !complete && !atEOF {
			break
		}
		rec := buf[pos:end]
		p := s.cur
		if len(s.prefix) == 0 || !bytes.HasPrefix(rec, s.prefix) {
			p = s.identify(rec)
		}
		if p != runPart {
			flush(pos)
			run, runPart = pos, p
		}
		if p != nil {
			p.rows++
		}
		pos = end
	}
	flush(pos)
	return pos
}

// identify finds the indicator of a record (nil for a blank or short row)
// and remembers its start for the next rows.
func (s *Splitter) identify(rec []byte) *splitPart {
	s.prefix, s.cur = s.prefix[:0], nil
	if len(rowfilter.TrimEOL(rec)) == 0 {
		return nil
	}
	s.fs = rowfilter.Fields(rec, s.h.Delim, s.fs)
	if len(s.fs) <= s.h.IDCol {
		return nil
	}
	id := string(rowfilter.Unquote(s.fs[s.h.IDCol]))
	p := s.parts[id]
	if p == nil {
		p = &splitPart{}
		s.parts[id] = p
		s.order = append(s.order, id)
	}
	s.cur = p
	if s.h.IDCol+1 < len(s.fs) {
		// fs[IDCol+1] is a subslice of rec: the bytes before it end with
		// the id field and its delimiter.
		s.prefix = append(s.prefix, rec[:cap(rec)-cap(s.fs[s.h.IDCol+1])]...)
	} else {
		s.prefix = nil
	}
	return p
}

// keep copies rows of one indicator into the slabs.
func (s *Splitter) keep(p *splitPart, b []byte) {
	s.total += len(b)
	if s.Max > 0 && s.total > s.Max {
		s.err = errors.New("split: the rows kept pass the " + strconv.Itoa(s.Max) + "-byte cap")
		s.slabs, s.parts = nil, map[string]*splitPart{}
		return
	}
	for len(b) > 0 {
		if len(s.slabs) == 0 || len(s.slabs[len(s.slabs)-1]) == slabSize {
			s.slabs = append(s.slabs, make([]byte, 0, slabSize))
		}
		i := len(s.slabs) - 1
		from := len(s.slabs[i])
		k := min(slabSize-from, len(b))
		s.slabs[i] = append(s.slabs[i], b[:k]...)
		p.n += k
		b = b[k:]
		if n := len(p.segs); n > 0 && p.segs[n-1].slab == i && p.segs[n-1].to == from {
			p.segs[n-1].to += k // the previous piece ends where this one starts
			continue
		}
		p.segs = append(p.segs, span{i, from, from + k})
	}
}

// IDs are the indicators found, in order of first appearance.
func (s *Splitter) IDs() []string { return s.order }

// Header is the file's header line, BOM included.
func (s *Splitter) Header() []byte { return s.header }

// Rows is the number of rows of an indicator.
func (s *Splitter) Rows(id string) int {
	if p := s.parts[id]; p != nil {
		return p.rows
	}
	return 0
}

// Size is the byte size of an indicator's file (header included).
func (s *Splitter) Size(id string) int {
	if p := s.parts[id]; p != nil {
		return len(s.header) + p.n
	}
	return 0
}

// File returns an indicator's file: the header and its rows, as they were
// in the stream (a new buffer of exactly that size).
func (s *Splitter) File(id string) []byte {
	p := s.parts[id]
	if p == nil {
		return nil
	}
	out := make([]byte, 0, len(s.header)+p.n)
	out = append(out, s.header...)
	for _, sp := range p.segs {
		out = append(out, s.slabs[sp.slab][sp.from:sp.to]...)
	}
	return out
}

// Bytes is what the Splitter holds (header and rows).
func (s *Splitter) Bytes() int { return s.total }
