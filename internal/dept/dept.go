// Package dept knows the 101 French department codes used by the baromètre
// and by the Etalab boundaries: 01…95 with 2A/2B instead of 20, and the five
// overseas departments 971, 972, 973, 974 and 976.
package dept

import (
	"francenum-map/internal/ascii"
)

// Count is the number of departments (96 metropolitan + 5 overseas).
const Count = 101

var codes = func() []string {
	out := make([]string, 0, Count)
	for i := 1; i <= 95; i++ {
		if i == 20 {
			out = append(out, "2A", "2B")
			continue
		}
		out = append(out, string([]byte{byte('0' + i/10), byte('0' + i%10)}))
	}
	return append(out, "971", "972", "973", "974", "976")
}()

var index = func() map[string]int {
	m := make(map[string]int, Count)
	for i, c := range codes {
		m[c] = i
	}
	return m
}()

// Codes returns the 101 codes in the official order (01, 02, …, 19, 2A, 2B,
// 21, …, 95, 971, …, 976). The caller must not modify the slice.
func Codes() []string { return codes }

// Index returns the position of code in Codes, or -1 when it is not a
// department code. The code must already be normalised.
func Index(code string) int {
	if i, ok := index[code]; ok {
		return i
	}
	return -1
}

// Valid reports whether code is one of the 101 normalised codes.
func Valid(code string) bool { _, ok := index[code]; return ok }

// IsOverseas reports whether code is an overseas department (971…976).
func IsOverseas(code string) bool { return len(code) == 3 }

// Normalize turns a code as written in real files into the canonical form:
// surrounding spaces removed, "1" → "01", "2a" → "2A", "971.0" is not
// accepted. It reports false when the result is not one of the 101 codes
// (for example "20", "975" or "").
func Normalize(s string) (string, bool) {
	s = ascii.Trim(s)
	if len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
		s = "0" + s
	}
	if len(s) == 2 && (s[1] == 'a' || s[1] == 'b') {
		s = s[:1] + ascii.Upper(s[1:])
	}
	if _, ok := index[s]; ok {
		return s, true
	}
	return s, false
}
