// Command geodata builds the map's geometry asset from the Etalab
// department boundaries (see geobuild for the steps, internal/geoasset for
// the output format and geobuild/source.go for the data source and licence).
//
//	go run ./geodata -in DATA_DIR/geo/departements-1000m.geojson \
//	    -communes node_modules/@etalab/decoupage-administratif/data/communes.json \
//	    -out build/web/geo/departements.bin -debug build/geodata/departements-projected.geojson \
//	    -regions build/web/geo/regions.bin -regions-svg build/geodata/regions.svg
//
// -regions also writes the 18 regions, dissolved from the departments
// (geobuild.Regions, georegion.Encode); -regions-svg a picture of
// them with the department borders over them, to check that they coincide.
// -in also takes an http(s) URL (gzip or not); without -in the publisher's
// file of -level is downloaded.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"francenum-map/geodata/geobuild"
	"francenum-map/internal/geoasset"
	"francenum-map/internal/georegion"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "geodata:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("geodata", flag.ContinueOnError)
	o := geobuild.DefaultOptions()
	in := fs.String("in", "", "department GeoJSON: path or URL, .geojson or .geojson.gz (default: download -level from "+geobuild.SourceBaseURL+")")
	level := fs.String("level", "1000m", "publisher's level to download when -in is empty: 5m, 50m, 100m, 1000m")
	communes := fs.String("communes", "node_modules/@etalab/decoupage-administratif/data/communes.json", "communes.json of @etalab/decoupage-administratif")
	out := fs.String("out", "build/web/geo/departements.bin", "asset to write")
	regions := fs.String("regions", "", "also write the regions, dissolved from the departments, here (georegion.Encode)")
	regionsSVG := fs.String("regions-svg", "", "also write a preview SVG of the regions with the department borders over them here")
	debug := fs.String("debug", "", "also write the projected layout as GeoJSON here")
	preview := fs.String("svg", "", "also write a preview SVG (departments by region, inset frames, labels) here")
	fs.Float64Var(&o.Unit, "unit", o.Unit, "metres per drawing unit in the metropole")
	fs.Float64Var(&o.Tolerance, "tolerance", o.Tolerance, "simplification tolerance in drawing units (0: none)")
	fs.Float64Var(&o.Touch, "touch", o.Touch, "metres within which borders count as shared (neighbours)")
	fs.IntVar(&o.PopulationYear, "population-year", 0, "reference year of the populations (0: from the package's README)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	src := *in
	if src == "" {
		src = geobuild.SourceURL(*level)
	}
	a, err := geobuild.FromSource(context.Background(), src, *communes, o)
	if err != nil {
		return err
	}
	bin, err := geoasset.Encode(a)
	if err != nil {
		return err
	}
	if err := writeFile(*out, bin); err != nil {
		return err
	}
	if *debug != "" {
		js, err := geobuild.DebugGeoJSON(a)
		if err != nil {
			return err
		}
		if err := writeFile(*debug, js); err != nil {
			return err
		}
	}
	if *preview != "" {
		if err := writeFile(*preview, geobuild.PreviewSVG(a)); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "geodata: %d departments, %d points, %d bytes → %s\n", len(a.Departments), countPoints(a), len(bin), *out)
	if *regions == "" && *regionsSVG == "" {
		return nil
	}
	rs, err := geobuild.Regions(a)
	if err != nil {
		return err
	}
	if *regionsSVG != "" {
		if err := writeFile(*regionsSVG, geobuild.RegionsSVG(a, rs)); err != nil {
			return err
		}
	}
	if *regions != "" {
		rbin, err := georegion.Encode(a, rs)
		if err != nil {
			return err
		}
		if err := writeFile(*regions, rbin); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "geodata: %d regions, %d bytes → %s\n", len(rs), len(rbin), *regions)
	}
	return nil
}

func countPoints(a *geoasset.Asset) int {
	n := 0
	for _, d := range a.Departments {
		for _, p := range d.Geometry {
			for _, r := range p {
				n += len(r) - 1
			}
		}
	}
	return n
}

// writeFile writes atomically (temporary file then rename).
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
