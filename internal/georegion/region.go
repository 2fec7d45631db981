// Package georegion is the regions asset of the map: the 18 regions drawn
// on one department asset (package geoasset), each region ring stored as
// runs along its departments' rings, so that region and department
// borders coincide exactly. geodata builds it (geobuild.Regions dissolves
// the regions from the departments); the page does not draw regions yet.
//
// It is a package of its own, not part of geoasset, so that the browser's
// app.wasm does not change while nothing there uses it: even unused code
// in a linked package moves bytes around (in geoasset, with nothing
// calling them, these files made app.wasm a few bytes larger raw and
// 1 370 B larger with brotli). It reads and writes with geoasset's
// primitives (package wire: varints, strings, errors, the 64-byte CRC
// table), and like geoasset uses neither encoding/json, fmt, net/http nor
// hash/crc32, for when the browser decodes it.
//
// # Format, version 1
//
// The regions (geodata writes the 18 of them to geo/regions.bin) are drawn
// on one department asset and name it by its ID. A region ring is not
// stored as coordinates but as runs along its departments' rings: every
// edge of a region outline is an edge of one of its departments (the
// borders between its own departments removed), so a run of consecutive
// edges of one department ring is three small numbers, and the outlines
// coincide with the departments' exactly. The regions' names,
// departments and insets are the departments' (RegionCode, RegionName,
// Inset), not stored again. Integers and strings are written as geoasset
// writes them: uvarint unsigned LEB128, varint zig-zag signed, a string a
// uvarint byte length and then UTF-8 bytes.
//
//	magic        4 bytes  "FNGR"
//	version      uvarint  1
//	size         uvarint  total length in bytes, always written in 5 bytes (padded LEB128), as geoasset does
//	asset        4 bytes  the department asset's CRC-32, as its last 4 bytes hold it (ID)
//	nRegions     uvarint
//	  per region:
//	    code                                 string (INSEE region code)
//	    labelX, labelY                       varints
//	    nNeighbours uvarint, then each neighbour's index in the region list (uvarint)
//	    nPolygons uvarint; per polygon nRings uvarint; per ring nRuns uvarint;
//	    per run: ring (uvarint, the position of a department ring in the
//	    asset's order: department, polygon, ring), first vertex (uvarint),
//	    edges (uvarint, 1 … the ring's number of points without the closing
//	    one); the run's points are that ring's from the first vertex on,
//	    wrapping round, each run starting where the previous one ended and
//	    the last ending where the first began.
//	crc32        4 bytes, little endian, IEEE CRC-32 of every byte before it
package georegion

import (
	"github.com/paulmach/orb"

	"francenum-map/internal/geoasset"
)

// Region is one region of the map, drawn with its departments' own
// vertices: every edge of its outline is an edge of one of its
// departments, so region and department borders coincide exactly.
type Region struct {
	// Code is the INSEE region code ("84"; "01"…"06" overseas).
	Code string
	// Name is the region's name, as its departments carry it
	// (geoasset.Department.RegionName).
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
	// Inset is the index in geoasset.Asset.Insets of an overseas region
	// (its one department's), or geoasset.Metropole (-1).
	Inset int
}

// Magic starts every regions asset.
const Magic = "FNGR"

// Version is the format version written by Encode and the only one
// Decode accepts.
const Version = 1

// ErrOtherAsset is the geoasset.Error.What of Decode when the regions were
// drawn on another department asset than the one given.
const ErrOtherAsset = "regions drawn on another department asset"

// regionRings lists every ring of the departments in the asset's order
// (department, polygon, ring): the rings a regions asset refers to by
// their position in this list.
func regionRings(a *geoasset.Asset) (rings []orb.Ring, owner []int) {
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
func regionMembers(a *geoasset.Asset, c string) []int {
	var out []int
	for i := range a.Departments {
		if a.Departments[i].RegionCode == c {
			out = append(out, i)
		}
	}
	return out
}
