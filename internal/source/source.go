// Package source writes the attribution every view, embed, export and API
// answer carries: the publisher, the licence and the data date, in French
// or English. One formatter, so that the app, the exports and the Worker's
// /api/v1/meta say the same thing.
package source

import (
	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

// Static is the line without its date, as the page's HTML holds it.
func Static(l frfmt.Lang) string {
	if l == frfmt.EN {
		return "Source: Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0"
	}
	return "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0"
}

// Line is the source line with the data date ("… — données au 30 novembre
// 2022"); the zero date leaves the date out.
func Line(l frfmt.Lang, d barometre.Date) string {
	s := Static(l)
	if d == 0 {
		return s
	}
	if l == frfmt.EN {
		return s + " — data as of " + frfmt.Date(d, l)
	}
	return s + " — données au " + frfmt.Date(d, l)
}
