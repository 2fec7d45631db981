package barometre

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"francenum-map/internal/dept"
	"francenum-map/internal/rowfilter"
)

// Parse reads a whole published file. It returns a *StructuralError when
// the file is refused; otherwise every data row is either kept or reported
// in Warnings. Of two rows with the same indicator × department × date the
// first is kept and the second is left out, whether its value differs or
// not (the warning says which).
func Parse(data []byte) (*File, error) {
	if err := CheckSize(int64(len(data))); err != nil {
		return nil, err
	}
	enc := "UTF-8"
	if !utf8.Valid(data) {
		data, enc = decodeFile(data), "Windows-1252"
	}
	p, h, err := start(data, enc)
	if err != nil {
		return nil, err
	}
	p.reserve(min(rowfilter.CountLines(data[h.End:])+1, (len(data)-h.End)/minRowBytes+1))
	line := 1 + h.Lines
	for pos := h.End; pos < len(data); {
		end, lines, _ := rowfilter.RecordEnd(data, pos)
		if end == len(data) {
			if err := p.truncated(data[pos:end], line); err != nil {
				return nil, err
			}
		}
		p.record(data[pos:end], line)
		line += lines
		pos = end
	}
	return p.f, nil
}

// truncated refuses the file when rec, its last record, has no line end
// and is incomplete: fewer or more fields than the header, or a quote
// still open. A file cut in the middle (a download interrupted, a copy
// stopped at a size) looks like that; read as is, its last row would be
// dropped and every department after the cut would read as missing,
// replacing a good map by a wrong one. A last line without line end but
// with the right fields is a whole row (many editors write no final line
// end) and is read.
func (p *parser) truncated(rec []byte, line int) *StructuralError {
	if len(rec) == 0 || rec[len(rec)-1] == '\n' || len(trimSpace(rowfilter.TrimEOL(rec))) == 0 {
		return nil
	}
	// By the record rules an odd number of quotes leaves the last field
	// open: the file ends inside it.
	quotes := 0
	for _, c := range rec {
		if c == '"' {
			quotes++
		}
	}
	fields := rowfilter.Fields(rec, p.delim, nil)
	n := len(fields)
	if quotes%2 == 0 && (n == len(p.l.names) || allEmpty(fields)) {
		return nil // a whole row (or a row error the record reports)
	}
	return &StructuralError{Line: line + rowfilter.CountLines(rec), Code: RefuseTruncated, Values: vals(strconv.Itoa(n), strconv.Itoa(len(p.l.names)))}
}

// lastRecord returns the last record of data after the header (by the
// record rules, from the header on) and its first line; nil when data
// ends with a line end, the only case that needs no walk.
func lastRecord(data []byte, h *rowfilter.Header) ([]byte, int) {
	if len(data) == 0 || data[len(data)-1] == '\n' {
		return nil, 0
	}
	line := 1 + h.Lines
	for pos := h.End; pos < len(data); {
		end, lines, _ := rowfilter.RecordEnd(data, pos)
		if end == len(data) {
			return data[pos:end], line
		}
		line += lines
		pos = end
	}
	return nil, 0
}

