package geobuild

import (
	"github.com/paulmach/orb/geojson"

	"francenum-map/internal/geoasset"
)

// DebugGeoJSON is the projected layout as GeoJSON, for inspection in any
// GIS tool: coordinates are drawing units with y pointing down, so the map
// appears upside down unless the tool flips it.
func DebugGeoJSON(a *geoasset.Asset) ([]byte, error) {
	fc := geojson.NewFeatureCollection()
	for _, d := range a.Departments {
		f := geojson.NewFeature(d.Geometry)
		f.Properties = geojson.Properties{
			"code": d.Code, "nom": d.Name, "region": d.RegionCode, "region_nom": d.RegionName,
			"population": d.Population, "population_annee": a.PopulationYear,
			"voisins": d.Neighbours, "etiquette": []float64{d.Label[0], d.Label[1]}, "encart": d.Inset,
		}
		fc.Append(f)
	}
	for _, in := range a.Insets {
		f := geojson.NewFeature(in.Frame.ToPolygon())
		f.Properties = geojson.Properties{"cadre": in.Code, "nom": in.Name}
		fc.Append(f)
	}
	fc.ExtraMembers = geojson.Properties{"largeur": a.Width, "hauteur": a.Height, "attribution": a.Attribution}
	return fc.MarshalJSON()
}
