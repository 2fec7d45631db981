package describe

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"francenum-map/internal/barometre"
	"francenum-map/internal/datadir"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The description of the published chèques map at 2022-11-30, % of target
// (valeur_actuelle / cible), checked against the synthese file by hand.
func TestRealChequesDescription(t *testing.T) {
	f, err := os.Open(datadir.MustFind(t, "barometre/barometre-resultats-synthese-departemental.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var ds []Dept
	total := 0.0
	for _, r := range rows[1:] {
		if r[col["id_indicateur"]] != indicator.Cheques {
			continue
		}
		v, err1 := strconv.ParseFloat(r[col["valeur_actuelle"]], 64)
		c, err2 := strconv.ParseFloat(r[col["cible"]], 64)
		require.NoError(t, err1)
		require.NoError(t, err2)
		total += v
		ds = append(ds, Dept{Code: r[col["code_departement"]], Name: r[col["libelle_departement"]], Value: v / c * 100, PctTarget: nan})
	}
	require.Len(t, ds, 101)
	ind, _ := KnownIndicator(indicator.Cheques, frfmt.FR)
	in := Input{Lang: frfmt.FR, Indicator: ind, Metric: Target, Month: barometre.MakeMonth(2022, 11), Depts: ds, Total: total, TargetYear: 2022}
	assert.Equal(t, []string{
		"À fin novembre 2022, 112" + nb + "567 chèques numériques ont été attribués au total dans les départements.",
		"Les plus forts taux d'atteinte de la cible" + nbs + ": La Réunion (1" + nb + "600" + nb + "%), Guadeloupe (1" + nb + "152" + nb + "%) et Guyane (900" + nb + "%).",
		"Les plus faibles" + nbs + ": Martinique (33" + nb + "%), Seine-Saint-Denis (44" + nb + "%) et Creuse (51" + nb + "%).",
		"57 départements sur 101 ont atteint leur cible de 2022.",
	}, Sentences(in))
}
