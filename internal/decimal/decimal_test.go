package decimal

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// same reports whether Parse agrees with strconv.ParseFloat on s, bit for
// bit (so -0 and +0 differ), for text both accept.
func same(t *testing.T, s string) {
	t.Helper()
	want, err := strconv.ParseFloat(s, 64)
	got, ok := Parse(s)
	require.True(t, ok, "%q refused", s)
	if err != nil {
		require.ErrorIs(t, err, strconv.ErrRange, "%q", s)
	}
	assert.Equal(t, math.Float64bits(want), math.Float64bits(got), "%q: got %v, want %v", s, got, want)
}

func TestParseAgreesWithStrconv(t *testing.T) {
	for _, s := range []string{
		"0", "-0", "+0", "0.0", "752.0", "-3", "12.5", "112580", ".5", "5.", "007.50",
		"0.1", "0.2", "0.3", "1e22", "1e23", "9007199254740993", "9007199254740992",
		"123456789012345678901234567890", "0.1000000000000000055511151231257827",
		"2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324",
		"2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "-1e-400",
		"1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
		"1e309", "-1e309", "1e999999999999", "3.14159265358979323846264338327950288",
		"89255e-22", "1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124",
		"1.00000000000000011102230246251565404236316680908203126",
		"0." + strings.Repeat("0", 300) + "1", "1." + strings.Repeat("0", 850) + "1",
		"1" + strings.Repeat("0", 700) + "1e-700", "0." + strings.Repeat("0", 700) + "1e700",
		"33.333333333333336", "0.41666666666666669", "1E5", "1e+05", "1e-05",
	} {
		same(t, s)
	}
}

// Beyond 800 digits before the exponent, Go 1.26's strconv.ParseFloat
// drops the extra digits from the decimal point's position too: it reads
// "1" + 900 zeros + "e-900" as 1e-101. These are checked against the
// true value instead.
func TestParseLongMantissas(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"1" + strings.Repeat("0", 900) + "e-900", 1},
		{strings.Repeat("9", 1000) + "e-1000", 1},
		{"12" + strings.Repeat("0", 850) + "e-851", 1.2},
		{"2" + strings.Repeat("0", 1200) + "1e-1201", 2},
	} {
		got, ok := Parse(c.in)
		require.True(t, ok)
		assert.Equal(t, c.want, got, "%.40q", c.in)
	}
	// 2^-1075, halfway between 0 and the smallest float64, has 751
	// significant digits: exactly halfway ties to even (0); one more
	// digit, even past the 800 compared, goes up.
	half := new(big.Float).SetPrec(2000).SetMantExp(big.NewFloat(1), -1075).Text('e', 800)
	half = strings.TrimRight(half[:strings.IndexByte(half, 'e')], "0") + half[strings.IndexByte(half, 'e'):]
	got, _ := Parse(half)
	assert.Equal(t, 0.0, got, half)
	mant, exp, _ := strings.Cut(half, "e")
	got, _ = Parse(mant + strings.Repeat("0", 900) + "1e" + exp)
	assert.Equal(t, math.SmallestNonzeroFloat64, got)
}

func TestParseRandomAgreesWithStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var s string
		switch r.IntN(3) {
		case 0: // shortest text of a random float64
			s = strconv.FormatFloat(math.Float64frombits(r.Uint64()&^(1<<63)), 'g', -1, 64)
		case 1: // a random float64 written with 17 to 25 digits
			s = strconv.FormatFloat(math.Float64frombits(r.Uint64()&^(1<<63)), 'e', 16+r.IntN(9), 64)
		default: // digits and an exponent near float64's edges
			s = strconv.FormatUint(r.Uint64(), 10) + "e" + strconv.Itoa(r.IntN(700)-350)
		}
		if strings.ContainsAny(s, "NI") { // NaN, Inf
			continue
		}
		same(t, s)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, s := range []string{"", "-", "+", ".", "e5", "1e", "1e+", "1e+x", "1ex", "1.2.3",
		"NaN", "Inf", "-inf", "0x10", "1_000", " 1", "1 ", "1,5", "--1", "1-"} {
		_, ok := Parse(s)
		assert.False(t, ok, "%q", s)
	}
}

func TestInt(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"5", 5, true}, {"-12", -12, true}, {"+7", 7, true}, {"007", 7, true},
		{"999999999999999999", 999999999999999999, true},
		{"", 0, false}, {"-", 0, false}, {"1.5", 0, false}, {"1e3", 0, false},
		{"9999999999999999999", 0, false}, {" 5", 0, false},
	} {
		got, ok := Int(c.in)
		assert.Equal(t, c.ok, ok, c.in)
		if c.ok {
			assert.Equal(t, c.want, got, c.in)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"752.0", "1e-400", "12.5e3", ".5", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Parse(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok {
			return // strconv accepts more syntax (NaN, hex, '_')
		}
		if err != nil && err.(*strconv.NumError).Err != strconv.ErrRange {
			t.Fatalf("%q accepted, strconv says %v", s, err)
		}
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	})
}
