// Package problemtext renders the problems the baromètre reader finds (a
// refused file, a row left out) in French or English, from one table keyed
// by barometre.Code: the reader returns a code, the place and the values
// involved, and the page says it in the reader's language. French comes
// first and follows French typography: a no-break space before « : » and
// inside guillemets « », numbers grouped with a narrow no-break space.
//
// It is linked into the browser's wasm: no fmt, no strconv quoting, no
// Unicode tables.
package problemtext

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"francenum-map/internal/ascii"
	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

// Refusal renders a refused file: « ligne 1 : une page HTML, pas un
// fichier CSV » / "line 1: an HTML page, not a CSV file". The page puts it
// under its own title (« Fichier refusé, la carte n'a pas changé »).
func Refusal(e *barometre.StructuralError, l frfmt.Lang) string {
	s := Text(e.Code, e.Values, e.Kind, l)
	if e.Line > 0 {
		s = Where(e.Line, 0, "", l) + colon(l) + s
	}
	return s
}

// Warning renders a row left out: « ligne 12, colonne 7 (valeur) : valeur
// illisible « abc » » / "line 12, column 7 (valeur): unreadable value
// "abc"".
func Warning(w barometre.Warning, l frfmt.Lang) string {
	return Where(w.Line, w.Column, w.Field, l) + colon(l) + Text(w.Code, w.Values, barometre.KindUnknown, l)
}

// Where renders a place in the file: « ligne 12, colonne 7 (valeur) » /
// "line 12, column 7 (valeur)"; column 0 and field "" are left out.
func Where(line, column int, field string, l frfmt.Lang) string {
	s := pick(l, "ligne ", "line ") + strconv.Itoa(line)
	if column > 0 {
		s += pick(l, ", colonne ", ", column ") + strconv.Itoa(column)
	}
	if field != "" {
		s += " (" + clean(field) + ")"
	}
	return s
}

// Title returns the short name of a kind of problem, without values, for
// the heading of a group of warnings: « Doublon, même valeur : la première
// ligne est gardée ».
func Title(c barometre.Code, l frfmt.Lang) string {
	e, ok := lookup(c)
	if !ok {
		return pick(l, "Problème ", "Problem ") + quote(string(c), l)
	}
	return pick(l, e.frTitle, e.enTitle)
}

// Text renders the problem c with its values (see the comments of the
// barometre constants for their order); kind is used by the refusals that
// name the kind of file. An unknown code gives a generic sentence naming
// it, never an empty string.
func Text(c barometre.Code, values []string, kind barometre.Kind, l frfmt.Lang) string {
	e, ok := lookup(c)
	if !ok {
		return pick(l, "problème ", "problem ") + quote(string(c), l)
	}
	return expand(pick(l, e.fr, e.en), values, kind, l)
}

// Group renders a group of warnings of one kind: « Valeur illisible :
// 3 lignes (12, 15, 18) », with "…" when count exceeds the lines listed.
func Group(c barometre.Code, count int, lines []int, l frfmt.Lang) string {
	s := Title(c, l) + colon(l) + frfmt.Int(int64(count), l)
	if count == 1 {
		s += pick(l, " ligne", " line")
	} else {
		s += pick(l, " lignes", " lines")
	}
	if len(lines) == 0 {
		return s
	}
	s += " ("
	for i, n := range lines {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(n)
	}
	if count > len(lines) {
		s += ", …"
	}
	return s + ")"
}

// colon is « : » in French (no-break space before it), ": " in English.
func colon(l frfmt.Lang) string { return pick(l, "\u00a0: ", ": ") }

func pick(l frfmt.Lang, fr, en string) string {
	if l == frfmt.EN {
		return en
	}
	return fr
}

// expand replaces in t: {0}…{9} by the value quoted (« v » / "v"), {#0}…
// by the value as a number in l's format, {n0}… by the value as is, {list}
// by every value quoted and joined, {kind} by the kind of file, and
// {one|many} by one of the two forms (many when there is more than one
// value).
func expand(t string, values []string, kind barometre.Kind, l frfmt.Lang) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		b.WriteString(placeholder(t[i+1:i+j], values, kind, l))
		t = t[i+j+1:]
	}
}

func placeholder(p string, values []string, kind barometre.Kind, l frfmt.Lang) string {
	if k := strings.IndexByte(p, '|'); k >= 0 {
		if len(values) > 1 {
			return p[k+1:]
		}
		return p[:k]
	}
	switch p {
	case "kind":
		return kindName(kind, l)
	case "list":
		var s string
		for i, v := range values {
			if i > 0 {
				s += ", "
			}
			s += quote(v, l)
		}
		return s
	}
	mode := byte(0)
	if len(p) == 2 && (p[0] == '#' || p[0] == 'n' || p[0] == 'm') {
		mode, p = p[0], p[1:]
	}
	if len(p) != 1 || p[0] < '0' || p[0] > '9' {
		return "{" + p + "}"
	}
	v := "?"
	if i := int(p[0] - '0'); i < len(values) {
		v = values[i]
	}
	switch mode {
	case '#':
		return number(v, l)
	case 'n':
		return clean(v)
	case 'm':
		return megabytes(v, l)
	}
	return quote(v, l)
}

// quote puts v between guillemets (« v », with no-break spaces) or
// English double quotes, its invisible bytes made visible.
func quote(v string, l frfmt.Lang) string {
	return pick(l, "«\u00a0", `"`) + clean(v) + pick(l, "\u00a0»", `"`)
}

// number formats a value written by the reader (strconv, '.' decimal
// point) in l's format, keeping its decimals: "701.5" → « 701,5 », "12345"
// → « 12 345 ». Anything else is shown as is.
func number(v string, l frfmt.Lang) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || strings.ContainsAny(v, "eEnNiI") {
		return clean(v)
	}
	dec := 0
	if k := strings.IndexByte(v, '.'); k >= 0 {
		dec = len(v) - k - 1
	}
	return frfmt.Number(f, dec, l)
}

// megabytes writes a size in bytes in megabytes (10^6 bytes, as file
// managers show them), one decimal unless whole: « 45,3 Mo », "40 MB".
func megabytes(v string, l frfmt.Lang) string {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return clean(v)
	}
	mb := float64(n) / 1e6
	dec := 1
	if mb == float64(int64(mb)) {
		dec = 0
	}
	return frfmt.Number(mb, dec, l) + pick(l, " Mo", " MB")
}

// clean makes control characters and invalid UTF-8 visible (\t, \xNN):
// a value from a user's file can hold any byte.
func clean(v string) string {
	ok := utf8.ValidString(v)
	for i := 0; ok && i < len(v); i++ {
		if c := v[i]; c < 0x20 || c == 0x7f {
			ok = false
		}
	}
	if ok {
		return v
	}
	q := ascii.Quote(v)
	return q[1 : len(q)-1]
}

func kindName(k barometre.Kind, l frfmt.Lang) string {
	switch k {
	case barometre.KindDetail:
		return pick(l, "fichier détail", "detail file")
	case barometre.KindSynthese:
		return pick(l, "fichier synthèse", "synthese file")
	case barometre.KindNationalDetail:
		return pick(l, "fichier détail national", "national detail file")
	case barometre.KindNationalSynthese:
		return pick(l, "fichier synthèse national", "national synthese file")
	}
	return pick(l, "fichier", "file")
}
