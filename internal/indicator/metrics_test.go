package indicator

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"francenum-map/internal/unitkind"
)

func TestKindMetrics(t *testing.T) {
	tests := []struct {
		name      string
		k         Kind
		metrics   []string
		def       string
		circles   bool
		decreases bool
	}{
		{"chèques: cumulative count with target", Kind{unitkind.Count, true, true},
			[]string{MetricTarget, MetricPer10k, MetricShare, MetricCount, MetricNew}, MetricTarget, true, true},
		{"cumulative count without target", Kind{unitkind.Count, true, false},
			[]string{MetricPer10k, MetricShare, MetricCount, MetricNew}, MetricCount, true, true},
		{"count in the year (not cumulative), target", Kind{unitkind.Count, false, true},
			[]string{MetricTarget, MetricPer10k, MetricShare, MetricCount}, MetricTarget, true, false},
		{"count in the year, no target", Kind{unitkind.Count, false, false},
			[]string{MetricPer10k, MetricShare, MetricCount}, MetricCount, true, false},
		{"amount, running total (km of cycle lanes)", Kind{unitkind.Amount, true, true},
			[]string{MetricTarget, MetricPer10k, MetricShare, MetricCount, MetricNew}, MetricTarget, true, true},
		{"amount over twelve months (patrol hours)", Kind{unitkind.Amount, false, false},
			[]string{MetricPer10k, MetricShare, MetricCount}, MetricCount, true, false},
		{"rate with target", Kind{unitkind.Rate, false, true},
			[]string{MetricTarget, MetricCount}, MetricTarget, false, false},
		{"rate without target", Kind{unitkind.Rate, false, false},
			[]string{MetricCount}, MetricCount, false, false},
		{"average with target", Kind{unitkind.Average, false, true},
			[]string{MetricTarget, MetricCount}, MetricTarget, false, false},
		// Classify never calls a rate cumulative; were it so, still no
		// increment, no per-inhabitant and no circles.
		{"rate marked cumulative", Kind{unitkind.Rate, true, false},
			[]string{MetricCount}, MetricCount, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.metrics, tc.k.Metrics())
			assert.Equal(t, tc.def, tc.k.DefaultMetric())
			assert.True(t, tc.k.Allows(tc.def), "the default metric is offered")
			for _, m := range []string{MetricTarget, MetricPer10k, MetricShare, MetricCount, MetricNew} {
				assert.Equal(t, contains(tc.metrics, m), tc.k.Allows(m), m)
			}
			assert.False(t, tc.k.Allows("raw"))
			assert.Equal(t, tc.circles, tc.k.Circles(MetricCount))
			assert.False(t, tc.k.Circles(MetricPer10k), "circles only for the published value")
			assert.Equal(t, tc.decreases, tc.k.DecreaseIsProblem())
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
