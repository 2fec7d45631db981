package geoasset

import "github.com/paulmach/orb"

// Version is the format version written by Encode and the only one Decode
// accepts.
const Version = 1

// Magic starts every asset.
const Magic = "FNGA"

// Metropole is the Inset value of a department drawn in the main frame.
const Metropole = -1

// Asset is the whole decoded geometry file.
type Asset struct {
	// Version of the format the asset was decoded from (Encode writes Version).
	Version int
	// Width and Height of the drawing in units; SVG viewBox "0 0 Width Height".
	Width, Height float64
	// Departments in the order of dept.Codes().
	Departments []Department
	// Insets are the frames of the overseas departments.
	Insets []Inset
	// PopulationYear is the reference year of Department.Population.
	PopulationYear int
	// Attribution names the sources and their licences.
	Attribution string
}

// Department is one department, in drawing units (y down).
type Department struct {
	// Code is the normalised department code ("01", "2A", "971").
	Code string
	// Name is the official name ("Ain").
	Name string
	// RegionCode is the INSEE region code ("84").
	RegionCode string
	// RegionName is the region's name ("Auvergne-Rhône-Alpes").
	RegionName string
	// Population is the sum of the communes' legal populations.
	Population int
	// Geometry is the projected, simplified, quantised outline.
	Geometry orb.MultiPolygon
	// Label is a point inside the outline, good for a label or a marker.
	Label orb.Point
	// Bound is the bounding box of Geometry.
	Bound orb.Bound
	// Neighbours are the codes of the departments sharing a border.
	Neighbours []string
	// Inset is the index in Asset.Insets, or Metropole (-1).
	Inset int
}

// Inset is the frame of an overseas department drawn beside the metropole.
type Inset struct {
	_ [0]func() // not comparable: no unused equality function in the wasm
	// Code of the department in the frame.
	Code string
	// Name of the department in the frame.
	Name string
	// Frame is the box drawn around it, in drawing units.
	Frame orb.Bound
}

// Index returns the position of the department with the given code, or -1.
func (a *Asset) Index(code string) int {
	for i := range a.Departments {
		if a.Departments[i].Code == code {
			return i
		}
	}
	return -1
}
