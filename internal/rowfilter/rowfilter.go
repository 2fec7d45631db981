// Package rowfilter passes through only the rows of chosen id_indicateur
// values of a published baromètre CSV, byte for byte: the header line and
// every kept row are copied exactly (BOM, quotes, CRLF included). It is
// quote-aware (a quoted field may hold delimiters and newlines) and fast:
// candidate rows are found by searching the ids, and only those rows are
// split into fields. It is used natively, in the Worker and in the page's
// wasm, so it never uses fmt.
package rowfilter

import "io"

// Stats describes one filtering run.
type Stats struct {
	Rows    int   // data rows in the input (header excluded)
	Kept    int   // rows written
	BytesIn int64 // bytes read
	Out     int64 // bytes written, header included
}

// Error is a structural problem: no header, no id_indicateur column, HTML
// page, empty input.
type Error struct {
	Line   int
	Reason string
}

// Error returns the reason with its line.
func (e *Error) Error() string { return "rowfilter: " + e.Reason }

// Filter copies from src to dst the header line and the rows whose
// id_indicateur is one of ids, reading src in chunks (never the whole input).
func Filter(dst io.Writer, src io.Reader, ids []string) (Stats, error) {
	return Stats{}, &Error{Reason: "not implemented yet"}
}

// FilterBytes is Filter on a buffer in memory; it returns the filtered file.
func FilterBytes(data []byte, ids []string) ([]byte, Stats, error) {
	return nil, Stats{}, &Error{Reason: "not implemented yet"}
}

// Row is one kept row found by Scan.
type Row struct {
	Line  int    // physical line number of its first line (1 = header)
	Bytes []byte // the row's bytes, line end included
}

// Scan calls fn for the header (Line 1, after the BOM) and each row whose
// id_indicateur is one of ids, with its physical line number; rows is the
// number of data rows in data. Barometre.ParseSelected is built on it.
func Scan(data []byte, ids []string, fn func(r Row)) (rows int, err error) {
	return 0, &Error{Reason: "not implemented yet"}
}

// Info describes one indicator of a file.
type Info struct {
	ID     string // id_indicateur
	Label  string // indicateur
	Mesure string // mesure
	Rows   int
}

// Indicators lists every id_indicateur of data in order of first
// appearance, with its label, mesure and row count.
func Indicators(data []byte) ([]Info, error) {
	return nil, &Error{Reason: "not implemented yet"}
}
