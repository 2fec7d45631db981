package rowfilter

import (
	"bytes"
	"francenum-map/internal/ascii"
)

// BOM is the UTF-8 byte order mark some exports put first.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// Header is the first record of a file, as the filter and the reader see it.
type Header struct {
	Start  int      // offset of the header after the BOM (0 or 3)
	End    int      // offset just after the header's line end
	Lines  int      // '\n' in the header (1 normally)
	Delim  byte     // ',' or ';'
	Names  []string // column names, unquoted, trimmed, lower-case ASCII
	IDCol  int      // index of id_indicateur, -1 when absent
	Closed bool     // the header ends with a line end
}

// Col returns the index of the column named name (lower case), or -1.
func (h *Header) Col(name string) int {
	for i, n := range h.Names {
		if n == name {
			return i
		}
	}
	return -1
}

// ReadHeader reads the header of data. It refuses, with an *Error, empty
// input and HTML pages; it does not require any particular column (callers
// check IDCol or their own columns). With atEOF false it returns ok false
// when data does not hold the whole header yet.
func ReadHeader(data []byte, atEOF bool) (h Header, ok bool, err error) {
	if bytes.HasPrefix(data, BOM) {
		h.Start = len(BOM)
	} else if !atEOF && len(data) < len(BOM) && bytes.HasPrefix(BOM, data) {
		return h, false, nil
	}
	rest := data[h.Start:]
	lead := bytes.TrimLeft(rest, " \t\r\n")
	if len(lead) == 0 {
		if !atEOF {
			return h, false, nil
		}
		return h, false, &Error{Reason: "empty file"}
	}
	if lead[0] == '<' {
		return h, false, &Error{Line: 1, Reason: "an HTML page, not a CSV file"}
	}
	end, lines, closed := RecordEnd(data, h.Start)
	if !closed && !atEOF {
		return h, false, nil
	}
	h.End, h.Lines, h.Closed = end, lines, closed
	rec := data[h.Start:end]
	h.Delim = detectDelim(rec)
	for _, f := range Fields(rec, h.Delim, nil) {
		h.Names = append(h.Names, ascii.Lower(string(Unquote(f))))
	}
	h.IDCol = h.Col("id_indicateur")
	return h, true, nil
}

// detectDelim picks ';' (Excel France) when the header has more semicolons
// than commas outside quotes, else ','.
func detectDelim(rec []byte) byte {
	commas, semis, inQ := 0, 0, false
	for _, c := range rec {
		switch c {
		case '"':
			inQ = !inQ
		case ',':
			if !inQ {
				commas++
			}
		case ';':
			if !inQ {
				semis++
			}
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}
