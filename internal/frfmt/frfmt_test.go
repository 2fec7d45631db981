package frfmt

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/calendar"
)

const n = NNBSP // U+202F

func TestInt(t *testing.T) {
	tests := []struct {
		in     int64
		fr, en string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{999, "999", "999"},
		{1000, "1" + n + "000", "1,000"},
		{-1000, "-1" + n + "000", "-1,000"},
		{112580, "112" + n + "580", "112,580"},
		{1234567, "1" + n + "234" + n + "567", "1,234,567"},
		{-12, "-12", "-12"},
		{math.MaxInt64, "9" + n + "223" + n + "372" + n + "036" + n + "854" + n + "775" + n + "807", "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9" + n + "223" + n + "372" + n + "036" + n + "854" + n + "775" + n + "808", "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.fr, Int(tt.in, FR), "FR %d", tt.in)
		assert.Equal(t, tt.en, Int(tt.in, EN), "EN %d", tt.in)
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		in     float64
		dec    int
		fr, en string
	}{
		{0, 0, "0", "0"},
		{0, 1, "0,0", "0.0"},
		{12.5, 1, "12,5", "12.5"},
		{12.5, 0, "13", "13"}, // half away from zero, as spreadsheets
		{13.5, 0, "14", "14"},
		{-12.5, 0, "-13", "-13"},
		{2.675, 2, "2,68", "2.68"}, // shortest form 2.675, not the binary 2.67499…
		{0.5, 0, "1", "1"},
		{0.05, 1, "0,1", "0.1"},
		{9.95, 1, "10,0", "10.0"},
		{99.5, 0, "100", "100"},
		{1e21, 0, "1" + n + "000" + n + "000" + n + "000" + n + "000" + n + "000" + n + "000" + n + "000", "1,000,000,000,000,000,000,000"},
		{1e-7, 2, "0,00", "0.00"},
		{123, 2, "123,00", "123.00"},
		{12.56, 1, "12,6", "12.6"},
		{1234.5, 1, "1" + n + "234,5", "1,234.5"},
		{-1234.5, 2, "-1" + n + "234,50", "-1,234.50"},
		{999.96, 1, "1" + n + "000,0", "1,000.0"}, // rounding carries into a new group
		{-0.04, 1, "0,0", "0.0"},                  // no "-0,0"
		{math.Copysign(0, -1), 0, "0", "0"},
		{112567, -3, "112" + n + "567", "112,567"}, // negative decimals = 0
		{1e15, 0, "1" + n + "000" + n + "000" + n + "000" + n + "000" + n + "000", "1,000,000,000,000,000"},
		{math.NaN(), 1, "n.d.", "n/a"},
		{math.Inf(1), 1, "∞", "∞"},
		{math.Inf(-1), 1, "-∞", "-∞"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.fr, Number(tt.in, tt.dec, FR), "FR %v/%d", tt.in, tt.dec)
		assert.Equal(t, tt.en, Number(tt.in, tt.dec, EN), "EN %v/%d", tt.in, tt.dec)
	}
}

func TestSigned(t *testing.T) {
	assert.Equal(t, "+1"+n+"234", Signed(1234, 0, FR))
	assert.Equal(t, "+1,234", Signed(1234, 0, EN))
	assert.Equal(t, "-12", Signed(-12, 0, FR))
	assert.Equal(t, "0", Signed(0, 0, FR))
	assert.Equal(t, "0", Signed(0.2, 0, EN), "rounds to zero: no sign")
	assert.Equal(t, "+0,2", Signed(0.2, 1, FR))
	assert.Equal(t, "n.d.", Signed(math.NaN(), 0, FR))
}

func TestPercent(t *testing.T) {
	tests := []struct {
		in     float64
		dec    int
		fr, en string
	}{
		{12.5, 1, "12,5" + n + "%", "12.5%"},
		{100, 0, "100" + n + "%", "100%"},
		{1580.4, 0, "1" + n + "580" + n + "%", "1,580%"},
		{-3.25, 1, "-3,3" + n + "%", "-3.3%"}, // half away from zero
		{0, 0, "0" + n + "%", "0%"},
		{math.NaN(), 0, "n.d.", "n/a"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.fr, Percent(tt.in, tt.dec, FR))
		assert.Equal(t, tt.en, Percent(tt.in, tt.dec, EN))
	}
}

func TestPer10k(t *testing.T) {
	assert.Equal(t, "12,5 pour 10"+n+"000 hab.", Per10k(12.46, 1, FR))
	assert.Equal(t, "12.5 per 10,000 pop.", Per10k(12.46, 1, EN))
	assert.Equal(t, "n/a", Per10k(math.NaN(), 1, EN))
}

func TestMonthsAndDates(t *testing.T) {
	m := calendar.MakeMonth
	assert.Equal(t, "novembre 2022", Month(m(2022, 11), FR))
	assert.Equal(t, "November 2022", Month(m(2022, 11), EN))
	assert.Equal(t, "février 2021", Month(m(2021, 2), FR))
	assert.Equal(t, "nov. 2022", MonthShort(m(2022, 11), FR))
	assert.Equal(t, "Nov 2022", MonthShort(m(2022, 11), EN))
	assert.Equal(t, "août 2022", MonthShort(m(2022, 8), FR))
	assert.Equal(t, "juil. 2021", MonthShort(m(2021, 7), FR))
	assert.Equal(t, "30 novembre 2022", Date(calendar.NewDate(2022, 11, 30), FR))
	assert.Equal(t, "1er janvier 2021", Date(calendar.NewDate(2021, 1, 1), FR))
	assert.Equal(t, "1 January 2021", Date(calendar.NewDate(2021, 1, 1), EN))
	assert.Equal(t, "31 décembre 2022", Date(20221231, FR))
	assert.Equal(t, "31 July 2021", Date(20210731, EN))
	assert.Equal(t, "", Month(0, FR))
	assert.Equal(t, "", MonthShort(0, EN))
	assert.Equal(t, "", Date(0, FR))
}

func TestLang(t *testing.T) {
	l, ok := ParseLang("EN")
	assert.True(t, ok)
	assert.Equal(t, EN, l)
	l, ok = ParseLang("de")
	assert.False(t, ok)
	assert.Equal(t, FR, l)
	assert.Equal(t, "fr", FR.String())
	assert.Equal(t, "en", EN.String())
}

func BenchmarkNumber(b *testing.B) {
	for b.Loop() {
		_ = Number(112567.25, 1, FR)
	}
}
