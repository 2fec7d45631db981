// Package calendar holds the project's one form of a day (Date, yyyymmdd)
// and of a month (Month, year×12 + month−1), used by the reader, the model,
// the formatters and the app alike. It imports nothing of the project but
// ascii, so every package, the reader's text tables included, can use it.
package calendar

import (
	"strconv"

	"francenum-map/internal/ascii"
)

// Date is a calendar day stored as yyyymmdd (20221130); the zero Date means
// "no date".
type Date int32

// NewDate returns the Date of year y, month m (1–12) and day d.
func NewDate(y, m, d int) Date { return Date(y*10000 + m*100 + d) }

// Year returns the year.
func (d Date) Year() int { return int(d) / 10000 }

// MonthOfYear returns the month, 1–12.
func (d Date) MonthOfYear() int { return int(d) / 100 % 100 }

// Day returns the day of the month.
func (d Date) Day() int { return int(d) % 100 }

// Month returns the calendar month of d (the zero Month for the zero Date).
func (d Date) Month() Month {
	if d == 0 {
		return 0
	}
	return MakeMonth(d.Year(), d.MonthOfYear())
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == 0 }

// String returns the ISO form "2022-11-30", or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	b := make([]byte, 0, 10)
	b = pad(b, d.Year(), 4)
	b = append(b, '-')
	b = pad(b, d.MonthOfYear(), 2)
	b = append(b, '-')
	b = pad(b, d.Day(), 2)
	return string(b)
}

// Month is a calendar month counted as year*12 + month-1, so that
// consecutive months differ by one (absent months are counted with it). It
// is the one form of a month in the project: the reader, the data model,
// the pace projections, the formatters and the app's state use it. The zero
// Month means "no month".
type Month int32

// MakeMonth returns the Month of year y and month m (1–12).
func MakeMonth(y, m int) Month { return Month(y*12 + m - 1) }

// Year returns the calendar year.
func (m Month) Year() int { return int(m) / 12 }

// MonthOfYear returns the month of the year, 1–12.
func (m Month) MonthOfYear() int { return int(m)%12 + 1 }

// LastDay returns the last day of the month.
func (m Month) LastDay() Date {
	return NewDate(m.Year(), m.MonthOfYear(), daysIn(m.Year(), m.MonthOfYear()))
}

// String returns "2022-11", or "" for the zero Month.
func (m Month) String() string {
	if m == 0 {
		return ""
	}
	b := make([]byte, 0, 7)
	b = pad(b, m.Year(), 4)
	b = append(b, '-')
	b = pad(b, m.MonthOfYear(), 2)
	return string(b)
}

// ParseMonth reads "2022-11" (or the month of an ISO date "2022-11-30"),
// years 1900–2999.
func ParseMonth(s string) (Month, bool) {
	b := []byte(s)
	if len(b) == 10 && b[7] == '-' {
		b = b[:7]
	}
	if len(b) != 7 || b[4] != '-' {
		return 0, false
	}
	y, ok1 := digits(b[:4])
	mo, ok2 := digits(b[5:])
	if !ok1 || !ok2 || y < 1900 || y > 2999 || mo < 1 || mo > 12 {
		return 0, false
	}
	return MakeMonth(y, mo), true
}

// pad appends n in decimal, left-padded with zeros to width digits.
func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// ParseDate reads "2022-11-30" (the published form) or "30/11/2022" (the
// Excel France form), surrounding spaces allowed, and checks that the day
// exists in the calendar.
func ParseDate(s string) (Date, bool) { return ParseDateBytes([]byte(s)) }

// ParseDateBytes is ParseDate on a field's bytes, as the reader has them.
func ParseDateBytes(b []byte) (Date, bool) {
	b = ascii.TrimSpace(b)
	var y, m, d int
	var ok bool
	switch {
	case len(b) == 10 && b[4] == '-' && b[7] == '-':
		y, ok = digits(b[0:4])
		if ok {
			m, ok = digits(b[5:7])
		}
		if ok {
			d, ok = digits(b[8:10])
		}
	case len(b) == 10 && b[2] == '/' && b[5] == '/':
		d, ok = digits(b[0:2])
		if ok {
			m, ok = digits(b[3:5])
		}
		if ok {
			y, ok = digits(b[6:10])
		}
	}
	if !ok || y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return NewDate(y, m, d), true
}

func digits(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
