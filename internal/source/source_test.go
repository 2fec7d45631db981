package source

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

func TestLine(t *testing.T) {
	nov := barometre.NewDate(2022, 11, 30)
	assert.Equal(t, "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au 30 novembre 2022", Line(frfmt.FR, nov))
	assert.Equal(t, "Source: Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — data as of 30 November 2022", Line(frfmt.EN, nov))
	assert.Equal(t, "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au 1er janvier 2023", Line(frfmt.FR, barometre.NewDate(2023, 1, 1)))
	assert.Equal(t, Static(frfmt.FR), Line(frfmt.FR, 0), "no date: the static line")
}

func TestPolicy(t *testing.T) {
	nov := barometre.NewDate(2022, 11, 30)
	tests := []struct {
		l      frfmt.Lang
		mesure string
		want   string
	}{
		{frfmt.FR, "Déployer le pass Culture", "Source : Baromètre des résultats de l'action publique, mesure « Déployer le pass Culture », data.gouv.fr — Licence Ouverte 2.0 — données au 30 novembre 2022"},
		{frfmt.EN, "Déployer le pass Culture", "Source: Baromètre des résultats de l'action publique, policy “Déployer le pass Culture”, data.gouv.fr — Licence Ouverte 2.0 — data as of 30 November 2022"},
		{frfmt.FR, "", Line(frfmt.FR, nov)},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Policy(tc.l, nov, tc.mesure))
	}
}

// TestFile: a user's file is credited to the user, never the publisher.
func TestFile(t *testing.T) {
	d := barometre.Date(0)
	assert.Equal(t, "Données : votre fichier mon-export.csv (non publié), au format du Baromètre des résultats de l'action publique", File(frfmt.FR, "mon-export.csv", d))
	assert.Equal(t, "Data: your file a.csv (unpublished), in the format of the Baromètre des résultats de l'action publique", File(frfmt.EN, "a.csv", d))
	for _, l := range []frfmt.Lang{frfmt.FR, frfmt.EN} {
		assert.NotContains(t, File(l, "a.csv", d), "data.gouv.fr")
		assert.NotContains(t, File(l, "a.csv", d), "Licence")
	}
}
