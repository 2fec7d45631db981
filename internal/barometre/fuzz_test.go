package barometre

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"francenum-map/internal/dept"
)

// FuzzParse checks the reader's invariants on any input: no panic, counts
// that add up, kept rows that are valid, line numbers inside the file, and
// ParseSelected agreeing with Parse on the rows of the selected indicators.
func FuzzParse(f *testing.F) {
	// Seeds: the header and real rows of the mirror (both indicators, a
	// quoted policy name), and the fixtures.
	real := readReal(f, detailFile)
	lines := bytes.SplitAfter(real, []byte("\n"))
	seed := append([]byte{}, lines[0]...)
	for _, i := range []int{219, 220, 239, 240, 1000, 30000} {
		seed = append(seed, lines[i]...)
	}
	f.Add(seed)
	for _, l := range lines[1:] {
		if bytes.HasPrefix(l, []byte(`"`)) {
			f.Add(append(append([]byte{}, lines[0]...), l...))
			break
		}
	}
	synth := bytes.SplitAfter(readReal(f, syntheseFile), []byte("\n"))
	f.Add(bytes.Join(synth[:3], nil))
	nat := bytes.SplitAfter(readReal(f, nationalFile), []byte("\n"))
	f.Add(bytes.Join(nat[:3], nil))
	for _, name := range []string{"rows-bad.csv", "quirks-bom-crlf.csv", "excel-fr-1252.csv", "unterminated.csv", "synthese.csv"} {
		f.Add(fixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			if _, ok := err.(*StructuralError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if _, err2 := ParseSelected(data, []string{"x"}); err2 == nil {
				t.Fatalf("Parse refused (%v) but ParseSelected did not", err)
			}
			return
		}
		st := file.Stats
		if st.Read != st.Kept+st.Rejected || st.Kept != len(file.Observations)+len(file.Targets) || st.Rejected != len(file.Warnings) {
			t.Fatalf("counts do not add up: %+v, %d obs, %d targets, %d warnings", st, len(file.Observations), len(file.Targets), len(file.Warnings))
		}
		maxLine := bytes.Count(data, []byte("\n")) + 1
		for _, w := range file.Warnings {
			if w.Line < 2 || w.Line > maxLine || w.Reason() == "" || w.Code == "" {
				t.Fatalf("bad warning %+v (file has %d lines)", w, maxLine)
			}
		}
		ids := map[string]bool{}
		prev := 1
		for _, o := range file.Observations {
			if o.Line <= prev || o.Line > maxLine {
				t.Fatalf("line %d after %d (max %d)", o.Line, prev, maxLine)
			}
			prev = o.Line
			if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) || o.Indicator == "" {
				t.Fatalf("bad observation %+v", o)
			}
			if _, ok := ParseDate(o.Date.String()); !ok {
				t.Fatalf("bad date %v", o.Date)
			}
			if file.Kind.IsNational() != (o.Dept == "") || (o.Dept != "" && !dept.Valid(o.Dept)) {
				t.Fatalf("bad department %q", o.Dept)
			}
			ids[o.Indicator] = true
		}
		if len(ids) == 0 {
			return
		}
		var sel []string
		for id := range ids {
			sel = append(sel, id)
		}
		slices.Sort(sel)
		s, err := ParseSelected(data, sel)
		if err != nil {
			t.Fatalf("ParseSelected: %v", err)
		}
		type obs struct {
			line      int
			ind, dept string
			date      Date
			value     float64
		}
		var a, b []obs
		for _, o := range file.Observations {
			a = append(a, obs{o.Line, o.Indicator, o.Dept, o.Date, o.Value})
		}
		for _, o := range s.Observations {
			b = append(b, obs{o.Line, o.Indicator, o.Dept, o.Date, o.Value})
		}
		if !slices.Equal(a, b) {
			t.Fatalf("ParseSelected differs:\n%v\n%v", a, b)
		}
	})
}
