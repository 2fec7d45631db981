package rowfilter

import "bytes"

// The record rules shared with package barometre: a record ends at a '\n'
// outside quotes; every '"' toggles the quoted state (so `""` inside a
// quoted field is an escaped quote, and a bare quote inside an unquoted
// field opens a quoted run, which barometre reports as an error).

// RecordEnd returns the end of the record starting at start (just after its
// '\n'), the number of '\n' it holds, and whether it is complete: false when
// data ends before the record's line end (a truncated last line, or an
// unterminated quote), in which case end is len(data).
func RecordEnd(data []byte, start int) (end, lines int, complete bool) {
	i := start
	for {
		nl := bytes.IndexByte(data[i:], '\n')
		if nl < 0 {
			// No line end: the rest is the record; count its lines.
			return len(data), countLines(data[start:]), false
		}
		q := bytes.IndexByte(data[i:i+nl], '"')
		if q < 0 {
			if i == start {
				return i + nl + 1, 1, true
			}
			return i + nl + 1, countLines(data[start:i]) + 1, true
		}
		// A quote opens a quoted run before the line end: find its close.
		c := bytes.IndexByte(data[i+q+1:], '"')
		if c < 0 {
			return len(data), countLines(data[start:]), false
		}
		i = i + q + 1 + c + 1
	}
}

// Fields splits one record (line end included or not) into raw fields on
// delim, quote-aware; the fields keep their quotes (see Unquote). dst is
// reused.
func Fields(rec []byte, delim byte, dst [][]byte) [][]byte {
	dst = dst[:0]
	rec = TrimEOL(rec)
	start, inQ := 0, false
	for i := 0; ; i++ {
		j := IndexSpecial(rec[i:], delim)
		if j < 0 {
			return append(dst, rec[start:])
		}
		i += j
		if rec[i] == '"' {
			inQ = !inQ
		} else if !inQ {
			dst = append(dst, rec[start:i])
			start = i + 1
		}
	}
}

// field returns raw field n (0-based) of rec, or false when rec has fewer
// fields. It stops scanning at field n.
func field(rec []byte, delim byte, n int) ([]byte, bool) {
	rec = TrimEOL(rec)
	start, k, inQ := 0, 0, false
	for i := 0; ; i++ {
		j := IndexSpecial(rec[i:], delim)
		if j < 0 {
			break
		}
		i += j
		if rec[i] == '"' {
			inQ = !inQ
		} else if !inQ {
			if k == n {
				return rec[start:i], true
			}
			k++
			start = i + 1
		}
	}
	if k == n {
		return rec[start:], true
	}
	return nil, false
}

// TrimEOL removes a final "\n" or "\r\n".
func TrimEOL(rec []byte) []byte {
	if n := len(rec); n > 0 && rec[n-1] == '\n' {
		rec = rec[:n-1]
	}
	if n := len(rec); n > 0 && rec[n-1] == '\r' {
		rec = rec[:n-1]
	}
	return rec
}

// Unquote returns a field's value: spaces around it removed, surrounding
// quotes removed and `""` turned into `"`. It allocates only when the field
// holds an escaped quote.
func Unquote(f []byte) []byte {
	f = trimSpace(f)
	if len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
		f = f[1 : len(f)-1]
		if bytes.IndexByte(f, '"') >= 0 {
			// `""` → `"` (a loop: bytes.ReplaceAll costs 4 KB of wasm).
			out := make([]byte, 0, len(f))
			for i := 0; i < len(f); i++ {
				out = append(out, f[i])
				if f[i] == '"' && i+1 < len(f) && f[i+1] == '"' {
					i++
				}
			}
			return out
		}
	}
	return f
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
