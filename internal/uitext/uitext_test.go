package uitext

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEveryStringTranslated(t *testing.T) {
	for i, s := range All {
		assert.NotEmpty(t, s.FR, s.Key)
		assert.NotEmpty(t, s.EN, s.Key)
		if i > 0 {
			assert.Less(t, All[i-1].Key, s.Key, "All must stay sorted")
		}
		assert.Equal(t, s.EN, T("en", s.Key))
		assert.Equal(t, s.FR, T("fr", s.Key))
	}
	assert.Equal(t, "Légende", T("fr", "legend"))
	assert.Equal(t, "Legend", T("en", "legend"))
	assert.Equal(t, "nope", T("en", "nope"))
}

func TestF(t *testing.T) {
	assert.Equal(t, "Nouveaux ce mois\u00a0: sur 2 (mois précédent absent)", F("fr", "newOver", "sur 2"))
	assert.Equal(t, "Cumulative value decreases: 10 → 8 (Nov 2022, line 12)", F("en", "decreaseNote", "10", "8", "Nov 2022", "12"))
	assert.Equal(t, "New this month:  (previous month absent)", F("en", "newOver"), "a missing argument is left empty")
}

// Placeholders match across languages: the same {n} in both.
func TestPlaceholdersMatch(t *testing.T) {
	count := func(s string) (n [10]int) {
		for i := 0; i+2 < len(s); i++ {
			if s[i] == '{' && s[i+2] == '}' && s[i+1] >= '0' && s[i+1] <= '9' {
				n[s[i+1]-'0']++
			}
		}
		return
	}
	for _, s := range All {
		assert.Equal(t, count(s.FR), count(s.EN), s.Key)
	}
}
