package barometre

// Code names a kind of problem found in a file, stable across releases so
// that the app can render it in the reader's language from one table
// (package problemtext) and group warnings by it. The comment of each
// constant lists its Values, in order.
type Code string

// Refusals: the Code of a *StructuralError.
const (
	// RefuseEmpty: the file is empty or holds only blank lines.
	RefuseEmpty Code = "empty"
	// RefuseHTML: the file is an HTML page (an error page saved as .csv).
	RefuseHTML Code = "html-page"
	// RefuseNoHeader: the first line names none of the known columns.
	RefuseNoHeader Code = "no-header"
	// RefuseColumnTwice: Values = [name, first column, second column]
	// (1-based).
	RefuseColumnTwice Code = "column-twice"
	// RefuseRegional: a regional file (code_region, no department).
	RefuseRegional Code = "regional-file"
	// RefuseMissingColumn: Values = the missing column names (at least
	// one); StructuralError.Kind says which kind of file needs them.
	RefuseMissingColumn Code = "missing-column"
	// RefuseTruncated: the last line has no line end and is incomplete
	// (not the header's number of fields, or a quote still open): the file
	// was cut. Line is the file's last line; Values = [fields found (the
	// one cut inside a quote included), fields in the header].
	RefuseTruncated Code = "truncated"
	// RefuseTooLarge: the file is over MaxFileSize. Values = [its size,
	// the limit], in megabytes (10^6 bytes, one decimal at most).
	RefuseTooLarge Code = "too-large"
)

// Row warnings: the Code of a Warning.
const (
	// WarnUnterminatedQuote: a quote opened and never closed; the record
	// runs to the end of the file. Values = [last line of the file].
	WarnUnterminatedQuote Code = "unterminated-quote"
	// WarnQuoteInField: a quote inside an unquoted field.
	WarnQuoteInField Code = "quote-in-field"
	// WarnTextAfterQuote: text between a closing quote and the delimiter.
	WarnTextAfterQuote Code = "text-after-quote"
	// WarnFieldCount: Values = [fields found, fields in the header].
	WarnFieldCount Code = "wrong-field-count"
	// WarnEmptyID: the id_indicateur field is empty.
	WarnEmptyID Code = "empty-id"
	// WarnUnknownDept: Values = [the code as written].
	WarnUnknownDept Code = "unknown-department"
	// WarnBadDate: Values = [the date as written].
	WarnBadDate Code = "bad-date"
	// WarnEmptyValue: a required number is empty.
	WarnEmptyValue Code = "empty-value"
	// WarnNotANumber: NaN or Inf. Values = [the text].
	WarnNotANumber Code = "not-a-number"
	// WarnOutOfRange: beyond float64 (1e400). Values = [the text].
	WarnOutOfRange Code = "out-of-range"
	// WarnUnparseable: not a number. Values = [the text].
	WarnUnparseable Code = "unparseable-value"
	// WarnDuplicate: the same key (indicator × department × date, or
	// indicator × department in a synthese) as an earlier row, with the
	// same value; the first is kept. Values = [line of the first].
	WarnDuplicate Code = "duplicate"
	// WarnDuplicateConflict: the same key as an earlier row with another
	// value; the first is kept. Values = [line of the first, value here,
	// value there].
	WarnDuplicateConflict Code = "duplicate-conflict"
)

// Codes lists every Code, refusals then warnings (for tables and tests).
var Codes = []Code{
	RefuseEmpty, RefuseHTML, RefuseNoHeader, RefuseColumnTwice, RefuseRegional,
	RefuseMissingColumn, RefuseTruncated, RefuseTooLarge,
	WarnUnterminatedQuote, WarnQuoteInField, WarnTextAfterQuote, WarnFieldCount,
	WarnEmptyID, WarnUnknownDept, WarnBadDate, WarnEmptyValue, WarnNotANumber,
	WarnOutOfRange, WarnUnparseable, WarnDuplicate, WarnDuplicateConflict,
}