// ParseSelected reads only the rows whose id_indicateur is one of ids
// (every row when ids is empty): the others are passed over by
// rowfilter.Scan without being parsed and counted in File.Skipped (blank
// lines included), which is how the page reads the full 22.8 MB file
// quickly. Line numbers stay those of data; the encoding is decided on the
// header and the selected rows.
func ParseSelected(data []byte, ids []string) (*File, error) {
	if len(ids) == 0 {
		return Parse(data)
	}
	if err := CheckSize(int64(len(data))); err != nil {
		return nil, err
	}
	// Refuse a file on its header exactly as Parse does.
	h, _, err := rowfilter.ReadHeader(data, true)
	if err != nil {
		return nil, structural(err)
	}
	if _, _, err := start(data[:h.End], "UTF-8"); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if e, ok := encode1252(id); ok && e != id {
			ids = append(ids[:len(ids):len(ids)], e)
		}
	}
	type span struct{ line, start, end int }
	var spans []span
	valid := utf8.Valid(data[:h.End])
	rows, err := rowfilter.Scan(data, ids, func(r rowfilter.Row) {
		if r.Line > 1 {
			spans = append(spans, span{r.Line, r.End - len(r.Bytes), r.End})
		}
		if valid && !utf8.Valid(r.Bytes) {
			valid = false
		}
	})
	if err != nil {
		return nil, structural(err)
	}
	enc := "UTF-8"
	hdr := data[:h.End]
	if !valid {
		enc, hdr = "Windows-1252", decodeFile(hdr)
	}
	p, _, err := start(hdr, enc)
	if err != nil {
		return nil, err
	}
	// The last row may be of another indicator: check it apart, as Parse
	// does, so a cut file is refused whichever rows are selected.
	if rec, line := lastRecord(data, &h); rec != nil {
		if err := p.truncated(rec, line); err != nil {
			return nil, err
		}
	}
	p.reserve(len(spans))
	for _, s := range spans {
		rec := data[s.start:s.end]
		if !valid {
			rec = decode1252(rec)
		}
		p.record(rec, s.line)
	}
	p.f.Skipped = rows - len(spans)
	return p.f, nil
}

// MaxFileSize is the largest file the reader accepts, in bytes (40 MB):
// the full departmental detail release is 22 785 224 bytes, so a release
// can grow by 75 % before meeting it, while a file dropped by mistake (a
// video, a database dump) is refused before it is copied into the page's
// memory. Parsing needs about twice the file's size on top of it.
const MaxFileSize = 40_000_000

// CheckSize refuses (Code RefuseTooLarge, Values [size, limit] in MB) a
// file of size bytes above MaxFileSize; it returns nil otherwise. The page calls it with the
// dropped file's size before reading the file; Parse and ParseSelected
// call it too.
func CheckSize(size int64) error {
	if size <= MaxFileSize {
		return nil
	}
	// In megabytes (10^6 bytes, as file managers count), one decimal
	// rounded up (a file just over the limit does not read "40 MB").
	return &StructuralError{Code: RefuseTooLarge, Values: vals(strconv.FormatFloat(float64((size+99_999)/100_000)/10, 'f', -1, 64), "40")}
}

// structural turns a rowfilter error into a *StructuralError. rowfilter
// refuses three things, told apart here by line and reason so that
// rowfilter (shared with the Worker) keeps its plain error type.
func structural(err error) error {
	re, ok := err.(*rowfilter.Error)
	if !ok {
		return err
	}
	se := &StructuralError{Line: re.Line, Code: RefuseHTML}
	switch {
	case re.Line == 0:
		se.Code = RefuseEmpty
	case re.Reason != "an HTML page, not a CSV file": // no id_indicateur (detect refuses that first)
		se.Code, se.Field, se.Values = RefuseMissingColumn, colID, vals(colID)
	}
	return se
}

// parser holds the state of one read.
type parser struct {
	f      *File
	l      layout
	delim  byte
	fields [][]byte
	buf    []byte
	strs   map[string]string
	depts  map[string]deptEntry
	seen   map[uint64]int32  // key → index in Observations or Targets
	inds   map[string]uint64 // interned id → its number in keys
	last   []*string         // per column, the text interned last

	lastInd    string // the indicator of the previous key
	lastIndNum uint64
}

// key packs indicator number × department × date into one word: hashing it
// is much cheaper than hashing two strings per row.
func (p *parser) key(ind string, deptNum int, d Date) uint64 {
	if ind != p.lastInd {
		n, ok := p.inds[ind]
		if !ok {
			n = uint64(len(p.inds))
			p.inds[ind] = n
		}
		p.lastInd, p.lastIndNum = ind, n
	}
	return p.lastIndNum<<40 | uint64(deptNum)<<32 | uint64(uint32(d))
}

