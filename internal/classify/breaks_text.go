package classify

import (
	"strconv"

	"francenum-map/internal/frfmt"
)

// BreakProblem is why ParseBreaks refused the input.
type BreakProblem uint8

// The problems of manual breaks.
const (
	// BreaksEmpty: no break at all.
	BreaksEmpty BreakProblem = iota + 1
	// BreakNotANumber: the text is not a number.
	BreakNotANumber
	// BreakTwoMarks: more than one decimal mark (« 50,100,150 » in French).
	BreakTwoMarks
	// BreakBadGroup: a thousands separator not before a group of three
	// digits (« 120,90 » in English, « 1 20 »).
	BreakBadGroup
	// BreakNotIncreasing: not above the previous break (BreakError.Prev).
	BreakNotIncreasing
	// BreakTooMany: the break beyond MaxClasses-1.
	BreakTooMany
	// BreakOutsideData: at or below the data minimum, or above the
	// maximum (BreakError.Min, Max): a class would be empty.
	BreakOutsideData
)

// BreakError says which break is wrong and why.
type BreakError struct {
	// Pos is the 1-based position of the wrong break (0 for BreaksEmpty).
	Pos int
	// Text is the break as typed.
	Text string
	// Problem is why it is wrong.
	Problem BreakProblem
	// Prev is the previous break (BreakNotIncreasing), NaN otherwise.
	Prev float64
	// Min and Max are the data range ParseBreaks was given.
	Min, Max float64
	// Lang is the language the input was read in (Error uses English).
	Lang frfmt.Lang
}

// Error returns the English message.
func (e *BreakError) Error() string { return e.Message(frfmt.EN) }

// Message renders the problem in l, naming the break and how to fix it:
// « Seuil 3, « 90 » : doit être supérieur au seuil précédent (120). »
func (e *BreakError) Message(l frfmt.Lang) string {
	fr := l != frfmt.EN
	pick := func(f, en string) string {
		if fr {
			return f
		}
		return en
	}
	sep := pick("Séparez les seuils par «\u00a0;\u00a0» ou des espaces, par exemple «\u00a050\u00a0;\u00a0100,5\u00a0;\u00a0150\u00a0».",
		"Separate the breaks with ';' or spaces, for example '50; 100.5; 150'.")
	if e.Problem == BreaksEmpty {
		return pick("Aucun seuil. ", "No break. ") + sep
	}
	head := pick("Seuil ", "Break ") + strconv.Itoa(e.Pos) + pick(", «\u00a0", `, "`) + e.Text + pick("\u00a0»\u00a0: ", `": `)
	switch e.Problem {
	case BreakNotANumber:
		return head + pick("ce n'est pas un nombre. ", "not a number. ") + sep
	case BreakTwoMarks:
		return head + pick("plusieurs virgules ou points dans un nombre. En français la virgule est décimale (80,5). ",
			"more than one decimal point in a number. ") + sep
	case BreakBadGroup:
		if e.Lang == frfmt.EN {
			return head + pick("une virgule entre chiffres sépare les milliers en anglais (1,200)\u00a0; le point est décimal (80.5). ",
				"a comma between digits groups thousands (1,200); use a point for decimals (80.5). ") + sep
		}
		return head + pick("les milliers se groupent par trois chiffres (1\u00a0200). ", "thousands are grouped by three digits (1 200). ") + sep
	case BreakNotIncreasing:
		return head + pick("doit être supérieur au seuil précédent (", "must be greater than the previous break (") + short(e.Prev, l) + ")."
	case BreakTooMany:
		return head + pick("au plus ", "at most ") + strconv.Itoa(MaxClasses-1) + pick(" seuils (", " breaks (") + strconv.Itoa(MaxClasses) + pick(" classes).", " classes).")
	case BreakOutsideData:
		return head + pick("hors des données (de ", "outside the data (") + short(e.Min, l) + pick(" à ", " to ") + short(e.Max, l) +
			pick(")\u00a0: une classe serait vide.", "): a class would be empty.")
	}
	return head + pick("seuil refusé.", "break refused.")
}

// FormatBreaks writes breaks as the breaks box shows them in l, so that
// ParseBreaks reads them back: « 80,5 ; 1 200 » in French, "80.5; 1,200"
// in English.
func FormatBreaks(b []float64, l frfmt.Lang) string {
	out := ""
	for i, v := range b {
		if i > 0 {
			out += frfmt.Pick(l, "\u00a0; ", "; ")
		}
		out += short(v, l)
	}
	return out
}

// short formats v with the fewest decimals (up to 3) that show it.
func short(v float64, l frfmt.Lang) string {
	for d := 0; d < 3; d++ {
		p := float64(1)
		for range d {
			p *= 10
		}
		if r := v * p; r == float64(int64(r)) {
			return frfmt.Number(v, d, l)
		}
	}
	return frfmt.Number(v, 3, l)
}
