package geoasset

import "github.com/paulmach/orb"

// Region is one region of the map, drawn with its departments' own
// vertices: every edge of its outline is an edge of one of its
// departments, so region and department borders coincide exactly.
type Region struct {
	// Code is the INSEE region code ("84"; "01"…"06" overseas).
	Code string
	// Name is the region's name, as its departments carry it
	// (Department.RegionName).
	Name string
	// Departments are the codes of its departments, in the asset's order.
	Departments []string
	// Geometry is the outline: outer rings counter-clockwise in orb's
	// y-up sense, holes the other way, as for departments.
	Geometry orb.MultiPolygon
	// Label is a point inside the outline, good for a label or a marker.
	Label orb.Point
	// Bound is the bounding box of Geometry.
	Bound orb.Bound
	// Neighbours are the codes of the regions sharing a border, in the
	// order of the regions.
	Neighbours []string
	// Inset is the index in Asset.Insets of an overseas region (its one
	// department's), or Metropole (-1).
	Inset int
}

// RegionsMagic starts every regions asset.
const RegionsMagic = "FNGR"

// RegionsVersion is the format version written by EncodeRegions and the
// only one DecodeRegions accepts.
const RegionsVersion = 1

// ErrOtherAsset is the Error.What of DecodeRegions when the regions were
// drawn on another department asset than the one given.
const ErrOtherAsset = "regions drawn on another department asset"

// regionRings lists every ring of the departments in the asset's order
// (department, polygon, ring): the rings a regions asset refers to by
// their position in this list.
func regionRings(a *Asset) (rings []orb.Ring, owner []int) {
	for i, d := range a.Departments {
		for _, p := range d.Geometry {
			for _, r := range p {
				rings = append(rings, r)
				owner = append(owner, i)
			}
		}
	}
	return rings, owner
}

// regionMembers gives, for region code c, its departments' indices in the
// asset, found from Department.RegionCode.
func regionMembers(a *Asset, c string) []int {
	var out []int
	for i := range a.Departments {
		if a.Departments[i].RegionCode == c {
			out = append(out, i)
		}
	}
	return out
}
