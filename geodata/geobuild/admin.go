package geobuild

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"francenum-map/internal/dept"
)

// admin is what the npm package @etalab/decoupage-administratif tells about
// each department: region and population.
type admin struct {
	Population  map[string]int    // department code → population
	Region      map[string]string // department code → region code
	RegionName  map[string]string // region code → name
	Year        int               // reference year of the populations
	PackageInfo string            // "@etalab/decoupage-administratif 6.0.0"
}

type commune struct {
	Code        string `json:"code"`
	Type        string `json:"type"`
	Departement string `json:"departement"`
	Region      string `json:"region"`
	Population  *int   `json:"population"`
}

// loadAdmin reads communes.json, and regions.json, package.json and
// README.md from the same package. Only "commune-actuelle" entries are
// summed: the arrondissements municipaux of Paris, Lyon and Marseille also
// carry populations, which their communes (75056, 69123, 13055) already
// include, and communes déléguées/associées have none.
func loadAdmin(communesPath string, populationYear int) (*admin, error) {
	raw, err := os.ReadFile(communesPath)
	if err != nil {
		return nil, err
	}
	var communes []commune
	if err := json.Unmarshal(raw, &communes); err != nil {
		return nil, fmt.Errorf("%s: %w", communesPath, err)
	}
	a := &admin{Population: map[string]int{}, Region: map[string]string{}, RegionName: map[string]string{}}
	for i, c := range communes {
		if c.Type != "commune-actuelle" {
			continue
		}
		d, ok := dept.Normalize(c.Departement)
		if !ok {
			continue // collectivités d'outre-mer (975, 977, 978, 98x)
		}
		if c.Population == nil {
			return nil, fmt.Errorf("%s: entry %d (commune %s): no population", communesPath, i, c.Code)
		}
		a.Population[d] += *c.Population
		if r, seen := a.Region[d]; seen && r != c.Region {
			return nil, fmt.Errorf("%s: entry %d (commune %s): department %s in regions %s and %s", communesPath, i, c.Code, d, r, c.Region)
		}
		a.Region[d] = c.Region
	}
	var missing []string
	for _, c := range dept.Codes() {
		if a.Population[c] <= 0 {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: no commune population for department(s) %s", communesPath, strings.Join(missing, ", "))
	}

	dir := filepath.Dir(communesPath)
	var regions []struct{ Code, Nom string }
	raw, err = os.ReadFile(filepath.Join(dir, "regions.json"))
	if err != nil {
		return nil, fmt.Errorf("region names: %w", err)
	}
	if err := json.Unmarshal(raw, &regions); err != nil {
		return nil, fmt.Errorf("regions.json: %w", err)
	}
	for _, r := range regions {
		a.RegionName[r.Code] = r.Nom
	}
	for d, r := range a.Region {
		if a.RegionName[r] == "" {
			return nil, fmt.Errorf("regions.json: no name for region %s (department %s)", r, d)
		}
	}

	version, cogYear, err := packageYear(filepath.Dir(dir))
	if err != nil {
		return nil, err
	}
	a.PackageInfo = "@etalab/decoupage-administratif " + version
	a.Year = populationYear
	if a.Year == 0 {
		// INSEE's populations légales of census year N come into force on
		// 1 January N+3, with the COG of that year: the package of COG 2026
		// carries the 2023 populations (Mayotte: its own 2017 census).
		a.Year = cogYear - 3
	}
	return a, nil
}

var cogRow = regexp.MustCompile(`^\|\s*(\d{4})\s*\|\s*([0-9.]+)\s*\|`)

// packageYear reads the package version from package.json and finds the
// COG year of that version in the README's table "| 2026 | 6.0.0 | …".
func packageYear(pkgDir string) (string, int, error) {
	raw, err := os.ReadFile(filepath.Join(pkgDir, "package.json"))
	if err != nil {
		return "", 0, fmt.Errorf("population year: %w", err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(raw, &pkg); err != nil || pkg.Version == "" {
		return "", 0, fmt.Errorf("population year: %s/package.json has no version", pkgDir)
	}
	f, err := os.Open(filepath.Join(pkgDir, "README.md"))
	if err != nil {
		return "", 0, fmt.Errorf("population year: %w (or pass -population-year)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := cogRow.FindStringSubmatch(sc.Text()); m != nil && m[2] == pkg.Version {
			y, _ := strconv.Atoi(m[1])
			return pkg.Version, y, nil
		}
	}
	return "", 0, fmt.Errorf("population year: version %s not in %s/README.md's table (pass -population-year)", pkg.Version, pkgDir)
}
