package app

import (
	"francenum-map/internal/ascii"
	"francenum-map/internal/place"
)

// places is the search index over the geometry's departments and their
// regions, built on the first search (the asset carries the names).
func (a *App) places() *place.Index {
	if a.place == nil {
		es := make([]place.Entry, len(a.geo.Departments))
		for i := range a.geo.Departments {
			d := &a.geo.Departments[i]
			es[i] = place.Entry{Code: d.Code, Name: d.Name, RegionCode: d.RegionCode, RegionName: d.RegionName}
		}
		a.place = place.New(es)
	}
	return a.place
}

// Search returns the codes of the departments matching the whole query
// q (place.Index: a code, « 20 » for Corsica, a name, a region's name for
// its departments), best first, each once.
func (a *App) Search(q string) []string { return a.places().Codes(q) }

// SearchHit is one department found by SearchHits.
type SearchHit struct {
	_          noEq
	Code, Name string
	// Group names the set the department came with (« Bretagne », and
	// « Corse » for « 20 »), "" for a department found by itself: the
	// page lists a group's departments for the reader to pick.
	Group string
}

// SearchHits returns the departments of the whole query q, best first: a
// region's departments when the best match is a region (or « 20 »), with
// Group set to its name; else the matching departments.
func (a *App) SearchHits(q string) []SearchHit {
	rs := a.places().Search(q)
	if len(rs) == 0 {
		return nil
	}
	var out []SearchHit
	group := ""
	if rs[0].Region {
		group = rs[0].Name
		rs = []place.Result{rs[0]}
	} else if ascii.Trim(q) == "20" {
		group = a.geo.Departments[a.geo.Index(rs[0].Code)].RegionName
	}
	for _, r := range rs {
		for _, c := range r.Codes {
			if i := a.geo.Index(c); i >= 0 {
				out = append(out, SearchHit{Code: c, Name: a.geo.Departments[i].Name, Group: group})
			}
		}
	}
	return out
}
