package main

import (
	"math"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// jw writes JSON by hand: encoding/json costs hundreds of KB in wasm and
// reflection time on every render. The browser reads it with JSON.parse.
// Commas are inserted automatically: before a key or a value, a comma is
// written unless the previous byte opens a container or ends a key.
// Its methods are marked go:noinline: inlined at the hundreds of call sites
// they cost 15 KB brotli of app.wasm, for no measurable speed.
type jw struct{ b []byte }

//go:noinline
func (w *jw) sep() {
	if n := len(w.b); n > 0 {
		switch w.b[n-1] {
		case '{', '[', ':':
		default:
			w.b = append(w.b, ',')
		}
	}
}

//go:noinline
func (w *jw) obj() *jw { w.sep(); w.b = append(w.b, '{'); return w }

//go:noinline
func (w *jw) endObj() *jw { w.b = append(w.b, '}'); return w }

//go:noinline
func (w *jw) arr() *jw { w.sep(); w.b = append(w.b, '['); return w }

//go:noinline
func (w *jw) endArr() *jw { w.b = append(w.b, ']'); return w }

// key writes "k": (keys are ASCII identifiers chosen in this package).
//
//go:noinline
func (w *jw) key(k string) *jw {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	return w
}

//go:noinline
func (w *jw) str(s string) *jw {
	w.sep()
	w.b = appendJSONString(w.b, s)
	return w
}

// num writes a number; NaN and infinities become null.
//
//go:noinline
func (w *jw) num(f float64) *jw {
	w.sep()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.b = append(w.b, "null"...)
		return w
	}
	w.b = strconv.AppendFloat(w.b, f, 'g', -1, 64)
	return w
}

//go:noinline
func (w *jw) int(i int) *jw {
	w.sep()
	w.b = strconv.AppendInt(w.b, int64(i), 10)
	return w
}

//go:noinline
func (w *jw) bool(v bool) *jw {
	w.sep()
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
	return w
}

//go:noinline
func (w *jw) null() *jw { w.sep(); w.b = append(w.b, "null"...); return w }

// ks is key + string, kn key + number, ki key + int, kb key + bool.
//
//go:noinline
func (w *jw) ks(k, v string) *jw { return w.key(k).str(v) }

//go:noinline
func (w *jw) kn(k string, v float64) *jw { return w.key(k).num(v) }

//go:noinline
func (w *jw) ki(k string, v int) *jw { return w.key(k).int(v) }

//go:noinline
func (w *jw) kb(k string, v bool) *jw { return w.key(k).bool(v) }

// String returns the JSON written, without a copy: w is not written to
// afterwards (each encoder's buffer is its own).
//
//go:noinline
func (w *jw) String() string { return unsafe.String(unsafe.SliceData(w.b), len(w.b)) }

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s; invalid UTF-8 becomes U+FFFD, and U+2028/2029
// are escaped so the output is also valid JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, "\ufffd"...)
		case r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&15])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// strs writes a string array.
//
//go:noinline
func (w *jw) strs(k string, a []string) *jw {
	w.key(k).arr()
	for _, s := range a {
		w.str(s)
	}
	return w.endArr()
}

// ints writes an int array.
//
//go:noinline
func (w *jw) ints(k string, a []int) *jw {
	w.key(k).arr()
	for _, i := range a {
		w.int(i)
	}
	return w.endArr()
}

// nums writes a number array.
//
//go:noinline
func (w *jw) nums(k string, a []float64) *jw {
	w.key(k).arr()
	for _, f := range a {
		w.num(f)
	}
	return w.endArr()
}

// bools writes a boolean array.
//
//go:noinline
func (w *jw) bools(k string, a []bool) *jw {
	w.key(k).arr()
	for _, b := range a {
		w.bool(b)
	}
	return w.endArr()
}

// knOpt writes key + number unless f is NaN (the field is then absent,
// which the page's script tests with === undefined).
//
//go:noinline
func (w *jw) knOpt(k string, f float64) *jw {
	if f == f {
		w.kn(k, f)
	}
	return w
}