// minRowBytes is the size of a row used to bound the room reserved for
// the rows: the published rows average 194 (national detail) to 269 bytes
// (national synthese), 195 in the departmental detail (22 785 224 bytes,
// 116 707 rows, which 160 leaves room for without growing). Reserving one
// row per line instead let 10 MB of blank lines reserve ten million rows
// (1.5 GB); a file of shorter rows only makes the slice grow.
const minRowBytes = 160

// reserve sizes the result for about n rows.
func (p *parser) reserve(n int) {
	p.seen = make(map[uint64]int32, n)
	if p.l.kind.IsSynthese() {
		p.f.Targets = make([]Target, 0, n)
	} else {
		p.f.Observations = make([]Observation, 0, n)
	}
}

// start reads the header and prepares a parser.
func start(data []byte, enc string) (*parser, *rowfilter.Header, error) {
	h, _, err := rowfilter.ReadHeader(data, true)
	if err != nil {
		return nil, nil, structural(err)
	}
	if h.Start > 0 {
		enc += " BOM"
	}
	l, err := detect(&h)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{
		f:     &File{Kind: l.kind, Delimiter: h.Delim, Encoding: enc, Header: h.Names},
		l:     l,
		delim: h.Delim,
		strs:  map[string]string{},
		depts: deptTable,
		seen:  map[uint64]int32{},
		inds:  map[string]uint64{},
		last:  make([]*string, len(l.names)),
	}
	return p, &h, nil
}

// deptEntry is a normalised department code and its number (1…101; 0
// is national).
type deptEntry struct {
	_    noCompare
	code string
	num  int
}

// deptTable maps the ways real files write a department code to its
// normalised form ("1" → "01", "2a" → "2A").
var deptTable = func() map[string]deptEntry {
	m := map[string]deptEntry{}
	for i, c := range dept.Codes() {
		e := deptEntry{code: c, num: i + 1}
		m[c] = e
		if c[0] == '0' {
			m[c[1:]] = e
		}
		if c == "2A" || c == "2B" {
			m[string([]byte{'2', c[1] + 'a' - 'A'})] = e
		}
	}
	return m
}()

// intern returns b as a string shared by every row that has the same text.
// Rows of one indicator are contiguous, so the text of column col is
// usually that of the previous row: comparing bytes with it avoids hashing
// long labels (slow in wasm, which has no AES hash).
func (p *parser) intern(col int, b []byte) string {
	if col >= 0 && col < len(p.last) && p.last[col] != nil && string(b) == *p.last[col] {
		return *p.last[col]
	}
	s, ok := p.strs[string(b)]
	if !ok {
		s = string(b)
		p.strs[s] = s
	}
	if col >= 0 && col < len(p.last) {
		p.last[col] = &s
	}
	return s
}

// warn leaves the row out with a warning: col is the 0-based column (-1
// for the whole row), values those the code's comment lists.
func (p *parser) warn(line, col int, code Code, values ...string) {
	w := Warning{Line: line, Column: col + 1, Code: code}
	if len(values) > 0 {
		w.Values = vals(values...)
	}
	if col >= 0 && col < len(p.l.names) {
		w.Field = p.l.names[col]
	} else {
		w.Column = 0
	}
	if p.l.id >= 0 && len(p.fields) == len(p.l.names) {
		if id := trimSpace(p.fields[p.l.id]); len(id) > 0 {
			w.Indicator = p.intern(-1, id)
		}
	}
	p.f.Warnings = append(p.f.Warnings, w)
	p.f.Stats.Rejected++
}

// get returns field i, or nil when the column is absent.
func (p *parser) get(i int) []byte {
	if i < 0 {
		return nil
	}
	return p.fields[i]
}

