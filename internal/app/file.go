package app

import (
	"strconv"

	"francenum-map/internal/barometre"
	"francenum-map/internal/series"
)

// MaxReportWarnings caps the warnings listed in a file report (the count
// is always complete).
const MaxReportWarnings = 200

// LoadFile reads a user's CSV (a published detail or synthese file, or a
// national detail), parsed locally. On a structural error, or when the file
// has no usable row, the current map is left untouched. It returns the
// report as JSON: ok, kind, counts, error, warnings with line numbers, the
// indicators found.
func (a *App) LoadFile(name string, data []byte) string {
	var w jw
	w.obj().ks("name", name)
	f, err := barometre.Parse(data)
	if err != nil {
		line := 0
		if se, ok := err.(*barometre.StructuralError); ok { // Parse returns it unwrapped
			line = se.Line
		}
		w.kb("ok", false).ks("title", T(a.st.Lang, "fileRefused")).ks("error", err.Error()).ki("errorLine", line)
		w.key("warnings").arr().endArr().endObj()
		return w.String()
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
			a.resolve()
		}
	}
	w.kb("ok", usable).ks("kind", f.Kind.String())
	if usable {
		w.ks("title", T(a.st.Lang, "fileOk"))
	} else {
		w.ks("title", T(a.st.Lang, "fileNoRows"))
	}
	w.ks("counts", strconv.Itoa(f.Stats.Read)+" "+T(a.st.Lang, "rowsRead")+", "+strconv.Itoa(f.Stats.Kept)+" "+T(a.st.Lang, "rowsKept")+", "+strconv.Itoa(f.Stats.Rejected)+" "+T(a.st.Lang, "rowsRejected"))
	w.ki("read", f.Stats.Read).ki("kept", f.Stats.Kept).ki("rejected", f.Stats.Rejected).ki("nwarnings", len(f.Warnings))
	w.key("warnings").arr()
	for i, x := range f.Warnings {
		if i >= MaxReportWarnings {
			break
		}
		w.obj().ki("line", x.Line).ks("text", x.String()).endObj()
	}
	w.endArr()
	seen := map[string]bool{}
	w.key("indicators").arr()
	for _, o := range f.Observations {
		if !seen[o.Indicator] {
			seen[o.Indicator] = true
			w.str(o.Indicator)
		}
	}
	for _, t := range f.Targets {
		if !seen[t.Indicator] {
			seen[t.Indicator] = true
			w.str(t.Indicator)
		}
	}
	w.endArr().endObj()
	return w.String()
}

// IndicatorsJSON lists the indicators of the model, with a display name,
// for the #indicator select.
func (a *App) IndicatorsJSON() string {
	var w jw
	w.arr()
	for _, ind := range a.model.Indicators {
		if len(ind.Dates) == 0 || len(ind.Depts) == 0 {
			continue // national-only or synthese-only: nothing to map
		}
		w.obj().ks("id", ind.ID).ks("name", a.indicatorName(ind)).endObj()
	}
	w.endArr()
	return w.String()
}
