//go:build e2e

package e2e

import (
	"regexp"
	"strconv"
	"strings"
)

var frNumber = regexp.MustCompile(`^[-−]?\d[\d \x{00a0}\x{202f}]*(?:[,.]\d+)?`)

// parseFR reads the leading number of a cell written the French way
// ("112 580", "12,5 %", "−3"); ok is false for "—" or text.
func parseFR(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	m := strings.TrimRight(frNumber.FindString(s), " \u00a0\u202f")
	if m == "" {
		return 0, false
	}
	// "2A" is a code, not the number 2: a number ends the cell or is
	// followed by a space, a unit sign or a bracket.
	if rest := s[len(m):]; rest != "" && !strings.ContainsAny(rest[:1], " \u00a0\u202f%(€") && !strings.HasPrefix(rest, "\u202f") && !strings.HasPrefix(rest, "\u00a0") {
		return 0, false
	}
	m = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".", "−", "-").Replace(m)
	v, err := strconv.ParseFloat(m, 64)
	return v, err == nil
}

var fold = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "î", "i", "ï", "i",
	"ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c", "É", "e", "È", "e", "Î", "i", "Ô", "o", "œ", "oe", "'", "", "’", "", "-", " ")

// sortedEitherWay tells whether a table column is sorted ascending or
// descending: numerically when ≥ 80 % of its cells are numbers (cells
// without a number, "—", may sit at either end), else alphabetically with
// accents folded, tolerating 5 % of pairs out of order (locale collation
// differs in details such as hyphens).
func sortedEitherWay(col []string) bool {
	var nums []float64
	for _, c := range col {
		if v, ok := parseFR(c); ok {
			nums = append(nums, v)
		}
	}
	if len(col) > 0 && len(nums)*5 >= len(col)*4 {
		asc, desc := true, true
		for i := 1; i < len(nums); i++ {
			if nums[i] < nums[i-1] {
				asc = false
			}
			if nums[i] > nums[i-1] {
				desc = false
			}
		}
		return asc || desc
	}
	up, down := 0, 0
	for i := 1; i < len(col); i++ {
		a, b := strings.ToLower(fold.Replace(col[i-1])), strings.ToLower(fold.Replace(col[i]))
		if a <= b {
			up++
		}
		if a >= b {
			down++
		}
	}
	pairs := len(col) - 1
	return pairs <= 0 || up*20 >= pairs*19 || down*20 >= pairs*19
}

// digits keeps the digits and the decimal separator of a French number, so
// "112 580" and "112580" compare equal.
func digits(s string) string {
	return strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(strings.TrimSpace(s))
}

func strconvF(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
