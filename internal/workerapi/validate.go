package workerapi

import (
	"errors"
	"slices"
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
	// Latest is the latest date of the file (YYYY-MM-DD).
	Latest string
	// Sums are, per indicator, the sum over departments of each date's
	// values (valeur; valeur_actuelle at its date for the synthese file).
	Sums map[string]map[string]float64
}

// MaxRejectedShare is the share of rejected rows above which a refresh is
// treated as suspicious and refused.
const MaxRejectedShare = 0.05

// MaxDrop is the largest fall of an indicator's total, between the current
// version and a new one at their latest common date, that a refresh
// accepts: the counts are cumulative, so a larger fall is a wrong file
// (halved values, lost departments) rather than a correction.
const MaxDrop = 0.10

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

// Validate decides whether a filtered file may replace the current version
// (nil when there is none). The file must parse without structural error as
// the expected kind, hold rows of both indicators, each over at least
// MinDepartments departments when departmental, have few rejected rows and
// no negative value; against the current version, its latest date must not
// be earlier, and no indicator's total at their latest common date may
// fall by more than MaxDrop.
func Validate(spec FileSpec, filtered []byte, current *Version) (Summary, error) {
	// ParseSelected sizes its result by the records it selects, not by the
	// physical lines (quoted fields may hold millions of newlines).
	f, err := barometre.ParseSelected(filtered, Indicators)
	if err != nil {
		return Summary{}, err
	}
	if want := ExpectedKind(spec.Name); f.Kind != want {
		return Summary{}, errors.New("expected a " + want.String() + " file, the header (" +
			strings.Join(f.Header, ",") + ") is a " + f.Kind.String() + " file")
	}
	s := Summary{Rows: f.Stats.Read, Rejected: f.Stats.Rejected, PerIndicator: map[string]int{},
		Sums: map[string]map[string]float64{}}
	if len(f.Warnings) > 0 {
		s.FirstWarning = f.Warnings[0].String()
	}
	depts := map[string]bool{}
	perDept := map[string]map[string]bool{}
	var negative error
	add := func(ind, dept string, d barometre.Date, line int, values ...float64) {
		s.PerIndicator[ind]++
		if dept != "" {
			depts[dept] = true
			if perDept[ind] == nil {
				perDept[ind] = map[string]bool{}
			}
			perDept[ind][dept] = true
		}
		for _, v := range values {
			if v < 0 && negative == nil {
				negative = errors.New("negative value " + strconv.FormatFloat(v, 'f', -1, 64) + " for " + ind +
					" at line " + strconv.Itoa(line) + " (the counts are cumulative)")
			}
		}
		ds := d.String()
		if s.Sums[ind] == nil {
			s.Sums[ind] = map[string]float64{}
		}
		s.Sums[ind][ds] += values[0]
		if ds > s.Latest {
			s.Latest = ds
		}
	}
	for _, o := range f.Observations {
		add(o.Indicator, o.Dept, o.Date, o.Line, o.Value)
	}
	for _, t := range f.Targets {
		vals := []float64{t.Current, t.Initial}
		if t.HasTarget {
			vals = append(vals, t.Target)
		}
		add(t.Indicator, t.Dept, t.CurrentDate, t.Line, vals...)
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
	if spec.Departmental {
		for _, id := range Indicators {
			if n := len(perDept[id]); n < MinDepartments {
				return s, errors.New("only " + strconv.Itoa(n) + " departments for " + id + ", at least " +
					strconv.Itoa(MinDepartments) + " expected")
			}
		}
	}
	if s.Rows > 0 && float64(s.Rejected) > MaxRejectedShare*float64(s.Rows) {
		return s, errors.New(strconv.Itoa(s.Rejected) + " of " + strconv.Itoa(s.Rows) +
			" rows rejected (first: " + s.FirstWarning + ")")
	}
	if negative != nil {
		return s, negative
	}
	if current != nil {
		if err := compareWithCurrent(s, current); err != nil {
			return s, err
		}
	}
	return s, nil
}

// compareWithCurrent refuses an older release or a fallen total.
func compareWithCurrent(s Summary, cur *Version) error {
	if cur.Latest != "" && s.Latest < cur.Latest {
		return errors.New("latest date " + s.Latest + " is earlier than the current version's " + cur.Latest +
			" (an older release?)")
	}
	for _, id := range Indicators {
		now, was := s.Sums[id], cur.Sums[id]
		var common []string
		for d := range now {
			if _, ok := was[d]; ok {
				common = append(common, d)
			}
		}
		if len(common) == 0 {
			continue
		}
		d := slices.Max(common)
		if was[d] > 0 && now[d] < (1-MaxDrop)*was[d] {
			return errors.New(id + " totals " + strconv.FormatFloat(now[d], 'f', -1, 64) + " at " + d +
				", down from " + strconv.FormatFloat(was[d], 'f', -1, 64) + " in the current version (more than " +
				strconv.Itoa(int(MaxDrop*100)) + " % lower; the counts are cumulative)")
		}
	}
	return nil
}
