package geobuild

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"francenum-map/internal/datadir"
	"francenum-map/internal/geoasset"
)

// CommunesFile is where `npm ci` puts the communes of
// @etalab/decoupage-administratif, relative to the repository root.
const CommunesFile = "node_modules/@etalab/decoupage-administratif/data/communes.json"

// FromMirror builds the asset of a level ("1000m", "100m") from the data
// mirror (datadir.Find) and the repository's node_modules, with
// DefaultOptions: what `make geodata` builds. Tests use it so that they see
// the real asset; a missing mirror or node_modules is an error.
func FromMirror(ctx context.Context, level string) (*geoasset.Asset, error) {
	dir, err := datadir.Find()
	if err != nil {
		return nil, err
	}
	root, err := datadir.RepoRoot()
	if err != nil {
		return nil, err
	}
	communes := filepath.Join(root, filepath.FromSlash(CommunesFile))
	if _, err := os.Stat(communes); err != nil {
		return nil, errors.New(communes + " missing: run `npm ci` first")
	}
	return FromSource(ctx, filepath.Join(dir, "geo", "departements-"+level+".geojson"), communes, DefaultOptions())
}
