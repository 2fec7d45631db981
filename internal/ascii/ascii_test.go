package ascii

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLowerUpper(t *testing.T) {
	for _, tc := range []struct{ in, lower, upper string }{
		{"", "", ""},
		{"fr", "fr", "FR"},
		{"EN", "en", "EN"},
		{"Jenks", "jenks", "JENKS"},
		{"2a", "2a", "2A"},
		{"Équipe É", "Équipe É", "ÉQUIPE É"}, // non-ASCII bytes kept
		{"id_Indicateur", "id_indicateur", "ID_INDICATEUR"},
		{"[Z@a`{]", "[z@a`{]", "[Z@A`{]"}, // the bytes around the letter ranges
	} {
		assert.Equal(t, tc.lower, Lower(tc.in), "Lower(%q)", tc.in)
		assert.Equal(t, tc.upper, Upper(tc.in), "Upper(%q)", tc.in)
	}
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{"971", `"971"`},
		{" 2A ", `" 2A "`},
		{`a"b\c`, `"a\"b\\c"`},
		{"a\tb\r\n", `"a\tb\r\n"`},
		{"\x00\x1f\x7f", `"\x00\x1f\x7f"`},
		{"Hérault", `"Hérault"`},
		{"H\xe9rault", `"H\xe9rault"`}, // Windows-1252 é: invalid UTF-8
		{"\xc3", `"\xc3"`},             // truncated sequence
	} {
		got := Quote(tc.in)
		assert.Equal(t, tc.want, got, "Quote(%q)", tc.in)
		// Where strconv agrees on the escape (all but kept UTF-8), the
		// result reads back to the input.
		if s, err := strconv.Unquote(got); err == nil {
			assert.Equal(t, tc.in, s, "round trip of %q", tc.in)
		}
	}
}

func TestTrim(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"  93 ", "93"},
		{"\t2a\r\n", "2a"},
		{"\u00a0Paris\u00a0", "Paris"},
		{" \u00a0 \u00a0", ""},
		{"Côte-d'Or", "Côte-d'Or"},
		{"a b", "a b"},
		{"\u2003x", "\u2003x"}, // other Unicode spaces are kept (never in codes or searches)
	} {
		assert.Equal(t, tt.want, Trim(tt.in), "%q", tt.in)
	}
}
