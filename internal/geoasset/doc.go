// Package geoasset is the compact binary geometry asset of the map: the 101
// departments already projected (Lambert-93 for metropolitan France and
// Corsica, a local conformal projection per overseas department placed in an
// inset), simplified and quantised to integer drawing units, with their
// names, region, population, label point and neighbours.
//
// It is built natively by geodata/ and decoded in the browser (GOOS=js), so
// this package uses neither encoding/json, orb/geojson, net/http nor fmt.
//
// # Format, version 1
//
// All integers are varints as written by encoding/binary: "uvarint" is
// unsigned LEB128, "varint" is zig-zag signed. A string is a uvarint byte
// length followed by UTF-8 bytes.
//
//	magic        4 bytes  "FNGA"
//	version      uvarint  1
//	size         uvarint  total length of the asset in bytes, always written in
//	                      5 bytes (padded LEB128) so it can be patched; detects truncation
//	width        uvarint  drawing width in units (x grows to the right)
//	height       uvarint  drawing height in units (y grows downwards, as in SVG)
//	popYear      uvarint  reference year of the populations
//	attribution  string   sources and licences
//	nPoints      uvarint  total number of stored points (one allocation)
//	nRings       uvarint  total number of rings
//	nPolygons    uvarint  total number of polygons
//	nInsets      uvarint
//	  per inset: code string, name string, minX, minY, maxX, maxY varints
//	nDepartments uvarint
//	  per department:
//	    code, name, regionCode, regionName   strings
//	    population                           uvarint
//	    inset                                uvarint, inset index + 1 (0 = metropole)
//	    labelX, labelY                       varints
//	    nNeighbours uvarint, then each neighbour's index in the department list (uvarint)
//	    nPolygons uvarint; per polygon nRings uvarint; per ring nPoints uvarint
//	    (the closing point is not stored) then nPoints (dx, dy) varint pairs,
//	    each the difference from the previous point of the same department
//	    (the first from (0, 0)).
//	crc32        4 bytes, little endian, IEEE CRC-32 of every byte before it (crc.go: hash/crc32's value)
//
// Rings are closed again on decode (first point repeated at the end), outer
// ring first in each polygon; geodata writes outer rings counter-clockwise
// in orb's y-up sense and holes the other way, so SVG's default nonzero
// fill rule draws holes. Neighbours are listed in dept.Codes() order. The
// bounding box is computed on decode.
// Decoding is strict: bad magic, an unknown version, truncation, a checksum
// mismatch or out-of-range indices are errors.
//
// The regions drawn on an asset are a second file, package georegion.
package geoasset
