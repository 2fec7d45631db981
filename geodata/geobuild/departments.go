package geobuild

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"francenum-map/internal/dept"
)

// feature is one input department in lon/lat.
type feature struct {
	Code, Name string
	Region     string // "" when the file has no region property
	Geom       orb.MultiPolygon
}

// parseDepartments reads a GeoJSON FeatureCollection of departments with
// properties code and nom (region optional) and checks that it holds
// exactly the 101 departments with valid rings. Every problem found is
// reported in one error.
func parseDepartments(data []byte) (map[string]*feature, error) {
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, fmt.Errorf("not a GeoJSON FeatureCollection: %w", err)
	}
	var problems []string
	byCode := make(map[string]*feature, dept.Count)
	var unexpected, duplicate []string
	for i, f := range fc.Features {
		raw, ok := propString(f.Properties, "code")
		if !ok {
			problems = append(problems, fmt.Sprintf("feature %d: no \"code\" property", i))
			continue
		}
		code, ok := dept.Normalize(raw)
		if !ok {
			unexpected = append(unexpected, raw)
			continue
		}
		if _, dup := byCode[code]; dup {
			duplicate = append(duplicate, code)
			continue
		}
		name, _ := propString(f.Properties, "nom")
		if name == "" {
			problems = append(problems, fmt.Sprintf("feature %d (code %s): no \"nom\" property", i, code))
		}
		region, _ := propString(f.Properties, "region")
		var mp orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		default:
			problems = append(problems, fmt.Sprintf("feature %d (code %s): geometry is %T, want Polygon or MultiPolygon", i, code, f.Geometry))
			continue
		}
		for _, p := range checkRings(mp) {
			problems = append(problems, fmt.Sprintf("feature %d (code %s): %s", i, code, p))
		}
		byCode[code] = &feature{Code: code, Name: name, Region: region, Geom: mp}
	}
	var missing []string
	for _, c := range dept.Codes() {
		if _, ok := byCode[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		problems = append(problems, fmt.Sprintf("%d missing department(s): %s", len(missing), strings.Join(missing, ", ")))
	}
	if len(unexpected) > 0 {
		problems = append(problems, fmt.Sprintf("%d unexpected code(s): %s", len(unexpected), strings.Join(unexpected, ", ")))
	}
	if len(duplicate) > 0 {
		problems = append(problems, fmt.Sprintf("%d duplicated code(s): %s", len(duplicate), strings.Join(duplicate, ", ")))
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("invalid department geometry (%d features):\n  %s", len(fc.Features), strings.Join(problems, "\n  "))
	}
	return byCode, nil
}

// propString reads a string property; numbers are accepted too (some
// publishers write codes as numbers).
func propString(p geojson.Properties, key string) (string, bool) {
	switch v := p[key].(type) {
	case string:
		return v, true
	case float64:
		if v == math.Trunc(v) {
			return strconv.FormatInt(int64(v), 10), true
		}
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

// checkRings lists invalid rings: fewer than 4 points, not closed,
// coordinates that are not finite lon/lat.
func checkRings(mp orb.MultiPolygon) []string {
	var out []string
	if len(mp) == 0 {
		return []string{"empty geometry"}
	}
	for pi, p := range mp {
		if len(p) == 0 {
			out = append(out, fmt.Sprintf("polygon %d: no ring", pi))
		}
		for ri, r := range p {
			where := fmt.Sprintf("polygon %d ring %d", pi, ri)
			if len(r) < 4 {
				out = append(out, fmt.Sprintf("%s: %d points, want at least 4", where, len(r)))
				continue
			}
			if r[0] != r[len(r)-1] {
				out = append(out, where+": not closed (first point differs from last)")
			}
			if i := slices.IndexFunc(r, func(pt orb.Point) bool {
				return math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || math.Abs(pt[0]) > 180 || math.Abs(pt[1]) > 90
			}); i >= 0 {
				out = append(out, fmt.Sprintf("%s point %d: %v is not a lon/lat coordinate", where, i, r[i]))
			}
		}
	}
	return out
}
