package describe

import (
	"testing"

	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
	"francenum-map/internal/indicator"
	"francenum-map/internal/ontrack"

	"github.com/stretchr/testify/assert"
)

var diag = []ontrack.Point{
	{Date: 20220331, Value: 1200}, {Date: 20220531, Value: 1400}, {Date: 20220630, Value: 1500},
	{Date: 20220831, Value: 1700}, {Date: 20220930, Value: 1800}, {Date: 20221031, Value: 1900}, {Date: 20221130, Value: 2000},
}

func TestOnTrackText(t *testing.T) {
	tgt := func(v float64) ontrack.Point { return ontrack.Point{Date: ontrack.TargetDate2022, Value: v} }
	tests := []struct {
		name   string
		points []ontrack.Point
		target float64
		opts   ontrack.Options
		fr, en string
	}{
		{"behind with projection", diag, 2600, ontrack.Options{},
			"Rythme nécessaire" + nbs + ": 600 par mois jusqu'à décembre 2022. Rythme récent" + nbs + ": 100 par mois (sur 8 mois). À ce rythme, la cible serait atteinte en mai 2023.",
			"Pace needed: 600 a month until December 2022. Recent pace: 100 a month (over 8 months). At this pace, the target would be reached in May 2023."},
		{"reached", diag, 1900, ontrack.Options{},
			"Cible atteinte" + nbs + ": 2" + nb + "000 pour une cible de 1" + nb + "900 (105" + nb + "%).",
			"Target reached: 2,000 against a target of 1,900 (105%)."},
		{"closed scheme", diag, 2600, ontrack.Options{Closed: chequesClosed()},
			"Le dispositif a fermé le 31 juillet 2021" + nbs + ": pas de projection. Il manque 600 pour atteindre la cible (2" + nb + "600).",
			"The scheme closed on 31 July 2021: no projection. 600 short of the target (2,600)."},
		{"single month", diag[6:], 2600, ontrack.Options{},
			"Rythme nécessaire" + nbs + ": 600 par mois jusqu'à décembre 2022. Rythme récent inconnu (un seul mois publié).",
			"Pace needed: 600 a month until December 2022. Recent pace unknown (a single published month)."},
		{"stalled, small pace", []ontrack.Point{{Date: 20221031, Value: 10}, {Date: 20221130, Value: 10}}, 14, ontrack.Options{},
			"Rythme nécessaire" + nbs + ": 4,0 par mois jusqu'à décembre 2022. Rythme récent" + nbs + ": 0,0 par mois (sur 1 mois). À ce rythme, la cible ne serait pas atteinte.",
			"Pace needed: 4.0 a month until December 2022. Recent pace: 0.0 a month (over 1 month). At this pace, the target would not be reached."},
		{"deadline passed", []ontrack.Point{{Date: 20221130, Value: 1000}, {Date: 20230131, Value: 1100}}, 2000, ontrack.Options{},
			"Échéance de la cible dépassée" + nbs + ": il manque 900. Rythme récent" + nbs + ": 50 par mois (sur 2 mois). À ce rythme, la cible serait atteinte en juillet 2024.",
			"The target date has passed: 900 short. Recent pace: 50 a month (over 2 months). At this pace, the target would be reached in July 2024."},
		{"no data", nil, 2600, ontrack.Options{},
			"Pas de donnée pour évaluer la trajectoire vers la cible.",
			"No data to assess progress towards the target."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ontrack.Compute(tt.points, tgt(tt.target), tt.opts)
			assert.Equal(t, tt.fr, OnTrack(r, frfmt.FR))
			assert.Equal(t, tt.en, OnTrack(r, frfmt.EN))
		})
	}
}

func TestStatusLabel(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range []ontrack.Status{ontrack.NoData, ontrack.Reached, ontrack.OnTrack, ontrack.Behind, ontrack.Unknown, ontrack.Closed} {
		fr, en := StatusLabel(s, frfmt.FR), StatusLabel(s, frfmt.EN)
		assert.False(t, seen[fr], fr)
		assert.False(t, seen[en], en)
		seen[fr], seen[en] = true, true
	}
	assert.Equal(t, "En bonne voie", StatusLabel(ontrack.OnTrack, frfmt.FR))
	assert.Equal(t, "Scheme closed", StatusLabel(ontrack.Closed, frfmt.EN))
}

func chequesClosed() barometre.Date {
	in, _ := indicator.Lookup(indicator.Cheques)
	return in.Closed
}
