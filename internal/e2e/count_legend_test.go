//go:build e2e

package e2e

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCountLegendCircleKey: in count view the legend is one key of circle
// sizes on the map's scale (no class swatches, which would match nothing
// on a map of neutral fills), and the SVG export holds the same key.
func TestCountLegendCircleKey(t *testing.T) {
	ctx := open(t, "ind=nb-diagnostics-individualises&metric=count&date=2022-11")
	type circle struct {
		V, R  float64
		Label string
	}
	type shown struct {
		Swatches int
		Key      []circle
		Map      []circle // on-screen radius and the department's value (aria-label)
	}
	s := eval[shown](t, ctx, `(() => {
  const r = (c) => c.getBoundingClientRect().width / 2;
  const key = [...document.querySelectorAll('#legend .circle-key circle[data-value]')]
    .map(c => ({V: +c.dataset.value, R: r(c), Label: c.dataset.label || ''}));
  const paths = [...document.querySelectorAll('#map svg path[data-code]')];
  const cs = [...document.querySelectorAll('#map svg circle.sym')];
  const map = cs.map((c, i) => ({V: 0, R: r(c), Label: paths[i].getAttribute('aria-label')}));
  const sw = document.querySelectorAll('#legend li[data-class]:not([data-class=nodata])').length;
  return {Swatches: sw, Key: key, Map: map};
})()`)
	assert.Zero(t, s.Swatches, "count view: no class swatches in the legend")
	require.NotEmpty(t, s.Key, "count view: a key of circle sizes in the legend")
	// The largest department circle fixes the map's scale: r = k·√v.
	var big circle
	for _, m := range s.Map {
		_, num, _ := strings.Cut(m.Label, ") : ")
		if v, ok := parseFR(num); ok && v > big.V {
			big = circle{V: v, R: m.R, Label: m.Label}
		}
	}
	require.Greater(t, big.V, 0.0, "a department with a count")
	for _, k := range s.Key {
		want := big.R * math.Sqrt(k.V/big.V)
		assert.InDelta(t, want, k.R, 0.5, "key circle %v: radius %.2f px, a department of that value has %.2f px", k.V, k.R, want)
	}

	_, b := need(t).downloads.expect(t, "#export-svg", func() { click(t, ctx, "#export-svg") })
	svg := string(b)
	i := strings.Index(svg, `id="circle-key"`)
	require.GreaterOrEqual(t, i, 0, "the SVG export holds the circle key")
	for _, k := range s.Key {
		assert.Contains(t, svg[i:], ">"+k.Label+"<", "key label %q in the SVG export", k.Label)
	}
	assert.NotContains(t, svg, `fill="#eceef6" stroke="#777777"`, "no neutral class swatch in the export")
}
