package app

import (
	"math"
	"strings"
	"unicode/utf8"

	"francenum-map/internal/ascii"
	"francenum-map/internal/dept"
)

// Search returns the codes of the departments matching q, best first: an
// exact code ("93", "2a", "971"), a "Name (code)" entry from the
// suggestions, then names starting with q, then names containing q
// (accents, case and hyphens ignored). At most 10.
func (a *App) Search(q string) []string {
	q = ascii.Trim(q)
	if q == "" {
		return nil
	}
	if i := strings.LastIndexByte(q, '('); i >= 0 && strings.HasSuffix(q, ")") {
		if c, ok := dept.Normalize(q[i+1 : len(q)-1]); ok {
			return []string{c}
		}
	}
	var out []string
	if c, ok := dept.Normalize(q); ok && a.geo.Index(c) >= 0 {
		out = append(out, c)
	}
	f := fold(q)
	var contain []string
	for i := range a.geo.Departments {
		d := &a.geo.Departments[i]
		if len(out) > 0 && out[0] == d.Code {
			continue
		}
		n := fold(d.Name)
		switch {
		case n == f || strings.HasPrefix(n, f):
			out = append(out, d.Code)
		case strings.Contains(n, f):
			contain = append(contain, d.Code)
		}
	}
	out = append(out, contain...)
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

// SearchHit is one department found by Search.
type SearchHit struct {
	_          noEq
	Code, Name string
}

// SearchHits returns Search's codes with their names.
func (a *App) SearchHits(q string) []SearchHit {
	var out []SearchHit
	for _, c := range a.Search(q) {
		out = append(out, SearchHit{Code: c, Name: a.geo.Departments[a.geo.Index(c)].Name})
	}
	return out
}

// Neighbour returns the neighbour of department code in the direction of
// an arrow key ("up", "down", "left", "right"), chosen among the
// geometry's neighbour list by the angle between the arrow and the vector
// from label point to label point; "" when no neighbour lies that way or
// roughly so (and always for the overseas departments, which have none).
func (a *App) Neighbour(code, dir string) string {
	i := a.geo.Index(code)
	if i < 0 {
		return ""
	}
	var dx, dy float64
	switch dir {
	case "up":
		dy = -1
	case "down":
		dy = 1
	case "left":
		dx = -1
	case "right":
		dx = 1
	default:
		return ""
	}
	from := a.geo.Departments[i].Label
	// Prefer a neighbour within ~78° of the arrow; failing that, the one
	// closest to that direction unless it lies behind (beyond ~107°), so
	// that an arrow key rarely leads nowhere.
	best, bestScore := "", 0.0
	fallback, fallbackCos := "", -0.3
	for _, n := range a.geo.Departments[i].Neighbours {
		j := a.geo.Index(n)
		if j < 0 {
			continue
		}
		to := a.geo.Departments[j].Label
		vx, vy := to[0]-from[0], to[1]-from[1]
		d := math.Hypot(vx, vy)
		if d == 0 {
			continue
		}
		cos := (vx*dx + vy*dy) / d
		if cos > fallbackCos {
			fallback, fallbackCos = n, cos
		}
		if cos <= 0.2 { // not that way (beyond ~78°)
			continue
		}
		// Prefer alignment, then closeness.
		score := cos / (1 + d/1000)
		if score > bestScore {
			best, bestScore = n, score
		}
	}
	if best == "" {
		return fallback
	}
	return best
}

// Announce is the aria-live text for a focused department.
func (a *App) Announce(code string) string {
	i := a.geo.Index(code)
	if i < 0 {
		return ""
	}
	d := &a.geo.Departments[i]
	txt := d.Name + " (" + d.Code + ") : " + a.fmtValue(a.vals[i], a.st.Metric) + ", " + a.monthLabel(a.month())
	if r, n := a.rank(i); r > 0 {
		txt += ", " + ascii.Lower(a.t("rank")) + " " + itoa(r) + "/" + itoa(n)
	}
	if contains(a.st.Deps, code) {
		txt += ", " + a.t("pinned")
	}
	return txt
}

// fold lower-cases and removes French accents, for search and sort.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		switch r {
		case 'À', 'Â', 'Ä':
			r = 'a'
		case 'É', 'È', 'Ê', 'Ë':
			r = 'e'
		case 'Î', 'Ï':
			r = 'i'
		case 'Ô', 'Ö':
			r = 'o'
		case 'Ù', 'Û', 'Ü':
			r = 'u'
		case 'Ç':
			r = 'c'
		}
		switch r {
		case 'à', 'â', 'ä', 'á':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'î', 'ï', 'í':
			r = 'i'
		case 'ô', 'ö', 'ó':
			r = 'o'
		case 'ù', 'û', 'ü', 'ú':
			r = 'u'
		case 'ç':
			r = 'c'
		case 'ÿ':
			r = 'y'
		case '-', '\'', '’', '_':
			r = ' '
		case 'œ', 'Œ':
			b = append(b, "oe"...)
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
