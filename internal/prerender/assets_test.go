package prerender

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStripComments(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "a{b:c}", "a{b:c}"},
		{"one", "/* why */a{b:c}", "a{b:c}"},
		{"between rules", "a{}/* x\n y */\nb{}", "a{}\nb{}"},
		{"inside a rule", "a{b:c/*d*/;e:f}", "a{b:c;e:f}"},
		{"in a double-quoted string", `a{content:"/* kept */"}`, `a{content:"/* kept */"}`},
		{"in a single-quoted string", `a{content:'/*'}/* gone */`, `a{content:'/*'}`},
		{"escaped quote", `a{content:"\"/*"}/**/`, `a{content:"\"/*"}`},
		{"unclosed", "a{}/* never closed", "a{}"},
		{"a lone slash", "a{grid-area:1/2}", "a{grid-area:1/2}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, string(StripComments([]byte(tc.in))))
		})
	}
}

// The real stylesheet loses its comments and nothing else: every rule's
// selector is still there.
func TestStripCommentsOfTheStylesheet(t *testing.T) {
	css, err := os.ReadFile("../../web/app.css")
	assert.NoError(t, err)
	out := string(StripComments(css))
	assert.NotContains(t, out, "/*")
	assert.NotContains(t, out, "*/")
	for _, sel := range []string{".progress small", "html.embed main", "#table caption", "@media"} {
		assert.Contains(t, out, sel)
	}
	assert.Less(t, len(out), len(css)*9/10, "the comments were a tenth of it at least")
}
