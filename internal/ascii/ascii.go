// Package ascii holds the few string helpers the browser app needs, written
// for ASCII input so that app.wasm does not link the Unicode case tables
// (strings.ToLower/ToUpper) nor strconv's quoting machinery (strconv.Quote
// with its IsPrint tables): together ≈25 KB of wasm for inputs that are
// URL values, column names and department codes.
package ascii

import "unicode/utf8"

// Lower returns s with the ASCII letters A–Z lower-cased; other bytes,
// including non-ASCII UTF-8, are kept as they are.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Upper returns s with the ASCII letters a–z upper-cased; other bytes are
// kept as they are.
func Upper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'a' && c <= 'z' {
					b[j] = c - ('a' - 'A')
				}
			}
			return string(b)
		}
	}
	return s
}

const hexDigits = "0123456789abcdef"

// Quote returns s between double quotes for an error message, so that an
// empty value, spaces and invisible bytes show: `"` and `\` are escaped,
// tab, CR and LF read \t \r \n, other control bytes and bytes of invalid
// UTF-8 read \xNN. Valid non-ASCII text (accents) is kept as it is.
func Quote(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
			continue
		}
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		default:
			b = append(b, c)
		}
		i++
	}
	return string(append(b, '"'))
}

// TrimSpace returns b without the spaces and tabs at either end (the
// published files pad some fields; no other white space is trimmed).
func TrimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// Trim returns s without the white space at either end: ASCII space, tab,
// line ends, and the no-break space U+00A0 (French typing puts it before
// « : » and in numbers). strings.TrimSpace would bring unicode's tables
// into app.wasm for the other Unicode spaces, which codes and searches
// never carry.
func Trim(s string) string {
	for {
		switch {
		case len(s) > 0 && isSpace(s[0]):
			s = s[1:]
		case len(s) > 1 && s[0] == 0xc2 && s[1] == 0xa0:
			s = s[2:]
		case len(s) > 0 && isSpace(s[len(s)-1]):
			s = s[:len(s)-1]
		case len(s) > 1 && s[len(s)-2] == 0xc2 && s[len(s)-1] == 0xa0:
			s = s[:len(s)-2]
		default:
			return s
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
