package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEveryStringTranslated(t *testing.T) {
	for i, s := range uiStrings {
		assert.NotEmpty(t, s.fr, s.key)
		assert.NotEmpty(t, s.en, s.key)
		if i > 0 {
			assert.Less(t, uiStrings[i-1].key, s.key, "uiStrings must stay sorted")
		}
		assert.Equal(t, s.en, T("en", s.key))
	}
	assert.Equal(t, "Légende", T("fr", "legend"))
	assert.Equal(t, "Legend", T("en", "legend"))
	assert.Equal(t, "nope", T("en", "nope"))
}

func TestJSONWriter(t *testing.T) {
	var w jw
	w.obj().ks("a", "x\"<\n\u2028").kn("n", 1.5).key("l").arr().int(1).int(2).null().endArr().kb("b", true).kn("nan", nan()).endObj()
	assert.Equal(t, `{"a":"x\"<\n\u2028","n":1.5,"l":[1,2,null],"b":true,"nan":null}`, w.String())
}
