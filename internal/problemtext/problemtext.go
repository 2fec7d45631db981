// Package problemtext renders the problems the baromètre reader finds (a
// refused file, a row left out) in French or English, from one table keyed
// by the reader's problem codes (barometre.Code): the reader returns a
// code, the place and the values involved, and the page says it in the
// reader's language; the CLI's English comes from the same table
// (barometre's String and Error call it). French comes first and follows
// French typography: a no-break space before « : » and « ; » and inside
// guillemets « », numbers grouped with a narrow no-break space.
//
// It is a leaf package (barometre imports it), so it takes plain values:
// codes as strings, the kind of file as barometre.Kind's number. It is
// linked into the browser's wasm: no fmt, no strconv quoting, no Unicode
// tables.
package problemtext

import (
	"francenum-map/internal/decimal"
	"strconv"
	"strings"

	"francenum-map/internal/ascii"
	"francenum-map/internal/frfmt"
)

// Problem renders a problem at its place: « ligne 12, colonne 7 (valeur)
// : valeur illisible « abc » » / "line 12, column 7 (valeur): unparseable
// value "abc"". Line 0 (the whole file) gives the text alone. kind is
// barometre.Kind's value (1 detail, 2 synthese, 3 national detail, 4
// national synthese; 0 unknown), used by the refusals that name the kind
// of file.
func Problem(line, column int, field, code string, values []string, kind int, l frfmt.Lang) string {
	s := Text(code, values, kind, l)
	if line > 0 {
		s = Where(line, column, field, l) + colon(l) + s
	}
	return s
}

// Where renders a place in the file: « ligne 12, colonne 7 (valeur) » /
// "line 12, column 7 (valeur)"; column 0 and field "" are left out.
func Where(line, column int, field string, l frfmt.Lang) string {
	s := frfmt.Pick(l, "ligne ", "line ") + strconv.Itoa(line)
	if column > 0 {
		s += frfmt.Pick(l, ", colonne ", ", column ") + strconv.Itoa(column)
	}
	if field != "" {
		s += " (" + clean(field) + ")"
	}
	return s
}

// Title returns the short name of a kind of problem, without values, for
// the heading of a group of warnings: « Doublon, même valeur (la première
// ligne est gardée) ».
func Title(code string, l frfmt.Lang) string {
	i := index(code)
	switch {
	case i < 0:
		return frfmt.Pick(l, "Problème ", "Problem ") + quote(code, l)
	case l == frfmt.EN:
		return enTitles[i]
	}
	return frTitles[i]
}

// Text renders the problem code with its values (see the comments of the
// barometre constants for their order). An unknown code gives a sentence
// naming it, never an empty string; missing values read "?".
func Text(code string, values []string, kind int, l frfmt.Lang) string {
	if l == frfmt.EN {
		return English(code, values, kind)
	}
	i := index(code)
	if i < 0 {
		return "problème " + quote(code, l)
	}
	return expand(frTexts[i], values, kind, l)
}

// English is Text in English. It links only the English texts: the
// reader's String and Error use it, so a program that prints nothing in
// French carries none.
func English(code string, values []string, kind int) string {
	i := index(code)
	if i < 0 {
		return "problem " + quote(code, frfmt.EN)
	}
	return expand(enTexts[i], values, kind, frfmt.EN)
}

// EnglishProblem is Problem in English, linking only the English texts.
func EnglishProblem(line, column int, field, code string, values []string, kind int) string {
	s := English(code, values, kind)
	if line > 0 {
		s = Where(line, column, field, frfmt.EN) + ": " + s
	}
	return s
}

// Has reports whether the table has code (in both languages).
func Has(code string) bool { return index(code) >= 0 }

// Codes lists the table's codes, in table order.
func Codes() []string { return codes[:] }

// Group renders a group of warnings of one kind: « Valeur illisible :
// 3 lignes (12, 15, 18) », with "…" when count exceeds the lines listed.
func Group(code string, count int, lines []int, l frfmt.Lang) string {
	s := Title(code, l) + colon(l) + frfmt.Int(int64(count), l)
	if count == 1 {
		s += frfmt.Pick(l, " ligne", " line")
	} else {
		s += frfmt.Pick(l, " lignes", " lines")
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
func colon(l frfmt.Lang) string { return frfmt.Pick(l, "\u00a0: ", ": ") }

// expand replaces in t: {0}…{9} by the value quoted (« v » / "v"), {#0}…
// by the value as a number in l's format, {n0}… by the value as is, {list}
// by every value quoted and joined, {kind} by the kind of file, and
// {one|many} by one of the two forms (many when there is more than one
// value).
func expand(t string, values []string, kind int, l frfmt.Lang) string {
	s := ""
	for {
		i, j := strings.IndexByte(t, '{'), strings.IndexByte(t, '}')
		if i < 0 || j < i {
			return s + t
		}
		s += t[:i] + placeholder(t[i+1:j], values, kind, l)
		t = t[j+1:]
	}
}

func placeholder(p string, values []string, kind int, l frfmt.Lang) string {
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
	v := "?"
	if i := int(p[len(p)-1]) - '0'; i >= 0 && i < len(values) {
		v = values[i]
	}
	switch p[0] {
	case '#':
		return number(v, l)
	case 'n':
		return clean(v)
	}
	return quote(v, l)
}

// quote puts v between guillemets (« v », with no-break spaces) or
// English double quotes, its invisible bytes made visible.
func quote(v string, l frfmt.Lang) string {
	return frfmt.Pick(l, "«\u00a0", `"`) + clean(v) + frfmt.Pick(l, "\u00a0»", `"`)
}

// number formats a value written by the reader (strconv, '.' decimal
// point) in l's format, keeping its decimals: "701.5" → « 701,5 », "12345"
// → « 12 345 ». Anything else is shown as is.
func number(v string, l frfmt.Lang) string {
	f, ok := decimal.Parse(v)
	if !ok || strings.ContainsAny(v, "eE") {
		return clean(v)
	}
	dec := 0
	if k := strings.IndexByte(v, '.'); k >= 0 {
		dec = len(v) - k - 1
	}
	return frfmt.Number(f, dec, l)
}

// clean makes control characters and invalid UTF-8 visible (\t, \xNN;
// " and \ escaped): a value from a user's file can hold any byte.
func clean(v string) string {
	q := ascii.Quote(v)
	return q[1 : len(q)-1]
}

func kindName(k int, l frfmt.Lang) string {
	switch k {
	case 1:
		return frfmt.Pick(l, "fichier détail", "detail file")
	case 2:
		return frfmt.Pick(l, "fichier synthèse", "synthese file")
	case 3:
		return frfmt.Pick(l, "fichier détail national", "national detail file")
	case 4:
		return frfmt.Pick(l, "fichier synthèse national", "national synthese file")
	}
	return frfmt.Pick(l, "fichier", "file")
}
