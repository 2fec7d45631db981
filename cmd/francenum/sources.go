package main

import "francenum-map/internal/indicator"

// The one place where the project's open-data sources are named.
//
// Both are published under the Licence Ouverte / Open Licence 2.0 (Etalab):
// reuse is free provided the source and the date of the data are named —
// the app's source line does so ("Source : Baromètre des résultats de
// l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au …").

// Licence is the licence of every file downloaded by `francenum data`.
const Licence = "Licence Ouverte / Open Licence 2.0 (https://www.etalab.gouv.fr/licence-ouverte-open-licence/)"

// DataGouvAPI is the data.gouv.fr API root; Dataset is the baromètre's
// dataset. The files are resolved through the dataset's resources (by
// title, else by the file name at the end of the resource URL), because
// their static URLs change with each release.
const (
	DataGouvAPI = "https://www.data.gouv.fr/api/1"
	Dataset     = "barometre-des-resultats-de-laction-publique"
)

// BarometreFiles are the resource titles downloaded into DIR/barometre.
var BarometreFiles = []string{
	"barometre-resultats-detail-departemental.csv",
	"barometre-resultats-synthese-departemental.csv",
	"barometre-resultats-detail-national.csv",
	"barometre-resultats-synthese-national.csv",
}

// GeoBase is Etalab's "contours administratifs" (derived from IGN ADMIN
// EXPRESS), WGS84 GeoJSON; GeoFiles are downloaded into DIR/geo.
const GeoBase = "https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2023/geojson/"

// GeoFiles are the boundary files downloaded from GeoBase.
var GeoFiles = []string{
	"departements-1000m.geojson",
	"departements-100m.geojson",
	"regions-1000m.geojson",
}

// Indicators are the ids of the indicators the map shows (the registry's).
var Indicators = indicator.IDs()
