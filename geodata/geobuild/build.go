package geobuild

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"francenum-map/internal/carto"
	"francenum-map/internal/dept"
	"francenum-map/internal/geoasset"
)

// Options of one build.
type Options struct {
	// Unit is the number of metres per drawing unit in the metropole.
	Unit float64
	// Margin around the drawing, Gap between the inset column and the
	// metropole and between insets, in drawing units.
	Margin, Gap float64
	// Pad is the fraction of an inset box left empty around its department.
	Pad float64
	// Tolerance is the Douglas-Peucker tolerance in drawing units (0: none).
	Tolerance float64
	// Touch is the distance in metres within which borders count as shared.
	Touch float64
	// PopulationYear overrides the year derived from the package (0: derive).
	PopulationYear int
}

// DefaultOptions are the settings of `make geodata`.
func DefaultOptions() Options {
	return Options{
		// 250 m per unit: the metropole is about 4 600 units wide, so at
		// ~800 px one pixel is ~6 units and quantisation is invisible even
		// at 4× zoom, while most deltas still fit one varint byte.
		Unit: 250, Margin: 40, Gap: 60, Pad: 0.08,
		// 2 units = 500 m ≈ 0.3 px at 800 px wide: below what the eye
		// sees, and with shared arcs no slivers can appear anyway.
		Tolerance: 2,
		Touch:     100,
	}
}

func (o Options) layout() layoutOpts {
	return layoutOpts{unit: o.Unit, margin: o.Margin, gap: o.Gap, pad: o.Pad}
}

// FromSource reads the department GeoJSON src (path or URL, gzip or not)
// and communes.json of @etalab/decoupage-administratif, and builds the asset.
func FromSource(ctx context.Context, src, communes string, o Options) (*geoasset.Asset, error) {
	raw, err := readSource(ctx, src)
	if err != nil {
		return nil, err
	}
	feats, err := parseDepartments(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	ad, err := loadAdmin(communes, o.PopulationYear)
	if err != nil {
		return nil, err
	}
	return build(feats, ad, o)
}

// build turns the parsed departments and the administrative data into the
// asset (the debug GeoJSON is derived from the asset).
func build(feats map[string]*feature, ad *admin, o Options) (*geoasset.Asset, error) {
	pl := layout(feats, o.layout())
	codes := dept.Codes()

	projected := make([]orb.MultiPolygon, len(codes))
	metric := map[string]orb.MultiPolygon{}
	for i, c := range codes {
		projected[i] = quantise(apply(feats[c].Geom, pl.transform[c]))
		if !dept.IsOverseas(c) {
			metric[c] = apply(feats[c].Geom, pl.metres[c])
		}
	}
	simplified := simplifyShared(projected, o.Tolerance, o.Tolerance*o.Tolerance)
	nb := neighbours(metric, o.Touch)

	a := &geoasset.Asset{
		Version:        geoasset.Version,
		Width:          pl.width,
		Height:         pl.height,
		PopulationYear: ad.Year,
		Attribution: "Contours : " + sourceName + ", " + sourceLicence +
			" ; populations " + fmt.Sprint(ad.Year) + " et régions : " + populationSource + " (" + ad.PackageInfo + "), " + sourceLicence,
	}
	for i, c := range overseas {
		a.Insets = append(a.Insets, geoasset.Inset{Code: c, Name: feats[c].Name, Frame: pl.frames[i]})
	}
	for i, c := range codes {
		f := feats[c]
		region := ad.Region[c]
		if f.Region != "" && f.Region != region {
			return nil, fmt.Errorf("department %s: region %s in the geometry file, %s in the communes data", c, f.Region, region)
		}
		g := simplified[i]
		label, err := insideLabel(g)
		if err != nil {
			return nil, fmt.Errorf("department %s: %w", c, err)
		}
		ns := nb[c]
		slices.SortFunc(ns, func(x, y string) int { return dept.Index(x) - dept.Index(y) })
		d := geoasset.Department{
			Code: c, Name: f.Name, RegionCode: region, RegionName: ad.RegionName[region],
			Population: ad.Population[c], Geometry: g, Label: label, Bound: g.Bound(),
			Neighbours: ns, Inset: slices.Index(overseas, c),
		}
		a.Departments = append(a.Departments, d)
	}
	return a, nil
}

// insideLabel is the pole of inaccessibility of the largest polygon, on the
// integer grid, checked to be inside.
func insideLabel(g orb.MultiPolygon) (orb.Point, error) {
	p := carto.LabelPoint(g, 0.5)
	for _, d := range [][2]float64{{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, -1}, {1, -1}, {-1, 1}} {
		q := orb.Point{math.Round(p[0]) + d[0], math.Round(p[1]) + d[1]}
		if planar.MultiPolygonContains(g, q) {
			return q, nil
		}
	}
	return orb.Point{}, fmt.Errorf("no label point inside the outline near %v", p)
}
