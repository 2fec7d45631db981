package place

// Fold lower-cases s and removes what a search should ignore: French
// accents (é → e, œ → oe), hyphens, apostrophes and underscores (read as
// spaces), and runs of spaces (one kept, none at the ends). « Île-de-France »,
// « ile de france » and « ILE  DE FRANCE » fold alike. Written out rather
// than with unicode tables, which the browser's wasm does not link.
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	space := true // drops leading spaces
	put := func(c byte) {
		if c == ' ' {
			if space {
				return
			}
			space = true
		} else {
			space = false
		}
		b = append(b, c)
	}
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		switch r {
		case 'à', 'â', 'ä', 'á', 'À', 'Â', 'Ä', 'Á':
			r = 'a'
		case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
			r = 'e'
		case 'î', 'ï', 'í', 'Î', 'Ï', 'Í':
			r = 'i'
		case 'ô', 'ö', 'ó', 'Ô', 'Ö', 'Ó':
			r = 'o'
		case 'ù', 'û', 'ü', 'ú', 'Ù', 'Û', 'Ü', 'Ú':
			r = 'u'
		case 'ç', 'Ç':
			r = 'c'
		case 'ÿ', 'Ÿ':
			r = 'y'
		case 'œ', 'Œ':
			put('o')
			put('e')
			continue
		case 'æ', 'Æ':
			put('a')
			put('e')
			continue
		case '-', '\'', '’', '_', '\t', '\u00a0', '\u202f', ' ':
			put(' ')
			continue
		}
		if r < 0x80 {
			put(byte(r))
			continue
		}
		b = append(b, string(r)...)
		space = false
	}
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return string(b)
}
