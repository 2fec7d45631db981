package geobuild

import (
	"fmt"
	"slices"

	"github.com/paulmach/orb"

	"francenum-map/internal/geoasset"
	"francenum-map/internal/georegion"
)

// Regions dissolves the regions from the department asset a: each region's
// outline is the union of its departments' (dissolve), so region borders
// are department borders exactly and the overseas regions, one department
// each, stay in their insets as their department. The departments say
// which region they are in (RegionCode and RegionName, from
// @etalab/decoupage-administratif, checked against the geometry file).
// Regions come in the order of their INSEE codes ("01" … "06", "11" …
// "94"); the label point is found as for a department (insideLabel), and
// two regions are neighbours when departments of theirs are (the
// department neighbours share a border, see neighbours).
func Regions(a *geoasset.Asset) ([]georegion.Region, error) {
	var codes []string
	members := map[string][]int{}
	for i, d := range a.Departments {
		if d.RegionCode == "" {
			return nil, fmt.Errorf("department %s has no region", d.Code)
		}
		if _, ok := members[d.RegionCode]; !ok {
			codes = append(codes, d.RegionCode)
		}
		members[d.RegionCode] = append(members[d.RegionCode], i)
	}
	slices.Sort(codes)
	rs := make([]georegion.Region, len(codes))
	for k, c := range codes {
		first := &a.Departments[members[c][0]]
		r := georegion.Region{Code: c, Name: first.RegionName, Inset: first.Inset}
		var parts []orb.MultiPolygon
		for _, i := range members[c] {
			d := &a.Departments[i]
			if d.RegionName != r.Name {
				return nil, fmt.Errorf("region %s: named %q by %s, %q by %s", c, r.Name, first.Code, d.RegionName, d.Code)
			}
			if d.Inset != r.Inset {
				return nil, fmt.Errorf("region %s: departments %s and %s are drawn in different frames", c, first.Code, d.Code)
			}
			r.Departments = append(r.Departments, d.Code)
			parts = append(parts, d.Geometry)
		}
		g, err := dissolve(parts)
		if err != nil {
			return nil, fmt.Errorf("region %s: %w", c, err)
		}
		r.Geometry = g
		r.Bound = g.Bound()
		if r.Label, err = insideLabel(g); err != nil {
			return nil, fmt.Errorf("region %s: %w", c, err)
		}
		rs[k] = r
	}
	for k := range rs {
		seen := map[string]bool{}
		for _, i := range members[rs[k].Code] {
			for _, n := range a.Departments[i].Neighbours {
				if j := a.Index(n); j >= 0 && a.Departments[j].RegionCode != rs[k].Code {
					seen[a.Departments[j].RegionCode] = true
				}
			}
		}
		for _, c := range codes {
			if seen[c] {
				rs[k].Neighbours = append(rs[k].Neighbours, c)
			}
		}
	}
	return rs, nil
}
