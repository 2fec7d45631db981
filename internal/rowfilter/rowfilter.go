// Package rowfilter passes through only the rows of chosen id_indicateur
// values of a published baromètre CSV, byte for byte: the header line and
// every kept row are copied exactly (BOM, quotes, CRLF included). It is
// quote-aware (a quoted field may hold delimiters and newlines) and fast:
// candidate rows are found by searching the ids, and only those rows are
// split into fields. It is used natively, in the Worker and in the page's
// wasm, so it never uses fmt.
package rowfilter

import (
	"bytes"
	"io"
)

// Stats describes one filtering run.
type Stats struct {
	Rows    int   // records after the header (blank lines included)
	Kept    int   // rows written
	BytesIn int64 // bytes read
	Out     int64 // bytes written, header included
}

// Error is a structural problem: no header, no id_indicateur column, HTML
// page, empty input.
type Error struct {
	_      [0]func() // not comparable: no unused equality function in the wasm
	Line   int
	Reason string
}

// Error returns "rowfilter: " and the reason (the line is in Line).
func (e *Error) Error() string { return "rowfilter: " + e.Reason }

// Filter copies from src to dst the header line and the rows whose
// id_indicateur is one of ids (an empty id selects nothing), reading src in
// chunks (never the whole input).
// Stats.Rows counts records, blank lines included.
func Filter(dst io.Writer, src io.Reader, ids []string) (Stats, error) {
	var st Stats
	buf := make([]byte, 0, chunk)
	eof := false
	fill := func() error {
		if len(buf) == cap(buf) {
			nb := make([]byte, len(buf), 2*cap(buf))
			copy(nb, buf)
			buf = nb
		}
		n, err := src.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		st.BytesIn += int64(n)
		if err == io.EOF {
			eof = true
			return nil
		}
		return err
	}
	var h Header
	for {
		var ok bool
		var err error
		h, ok, err = ReadHeader(buf, eof)
		if err != nil {
			return st, err
		}
		if ok {
			break
		}
		if err := fill(); err != nil {
			return st, err
		}
	}
	if h.IDCol < 0 {
		return st, errNoID
	}
	write := func(b []byte) error {
		n, err := dst.Write(b)
		st.Out += int64(n)
		return err
	}
	if err := write(buf[:h.End]); err != nil {
		return st, err
	}
	e := newEngine(h, ids)
	emit := func(_, start, end int) error { return write(buf[start:end]) }
	pos := h.End
	for {
		next, err := e.run(buf, pos, eof, emit)
		st.Rows, st.Kept = e.rows, e.kept
		if err != nil || eof {
			return st, err
		}
		n := copy(buf, buf[next:])
		buf = buf[:n]
		pos = 0
		if err := fill(); err != nil {
			return st, err
		}
	}
}

// chunk is Filter's read size; a record longer than that grows the buffer.
const chunk = 256 << 10

var errNoID = &Error{Line: 1, Reason: `no "id_indicateur" column in the header`}

// FilterBytes is Filter on a buffer in memory; it returns the filtered file.
func FilterBytes(data []byte, ids []string) ([]byte, Stats, error) {
	out := make([]byte, 0, 64<<10)
	k := -1
	rows, err := Scan(data, ids, func(r Row) {
		k++
		if r.Line == 1 {
			out = append(out, data[:r.End]...) // BOM included
			return
		}
		out = append(out, r.Bytes...)
	})
	st := Stats{Rows: rows, BytesIn: int64(len(data)), Out: int64(len(out))}
	if err != nil {
		return nil, st, err
	}
	st.Kept = k
	return out, st, nil
}

// Row is one record found by Scan.
type Row struct {
	Line  int    // physical line number of its first line (1 = header)
	Bytes []byte // the row's bytes, line end included (header: BOM excluded)
	End   int    // offset in data just after the row
}

// Scan calls fn for the header (Line 1, BOM excluded) and then for each row
// whose id_indicateur is one of ids, with its physical line number; it
// returns the number of records after the header (blank lines included).
// barometre.ParseSelected is built on it.
func Scan(data []byte, ids []string, fn func(r Row)) (rows int, err error) {
	h, _, err := ReadHeader(data, true)
	if err != nil {
		return 0, err
	}
	if h.IDCol < 0 {
		return 0, errNoID
	}
	fn(Row{Line: 1, Bytes: data[h.Start:h.End], End: h.End})
	e := newEngine(h, ids)
	_, err = e.run(data, h.End, true, func(line, start, end int) error {
		fn(Row{Line: line, Bytes: data[start:end], End: end})
		return nil
	})
	return e.rows, err
}

// Info describes one indicator of a file.
type Info struct {
	ID     string // id_indicateur
	Label  string // indicateur
	Mesure string // mesure
	Rows   int
}

// Indicators lists every id_indicateur of data in order of first
// appearance, with its label, mesure and row count. Rows too short to have
// an id_indicateur field and blank lines are not counted.
func Indicators(data []byte) ([]Info, error) {
	h, _, err := ReadHeader(data, true)
	if err != nil {
		return nil, err
	}
	if h.IDCol < 0 {
		return nil, errNoID
	}
	lab, mes := h.Col("indicateur"), h.Col("mesure")
	last := max(h.IDCol, lab, mes)
	var out []Info
	index := map[string]int{}
	var fs [][]byte
	var prefix []byte // the previous row up to the field after `last`
	cur := -1
	for pos := h.End; pos < len(data); {
		// The rows of one indicator are contiguous and share their first
		// fields: compare bytes instead of splitting fields again.
		if len(prefix) > 0 && bytes.HasPrefix(data[pos:], prefix) {
			end, _, _ := RecordEnd(data, pos+len(prefix))
			out[cur].Rows++
			pos = end
			continue
		}
		end, _, _ := RecordEnd(data, pos)
		rec := data[pos:end]
		pos = end
		prefix = nil
		if len(TrimEOL(rec)) == 0 {
			continue
		}
		fs = Fields(rec, h.Delim, fs)
		if len(fs) <= h.IDCol {
			continue
		}
		id := Unquote(fs[h.IDCol])
		i, ok := index[string(id)]
		if !ok {
			inf := Info{ID: string(id)}
			if lab >= 0 && lab < len(fs) {
				inf.Label = string(Unquote(fs[lab]))
			}
			if mes >= 0 && mes < len(fs) {
				inf.Mesure = string(Unquote(fs[mes]))
			}
			i = len(out)
			index[inf.ID] = i
			out = append(out, inf)
		}
		out[i].Rows++
		cur = i
		if last+1 < len(fs) {
			// fs[last+1] is a subslice of rec: its offset gives the prefix.
			prefix = rec[:cap(rec)-cap(fs[last+1])]
		}
	}
	return out, nil
}
