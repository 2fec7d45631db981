package barometre

import (
	"francenum-map/internal/ascii"
	"francenum-map/internal/calendar"
)

// Date is the reader's day, the project's one form of it (package
// calendar): yyyymmdd, zero for "no date".
type Date = calendar.Date

// Month is the project's one form of a month (package calendar).
type Month = calendar.Month

// NewDate returns the Date of year y, month m (1–12) and day d.
func NewDate(y, m, d int) Date { return calendar.NewDate(y, m, d) }

// MakeMonth returns the Month of year y, month m (1–12).
func MakeMonth(y, m int) Month { return calendar.MakeMonth(y, m) }

// ParseMonth reads "2022-11" (see calendar.ParseMonth).
func ParseMonth(s string) (Month, bool) { return calendar.ParseMonth(s) }

// ParseDate reads "2022-11-30" or "30/11/2022" (see calendar.ParseDate).
func ParseDate(s string) (Date, bool) { return calendar.ParseDate(s) }

func parseDate(b []byte) (Date, bool) { return calendar.ParseDateBytes(b) }

func trimSpace(b []byte) []byte { return ascii.TrimSpace(b) }
