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

// NoDataPatternSVG is the <pattern> element for NoDataPattern: dark grey
// diagonal hatching on light grey, readable in greyscale and distinct from
// every palette colour. userSpaceOnUse keeps the hatch the same size on
// every department; the map app scales it if its viewBox is not in pixels.
const NoDataPatternSVG = `<pattern id="` + NoDataPattern + `" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
	`<rect width="6" height="6" fill="#eeeeee"/>` +
	`<line x1="0" y1="0" x2="0" y2="6" stroke="#6a6a6a" stroke-width="2"/></pattern>`

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
// so the class colour stays readable; each stroke is dark with a white halo
// so it shows on the lightest and the darkest classes alike.
const QualityPattern = "quality-hatch"

// QualityFill is the fill attribute value of the quality overlay.
const QualityFill = "url(#" + QualityPattern + ")"

// QualityPatternSVG is the <pattern> element for QualityPattern; put it in
// the map's <defs> beside NoDataPatternSVG.
const QualityPatternSVG = `<pattern id="` + QualityPattern + `" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(-45)">` +
	`<line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3"/>` +
	`<line x1="0" y1="0" x2="0" y2="8" stroke="#161616" stroke-width="1.2"/></pattern>`

// PatternDefs returns both patterns, ready to put inside <defs>.
func PatternDefs() string { return NoDataPatternSVG + QualityPatternSVG }
