// Package source writes the attribution every view, embed, export and API
// answer carries: the publisher, the licence and the data date, in French
// or English. One formatter, so that the app, the exports and the Worker's
// /api/v1/meta say the same thing.
package source

import (
	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

// The line's parts: the publication, then (Policy) the policy, then the
// host and licence.
const (
	publication = "Baromètre des résultats de l'action publique"
	hostLicence = ", data.gouv.fr — Licence Ouverte 2.0"
)

// Static is the line without its date, as the page's HTML holds it.
func Static(l frfmt.Lang) string { return Policy(l, 0, "") }

// Line is the source line with the data date ("… — données au 30 novembre
// 2022"); the zero date leaves the date out.
func Line(l frfmt.Lang, d barometre.Date) string { return Policy(l, d, "") }

// Policy is Line naming the policy (`mesure`) the indicator belongs to,
// for any indicator but France Num's two (whose page header names their
// policy): « Source : Baromètre des résultats de l'action publique,
// mesure « Déployer le pass Culture », data.gouv.fr — … ». An empty
// mesure gives Line.
func Policy(l frfmt.Lang, d barometre.Date, mesure string) string {
	en := l == frfmt.EN
	s := "Source : " + publication
	if en {
		s = "Source: " + publication
	}
	if mesure != "" {
		if en {
			s += ", policy “" + mesure + "”"
		} else {
			s += ", mesure « " + mesure + " »"
		}
	}
	s += hostLicence
	if d == 0 {
		return s
	}
	if en {
		return s + " — data as of " + frfmt.Date(d, l)
	}
	return s + " — données au " + frfmt.Date(d, l)
}

// File is the line of a view whose data a user loaded from their own file
// (name), which no publisher vouches for: « Données : votre fichier
// mon-export.csv (non publié), au format du Baromètre des résultats de
// l'action publique — données au 30 novembre 2022 ». The zero date leaves
// the date out.
func File(l frfmt.Lang, name string, d barometre.Date) string {
	en := l == frfmt.EN
	s := "Données : votre fichier " + name + " (non publié), au format du " + publication
	if en {
		s = "Data: your file " + name + " (unpublished), in the format of the " + publication
	}
	if d == 0 {
		return s
	}
	if en {
		return s + " — data as of " + frfmt.Date(d, l)
	}
	return s + " — données au " + frfmt.Date(d, l)
}
