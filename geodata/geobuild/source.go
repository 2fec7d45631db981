package geobuild

// The one place that says where the boundaries come from and under which
// licence; the attribution written into the asset is built from it.
const (
	// SourceBaseURL is the publisher's folder of department boundaries
	// (files departements-{5m,50m,100m,1000m}.geojson, also .geojson.gz).
	SourceBaseURL = "https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2023/geojson/"
	// sourceName names the dataset as the licence asks.
	sourceName = "Etalab, contours administratifs 2023 (d’après IGN ADMIN EXPRESS)"
	// sourceLicence is the licence of the boundaries and of the populations.
	sourceLicence = "Licence Ouverte 2.0"
	// populationSource names where the populations and region names come from.
	populationSource = "INSEE, populations légales, via @etalab/decoupage-administratif"
)

// SourceURL returns the publisher's URL of a simplification level such as
// "1000m" or "100m".
func SourceURL(level string) string {
	return SourceBaseURL + "departements-" + level + ".geojson.gz"
}
