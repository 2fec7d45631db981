package app

import (
	"strconv"

	"francenum-map/internal/barometre"
	"francenum-map/internal/series"
)

// MaxReportWarnings caps the warnings listed in a file report (the count
// is always complete).
const MaxReportWarnings = 200

// FileReport says what became of a user's file: whether the map now uses
// it, its kind, the counts of rows, the error that refused it (with its
// line) or the warnings with their lines, the indicators found.
type FileReport struct {
	Name, Kind, Title string
	OK                bool
	Error             string
	ErrorLine         int
	// Counts is "12 lignes lues, 11 gardées, 1 écartées — 1 indicateur(s)".
	Counts                          string
	Read, Kept, Rejected, NWarnings int
	// Warnings are the first MaxReportWarnings warnings.
	Warnings   []FileWarning
	Indicators []string
	// Notices are the view state's values the new data could not keep
	// (another indicator, counts instead of % of target…).
	Notices []Notice
}

// FileWarning is one row warning of a file.
type FileWarning struct {
	_    noEq
	Line int
	Text string
}

// LoadFile reads a user's CSV (a published detail or synthese file, or a
// national detail), parsed locally. On a structural error, or when the file
// has no usable row, the current map is left untouched.
func (a *App) LoadFile(name string, data []byte) FileReport {
	rep := FileReport{Name: name}
	f, err := barometre.Parse(data)
	if err != nil {
		if se, ok := err.(*barometre.StructuralError); ok { // Parse returns it unwrapped
			rep.ErrorLine = se.Line
		}
		rep.Title, rep.Error = a.t("fileRefused"), err.Error()
		return rep
	}
	usable := (f.Kind.IsSynthese() && len(f.Targets) > 0) || (!f.Kind.IsSynthese() && len(f.Observations) > 0)
	if usable {
		switch f.Kind {
		case barometre.KindDetail:
			a.files[0] = f
		case barometre.KindSynthese:
			a.files[1] = f
		case barometre.KindNationalDetail:
			a.files[2] = f
		default:
			usable = false
		}
	}
	if usable {
		m := series.New()
		for _, x := range a.files {
			if x != nil {
				m.Add(x)
			}
		}
		if len(m.Indicators) == 0 {
			usable = false
		} else {
			a.model = m
			a.ind = nil // force resolve to rebuild the indicator's data
			a.indVersion++
			rep.Notices = a.resolve()
		}
	}
	rep.OK, rep.Kind = usable, f.Kind.String()
	rep.Title = a.t("fileNoRows")
	if usable {
		rep.Title = a.t("fileOk")
	}
	rep.Read, rep.Kept, rep.Rejected, rep.NWarnings = f.Stats.Read, f.Stats.Kept, f.Stats.Rejected, len(f.Warnings)
	for i, x := range f.Warnings {
		if i >= MaxReportWarnings {
			break
		}
		rep.Warnings = append(rep.Warnings, FileWarning{Line: x.Line, Text: x.String()})
	}
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			rep.Indicators = append(rep.Indicators, id)
		}
	}
	for _, o := range f.Observations {
		add(o.Indicator)
	}
	for _, t := range f.Targets {
		add(t.Indicator)
	}
	rep.Counts = strconv.Itoa(f.Stats.Read) + " " + a.t("rowsRead") + ", " + strconv.Itoa(f.Stats.Kept) + " " + a.t("rowsKept") + ", " + strconv.Itoa(f.Stats.Rejected) + " " + a.t("rowsRejected")
	if len(rep.Indicators) > 0 {
		rep.Counts += " — " + a.f("fileIndicators", strconv.Itoa(len(rep.Indicators)))
	}
	return rep
}

// IndicatorItem is one choice of the #indicator select.
type IndicatorItem struct {
	_        noEq
	ID, Name string
}

// Indicators lists the mappable indicators of the model (with departmental
// values), with their display names.
func (a *App) Indicators() []IndicatorItem {
	var out []IndicatorItem
	for _, ind := range a.model.Indicators {
		if len(ind.Dates) == 0 || len(ind.Depts) == 0 {
			continue // national-only or synthese-only: nothing to map
		}
		out = append(out, IndicatorItem{ID: ind.ID, Name: a.indicatorName(ind)})
	}
	return out
}
