// Package place finds departments from what a reader types in the search
// box: a department code (« 93 », « 2a », « 971 », and « 20 », Corsica's
// code before 1976, for both 2A and 2B), a department name or a region name
// (« Bretagne », « ile de france »: the region's departments), ignoring
// accents, case, hyphens and apostrophes.
//
// Search takes the whole query each time: the box's full text, never a
// keystroke to add to a previous query (typing after a search must
// replace it, not give « 9375 »).
//
// The names and regions come from the caller (the geometry asset carries
// them), so the package holds no second copy of them. It is linked into
// the browser's wasm: no fmt, no unicode tables.
package place

import (
	"strings"

	"francenum-map/internal/ascii"
	"francenum-map/internal/dept"
)

// Entry is one department as the index needs it.
type Entry struct {
	Code       string // normalised code ("01", "2A", "971")
	Name       string // « Côtes-d'Armor »
	RegionCode string // INSEE region code ("53")
	RegionName string // « Bretagne »
}

// Result is one suggestion: a department, or a region with its
// departments.
type Result struct {
	// Region is true for a region, false for a department.
	Region bool
	// Code is the department code, or the region's INSEE code.
	Code string
	// Name is the department's or the region's name.
	Name string
	// Codes are the departments to show: the department itself, or the
	// region's departments in the order of dept.Codes.
	Codes []string
}

// MaxResults caps Search's results.
const MaxResults = 10

// Index searches a fixed list of departments and their regions.
type Index struct {
	depts   []Entry
	folded  []string // Fold(Name), by position in depts
	regions []region
}

type region struct {
	code, name, folded string
	codes              []string
}

// New indexes entries (any order; each department once).
func New(entries []Entry) *Index {
	x := &Index{}
	for _, c := range dept.Codes() { // the official order, whatever the input's
		for i := range entries {
			if entries[i].Code == c {
				x.add(&entries[i])
				break
			}
		}
	}
	for i := range entries {
		if dept.Index(entries[i].Code) < 0 {
			x.add(&entries[i])
		}
	}
	return x
}

// add indexes one department and files it under its region (not
// inlined: the browser's wasm pays for each copy of it).
//
//go:noinline
func (x *Index) add(e *Entry) {
	x.depts = append(x.depts, *e)
	x.folded = append(x.folded, Fold(e.Name))
	if e.RegionName == "" {
		return
	}
	i := 0
	for i < len(x.regions) && x.regions[i].code != e.RegionCode {
		i++
	}
	if i == len(x.regions) {
		x.regions = append(x.regions, region{code: e.RegionCode, name: e.RegionName, folded: Fold(e.RegionName)})
	}
	x.regions[i].codes = append(x.regions[i].codes, e.Code)
}

// Regions returns the regions the index knows, each with its departments
// (in the order they were first met, departments in the official order).
func (x *Index) Regions() []Result {
	out := make([]Result, len(x.regions))
	for i, r := range x.regions {
		out[i] = Result{Region: true, Code: r.code, Name: r.name, Codes: r.codes}
	}
	return out
}

// Search returns the suggestions for the whole query q, best first, at
// most MaxResults: an exact code (« 20 » gives 2A and 2B), a « Name
// (code) » line picked from the suggestions, then names equal to q
// (department, then region), regions whose name starts with q,
// departments whose name starts with q, departments whose name contains
// q, and regions whose name contains q. A region that is a single department of the same name
// (Guadeloupe, La Réunion…) is given as the department only.
func (x *Index) Search(q string) []Result {
	q = ascii.Trim(q)
	if q == "" {
		return nil
	}
	var out []Result
	// « Seine-Saint-Denis (93) », as the suggestions list writes them.
	if i := strings.LastIndexByte(q, '('); i >= 0 && strings.HasSuffix(q, ")") {
		if c, ok := dept.Normalize(q[i+1 : len(q)-1]); ok && x.find(c) >= 0 {
			return x.put(out, false, x.find(c))
		}
	}
	if q == "20" {
		out = x.put(x.put(out, false, x.find("2A")), false, x.find("2B"))
	} else if c, ok := dept.Normalize(q); ok {
		out = x.put(out, false, x.find(c))
	}
	f := Fold(q)
	// The passes, best first: departments then regions equal to q,
	// regions then departments starting with q, departments then regions
	// containing q.
	for _, p := range [...]struct{ region, how byte }{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 2}, {1, 2}} {
		n := len(x.folded)
		if p.region == 1 {
			n = len(x.regions)
		}
		for i := 0; i < n; i++ {
			name := ""
			if p.region == 1 {
				name = x.regions[i].folded
			} else {
				name = x.folded[i]
			}
			if match(name, f, p.how) {
				out = x.put(out, p.region == 1, i)
			}
		}
	}
	if len(out) > MaxResults {
		out = out[:MaxResults]
	}
	return out
}

// match reports whether name equals (how 0), starts with (1) or contains
// (2) f.
func match(name, f string, how byte) bool {
	switch how {
	case 0:
		return name == f
	case 1:
		return strings.HasPrefix(name, f)
	}
	return strings.Contains(name, f)
}

// put appends department i (or region i) to out unless it is there
// already (i < 0: nothing). A region that is a single department of the
// same name (Guadeloupe, La Réunion…) is put as the department.
//
//go:noinline
func (x *Index) put(out []Result, region bool, i int) []Result {
	if i < 0 {
		return out
	}
	var r Result
	if region {
		g := &x.regions[i]
		if len(g.codes) == 1 {
			if j := x.find(g.codes[0]); j >= 0 && x.folded[j] == g.folded {
				return x.put(out, false, j)
			}
		}
		r = Result{Region: true, Code: g.code, Name: g.name, Codes: g.codes}
	} else {
		e := &x.depts[i]
		r = Result{Code: e.Code, Name: e.Name, Codes: []string{e.Code}}
	}
	for k := range out {
		if out[k].Region == r.Region && out[k].Code == r.Code {
			return out
		}
	}
	return append(out, r)
}

// Codes returns the departments of Search(q), each once, in the order of
// the results: what the map highlights for the query.
func (x *Index) Codes(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range x.Search(q) {
		for _, c := range r.Codes {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// find returns the position of department code in x.depts, or -1.
func (x *Index) find(code string) int {
	for i, e := range x.depts {
		if e.Code == code {
			return i
		}
	}
	return -1
}
