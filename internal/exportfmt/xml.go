package exportfmt

import "unicode/utf8"

// XMLText returns s ready for XML text or an attribute value (SVG export):
// &, <, >, " and ' escaped; bytes of invalid UTF-8 dropped; control
// characters dropped (C0 and C1, DEL, U+FFFE, U+FFFF: XML 1.0 forbids most
// of them, and any of them makes an SVG that a viewer refuses), except tab,
// line feed and carriage return, which become a space (a label is one
// line). A user's file can put any byte into the labels the export shows.
func XMLText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			clean = false
			break
		}
	}
	if clean {
		return s // the common case: plain ASCII, no copy
	}
	b := make([]byte, 0, len(s)+16)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&quot;"...)
			case c == '\'':
				b = append(b, "&#39;"...)
			case c == '\t' || c == '\n' || c == '\r':
				b = append(b, ' ')
			case c < 0x20 || c == 0x7f:
				// dropped
			default:
				b = append(b, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && n == 1) && !(r >= 0x80 && r <= 0x9f) && r != 0xFFFE && r != 0xFFFF {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}
