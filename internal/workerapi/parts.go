package workerapi

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"time"

	"francenum-map/internal/barometre"
	"francenum-map/internal/unitkind"
)

// Part is one indicator's rows of a served file (header and rows byte for
// byte, see Splitter), as stored and checked.
type Part struct {
	Key          string    `json:"key"`
	ETag         string    `json:"etag"`
	Bytes        int       `json:"bytes"`
	LastModified time.Time `json:"last_modified"` // the publisher's date of the release it comes from
	Rows         int       `json:"rows"`
	Rejected     int       `json:"rejected_rows"` // rows that lose data (not counting exact duplicates)
	Departments  int       `json:"departments"`
	First        string    `json:"first,omitempty"` // earliest date, YYYY-MM-DD
	Latest       string    `json:"latest,omitempty"`
	Indicateur   string    `json:"indicateur"`
	Mesure       string    `json:"mesure"`
	Unite        string    `json:"unite"`
	// Kind and Cumulative are unitkind.Classify's (detail and national files).
	Kind       unitkind.Kind `json:"kind,omitempty"`
	Cumulative bool          `json:"cumulative,omitempty"`
	Negative   int           `json:"negative,omitempty"` // values below zero
	HasTarget  bool          `json:"has_target,omitempty"`
	// Sums are the sums over departments per date (valeur; valeur_actuelle
	// at its date for the synthese), to compare the next release with.
	Sums map[string]float64 `json:"sums,omitempty"`
	// Kept says why these rows, from an earlier release, are still served
	// ("" when they come from the file's current release).
	Kept string `json:"kept,omitempty"`
}

// PartSet is the split of one stored version of a file.
type PartSet struct {
	Parts map[string]*Part `json:"parts"`
	// Order is the file's order of first appearance (kept parts last).
	Order []string `json:"order"`
	// Refused are the indicators of the release with no servable rows, and why.
	Refused map[string]string `json:"refused,omitempty"`
}

// MaxIDLength bounds an indicator id (the published ones are under 65).
const MaxIDLength = 100

// ValidID reports whether id may name an indicator in a path and a store
// key: lower-case ASCII letters and digits in groups joined by single
// hyphens, at most MaxIDLength bytes. Every published id is of this form;
// rows of another id are refused at the refresh and no path can ask for one.
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLength || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// PartKey is the store key of one indicator's rows of a file version.
func PartKey(name, id, upstreamURL string, lastModified time.Time) string {
	return dataKeyPfx + name + "/" + id + "?u=" + url.QueryEscape(upstreamURL) + "&lm=" + strconv.FormatInt(lastModified.Unix(), 10)
}

// PartsKey is the store key of a file version's PartSet.
func PartsKey(name, upstreamURL string, lastModified time.Time) string {
	return dataKeyPfx + name + "/parts?u=" + url.QueryEscape(upstreamURL) + "&lm=" + strconv.FormatInt(lastModified.Unix(), 10)
}

// harmless reports whether a row warning loses nothing: a repeated row
// with the same value (one indicator of the 2023 release has every row
// twice, under two spellings of its unit).
func harmless(w barometre.Warning) bool {
	return w.Code == barometre.WarnDuplicate // same value; a different one is WarnDuplicateConflict
}

