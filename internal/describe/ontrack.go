package describe

import (
	"math"

	"francenum-map/internal/frfmt"
	"francenum-map/internal/ontrack"
)

// StatusLabel is a short label for an on-track status ("En bonne voie" /
// "On track"), e.g. for a badge.
func StatusLabel(s ontrack.Status, l frfmt.Lang) string {
	en := l == frfmt.EN
	switch s {
	case ontrack.Reached:
		return pick(en, "Cible atteinte", "Target reached")
	case ontrack.OnTrack:
		return pick(en, "En bonne voie", "On track")
	case ontrack.Behind:
		return pick(en, "En retard", "Behind")
	case ontrack.Unknown:
		return pick(en, "Rythme inconnu", "Pace unknown")
	case ontrack.Closed:
		return pick(en, "Dispositif fermé", "Scheme closed")
	}
	return pick(en, "Pas de donnée", "No data")
}

func pick(en bool, fr, eng string) string {
	if en {
		return eng
	}
	return fr
}

// pace formats a monthly pace: no decimals from 10 up, one below.
func pace(v float64, l frfmt.Lang) string {
	if math.Abs(v) >= 10 {
		return frfmt.Number(v, 0, l)
	}
	return frfmt.Number(v, 1, l)
}

// OnTrack writes 1–3 plain-text sentences about an on-track result: the
// pace needed, the recent pace and the projected month, or the closure of
// the scheme, or that the target is reached.
func OnTrack(r ontrack.Result, l frfmt.Lang) string {
	en := l == frfmt.EN
	num := func(v float64) string { return frfmt.Number(v, 0, l) }
	c := colon(!en)
	switch r.Status {
	case ontrack.NoData:
		return pick(en, "Pas de donnée pour évaluer la trajectoire vers la cible.", "No data to assess progress towards the target.")
	case ontrack.Reached:
		pct := frfmt.Percent(100*r.Current/r.Target, 0, l)
		return pick(en, "Cible atteinte"+c+num(r.Current)+" pour une cible de "+num(r.Target)+" ("+pct+").",
			"Target reached"+c+num(r.Current)+" against a target of "+num(r.Target)+" ("+pct+").")
	case ontrack.Closed:
		d := frfmt.Date(r.ClosedOn, l)
		return pick(en, "Le dispositif a fermé le "+d+c+"pas de projection. Il manque "+num(r.Remaining)+" pour atteindre la cible ("+num(r.Target)+").",
			"The scheme closed on "+d+c+"no projection. "+num(r.Remaining)+" short of the target ("+num(r.Target)+").")
	}
	var s string
	if r.MonthsLeft <= 0 {
		s = pick(en, "Échéance de la cible dépassée"+c+"il manque "+num(r.Remaining)+".",
			"The target date has passed"+c+num(r.Remaining)+" short.")
	} else {
		until := frfmt.Month(r.TargetDate.Month(), l)
		s = pick(en, "Rythme nécessaire"+c+pace(r.PaceNeeded, l)+" par mois jusqu'à "+until+".",
			"Pace needed"+c+pace(r.PaceNeeded, l)+" a month until "+until+".")
	}
	if math.IsNaN(r.RecentPace) {
		return s + pick(en, " Rythme récent inconnu (un seul mois publié).", " Recent pace unknown (a single published month).")
	}
	months := frfmt.Int(int64(r.PaceMonths), l)
	enMonths := " months"
	if r.PaceMonths == 1 {
		enMonths = " month"
	}
	s += pick(en, " Rythme récent"+c+pace(r.RecentPace, l)+" par mois (sur "+months+" mois).",
		" Recent pace"+c+pace(r.RecentPace, l)+" a month (over "+months+enMonths+").")
	switch {
	case r.Projected != 0:
		m := frfmt.Month(r.Projected, l)
		s += pick(en, " À ce rythme, la cible serait atteinte en "+m+".", " At this pace, the target would be reached in "+m+".")
	default:
		s += pick(en, " À ce rythme, la cible ne serait pas atteinte.", " At this pace, the target would not be reached.")
	}
	return s
}
