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
		for _, e := range entries {
			if e.Code == c {
				x.depts = append(x.depts, e)
			}
		}
	}
	for _, e := range entries {
		if dept.Index(e.Code) < 0 {
			x.depts = append(x.depts, e)
		}
	}
	for _, e := range x.depts {
		x.folded = append(x.folded, Fold(e.Name))
		if e.RegionName == "" {
			continue
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
	return x
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
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	var out []Result
	seen := map[string]bool{}
	addDept := func(i int) {
		if e := x.depts[i]; !seen[e.Code] {
			seen[e.Code] = true
			out = append(out, Result{Code: e.Code, Name: e.Name, Codes: []string{e.Code}})
		}
	}
	addRegion := func(r region) {
		if len(r.codes) == 1 && Fold(x.depts[x.find(r.codes[0])].Name) == r.folded {
			addDept(x.find(r.codes[0]))
			return
		}
		if !seen["r"+r.code] {
			seen["r"+r.code] = true
			out = append(out, Result{Region: true, Code: r.code, Name: r.name, Codes: r.codes})
		}
	}
	// « Seine-Saint-Denis (93) », as the suggestions list writes them.
	if i := strings.LastIndexByte(q, '('); i >= 0 && strings.HasSuffix(q, ")") {
		if c, ok := dept.Normalize(q[i+1 : len(q)-1]); ok && x.find(c) >= 0 {
			addDept(x.find(c))
			return out
		}
	}
	if q == "20" {
		for _, c := range []string{"2A", "2B"} {
			if i := x.find(c); i >= 0 {
				addDept(i)
			}
		}
	} else if c, ok := dept.Normalize(q); ok && x.find(c) >= 0 {
		addDept(x.find(c))
	}
	f := Fold(q)
	for i, n := range x.folded {
		if n == f {
			addDept(i)
		}
	}
	for _, r := range x.regions {
		if r.folded == f {
			addRegion(r)
		}
	}
	for _, r := range x.regions {
		if strings.HasPrefix(r.folded, f) {
			addRegion(r)
		}
	}
	for i, n := range x.folded {
		if strings.HasPrefix(n, f) {
			addDept(i)
		}
	}
	for i, n := range x.folded {
		if strings.Contains(n, f) {
			addDept(i)
		}
	}
	for _, r := range x.regions {
		if strings.Contains(r.folded, f) {
			addRegion(r)
		}
	}
	if len(out) > MaxResults {
		out = out[:MaxResults]
	}
	return out
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
