package classify

import (
	"math"
	"unicode/utf8"
)

// CircleKey is the legend of a proportional-symbol map (the count
// metric): one key of nested reference circles sharing their bottom, each
// with its value, instead of per-class colour swatches (with circles,
// every department with data has the same neutral fill, so swatches
// would match nothing on the map). The radii come from Radius with the
// map's own vmax and rmax, so a circle of the key is the size of a
// department's circle of that value. The no-data row explains the
// hatching of departments without a value.
//
// Coordinates are in the key's own box, origin at its top left, in the
// unit of rmax (CSS pixels in the page, the SVG export's units there).
type CircleKey struct {
	// Items are the reference circles, ascending (up to 3, see RefValues).
	Items []CircleKeyItem
	// CX is the common centre x of the circles; Bottom the y they all
	// touch.
	CX, Bottom float64
	// LabelX is where the labels start (left aligned).
	LabelX float64
	// Width and Height bound the key; Width estimates the labels' width
	// from their length (0.6 em a character).
	Width, Height float64
	// NoData is the no-data row (Class -1) with its count.
	NoData LegendItem
}

// CircleKeyItem is one reference circle of a CircleKey.
type CircleKeyItem struct {
	// Value is the reference value (5 000), Label it formatted.
	Value float64
	Label string
	// R is the radius, CY the centre y (Bottom - R).
	R, CY float64
	// LabelY is the label's baseline; a leader goes from the circle's top
	// (CX, CY-R) to the label (LabelX-4, LabelY-fontSize/3).
	LabelY float64
}

// NewCircleKey lays out the key for a map whose circles have radius rmax
// at vmax, labels of fontSize, for values (one per department, NaN = no
// data; counted in the no-data row). Without any value ≥ 1 (vmax < 1) the
// key has no circle, only the no-data row.
func NewCircleKey(values []float64, vmax, rmax, fontSize float64, f Format) CircleKey {
	k := CircleKey{NoData: (Scale{}).Labels(f).noData}
	for _, v := range values {
		if v != v {
			k.NoData.Count++
		}
	}
	refs := RefValues(vmax, 3)
	if len(refs) == 0 || !(rmax > 0) {
		return k
	}
	big := Radius(refs[len(refs)-1], vmax, rmax)
	pad := math.Max(1, fontSize/2) // room above the largest circle's top label
	k.CX, k.Bottom = big, pad+2*big
	k.LabelX = 2*big + fontSize
	line := fontSize * 1.2
	k.Items = make([]CircleKeyItem, len(refs))
	widest := 0
	for i, v := range refs {
		r := Radius(v, vmax, rmax)
		it := CircleKeyItem{Value: v, Label: f.Value(v), R: r, CY: k.Bottom - r}
		it.LabelY = k.Bottom - 2*r + fontSize/3 // centred on the circle's top
		k.Items[i] = it
		widest = max(widest, utf8.RuneCountInString(it.Label))
	}
	// Labels of close circles would overlap: from the smallest circle up,
	// keep each label a line above the previous one, then move the key
	// down if the top label left the box.
	for i := 1; i < len(k.Items); i++ {
		if lim := k.Items[i-1].LabelY - line; k.Items[i].LabelY > lim {
			k.Items[i].LabelY = lim
		}
	}
	top := k.Items[len(k.Items)-1].LabelY - fontSize
	if top < 0 {
		k.Bottom -= top
		for i := range k.Items {
			k.Items[i].CY -= top
			k.Items[i].LabelY -= top
		}
	}
	k.Height = k.Bottom + 1
	k.Width = k.LabelX + float64(widest)*0.6*fontSize
	return k
}
