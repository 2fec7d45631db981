// Package frfmt formats numbers, percentages, rates, months and dates for the
// map in French (the default) and English.
//
// It is linked into the browser wasm, so it uses strconv and never fmt.
//
// Typography (French follows CLDR "fr", i.e. what Intl.NumberFormat("fr-FR")
// prints, so Go output and the DSFR/JS charts agree):
//   - thousands separator: NARROW NO-BREAK SPACE U+202F (`112 580`);
//     English uses a comma (`112,580`);
//   - decimal separator: comma in French (`12,5`), point in English (`12.5`);
//   - percent: U+202F before "%" in French (`12,5 %`) so the sign never wraps
//     onto its own line; nothing in English (`12.5%`);
//   - negative numbers use the ASCII hyphen-minus, so copied values stay
//     parseable by spreadsheets;
//   - NaN prints "n.d." (non disponible) / "n/a"; ±Inf prints "∞" / "-∞".
package frfmt

import (
	"math"
	"strconv"
	"strings"

	"francenum-map/internal/ascii"
	"francenum-map/internal/calendar"
)

// Lang is the display language.
type Lang uint8

const (
	// FR is French, the default language of the map.
	FR Lang = iota
	// EN is English.
	EN
)

// NNBSP is the narrow no-break space (U+202F) used by French formatting as
// thousands separator and before "%".
const NNBSP = "\u202f"

// ParseLang maps "fr"/"en" (case-insensitive) to a Lang; ok is false for
// anything else, in which case FR is returned.
func ParseLang(s string) (l Lang, ok bool) {
	switch ascii.Lower(s) {
	case "fr":
		return FR, true
	case "en":
		return EN, true
	}
	return FR, false
}

// String returns the BCP 47 code "fr" or "en".
func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "fr"
}

// NoData returns the text shown for a missing value: "n.d." or "n/a".
func NoData(l Lang) string {
	if l == EN {
		return "n/a"
	}
	return "n.d."
}

// Pick returns fr, or en when l is English: the one switch of a text
// written in both languages.
func Pick(l Lang, fr, en string) string {
	if l == EN {
		return en
	}
	return fr
}

func sep(l Lang) (thousands, decimal string) {
	if l == EN {
		return ",", "."
	}
	return NNBSP, ","
}

// Int formats an integer with thousands separators: 112 580 / 112,580.
func Int(v int64, l Lang) string {
	th, _ := sep(l)
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u // two's complement: correct even for math.MinInt64
	}
	s := group(strconv.FormatUint(u, 10), th)
	if neg {
		return "-" + s
	}
	return s
}

