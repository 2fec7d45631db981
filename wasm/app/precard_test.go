package main

import (
	"encoding/json"
	"math"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
	"francenum-map/internal/prerender"
)

// TestBuildCardsReadAsGos (issue 22): the cards the build writes for the
// page before Go have the fields, names and values of Go's own card
// encoding, so app.js shows both with the same code.
func TestBuildCardsReadAsGos(t *testing.T) {
	for _, tip := range []app.Tip{
		{Code: "18", Name: "Cher (18)", Region: "Centre-Val de Loire", Value: "79,1 %", Date: "novembre 2022", Rank: "80 / 101", RankLabel: "Rang",
			Cum: "272 entreprises", CumLabel: "Cumul", Target: "344", Pct: "79,1 %", Notes: []string{"Baisse du cumul"},
			Spark: app.Spark{W: 240, H: 48, D: "M1 2L3 4", TargetY: 7.5, DotX: 239, DotY: 3}},
		{Code: "976", Name: "Mayotte (976)", Spark: app.Spark{W: 240, H: 48, TargetY: math.NaN(), DotX: math.NaN(), DotY: math.NaN()}},
	} {
		var goCard, buildCard map[string]any
		require.NoError(t, json.Unmarshal([]byte(object(unsafe.Pointer(&tip), tipFields, 1024)), &goCard))
		b, err := prerender.CardJSON(tip)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, &buildCard))
		if goCard["notes"] == nil {
			goCard["notes"] = []any{} // both read as « no notes »
		}
		assert.Equal(t, goCard, buildCard, tip.Code)
	}
}
