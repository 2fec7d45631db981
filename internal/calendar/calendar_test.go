package calendar

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2022-11-30", 20221130, true},
		{" 2022-11-30 ", 20221130, true},
		{"30/11/2022", 20221130, true},
		{"2024-02-29", 20240229, true},
		{"2023-02-29", 0, false},
		{"1900-02-29", 0, false},
		{"2022-13-01", 0, false},
		{"2022-00-10", 0, false},
		{"2022-11-31", 0, false},
		{"2022-11-3", 0, false},
		{"2022/11/30", 0, false},
		{"", 0, false},
		{"abcd-ef-gh", 0, false},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, d, tt.in)
	}
	d := NewDate(2022, 1, 31)
	assert.Equal(t, "2022-01-31", d.String())
	assert.Equal(t, "2022-01", d.Month().String())
	assert.Equal(t, Month(2022*12), d.Month())
	assert.Equal(t, "2021-12", (d.Month() - 1).String())
	assert.Equal(t, NewDate(2024, 2, 29), MakeMonth(2024, 2).LastDay())
	assert.Equal(t, Month(0), Date(0).Month())
	assert.Equal(t, "", Month(0).String())
	for _, tt := range []struct {
		in   string
		want Month
		ok   bool
	}{
		{"2022-11", MakeMonth(2022, 11), true},
		{"2022-11-30", MakeMonth(2022, 11), true},
		{"2022-13", 0, false},
		{"2022-1", 0, false},
		{"1899-12", 0, false},
		{"+022-11", 0, false},
		{"2022-+1", 0, false},
		{"2022-00", 0, false},
	} {
		m, ok := ParseMonth(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, m, tt.in)
	}
	assert.Equal(t, "", Date(0).String())
	assert.True(t, Date(0).IsZero())
	assert.Equal(t, 31, d.Day())
}
