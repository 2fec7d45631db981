package barometre

// Kind is the kind of published file, detected from its header.
type Kind uint8

// The kinds of files the reader understands.
const (
	// KindUnknown is the zero Kind (never returned with a nil error).
	KindUnknown Kind = iota
	// KindDetail is the departmental detail: one row per indicator ×
	// department × date (columns code_departement, date, valeur).
	KindDetail
	// KindSynthese is the departmental synthese: one row per indicator ×
	// department with current value, initial value and target.
	KindSynthese
	// KindNationalDetail is the national detail (maille_geographique instead
	// of the department columns).
	KindNationalDetail
	// KindNationalSynthese is the national synthese.
	KindNationalSynthese
)

// String returns a short English name: "detail", "synthese",
// "national detail", "national synthese".
func (k Kind) String() string {
	switch k {
	case KindDetail:
		return "detail"
	case KindSynthese:
		return "synthese"
	case KindNationalDetail:
		return "national detail"
	case KindNationalSynthese:
		return "national synthese"
	}
	return "unknown"
}

// IsNational reports whether rows of this kind are national (Dept == "").
func (k Kind) IsNational() bool { return k == KindNationalDetail || k == KindNationalSynthese }

// IsSynthese reports whether the file holds Targets rather than Observations.
func (k Kind) IsSynthese() bool { return k == KindSynthese || k == KindNationalSynthese }

// Observation is one kept row of a detail file: the value of an indicator in
// a department (Dept == "" for national rows) at a date.
type Observation struct {
	_         noCompare
	Line      int     // physical line number of the row's first line (1 = header)
	Indicator string  // id_indicateur, e.g. "nb-diagnostics-individualises"
	Label     string  // indicateur (human label)
	Mesure    string  // mesure (the policy)
	Dept      string  // normalised department code ("01", "2A", "971"); "" when national
	DeptName  string  // libelle_departement (or maille_geographique when national)
	Unit      string  // unite
	Date      Date    // date
	Value     float64 // valeur (finite)
}

// Target is one kept row of a synthese file.
type Target struct {
	_           noCompare
	Line        int
	Indicator   string
	Label       string
	Mesure      string
	Dept        string // "" when national
	DeptName    string
	Unit        string
	Current     float64 // valeur_actuelle
	CurrentDate Date    // date_valeur_actuelle
	Initial     float64 // valeur_initiale (0 when the column is absent or empty)
	InitialDate Date    // date_valeur_initiale (zero when absent or empty)
	Target      float64 // cible, meaningful only when HasTarget
	HasTarget   bool    // false when cible is empty
	TargetDate  Date    // date_cible (zero when absent or empty)
}

// Stats counts data rows (the header, blank lines and lines of all-empty
// fields are not rows). Read == Kept + Rejected always.
type Stats struct {
	Read     int
	Kept     int
	Rejected int
}

// Warning is a row left out (or, for Field "", a remark about the file),
// with where it is. Code and Values say what is wrong in a form any
// language can render (Text, with package problemtext); String is the
// English the CLI prints.
type Warning struct {
	Line   int    // physical line number (1 = header)
	Column int    // 1-based field number, 0 when it concerns the whole row
	Field  string // column name when known
	// Code is the kind of problem (one of the Warn… constants).
	Code Code
	// Values are the texts involved, as the constant's comment lists them
	// (e.g. the unparseable text; numbers are written with strconv, '.'
	// as decimal point).
	Values []string
	// Indicator is the row's id_indicateur when it could be read ("" when
	// the row could not be split into the header's fields), so that the
	// warnings of the mapped indicators can be shown first.
	Indicator string
}

// StructuralError refuses a whole file: empty file, HTML page, no header,
// missing required column, unsupported layout, truncated, too large.
type StructuralError struct {
	Line   int    // physical line, 0 when it concerns the whole file
	Column int    // 1-based field number, 0 when none
	Field  string // column name concerned, e.g. the missing one
	// Code is the kind of refusal (one of the Refuse… constants).
	Code Code
	// Values are the texts involved, as the constant's comment lists them.
	Values []string
	// Kind is the kind of file the header announced, when known (the
	// missing-column refusal says which kind needs the column).
	Kind Kind
}

// File is a published file as read.
type File struct {
	Kind      Kind
	Delimiter byte   // ',' or ';'
	Encoding  string // "UTF-8", "UTF-8 BOM" or "Windows-1252"
	Header    []string
	// Observations are the kept rows of a detail file, in file order.
	Observations []Observation
	// Targets are the kept rows of a synthese file, in file order.
	Targets []Target
	Stats   Stats
	// Skipped counts the rows of other indicators passed over by
	// ParseSelected (not part of Stats); always 0 for Parse.
	Skipped  int
	Warnings []Warning
}

// noCompare, a zero-size first field, makes a struct not comparable with
// ==, which nothing does with rows: the compiler then generates no
// equality function for it, about 1.3 KB of wasm per row type.
type noCompare [0]func()