// group inserts th every three digits from the right of an unsigned digit
// string.
func group(digits, th string) string {
	n := len(digits)
	if n <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(n + (n-1)/3*len(th))
	first := n % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < n; i += 3 {
		b.WriteString(th)
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Number formats v with exactly decimals digits after the separator
// (negative decimals count as 0), with thousands separators:
// Number(1234.5, 1, FR) == "1 234,5". Rounding is half away from zero on
// the shortest decimal form of v (what the user would read in the CSV:
// 12.5 → "13", 2.675 → "2,68"), as spreadsheets do. A value that rounds to
// zero never shows a minus sign.
func Number(v float64, decimals int, l Lang) string {
	if math.IsNaN(v) {
		return NoData(l)
	}
	if math.IsInf(v, 1) {
		return "∞"
	}
	if math.IsInf(v, -1) {
		return "-∞"
	}
	if decimals < 0 {
		decimals = 0
	}
	neg := v < 0
	// Shortest decimal form on the stack, then round and group into one
	// output buffer: one allocation (the result), which matters in wasm
	// where the table formats ~400 numbers per month change.
	var sbuf, dbuf [40]byte
	sh := strconv.AppendFloat(sbuf[:0], math.Abs(v), 'f', -1, 64)
	intLen := len(sh)
	for i, c := range sh {
		if c == '.' {
			intLen = i
			break
		}
	}
	frac := sh[min(intLen+1, len(sh)):]
	// digits = integer digits + the first `decimals` fractional digits.
	digits := append(dbuf[:0], sh[:intLen]...)
	if len(frac) <= decimals {
		digits = append(digits, frac...)
		for range decimals - len(frac) {
			digits = append(digits, '0')
		}
	} else {
		digits = append(digits, frac[:decimals]...)
		if frac[decimals] >= '5' { // half away from zero
			i := len(digits) - 1
			for ; i >= 0 && digits[i] == '9'; i-- {
				digits[i] = '0'
			}
			if i >= 0 {
				digits[i]++
			} else {
				digits = append(digits, 0)
				copy(digits[1:], digits)
				digits[0] = '1'
			}
		}
	}
	if neg {
		zero := true
		for _, c := range digits {
			if c != '0' {
				zero = false
				break
			}
		}
		neg = !zero // rounded to zero: no "-0,0"
	}
	th, dec := sep(l)
	nInt := len(digits) - decimals
	out := make([]byte, 0, len(digits)+(nInt-1)/3*len(th)+len(dec)+1)
	if neg {
		out = append(out, '-')
	}
	first := nInt % 3
	if first == 0 {
		first = 3
	}
	out = append(out, digits[:first]...)
	for i := first; i < nInt; i += 3 {
		out = append(out, th...)
		out = append(out, digits[i:i+3]...)
	}
	if decimals > 0 {
		out = append(out, dec...)
		out = append(out, digits[nInt:]...)
	}
	return string(out)
}

// Signed is Number with an explicit "+" for positive values (a monthly
// change: "+1 234", "-12", "0").
func Signed(v float64, decimals int, l Lang) string {
	s := Number(v, decimals, l)
	if v > 0 && s != "∞" && strings.Trim(s, "0,."+NNBSP) != "" {
		return "+" + s
	}
	return s
}

// Percent formats v, already expressed in percent (12.5 means 12.5 %):
// "12,5 %" (U+202F before the sign) / "12.5%".
func Percent(v float64, decimals int, l Lang) string {
	if math.IsNaN(v) {
		return NoData(l)
	}
	if l == EN {
		return Number(v, decimals, l) + "%"
	}
	return Number(v, decimals, l) + NNBSP + "%"
}

// Per10kUnit is the unit of a rate per 10 000 inhabitants:
// "pour 10 000 hab." / "per 10,000 pop.".
func Per10kUnit(l Lang) string {
	if l == EN {
		return "per 10,000 pop."
	}
	return "pour 10" + NNBSP + "000 hab."
}

// Per10k formats a rate per 10 000 inhabitants with its unit:
// "12,5 pour 10 000 hab." / "12.5 per 10,000 pop.".
func Per10k(v float64, decimals int, l Lang) string {
	if math.IsNaN(v) {
		return NoData(l)
	}
	return Number(v, decimals, l) + " " + Per10kUnit(l)
}

var (
	monthsFR      = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsShortFR = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
	monthsEN      = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsShortEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// MonthName returns the month's name (1–12): "novembre" / "November"; ""
// when month is out of range.
func MonthName(month int, l Lang) string {
	if month < 1 || month > 12 {
		return ""
	}
	if l == EN {
		return monthsEN[month-1]
	}
	return monthsFR[month-1]
}

// Month returns "novembre 2022" / "November 2022"; "" for the zero Month.
func Month(m calendar.Month, l Lang) string {
	if m == 0 {
		return ""
	}
	return MonthName(m.MonthOfYear(), l) + " " + strconv.Itoa(m.Year())
}

// MonthShort returns the abbreviated label (CLDR abbreviations):
// "nov. 2022" / "Nov 2022"; "" for the zero Month.
func MonthShort(m calendar.Month, l Lang) string {
	if m == 0 {
		return ""
	}
	if l == EN {
		return monthsShortEN[m.MonthOfYear()-1] + " " + strconv.Itoa(m.Year())
	}
	return monthsShortFR[m.MonthOfYear()-1] + " " + strconv.Itoa(m.Year())
}

// Date returns "30 novembre 2022" ("1er novembre 2022" for the first day, as
// French writes it) / "30 November 2022" (day-month-year, unambiguous for
// readers on both sides of the Atlantic); "" for the zero Date.
func Date(d calendar.Date, l Lang) string {
	if d == 0 {
		return ""
	}
	day := strconv.Itoa(d.Day())
	if l == FR && d.Day() == 1 {
		day = "1er"
	}
	return day + " " + Month(d.Month(), l)
}
