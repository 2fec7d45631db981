package classify

// Palettes. The hex values were written for this project (not copied from
// ColorBrewer), by stepping lightness evenly in the OKLCH perceptual space:
//
//   - Sequential "blues": light cyan-blue → deep navy (hue 215° → 268°).
//     Single-hue-family ramps whose lightness falls monotonically are safe
//     for every kind of colour-vision deficiency (order is read from
//     lightness, which CVD preserves), print in greyscale, and the blue
//     family matches the DSFR's sober "bleu France" identity. The lightest
//     step (L≈0.95, slightly tinted) still stands out from white borders and
//     from the white page.
//   - Diverging "orange–blue" around a pivot (100 % of target): orange
//     below (behind target), blue at or above (reached). Blue–orange is the
//     pair that stays distinct for protanopes, deuteranopes and tritanopes
//     alike (red–green palettes fail), both ends are dark enough to read the
//     magnitude in greyscale, and the two light steps next to the pivot
//     differ by hue at equal lightness so "just below" and "just reached"
//     never look the same.
//
// palette_test.go checks these properties (monotonic lightness, distinct
// neighbours under simulated protan/deutan/tritan vision, contrast with the
// white border).

import (
	"math"
	"strconv"
)

// sequential[n-1] is the n-step ramp, light to dark.
var sequential = [MaxClasses][]string{
	{"#488acb"},
	{"#cfeaf1", "#374f9d"},
	{"#cfeaf1", "#51a2da", "#374f9d"},
	{"#d9f4fb", "#6ebae1", "#2f77bb", "#213480"},
	{"#d9f4fb", "#85c9e8", "#4799d0", "#2866ae", "#213480"},
	{"#d9f4fb", "#95d2ec", "#5daddb", "#3784c4", "#265ca6", "#213480"},
	{"#d9f4fb", "#9fd8ef", "#6ebae1", "#4799d0", "#2f77bb", "#2555a0", "#213480"},
}

// orangeSide[n-1] is the n-step below-pivot ramp, from the pivot outwards
// (light to dark).
var orangeSide = [MaxClasses][]string{
	{"#eaa76b"},
	{"#f6d9b2", "#c16d45"},
	{"#f6d9b2", "#d38743", "#934319"},
	{"#f6d9b2", "#e2a262", "#c16e2c", "#934319"},
	{"#f6d9b2", "#e8b073", "#d38743", "#b76224", "#934319"},
	{"#f6d9b2", "#ebb87f", "#dc9755", "#c97834", "#b05b20", "#934319"},
	{"#f6d9b2", "#edbe87", "#e2a262", "#d38743", "#c16e2c", "#ac571e", "#934319"},
}

// blueSide[n-1] is the n-step at-or-above-pivot ramp, from the pivot
// outwards (light to dark).
var blueSide = [MaxClasses][]string{
	{"#86b7e1"},
	{"#c1e4f7", "#5477c7"},
	{"#c1e4f7", "#5595ce", "#24418d"},
	{"#c1e4f7", "#72b0de", "#3e79bb", "#24418d"},
	{"#c1e4f7", "#84bee5", "#5595ce", "#356bb1", "#24418d"},
	{"#c1e4f7", "#8fc6e9", "#66a5d8", "#4684c3", "#3162aa", "#24418d"},
	{"#c1e4f7", "#97cbeb", "#72b0de", "#5595ce", "#3e79bb", "#2e5da5", "#24418d"},
}

// BorderColor is the department outline colour the palettes were checked
// against.
const BorderColor = "#ffffff"

// NoDataPattern is the id of the SVG hatch pattern that fills departments
// without a value; put NoDataPatternSVG inside the map's <defs>.
const NoDataPattern = "nodata-hatch"

// NoDataFill is the fill attribute value for a department without data.
const NoDataFill = "url(#" + NoDataPattern + ")"

// NoDataColor is a plain grey for contexts that cannot use the pattern
// (CSV export, canvas fallbacks); on the map always use NoDataFill so "no
// data" is told by pattern, not only by colour.
const NoDataColor = "#d9d9d9"

// Sequential returns the n-colour sequential ramp (light to dark); n is
// clamped to 1–7. The caller must not modify the slice.
func Sequential(n int) []string {
	return sequential[clampN(n)-1]
}

// Diverging returns below+above colours: the below-pivot side darkest first
// (far below → just below), then the at-or-above side (just above → far
// above). Each side is clamped to 0–7 with at least one colour in total.
// The result is a new slice.
func Diverging(below, above int) []string {
	below = max(0, min(below, MaxClasses))
	above = max(0, min(above, MaxClasses))
	if below+above == 0 {
		above = 1
	}
	out := make([]string, 0, below+above)
	if below > 0 {
		o := orangeSide[below-1]
		for i := below - 1; i >= 0; i-- {
			out = append(out, o[i])
		}
	}
	if above > 0 {
		out = append(out, blueSide[above-1]...)
	}
	return out
}

func clampN(n int) int {
	return max(1, min(n, MaxClasses))
}

// QualityPattern is the id of the SVG overlay pattern that marks
// departments with a data-quality note (a decreasing cumulative series or
// missing months) when the quality toggle is on: draw the department a
// second time with fill QualityFill on top of its class colour. Sparse
// hatching at the opposite angle to NoDataPattern, transparent in between
// so the class colour stays readable.
const QualityPattern = "qhatch"

// QualityFill is the fill attribute value of the quality overlay.
const QualityFill = "url(#" + QualityPattern + ")"

// NeutralFill is the fill of departments when the metric is drawn as
// proportional circles (raw counts are never a choropleth by default).
const NeutralFill = "#eceef6"

// NoDataPatternDef is the <pattern> element of a no-data hatch with the
// given id: dark grey diagonal hatching on white, readable in greyscale and
// distinct from every palette colour. userSpaceOnUse keeps the hatch the
// same size on every department; u is the size of a pixel in the drawing's
// units (a hatch every 6 px, 2 px thick, once drawn).
func NoDataPatternDef(id string, u float64) string {
	return `<pattern id="` + id + `" patternUnits="userSpaceOnUse" width="` + num(6*u) + `" height="` + num(6*u) + `" patternTransform="rotate(45)">` +
		`<rect width="` + num(6*u) + `" height="` + num(6*u) + `" fill="#ffffff"/>` +
		`<line x1="0" y1="0" x2="0" y2="` + num(6*u) + `" stroke="#6a6a6a" stroke-width="` + num(2*u) + `"/></pattern>`
}

// PatternDefs returns the no-data and quality patterns of the map, ready to
// put inside its <defs>, for a drawing where a pixel is u units. The live
// map, the build-time map and the SVG export all take them from here.
func PatternDefs(u float64) string {
	return NoDataPatternDef(NoDataPattern, u) +
		`<pattern id="` + QualityPattern + `" patternUnits="userSpaceOnUse" width="` + num(8*u) + `" height="` + num(8*u) + `" patternTransform="rotate(-45)">` +
		`<line x1="0" y1="0" x2="0" y2="` + num(8*u) + `" stroke="#161616" stroke-width="` + num(1.5*u) + `"/></pattern>`
}

// num writes a pattern size rounded to 0.001, shortest form.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64)
}
