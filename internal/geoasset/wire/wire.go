// Package wire holds the primitives of francenum's compact binary assets
// (the department geometry of package geoasset, the regions of package
// georegion): varints and strings read and written with the position and
// first failure kept, the decoding error type, and the CRC-32 that ends
// each file. The formats themselves live in their packages.
package wire

import (
	"encoding/binary"
	"math"
	"strconv"
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

// Descriptions of the failures a Reader finds itself.
const (
	ErrTruncated = "truncated input"
	ErrRange     = "value out of range"
)

// Reader reads Buf from Off; the first failure is kept in Err, and every
// read after it returns the zero value.
type Reader struct {
	Buf []byte
	Off int
	Err error
}

// Fail records what went wrong at the current offset, unless a failure
// was recorded before.
func (r *Reader) Fail(what string) {
	if r.Err == nil {
		r.Err = &Error{Offset: r.Off, What: what}
	}
}

// advance moves past a varint of n bytes as returned by binary.Uvarint or
// binary.Varint (0: the buffer ended, < 0: overflow) and reports success.
func (r *Reader) advance(n int) bool {
	if n <= 0 {
		if n == 0 {
			r.Fail(ErrTruncated)
		} else {
			r.Fail(ErrRange + " (varint overflow)")
		}
		return false
	}
	r.Off += n
	return true
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	if r.Err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.Buf[r.Off:])
	if !r.advance(n) {
		return 0
	}
	return v
}

// Varint reads a zig-zag signed varint.
func (r *Reader) Varint() int64 {
	if r.Err != nil {
		return 0
	}
	// Inline fast path for the common one-byte case (most deltas).
	if r.Off < len(r.Buf) && r.Buf[r.Off] < 0x80 {
		u := uint64(r.Buf[r.Off])
		r.Off++
		return int64(u>>1) ^ -int64(u&1)
	}
	v, n := binary.Varint(r.Buf[r.Off:])
	if !r.advance(n) {
		return 0
	}
	return v
}

// Count reads a uvarint that must be at most limit.
func (r *Reader) Count(limit int) int {
	v := r.Uvarint()
	if r.Err == nil && (limit < 0 || v > uint64(limit)) {
		r.Fail(ErrRange)
		return 0
	}
	return int(v)
}

// Str reads a string: its length (at most 65 536) then its bytes.
func (r *Reader) Str() string {
	n := r.Count(1 << 16)
	if r.Err != nil {
		return ""
	}
	if len(r.Buf)-r.Off < n {
		r.Fail(ErrTruncated)
		return ""
	}
	s := string(r.Buf[r.Off : r.Off+n])
	r.Off += n
	return s
}

// Writer appends to Buf what a Reader reads.
type Writer struct{ Buf []byte }

// Uvarint appends an unsigned varint.
func (w *Writer) Uvarint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }

// Varint appends a zig-zag signed varint.
func (w *Writer) Varint(v int64) { w.Buf = binary.AppendVarint(w.Buf, v) }

// Str appends a string: its length, then its bytes.
func (w *Writer) Str(s string) {
	w.Uvarint(uint64(len(s)))
	w.Buf = append(w.Buf, s...)
}

// Seal ends a file whose total length goes in the five bytes at sizeAt
// (a uvarint padded to five bytes, reserved there first): it
// writes that length, then appends the CRC-32 of all that precedes. It
// reports false, changing nothing, when the length needs more than five
// bytes.
func (w *Writer) Seal(sizeAt int) bool {
	total := uint64(len(w.Buf) + 4)
	if total >= 1<<35 {
		return false
	}
	for i := range 5 {
		b := byte(total >> (7 * i) & 0x7f)
		if i < 4 {
			b |= 0x80
		}
		w.Buf[sizeAt+i] = b
	}
	w.Buf = binary.LittleEndian.AppendUint32(w.Buf, Checksum(w.Buf))
	return true
}

// IsInt reports whether f is an integer a float64 holds exactly.
func IsInt(f float64) bool { return f == math.Trunc(f) && math.Abs(f) < 1<<52 }

// Checksum is the IEEE CRC-32 of b, the same value as hash/crc32's
// ChecksumIEEE, computed four bits at a time from a 16-entry table.
// hash/crc32 costs the browser wasm about 7 KB of code (its slicing-by-8
// tables and their set-up), for one check of a ~32 KB asset per load;
// this costs 64 bytes of table and two table steps per byte.
func Checksum(b []byte) uint32 {
	crc := ^uint32(0)
	for _, c := range b {
		crc = crcNibble[(crc^uint32(c))&15] ^ crc>>4
		crc = crcNibble[(crc^uint32(c>>4))&15] ^ crc>>4
	}
	return ^crc
}

// crcNibble[i] is the CRC-32 (reversed polynomial 0xEDB88320) of the four
// bits i.
var crcNibble = [16]uint32{
	0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
	0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
}
