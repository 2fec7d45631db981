package workerapi

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/datadir"
)

// mirrorKinds is, for each indicator of the 2023 release, the kind and
// whether it is a running total, as read from its unit and its series by
// hand (issue 16's closing note lists them).
var mirrorKinds = map[string]string{
	"tx-detenus-formation": "rate", "nb-postes-tig": "count+", "nb-cycle-aisance-aquatique": "count+",
	"nb-attestations-savoir-rouler-velo": "count+", "tx-gs-rep": "rate", "tx-classes-cp-ce1-rep": "rate",
	"nb-utilisateurs-pass-culture": "count+", "km-amenagement-cyclables-securises": "amount+",
	"nb-beneficiaires-suppression-taxe-habitation": "count+", "nb-maprimerenov-valides": "count+",
	"duree-moyenne-traitement-demandes-allocation-adulte-handicape": "average", "nb-beneficiaires-siae": "count",
	"nb-diagnostics-individualises": "count+", "nb-entreprises-cheaque-numerique": "count+",
	"logement-sans-domicile-hebergement-urgence": "count", "nb-controles-clir": "count", "nb-maisons-sante": "count+",
	"nb-centres-sante": "count+", "tx-reussite-examens": "rate", "nb-beneficiaires-ajpa": "count+",
	"surface-agriculture-biologique": "rate", "nb-agriculteurs-agro-eco": "count+", "nb-francais-emballages-bac-jaune": "count+",
	"nombre-creation-ulis": "count+", "nombre-creation-ueea": "count+", "nb-jeunes-engages": "count",
	"nb-atteintes-personnes": "count", "nb-atteintes-biens": "count", "nb-heures-patrouille": "amount",
	"nombre-recrutements-jeunes": "count", "nb-aide-juridictionnelle-dematerialisee": "rate",
	"nb-ordonnances-delivrees": "count", "nb-logement-accompagnement": "count+", "nb-logements-renoves-petites-villes": "count+",
	"nb-labellisations-france-services": "count+", "nb-points-recharge": "count+", "nb-primes-conversion": "count+",
	"taux-deploiement-fibre": "rate", "nb-peres-conge-paternite": "count", "nb-familles-aripa": "count+",
	"tx-transparence-resultats": "rate", "taux-paiement-dpb": "rate", "tx-equipements-optique": "rate",
	"tx-equipements-audio": "rate", "tx-equipements-dentaire": "rate", "nb-amendes-delictuelles-dressees": "count",
	"tx-entreprise-egalite-pro": "rate", "tx-classes-cp-ce1": "rate", "nb-entreprises-industrielles-agricoles": "count+",
	"taux-collegiens-beneficiaires": "rate", "nb-morts-routes": "count", "nombre-contrats-apprentissage": "count+",
	"nb-habitants-zfe": "count+", "nb-formation-pic": "count",
}

// TestMirrorIndex splits the real release as the refresh and the snapshot
// do: every one of its 54 indicators is served, with the expected kind,
// and the targets and national series where the publisher gives them.
func TestMirrorIndex(t *testing.T) {
	files := map[string][]byte{}
	for name, f := range map[string]string{"detail": "detail-departemental", "synthese": "synthese-departemental",
		"national": "detail-national"} {
		b, err := os.ReadFile(datadir.MustFind(t, "barometre/barometre-resultats-"+f+".csv"))
		require.NoError(t, err)
		files[name] = b
	}
	snap, err := BuildSnapshot(files, time.Date(2023, 1, 19, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	for name, set := range snap.Sets {
		assert.Empty(t, set.Refused, name)
	}
	var idx Index
	require.NoError(t, json.Unmarshal(snap.Assets[SnapshotIndexPath], &idx))
	require.Len(t, idx.Indicators, len(mirrorKinds))
	withTarget := 0
	for _, e := range idx.Indicators {
		got := string(e.Kind)
		if e.Cumulative {
			got += "+"
		}
		assert.Equal(t, mirrorKinds[e.ID], got, e.ID+" ("+e.Unite+")")
		assert.True(t, ValidID(e.ID), e.ID)
		assert.NotEmpty(t, e.National, e.ID)
		assert.Equal(t, "2023-01-19", e.Updated)
		if e.HasTarget {
			withTarget++
		}
		switch e.ID {
		case "nb-entreprises-cheaque-numerique":
			assert.Equal(t, 101, e.Departments)
			assert.Equal(t, "2021-02-28", e.First)
			assert.Equal(t, "2022-11-30", e.Last)
			assert.Equal(t, 1919, e.Rows)
		case "nb-formation-pic":
			assert.Equal(t, 5, e.Departments)
			assert.Empty(t, e.Synthese, "no synthese row")
		case "tx-detenus-formation":
			assert.False(t, e.HasTarget)
			assert.NotEmpty(t, e.Synthese)
		}
	}
	assert.Equal(t, 38, withTarget)
	// Every byte of the detail file is in some indicator's file.
	n := 0
	for _, id := range snap.Sets["detail"].Order {
		b := snap.Assets[SnapshotIndicatorPath("detail", id)]
		n += len(b) - len("mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n")
	}
	assert.Equal(t, len(files["detail"])-len("mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n"), n)
}
