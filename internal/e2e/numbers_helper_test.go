//go:build e2e

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The helpers that judge the app's output are themselves checked, so a
// wrong helper cannot make a failing app pass.
func TestHelpersParseFR(t *testing.T) {
	for in, want := range map[string]float64{"112\u202f580": 112580, "12,5 %": 12.5, "752": 752, "−3": -3, "1 234 (3e)": 1234, "3\u202f396 entreprises": 3396} {
		v, ok := parseFR(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, v, in)
	}
	for _, in := range []string{"—", "2A", "Paris"} {
		_, ok := parseFR(in)
		assert.False(t, ok, in)
	}
}

func TestHelpersSorted(t *testing.T) {
	assert.True(t, sortedEitherWay([]string{"1\u202f000", "200", "12,5", "3"}))
	assert.True(t, sortedEitherWay([]string{"3", "12,5", "200", "1\u202f000"}))
	assert.False(t, sortedEitherWay([]string{"3", "200", "12,5", "1\u202f000"}))
	assert.True(t, sortedEitherWay([]string{"Ain", "Aisne", "Ardèche", "Ardennes", "Ariège"}))
	assert.False(t, sortedEitherWay([]string{"Paris", "Ain", "Var", "Aisne", "Cher", "Ardennes"}))
	assert.True(t, sortedEitherWay(allCodes()), "department codes with Corsica")
	assert.Equal(t, "112580", digits("112\u202f580"))
}
