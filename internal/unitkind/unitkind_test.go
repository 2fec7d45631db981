package unitkind

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClassify(t *testing.T) {
	rising := Values{N: 40, Rises: 30, Falls: 2}
	wavy := Values{N: 40, Rises: 15, Falls: 15}
	for _, tc := range []struct {
		unit       string
		v          Values
		kind       Kind
		cumulative bool
	}{
		{"entreprises", rising, Count, true},
		{"entreprises", wavy, Count, false},
		{"entreprises", Values{N: 10, Rises: 8, Falls: 2}, Count, true}, // 20 %: still a running total
		{"entreprises", Values{N: 10, Rises: 7, Falls: 3}, Count, false},
		{"entreprises", Values{N: 10}, Count, false}, // one date: nothing says it is cumulative
		{"contrôles", Values{N: 40, Negative: 2, Rises: 30, Falls: 1}, Count, false},
		{"morts dans l'année", rising, Count, false},
		{"heures de patrouille sur douze mois *", rising, Amount, false},
		{"Recrutements depuis le mois d'août précédent", rising, Count, false},
		{"%", Values{N: 10, Fractional: 5}, Rate, false},
		{"% de détenus", rising, Rate, false},
		{" % des demandes *", rising, Rate, false},
		{"pourcentage des classes", rising, Rate, false},
		{"mois de traitement", Values{N: 10, Fractional: 9, Rises: 5, Falls: 4}, Average, false},
		{"jours", Values{N: 10, Fractional: 1}, Average, false},
		{"délai moyen en jours", Values{N: 10}, Average, false},
		{"heures", rising, Amount, true},
		{"kilomètres", rising, Amount, true},
		{"km", wavy, Amount, false},
		{"tonnes", rising, Amount, true},
		{"M€", rising, Amount, true},
		{"millions d'euros", rising, Amount, true},
		{"bénéficiaires", Values{N: 10, Fractional: 3, Rises: 9}, Amount, true}, // decimals: not things counted
		{"", rising, Count, true},
		{"habitants", rising, Count, true},
		{"maisons de santé", rising, Count, true}, // "maisons", not "m"
		{"mètres", rising, Amount, true},
	} {
		k, c := Classify(tc.unit, tc.v)
		assert.Equal(t, tc.kind, k, "%q", tc.unit)
		assert.Equal(t, tc.cumulative, c, "%q cumulative", tc.unit)
		assert.True(t, k.Valid())
	}
}

func TestValuesOf(t *testing.T) {
	v := ValuesOf([]Obs{
		{"02", 20210228, 5}, {"01", 20210228, 3}, {"01", 20210131, 4}, {"02", 20210131, 1.5},
		{"01", 20210331, 3}, {"02", 20210331, -1},
	})
	// 01: 4 → 3 → 3 (a fall, a flat step); 02: 1.5 → 5 → -1 (a rise, a fall).
	assert.Equal(t, Values{N: 6, Fractional: 1, Negative: 1, Rises: 1, Falls: 2}, v)
	assert.Equal(t, Values{}, ValuesOf(nil))
}

func TestSummable(t *testing.T) {
	assert.True(t, Count.Summable())
	assert.True(t, Amount.Summable())
	assert.False(t, Rate.Summable())
	assert.False(t, Average.Summable())
	assert.False(t, Kind("speed").Valid())
}
