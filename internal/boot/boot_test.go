package boot

import (
	"crypto/sha256"
	"encoding/base64"
	"francenum-map/internal/indicator"
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/uitext"
)

func TestScriptHashMatchesScript(t *testing.T) {
	sum := sha256.Sum256([]byte(Script))
	assert.Equal(t, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", ScriptHash)
}

// The words the page shows when app.js never ran are uitext's.
func TestDeadScriptWordsAreUitexts(t *testing.T) {
	for _, c := range []struct{ got, key, lang string }{
		{deadFailedFR, "loadError", "fr"}, {deadFailedEN, "loadError", "en"},
		{deadRetryFR, "retry", "fr"}, {deadRetryEN, "retry", "en"},
	} {
		assert.Equal(t, uitext.T(c.lang, c.key), c.got, c.key+" "+c.lang)
	}
}

// TestViewScriptNamesFranceNumIndicators: the inline script's two
// indicator ids are the registry's.
func TestViewScriptNamesFranceNumIndicators(t *testing.T) {
	assert.Equal(t, indicator.Cheques, indCheques)
	assert.Equal(t, indicator.Diagnostics, indDiagnostics)
}
