package app

import (
	"math"

	"francenum-map/internal/ascii"
)

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
