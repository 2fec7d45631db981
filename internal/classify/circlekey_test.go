package classify

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/frfmt"
)

func TestCircleKey(t *testing.T) {
	nan := math.NaN()
	values := []float64{12345, 800, nan, 0, 4000, nan}
	k := NewCircleKey(values, 12345, 30, 12, Format{Lang: frfmt.FR})
	require.Len(t, k.Items, 3)
	// Three nice values, sized by the map's own scale.
	assert.Equal(t, []float64{1000, 5000, 10000}, []float64{k.Items[0].Value, k.Items[1].Value, k.Items[2].Value})
	assert.Equal(t, []string{"1" + nb + "000", "5" + nb + "000", "10" + nb + "000"}, []string{k.Items[0].Label, k.Items[1].Label, k.Items[2].Label})
	for _, it := range k.Items {
		assert.Equal(t, Radius(it.Value, 12345, 30), it.R)
		assert.InDelta(t, k.Bottom, it.CY+it.R, 1e-9, "circles share their bottom")
		assert.GreaterOrEqual(t, it.CY-it.R, 0.0, "inside the box")
		assert.GreaterOrEqual(t, it.LabelY-12, 0.0, "label inside the box")
	}
	// Labels never overlap: a line (1.2 em) apart at least, larger
	// circles' labels higher.
	for i := 1; i < len(k.Items); i++ {
		assert.LessOrEqual(t, k.Items[i].LabelY, k.Items[i-1].LabelY-12*1.2+1e-9)
	}
	assert.Greater(t, k.LabelX, 2*k.Items[2].R)
	assert.Greater(t, k.Width, k.LabelX)
	assert.GreaterOrEqual(t, k.Height, k.Bottom)
	// The no-data row counts the departments without a value.
	assert.Equal(t, -1, k.NoData.Class)
	assert.Equal(t, 2, k.NoData.Count)
	assert.Equal(t, "Pas de donnée", k.NoData.Label)
	assert.Equal(t, NoDataFill, k.NoData.Color)

	// Close values (vmax 12: 1, 5, 10) would put labels on each other.
	c := NewCircleKey(nil, 12, 8, 12, Format{Lang: frfmt.EN})
	require.Len(t, c.Items, 3)
	for i := 1; i < len(c.Items); i++ {
		assert.LessOrEqual(t, c.Items[i].LabelY, c.Items[i-1].LabelY-12*1.2+1e-9)
	}
	assert.GreaterOrEqual(t, c.Items[2].LabelY-12, -1e-9)
	assert.Equal(t, "No data", c.NoData.Label)

	// No value: no circle, the no-data row only.
	e := NewCircleKey([]float64{nan, nan}, 0, 30, 12, Format{})
	assert.Empty(t, e.Items)
	assert.Equal(t, 2, e.NoData.Count)
}
