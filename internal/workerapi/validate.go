package workerapi

import (
	"errors"
	"strconv"
	"strings"

	"francenum-map/internal/barometre"
)

// Summary describes a filtered file that passed validation.
type Summary struct {
	Rows         int            // data rows read
	Rejected     int            // rows the app's reader leaves out (row warnings)
	Departments  int            // distinct departments (0 for the national file)
	PerIndicator map[string]int // kept rows per indicator
	FirstWarning string         // the first row warning, for /api/v1/meta
}

// MaxRejectedShare is the share of rejected rows above which a refresh is
// treated as suspicious and refused.
const MaxRejectedShare = 0.05

// ExpectedKind is the barometre.Kind each served file must have.
func ExpectedKind(name string) barometre.Kind {
	switch name {
	case "detail":
		return barometre.KindDetail
	case "synthese":
		return barometre.KindSynthese
	case "national":
		return barometre.KindNationalDetail
	}
	return barometre.KindUnknown
}

// Validate decides whether a filtered file may replace the cached one: it
// must parse without structural error as the expected kind (so the header
// holds the expected columns), hold rows of both indicators, cover at least
// MinDepartments departments when departmental, and have few rejected rows.
func Validate(spec FileSpec, filtered []byte) (Summary, error) {
	f, err := barometre.Parse(filtered)
	if err != nil {
		return Summary{}, err
	}
	if want := ExpectedKind(spec.Name); f.Kind != want {
		return Summary{}, errors.New("expected a " + want.String() + " file, the header (" +
			strings.Join(f.Header, ",") + ") is a " + f.Kind.String() + " file")
	}
	s := Summary{Rows: f.Stats.Read, Rejected: f.Stats.Rejected, PerIndicator: map[string]int{}}
	if len(f.Warnings) > 0 {
		s.FirstWarning = f.Warnings[0].String()
	}
	depts := map[string]bool{}
	for _, o := range f.Observations {
		s.PerIndicator[o.Indicator]++
		if o.Dept != "" {
			depts[o.Dept] = true
		}
	}
	for _, t := range f.Targets {
		s.PerIndicator[t.Indicator]++
		if t.Dept != "" {
			depts[t.Dept] = true
		}
	}
	s.Departments = len(depts)
	var missing []string
	for _, id := range Indicators {
		if s.PerIndicator[id] == 0 {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return s, errors.New("no valid rows for indicator " + strings.Join(missing, ", ") +
			" (" + strconv.Itoa(s.Rows) + " rows read, " + strconv.Itoa(s.Rejected) + " rejected)")
	}
	if spec.Departmental && s.Departments < MinDepartments {
		return s, errors.New("only " + strconv.Itoa(s.Departments) + " departments, at least " +
			strconv.Itoa(MinDepartments) + " expected")
	}
	if s.Rows > 0 && float64(s.Rejected) > MaxRejectedShare*float64(s.Rows) {
		return s, errors.New(strconv.Itoa(s.Rejected) + " of " + strconv.Itoa(s.Rows) +
			" rows rejected (first: " + s.FirstWarning + ")")
	}
	return s, nil
}
