package barometre

import "unicode/utf8"

// win1252 maps the bytes 0x80–0x9F of Windows-1252 to Unicode; the five
// bytes Windows-1252 leaves undefined keep their Latin-1 (C1) meaning, as
// browsers do. Bytes 0xA0–0xFF are the same code points in Latin-1 and
// Windows-1252. Hand-written so that the wasm does not link
// golang.org/x/text.
var win1252 = [32]rune{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// decode1252 returns b decoded from Windows-1252 (a superset of Latin-1
// for printable characters) as UTF-8.
func decode1252(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			out = append(out, c)
		case c < 0xA0:
			out = utf8.AppendRune(out, win1252[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out
}

// encode1252 returns s encoded in Windows-1252, or false when a character
// has no Windows-1252 byte. ParseSelected searches for both forms of a
// non-ASCII id, since the filter runs on the undecoded bytes.
func encode1252(s string) (string, bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			out = append(out, byte(r))
		default:
			i := 0
			for i < len(win1252) && win1252[i] != r {
				i++
			}
			if i == len(win1252) {
				return "", false
			}
			out = append(out, byte(0x80+i))
		}
	}
	return string(out), true
}

// decodeFile is decode1252 of a whole file (or its header) keeping a
// leading UTF-8 BOM as is: a file that declares UTF-8 but holds a few
// Windows-1252 bytes still has its header read right.
func decodeFile(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return append([]byte{0xEF, 0xBB, 0xBF}, decode1252(b[3:])...)
	}
	return decode1252(b)
}
