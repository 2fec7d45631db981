// Package exportfmt writes the exports' text safely: CSV for a plain
// reader or for French Excel, and XML/SVG text that is always well formed,
// whatever bytes a user's file put into a label.
//
// It is linked into the browser's wasm (hard size budget): no fmt, no
// encoding/*, no reflect, no strconv quoting, no unicode tables.
package exportfmt

import (
	"math"
	"strconv"
)

// Dialect is a flavour of CSV.
type Dialect struct {
	// Sep separates the cells: ',' or ';'.
	Sep byte
	// BOM starts the file with the UTF-8 byte order mark, which Excel
	// needs to read UTF-8 (without it, « Ariège » reads « AriÃ¨ge »).
	BOM bool
	// DecimalComma writes 12,5 rather than 12.5.
	DecimalComma bool
	// CRLF ends the rows with "\r\n" rather than "\n".
	CRLF bool
}

var (
	// Standard is RFC 4180-style CSV for programs: ',' and '.', "\n", no
	// BOM (the machine-readable export).
	Standard = Dialect{Sep: ','}
	// ExcelFR opens as a table in Excel set to French: ';' (Excel's list
	// separator there), decimal commas, a BOM, "\r\n".
	ExcelFR = Dialect{Sep: ';', BOM: true, DecimalComma: true, CRLF: true}
)

// Writer builds a CSV file in memory, cell by cell.
type Writer struct {
	d     Dialect
	buf   []byte
	first bool // the next cell is the first of its row
}

// NewWriter starts a file in dialect d (the BOM, if any, is written now).
func NewWriter(d Dialect) *Writer {
	w := &Writer{d: d, first: true, buf: make([]byte, 0, 16<<10)}
	if d.BOM {
		w.buf = append(w.buf, 0xEF, 0xBB, 0xBF)
	}
	return w
}

func (w *Writer) sep() {
	if !w.first {
		w.buf = append(w.buf, w.d.Sep)
	}
	w.first = false
}

// Text writes a text cell. A cell that a spreadsheet would run as a
// formula (starting with =, +, -, @, a tab or a carriage return: CSV
// injection) is neutralised with a leading apostrophe, which spreadsheets
// show as text and do not run; the cell is quoted when it holds the
// separator, a quote or a line end. Numbers go through Number, which is
// never neutralised (-3 stays a number).
func (w *Writer) Text(s string) {
	w.sep()
	neutral := Neutralise(s)
	quote := false
	for i := 0; i < len(neutral); i++ {
		if c := neutral[i]; c == w.d.Sep || c == '"' || c == '\n' || c == '\r' {
			quote = true
			break
		}
	}
	if !quote {
		w.buf = append(w.buf, neutral...)
		return
	}
	w.buf = append(w.buf, '"')
	for i := 0; i < len(neutral); i++ {
		if neutral[i] == '"' {
			w.buf = append(w.buf, '"')
		}
		w.buf = append(w.buf, neutral[i])
	}
	w.buf = append(w.buf, '"')
}

// Neutralise returns s with a leading apostrophe when a spreadsheet would
// read it as a formula: it starts with =, +, -, @, a tab or a carriage
// return.
func Neutralise(s string) string {
	if len(s) > 0 {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
	}
	return s
}

// Number writes a number cell with decimals digits after the mark
// (decimals < 0: the shortest form that reads back exactly), '.' or ','
// as the dialect says, no thousands separator (spreadsheets parse it
// better). NaN and ±Inf write an empty cell (no data).
func (w *Writer) Number(v float64, decimals int) {
	w.sep()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	start := len(w.buf)
	w.buf = strconv.AppendFloat(w.buf, v, 'f', decimals, 64)
	if w.d.DecimalComma {
		for i := start; i < len(w.buf); i++ {
			if w.buf[i] == '.' {
				w.buf[i] = ','
			}
		}
	}
}

// EndRow ends the current row.
func (w *Writer) EndRow() {
	if w.d.CRLF {
		w.buf = append(w.buf, '\r')
	}
	w.buf = append(w.buf, '\n')
	w.first = true
}

// Bytes returns the file written so far.
func (w *Writer) Bytes() []byte { return w.buf }