// record reads one record starting at physical line `line`.
func (p *parser) record(rec []byte, line int) {
	body := rowfilter.TrimEOL(rec)
	if len(trimSpace(body)) == 0 {
		return // a blank line is not a row
	}
	fields, code, col := p.split(body)
	p.fields = fields
	if code == "" && allEmpty(fields) {
		return // a line of empty fields (Excel pads with ";;;;") is not a row
	}
	p.f.Stats.Read++
	if code == WarnUnterminatedQuote {
		// By the record rules this record runs to the end of the file.
		p.warn(line, col, code, strconv.Itoa(line+rowfilter.CountLines(rowfilter.TrimEOL(rec))))
		return
	}
	if code != "" {
		p.warn(line, col, code)
		return
	}
	if len(fields) != len(p.l.names) {
		p.warn(line, -1, WarnFieldCount, strconv.Itoa(len(fields)), strconv.Itoa(len(p.l.names)))
		return
	}
	id := trimSpace(p.get(p.l.id))
	if len(id) == 0 {
		p.warn(line, p.l.id, WarnEmptyID)
		return
	}
	var de deptEntry // zero: national
	if p.l.dept >= 0 {
		raw := trimSpace(p.fields[p.l.dept])
		e, ok := p.depts[string(raw)]
		if !ok {
			p.warn(line, p.l.dept, WarnUnknownDept, string(raw))
			return
		}
		de = e
	}
	if p.l.kind.IsSynthese() {
		p.target(line, id, de)
	} else {
		p.observation(line, id, de)
	}
}

func (p *parser) observation(line int, id []byte, de deptEntry) {
	d, ok := parseDate(p.fields[p.l.date])
	if !ok {
		p.badDate(line, p.l.date)
		return
	}
	v, code := parseValue(p.fields[p.l.value], p.delim)
	if code != "" {
		p.badValue(line, p.l.value, code)
		return
	}
	ind := p.intern(p.l.id, id)
	k := p.key(ind, de.num, d)
	if i, dup := p.seen[k]; dup {
		first := p.f.Observations[i]
		p.duplicate(line, p.l.value, first.Line, first.Value, v, "indicator × department × date")
		return
	}
	p.seen[k] = int32(len(p.f.Observations))
	p.f.Observations = append(p.f.Observations, Observation{
		Line:      line,
		Indicator: ind,
		Label:     p.intern(p.l.label, p.text(p.l.label)),
		Mesure:    p.intern(p.l.mesure, p.text(p.l.mesure)),
		Dept:      de.code,
		DeptName:  p.intern(p.l.deptName, p.text(p.l.deptName)),
		Unit:      p.intern(p.l.unit, p.text(p.l.unit)),
		Date:      d,
		Value:     v,
	})
	p.f.Stats.Kept++
}

func (p *parser) target(line int, id []byte, de deptEntry) {
	t := Target{Line: line, Dept: de.code}
	var reason Code
	t.Current, reason = parseValue(p.fields[p.l.current], p.delim)
	if reason != "" {
		p.badValue(line, p.l.current, reason)
		return
	}
	var ok bool
	if t.CurrentDate, ok = parseDate(p.fields[p.l.currentDate]); !ok {
		p.badDate(line, p.l.currentDate)
		return
	}
	// Optional columns: empty is allowed, garbage is not.
	opt := func(col int, dst *float64) bool {
		if col < 0 || len(trimSpace(p.fields[col])) == 0 {
			return false
		}
		v, c := parseValue(p.fields[col], p.delim)
		if c != "" {
			reason = c
			p.badValue(line, col, c)
			return false
		}
		*dst = v
		return true
	}
	optDate := func(col int, dst *Date) {
		if col < 0 || len(trimSpace(p.fields[col])) == 0 || reason != "" {
			return
		}
		d, ok := parseDate(p.fields[col])
		if !ok {
			reason = WarnBadDate
			p.badDate(line, col)
			return
		}
		*dst = d
	}
	opt(p.l.initial, &t.Initial)
	if reason == "" {
		t.HasTarget = opt(p.l.target, &t.Target)
	}
	optDate(p.l.initialDate, &t.InitialDate)
	optDate(p.l.targetDate, &t.TargetDate)
	if reason != "" {
		return
	}
	t.Indicator = p.intern(p.l.id, id)
	k := p.key(t.Indicator, de.num, 0)
	if i, dup := p.seen[k]; dup {
		first := p.f.Targets[i]
		p.duplicate(line, p.l.current, first.Line, first.Current, t.Current, "indicator × department")
		return
	}
	p.seen[k] = int32(len(p.f.Targets))
	t.Label = p.intern(p.l.label, p.text(p.l.label))
	t.Mesure = p.intern(p.l.mesure, p.text(p.l.mesure))
	t.DeptName = p.intern(p.l.deptName, p.text(p.l.deptName))
	t.Unit = p.intern(p.l.unit, p.text(p.l.unit))
	p.f.Targets = append(p.f.Targets, t)
	p.f.Stats.Kept++
}

