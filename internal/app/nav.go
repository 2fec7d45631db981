package app

import (
	"math"

	"francenum-map/internal/ascii"
)

// Neighbour returns the department an arrow key ("up", "down", "left",
// "right") leads to from department code, by the angle between the arrow
// and the vector from label point to label point on the drawing: first a
// department sharing a border within ~78° of the arrow; failing that, the
// nearest department that way across the sea or an inset's frame (Var and
// Alpes-Maritimes to Corsica, Finistère to the overseas insets, an inset
// to the next); failing that, the bordering one most that way unless it
// lies sideways or behind. "" when nothing lies that way.
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
	// way gives the cosine between the arrow and the vector to department
	// j, and the distance; ok is false for the department itself.
	way := func(j int) (cos, d float64, ok bool) {
		to := a.geo.Departments[j].Label
		vx, vy := to[0]-from[0], to[1]-from[1]
		d = math.Hypot(vx, vy)
		if d == 0 {
			return 0, 0, false
		}
		return (vx*dx + vy*dy) / d, d, true
	}
	best, bestScore := "", 0.0
	fallback, fallbackCos := "", 0.0
	for _, n := range a.geo.Departments[i].Neighbours {
		j := a.geo.Index(n)
		if j < 0 {
			continue
		}
		cos, d, ok := way(j)
		if !ok {
			continue
		}
		if cos > fallbackCos {
			fallback, fallbackCos = n, cos
		}
		if cos <= 0.2 { // not that way (beyond ~78°)
			continue
		}
		// Prefer alignment, then closeness.
		if score := cos / (1 + d/1000); score > bestScore {
			best, bestScore = n, score
		}
	}
	if best != "" {
		return best
	}
	// No border that way: the nearest department that way, wherever it
	// is drawn; the distance weighs more than the angle, so that the next
	// shore comes before a far one straight ahead.
	for j := range a.geo.Departments {
		cos, d, ok := way(j)
		if !ok || cos <= 0.2 {
			continue
		}
		if score := cos * cos / d; score > bestScore {
			best, bestScore = a.geo.Departments[j].Code, score
		}
	}
	if best != "" {
		return best
	}
	return fallback
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
