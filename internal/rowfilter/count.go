package rowfilter

import (
	"bytes"
	"math/bits"
)

const (
	lo7  = 0x7f7f7f7f7f7f7f7f
	hi1  = 0x8080808080808080
	nlx8 = 0x0a0a0a0a0a0a0a0a // '\n' in every byte
	qx8  = 0x2222222222222222 // '"' in every byte
)

// eqMask returns a word with the high bit set in exactly the bytes of x
// equal to the byte repeated in c8 (no false positives: the addition below
// never carries across bytes).
func eqMask(x, c8 uint64) uint64 {
	y := x ^ c8
	t := ((y & lo7) + lo7) | y
	return ^t & hi1
}

// byteRun is what countRun learned about a run of bytes that starts at a
// record boundary.
type byteRun struct {
	lines    int  // '\n' bytes up to boundary
	records  int  // '\n' outside quotes up to boundary
	boundary int  // offset just after the last '\n' outside quotes (0: none)
	inQuote  bool // the run ends inside a quoted field
}

// countRunSWAR counts line ends and record ends in b, which starts at a
// record boundary, eight bytes at a time: the '"' bytes are rare, so words
// without any are counted with two masks and only words holding a quote are
// walked byte by byte. This single pass is what keeps the filter fast in
// wasm, where bytes.Count and bytes.IndexByte are plain loops.
func countRunSWAR(b []byte) byteRun {
	var r byteRun
	lines, inQ := 0, false
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := le64(b[i:])
		q := eqMask(x, qx8)
		nl := eqMask(x, nlx8)
		if q == 0 {
			if nl == 0 {
				continue
			}
			n := bits.OnesCount64(nl)
			lines += n
			if !inQ {
				r.records += n
				r.boundary = i + (63-bits.LeadingZeros64(nl))/8 + 1
				r.lines = lines
			}
			continue
		}
		for k := i; k < i+8; k++ {
			switch b[k] {
			case '"':
				inQ = !inQ
			case '\n':
				lines++
				if !inQ {
					r.records++
					r.boundary = k + 1
					r.lines = lines
				}
			}
		}
	}
	for k := i; k < len(b); k++ {
		switch b[k] {
		case '"':
			inQ = !inQ
		case '\n':
			lines++
			if !inQ {
				r.records++
				r.boundary = k + 1
				r.lines = lines
			}
		}
	}
	r.inQuote = inQ
	return r
}

// countLines returns the number of '\n' in b.
func countLines(b []byte) int {
	n, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		n += bits.OnesCount64(eqMask(le64(b[i:]), nlx8))
	}
	for ; i < len(b); i++ {
		if b[i] == '\n' {
			n++
		}
	}
	return n
}

// CountLines returns the number of '\n' in b (eight bytes at a time).
func CountLines(b []byte) int { return countLines(b) }

// countRunIndex is countRunSWAR built on bytes.IndexByte and
// bytes.Count, which use vector instructions on amd64 and arm64 (about
// twice as fast there as the SWAR loop).
func countRunIndex(b []byte) byteRun {
	var r byteRun
	lines, i := 0, 0
	for {
		q := bytes.IndexByte(b[i:], '"')
		seg := b[i:]
		if q >= 0 {
			seg = b[i : i+q]
		}
		if n := bytes.Count(seg, nl); n > 0 {
			lines += n
			r.records += n
			r.boundary = i + bytes.LastIndexByte(seg, '\n') + 1
			r.lines = lines
		}
		if q < 0 {
			return r
		}
		j := i + q + 1 // inside quotes
		c := bytes.IndexByte(b[j:], '"')
		if c < 0 {
			r.inQuote = true
			return r
		}
		lines += bytes.Count(b[j:j+c], nl)
		i = j + c + 1
	}
}

var nl = []byte{'\n'}

// IndexSpecial returns the index of the first delim or '"' in b, or -1,
// looking at eight bytes at a time (fields are long and these bytes rare;
// in wasm this beats a byte loop and bytes.IndexByte alike).
func IndexSpecial(b []byte, delim byte) int {
	d8 := uint64(delim) * 0x0101010101010101
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := le64(b[i:])
		if m := eqMask(x, d8) | eqMask(x, qx8); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == delim || c == '"' {
			return i
		}
	}
	return -1
}