// duplicate warns of a row whose key (what) is that of line firstLine.
func (p *parser) duplicate(line, col, firstLine int, first, v float64, what string) {
	if first == v {
		p.warn(line, col, WarnDuplicate, strconv.Itoa(firstLine))
		return
	}
	p.warn(line, col, WarnDuplicateConflict, strconv.Itoa(firstLine), strconv.FormatFloat(v, 'g', -1, 64), strconv.FormatFloat(first, 'g', -1, 64))
}

// badDate warns of the unreadable date in column col.
func (p *parser) badDate(line, col int) {
	p.warn(line, col, WarnBadDate, string(p.fields[col]))
}

// badValue warns of the unreadable number in column col.
func (p *parser) badValue(line, col int, code Code) {
	if code == WarnEmptyValue {
		p.warn(line, col, code)
		return
	}
	p.warn(line, col, code, string(trimSpace(p.fields[col])))
}

// text returns the trimmed field i, or nil when the column is absent.
func (p *parser) text(i int) []byte { return trimSpace(p.get(i)) }

func allEmpty(fields [][]byte) bool {
	for _, f := range fields {
		if len(trimSpace(f)) > 0 {
			return false
		}
	}
	return true
}

// split cuts a record (line end removed) into field values, quotes removed
// and `""` unescaped. It reports a bare quote inside an unquoted field, text
// after a closing quote and an unterminated quote, with the 0-based column.
// Delimiters and quotes are found eight bytes at a time
// (rowfilter.IndexSpecial).
func (p *parser) split(rec []byte) (fields [][]byte, code Code, col int) {
	fields = p.fields[:0]
	p.buf = p.buf[:0]
	start := 0
	for i := 0; ; {
		k := rowfilter.IndexSpecial(rec[i:], p.delim)
		if k < 0 {
			return append(fields, rec[start:]), "", 0
		}
		i += k
		if rec[i] == '"' {
			// Quoted only if nothing but spaces precedes the quote.
			if len(trimSpace(rec[start:i])) != 0 {
				return fields, WarnQuoteInField, len(fields)
			}
			f, next, c := p.quoted(rec, i+1)
			if c != "" {
				return fields, c, len(fields)
			}
			fields = append(fields, f)
			if next == len(rec) {
				return fields, "", 0
			}
			start, i = next+1, next+1
			continue
		}
		fields = append(fields, rec[start:i])
		start, i = i+1, i+1
	}
}

// quoted reads a quoted field whose text starts at rec[i] (after the
// opening quote). It returns the unescaped value, the offset of the
// delimiter that ends the field (or len(rec)), or the problem's code.
func (p *parser) quoted(rec []byte, i int) ([]byte, int, Code) {
	from := len(p.buf)
	for {
		q := bytes.IndexByte(rec[i:], '"')
		if q < 0 {
			return nil, 0, WarnUnterminatedQuote
		}
		p.buf = append(p.buf, rec[i:i+q]...)
		i += q + 1
		if i < len(rec) && rec[i] == '"' {
			p.buf = append(p.buf, '"')
			i++
			continue
		}
		break
	}
	for i < len(rec) && (rec[i] == ' ' || rec[i] == '\r') {
		i++
	}
	if i < len(rec) && rec[i] != p.delim {
		return nil, 0, WarnTextAfterQuote
	}
	return p.buf[from:len(p.buf):len(p.buf)], i, ""
}
