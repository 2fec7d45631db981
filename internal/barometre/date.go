package barometre

import "strconv"

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

// MonthIndex returns year*12 + month-1, so that consecutive months differ by
// one; it is how absent months are counted.
func (d Date) MonthIndex() int { return d.Year()*12 + d.MonthOfYear() - 1 }

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

// Month returns the month as "2022-11", or "" for the zero Date.
func (d Date) Month() string {
	if d == 0 {
		return ""
	}
	b := make([]byte, 0, 7)
	b = pad(b, d.Year(), 4)
	b = append(b, '-')
	b = pad(b, d.MonthOfYear(), 2)
	return string(b)
}

// MonthString returns the month of a MonthIndex as "2022-11".
func MonthString(monthIndex int) string {
	return NewDate(monthIndex/12, monthIndex%12+1, 1).Month()
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
func ParseDate(s string) (Date, bool) { return parseDate([]byte(s)) }

func parseDate(b []byte) (Date, bool) {
	b = trimSpace(b)
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

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
