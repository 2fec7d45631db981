package app

import (
	"strconv"

	"francenum-map/internal/barometre"
	"francenum-map/internal/indicator"
	"francenum-map/internal/problemtext"
	"francenum-map/internal/series"
	"francenum-map/internal/warngroup"
)

// FileReport says what became of a user's file: whether the map now uses
// it, its kind, the counts of rows, the refusal (with its line) or the
// warnings grouped by reason, the indicators found. Its text is in the
// page's language: FileReportAt renders it again after a switch.
type FileReport struct {
	Name, Kind, Title string
	OK                bool
	Error             string
	ErrorLine         int
	// Counts is "12 lignes lues, 11 gardées, 1 écartées — 1 indicateur(s)".
	Counts                          string
	Read, Kept, Rejected, NWarnings int
	// Coverage says how few departments the file covers (« 1 département
	// sur 101 »), "" when it covers them all.
	Coverage string
	// Warnings are the warnings grouped by reason, those of the mapped
	// indicators first (warngroup): one line per reason and scope.
	Warnings   []FileWarning
	Indicators []string
	// Notices are the view state's values the new data could not keep
	// (another indicator, counts instead of % of target…).
	Notices []Notice
	// Index numbers the report for FileReportAt.
	Index int
}

// FileWarning is one group of row warnings of a file: its reason, count
// and first lines, as one line of text.
type FileWarning struct {
	_ noEq
	// Line is the group's first line.
	Line  int
	Code  string
	Count int
	Text  string
}

// fileResult is what a report is rendered from, kept (without the data)
// so that a language switch can render it again.
type fileResult struct {
	name       string
	kind       barometre.Kind
	ok         bool
	refusal    *barometre.StructuralError
	stats      barometre.Stats
	nwarnings  int
	groups     []warngroup.Group
	indicators []string
	// depts is how many departments the file has rows for.
	depts int
}

// CheckFileSize refuses a file of size bytes over barometre.MaxFileSize
// before the page copies it into Go: ok is false and the report says the
// size and the limit. The page calls it first, then LoadFile.
func (a *App) CheckFileSize(name string, size int64) (FileReport, bool) {
	se, _ := barometre.CheckSize(size).(*barometre.StructuralError)
	if se == nil {
		return FileReport{}, true
	}
	return a.keep(fileResult{name: name, refusal: se}), false
}

// LoadFile reads a user's CSV (a published detail or synthese file, or a
// national detail), parsed locally. On a structural error (a truncated
// file, one too large…), or when the file has no usable row, the current
// map is left untouched.
func (a *App) LoadFile(name string, data []byte) FileReport {
	r := fileResult{name: name}
	f, err := barometre.Parse(data)
	if err != nil {
		se, ok := err.(*barometre.StructuralError) // Parse returns it unwrapped
		if !ok {
			se = &barometre.StructuralError{Code: barometre.Code(err.Error())}
		}
		r.refusal = se
		return a.keep(r)
	}
	usable := (f.Kind.IsSynthese() && len(f.Targets) > 0) || (!f.Kind.IsSynthese() && len(f.Observations) > 0)
	slot := -1
	switch f.Kind {
	case barometre.KindDetail:
		slot = 0
	case barometre.KindSynthese:
		slot = 1
	case barometre.KindNationalDetail:
		slot = 2
	}
	var notices []Notice
	if usable && slot >= 0 {
		files := a.files
		files[slot] = f
		m := series.New()
		for _, x := range files {
			if x != nil {
				m.Add(x)
			}
		}
		for _, x := range a.extra {
			m.Add(x) // the indicators loaded on demand stay
		}
		if len(m.Indicators) > 0 {
			a.files, a.model = files, m
			a.ind = nil // force resolve to rebuild the indicator's data
			a.indVersion++
			notices = a.resolve(true)
			r.ok = true
		}
	}
	if r.ok {
		if a.userFiles == nil {
			a.userFiles = map[string]string{}
		}
		for _, o := range f.Observations {
			a.userFiles[o.Indicator] = name
		}
		for _, t := range f.Targets {
			a.userFiles[t.Indicator] = name
		}
	}
	// How many departments the file covers, said when fewer than the map's.
	deps := map[string]bool{}
	for _, o := range f.Observations {
		if o.Dept != "" {
			deps[o.Dept] = true
		}
	}
	for _, t := range f.Targets {
		if t.Dept != "" {
			deps[t.Dept] = true
		}
	}
	r.depts = len(deps)
	r.kind, r.stats, r.nwarnings = f.Kind, f.Stats, len(f.Warnings)
	r.groups = warngroup.Of(f.Warnings, append(indicator.IDs(), a.st.Ind), warngroup.DefaultLines)
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			r.indicators = append(r.indicators, id)
		}
	}
	for _, o := range f.Observations {
		add(o.Indicator)
	}
	for _, t := range f.Targets {
		add(t.Indicator)
	}
	rep := a.keep(r)
	rep.Notices = notices
	return rep
}

// keep stores r and renders its report.
func (a *App) keep(r fileResult) FileReport {
	a.reports = append(a.reports, r)
	return a.FileReportAt(len(a.reports) - 1)
}

// FileReportAt renders the i-th report (FileReport.Index) of this session
// again, in the current language; the zero report when there is none.
func (a *App) FileReportAt(i int) FileReport {
	if i < 0 || i >= len(a.reports) {
		return FileReport{}
	}
	r, l := &a.reports[i], a.lang()
	rep := FileReport{Name: r.name, OK: r.ok, Indicators: r.indicators, Index: i}
	if se := r.refusal; se != nil {
		rep.Title, rep.Error, rep.ErrorLine = a.t("fileRefused"), se.Text(l), se.Line
		return rep
	}
	rep.Kind = r.kind.String()
	rep.Title = a.t("fileNoRows")
	if r.ok {
		rep.Title = a.t("fileOk")
	}
	rep.Read, rep.Kept, rep.Rejected, rep.NWarnings = r.stats.Read, r.stats.Kept, r.stats.Rejected, r.nwarnings
	for _, g := range r.groups {
		// One warning says itself; a group says its reason, count and
		// first lines, then its first warning as an example.
		w := FileWarning{Code: string(g.Code), Count: g.Count, Text: g.First.Text(l)}
		if g.Count > 1 {
			w.Text = problemtext.Group(string(g.Code), g.Count, g.Lines, l) + " — " + w.Text
		}
		if len(g.Lines) > 0 {
			w.Line = g.Lines[0]
		}
		rep.Warnings = append(rep.Warnings, w)
	}
	rep.Counts = strconv.Itoa(r.stats.Read) + " " + a.t("rowsRead") + ", " + strconv.Itoa(r.stats.Kept) + " " + a.t("rowsKept") + ", " + strconv.Itoa(r.stats.Rejected) + " " + a.t("rowsRejected")
	if len(r.indicators) > 0 {
		rep.Counts += " — " + a.f("fileIndicators", strconv.Itoa(len(r.indicators)))
	}
	if n := len(a.geo.Departments); r.depts > 0 && r.depts < n {
		key := "fileCoverage"
		if r.depts == 1 {
			key = "fileCoverage1"
		}
		rep.Coverage = a.f(key, strconv.Itoa(r.depts), strconv.Itoa(n))
	}
	return rep
}
