package classify

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Colour-vision-deficiency simulation matrices (Machado, Oliveira &
// Fernandes 2009, severity 1.0), applied to linear RGB.
var cvd = map[string][3][3]float64{
	"normal": {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"protan": {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"deutan": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"tritan": {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

type lab struct{ L, a, b float64 }

func lin(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// oklab converts #rrggbb, seen through matrix m, to OKLab.
func oklab(t *testing.T, hex string, m [3][3]float64) lab {
	t.Helper()
	require.Len(t, hex, 7, hex)
	require.Equal(t, byte('#'), hex[0])
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	require.NoError(t, err, hex)
	rgb := [3]float64{lin(float64(v>>16) / 255), lin(float64(v>>8&255) / 255), lin(float64(v&255) / 255)}
	var s [3]float64
	for i := range 3 {
		s[i] = math.Max(0, math.Min(1, m[i][0]*rgb[0]+m[i][1]*rgb[1]+m[i][2]*rgb[2]))
	}
	l := math.Cbrt(0.4122214708*s[0] + 0.5363325363*s[1] + 0.0514459929*s[2])
	mm := math.Cbrt(0.2119034982*s[0] + 0.6806995451*s[1] + 0.1073969566*s[2])
	ss := math.Cbrt(0.0883024619*s[0] + 0.2817188376*s[1] + 0.6299787005*s[2])
	return lab{
		0.2104542553*l + 0.7936177850*mm - 0.0040720468*ss,
		1.9779984951*l - 2.4285922050*mm + 0.4505937099*ss,
		0.0259040371*l + 0.7827717662*mm - 0.8086757660*ss,
	}
}

func dE(a, b lab) float64 {
	return math.Sqrt((a.L-b.L)*(a.L-b.L) + (a.a-b.a)*(a.a-b.a) + (a.b-b.b)*(a.b-b.b))
}

// Thresholds in OKLab distance (a just-noticeable difference is ≈0.02).
const (
	minAdjacent = 0.06 // neighbouring classes, under every vision type
	minAcross   = 0.06 // the same step on both sides of the pivot
	minWhite    = 0.04 // lightest colour vs the white border/page
)

func TestSequentialPalettes(t *testing.T) {
	white := lab{1, 0, 0}
	for n := 1; n <= MaxClasses; n++ {
		p := Sequential(n)
		require.Len(t, p, n)
		for name, m := range cvd {
			for i := 1; i < n; i++ {
				a, b := oklab(t, p[i-1], m), oklab(t, p[i], m)
				assert.Greater(t, a.L, b.L, "n=%d %s: lightness falls", n, name)
				assert.GreaterOrEqual(t, dE(a, b), minAdjacent, "n=%d %s: %s vs %s", n, name, p[i-1], p[i])
			}
			assert.GreaterOrEqual(t, dE(white, oklab(t, p[0], m)), minWhite, "n=%d %s: lightest vs white", n, name)
		}
	}
	assert.Equal(t, Sequential(7), Sequential(99), "clamped")
	assert.Equal(t, Sequential(1), Sequential(0), "clamped")
}

func TestDivergingPalettes(t *testing.T) {
	white := lab{1, 0, 0}
	for below := 0; below <= MaxClasses; below++ {
		for above := 0; above <= MaxClasses-below; above++ {
			p := Diverging(below, above)
			require.Len(t, p, max(1, below+above))
			for name, m := range cvd {
				for i := 1; i < len(p); i++ {
					assert.GreaterOrEqual(t, dE(oklab(t, p[i-1], m), oklab(t, p[i], m)), minAdjacent,
						"%d+%d %s: %s vs %s", below, above, name, p[i-1], p[i])
				}
				// The same distance from the pivot on both sides must differ.
				for j := 0; j < min(below, above); j++ {
					lo, hi := p[below-1-j], p[below+j]
					assert.GreaterOrEqual(t, dE(oklab(t, lo, m), oklab(t, hi, m)), minAcross,
						"%d+%d %s step %d: %s vs %s", below, above, name, j, lo, hi)
				}
				for _, c := range p {
					assert.GreaterOrEqual(t, dE(white, oklab(t, c, m)), minWhite, "%s vs white (%s)", c, name)
				}
			}
		}
	}
	// Darkest first below, lightest next to the pivot.
	p := Diverging(3, 3)
	assert.Equal(t, orangeSide[2][2], p[0])
	assert.Equal(t, orangeSide[2][0], p[2])
	assert.Equal(t, blueSide[2][0], p[3])
	assert.Equal(t, blueSide[2][2], p[5])
}

func TestPatternDefs(t *testing.T) {
	assert.Equal(t, "url(#nodata-hatch)", NoDataFill)
	assert.Equal(t, "url(#qhatch)", QualityFill, "app.css hatches .qual with url(#qhatch)")
	d := PatternDefs(1)
	assert.Contains(t, d, `id="`+NoDataPattern+`"`)
	assert.Contains(t, d, `id="`+QualityPattern+`"`)
	assert.Contains(t, d, `<line x1="0" y1="0" x2="0" y2="6" stroke="#6a6a6a" stroke-width="2"/>`)
	q := d[strings.Index(d, `id="`+QualityPattern+`"`):]
	assert.NotContains(t, q, "<rect", "the overlay lets the class colour show")
	// Scaled: a 5500-unit-wide drawing shown 800 px wide.
	assert.Contains(t, PatternDefs(6.875), `width="41.25"`)
	assert.Contains(t, NoDataPatternDef("legend", 1), `id="legend"`)
	assert.NotEqual(t, NoDataPattern, QualityPattern)
}
