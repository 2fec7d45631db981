package rowfilter

import "bytes"

// engine filters records of a buffer that starts at a record boundary.
type engine struct {
	h    Header
	mt   *matcher
	ids  [][]byte
	line int // physical line number of the next record
	rows int
	kept int
}

func newEngine(h Header, ids []string) *engine {
	e := &engine{h: h, mt: newMatcher(ids), line: 1 + h.Lines}
	if !h.Closed {
		e.line = 1
	}
	for _, id := range ids {
		if id != "" { // an empty id selects nothing (rows without id are not data)
			e.ids = append(e.ids, []byte(id))
		}
	}
	return e
}

// run processes buf[pos:] and returns how far it got: with atEOF false it
// stops before a record that may continue in the next chunk.
func (e *engine) run(buf []byte, pos int, atEOF bool, emit func(line, start, end int) error) (int, error) {
	for pos < len(buf) {
		c := e.mt.next(buf, pos)
		if c < 0 {
			r := countRun(buf[pos:])
			if !atEOF {
				// Keep the unfinished record (an id may straddle chunks).
				e.rows += r.records
				e.line += r.lines
				return pos + r.boundary, nil
			}
			e.rows += r.records
			if r.boundary < len(buf)-pos {
				e.rows++ // a last record without line end
			}
			e.line += countLines(buf[pos:])
			return len(buf), nil
		}
		ls := pos
		if i := bytes.LastIndexByte(buf[pos:c], '\n'); i >= 0 {
			ls = pos + i + 1
		}
		if ls > pos {
			r := countRun(buf[pos:ls])
			if r.inQuote {
				// The candidate sits after a quoted line end: walk record
				// by record up to the record holding it.
				for pos <= c && pos < len(buf) {
					end, lines, complete := RecordEnd(buf, pos)
					if !complete && !atEOF {
						return pos, nil
					}
					if err := e.record(buf, pos, end, lines, emit); err != nil {
						return end, err
					}
					pos = end
				}
				continue
			}
			e.rows += r.records
			e.line += r.lines
			pos = ls
		}
		end, lines, complete := RecordEnd(buf, pos)
		if !complete && !atEOF {
			return pos, nil
		}
		if err := e.record(buf, pos, end, lines, emit); err != nil {
			return end, err
		}
		pos = end
	}
	return pos, nil
}

// record counts one record and emits it when its id is chosen.
func (e *engine) record(buf []byte, start, end, lines int, emit func(line, start, end int) error) error {
	rec := buf[start:end]
	line := e.line
	e.rows++
	e.line += lines
	f, ok := field(rec, e.h.Delim, e.h.IDCol)
	if !ok {
		return nil
	}
	v := Unquote(f)
	for _, id := range e.ids {
		if bytes.Equal(v, id) {
			e.kept++
			return emit(line, start, end)
		}
	}
	return nil
}