// SummarizePart reads one indicator's file (header and its rows) of the
// named served file. It fails when the file is not of the expected kind
// or holds no valid row.
func SummarizePart(name, id string, file []byte) (Part, error) {
	p := Part{Bytes: len(file), Sums: map[string]float64{}}
	if len(file) > MaxFilteredBytes {
		return p, errors.New(strconv.Itoa(len(file)) + " bytes, over the " + strconv.Itoa(MaxFilteredBytes) + "-byte cap of one indicator")
	}
	f, err := barometre.ParseSelected(file, []string{id})
	if err != nil {
		return p, err
	}
	if want := ExpectedKind(name); f.Kind != want {
		return p, errors.New("expected a " + want.String() + " file, the header is a " + f.Kind.String() + " file")
	}
	p.Rows = f.Stats.Read
	var firstWarning string
	for _, w := range f.Warnings {
		if !harmless(w) {
			p.Rejected++
			if firstWarning == "" {
				firstWarning = w.String()
			}
		}
	}
	depts := map[string]bool{}
	var obs []unitkind.Obs
	add := func(dept, unit, label, mesure string, d barometre.Date, v float64) {
		if p.Indicateur == "" && p.Unite == "" {
			p.Indicateur, p.Mesure, p.Unite = label, mesure, unit
		}
		if dept != "" {
			depts[dept] = true
		}
		ds := d.String()
		if p.First == "" || ds < p.First {
			p.First = ds
		}
		if ds > p.Latest {
			p.Latest = ds
		}
		p.Sums[ds] += v
		if v < 0 {
			p.Negative++
		}
		obs = append(obs, unitkind.Obs{Dept: dept, Date: int(d), Value: v})
	}
	for _, o := range f.Observations {
		add(o.Dept, o.Unit, o.Label, o.Mesure, o.Date, o.Value)
	}
	for _, t := range f.Targets {
		add(t.Dept, t.Unit, t.Label, t.Mesure, t.CurrentDate, t.Current)
		p.HasTarget = p.HasTarget || t.HasTarget
	}
	p.Departments = len(depts)
	if len(f.Observations) > 0 {
		p.Kind, p.Cumulative = unitkind.Classify(p.Unite, unitkind.ValuesOf(obs))
	}
	if len(f.Observations)+len(f.Targets) == 0 {
		return p, errors.New("no valid rows (" + strconv.Itoa(p.Rows) + " read; first: " + firstWarning + ")")
	}
	if float64(p.Rejected) > MaxRejectedShare*float64(p.Rows) {
		return p, errors.New(strconv.Itoa(p.Rejected) + " of " + strconv.Itoa(p.Rows) + " rows rejected (first: " + firstWarning + ")")
	}
	return p, nil
}

// CheckPart decides whether an indicator's new rows may replace its
// current ones (prev, nil for a first version): the checks of the whole
// file (Validate) made relative to what this indicator was, since the
// published indicators differ (some cover 5 departments, some values are
// negative year-on-year changes). A departmental file may lose at most
// one department in twenty; the latest date may not go back; a
// cumulative total may not turn negative nor fall by more than MaxDrop at
// the latest common date.
func CheckPart(departmental bool, p Part, prev *Part) error {
	if prev == nil {
		return nil
	}
	if departmental && p.Departments < prev.Departments-prev.Departments/20 {
		return errors.New("only " + strconv.Itoa(p.Departments) + " departments, " + strconv.Itoa(prev.Departments) +
			" in the current version")
	}
	if prev.Latest != "" && p.Latest < prev.Latest {
		return errors.New("latest date " + p.Latest + " is earlier than the current version's " + prev.Latest +
			" (an older release?)")
	}
	if !prev.Cumulative {
		return nil
	}
	if p.Negative > 0 {
		return errors.New(strconv.Itoa(p.Negative) + " negative values in a cumulative total")
	}
	var common []string
	for d := range p.Sums {
		if _, ok := prev.Sums[d]; ok {
			common = append(common, d)
		}
	}
	if len(common) == 0 {
		return nil
	}
	d := slices.Max(common)
	if was, now := prev.Sums[d], p.Sums[d]; was > 0 && now < (1-MaxDrop)*was {
		return errors.New("totals " + strconv.FormatFloat(now, 'f', -1, 64) + " at " + d + ", down from " +
			strconv.FormatFloat(was, 'f', -1, 64) + " in the current version (more than " +
			strconv.Itoa(int(MaxDrop*100)) + " % lower; a cumulative total)")
	}
	return nil
}
