package uitext

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWorkerWordsAreUitexts: the Worker's entry script answers oEmbed
// without starting Go, so it carries a copy of a few of this table's
// strings (wasm/worker/oembed.mjs, WORDS); they must be this table's.
func TestWorkerWordsAreUitexts(t *testing.T) {
	src, err := os.ReadFile("../../wasm/worker/oembed.mjs")
	require.NoError(t, err)
	s := string(src)
	start := strings.Index(s, "export const WORDS = {")
	require.GreaterOrEqual(t, start, 0, "WORDS in oembed.mjs")
	end := strings.Index(s[start:], "\n};")
	require.Greater(t, end, 0)
	block := s[start : start+end]
	langs := regexp.MustCompile(`(?m)^  (fr|en): \{$`).FindAllStringSubmatchIndex(block, -1)
	require.Len(t, langs, 2, "fr and en")
	entry := regexp.MustCompile(`(?m)^    (\w+): "([^"\\]*)",$`)
	n := 0
	for i, l := range langs {
		lang := block[l[2]:l[3]]
		body := block[l[1]:]
		if i+1 < len(langs) {
			body = block[l[1]:langs[i+1][0]]
		}
		for _, m := range entry.FindAllStringSubmatch(body, -1) {
			assert.Equal(t, T(lang, m[1]), m[2], "%s %s", lang, m[1])
			assert.NotEqual(t, m[1], T(lang, m[1]), "%s is a key of the table", m[1])
			n++
		}
	}
	assert.Equal(t, 6, n, "the entries of WORDS checked")
}
