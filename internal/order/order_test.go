package order

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSortTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []int
	}{
		{"empty", nil},
		{"one", []int{7}},
		{"sorted", []int{1, 2, 3, 4, 5}},
		{"reversed", []int{5, 4, 3, 2, 1}},
		{"duplicates", []int{3, 1, 3, 1, 2, 2}},
		{"negative", []int{0, -5, 12, -5, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := slices.Clone(tc.in)
			Sort(got)
			want := slices.Clone(tc.in)
			slices.Sort(want)
			assert.Equal(t, want, got)
		})
	}
}

// Lengths around every gap, random and adversarial inputs, three types.
func TestSortAgainstSlices(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{2, 3, 4, 5, 9, 10, 11, 22, 23, 24, 56, 57, 58, 101, 131, 132, 133, 700, 1578, 5000} {
		f := make([]float64, n)
		s := make([]string, n)
		d := make([]int32, n)
		for i := range n {
			f[i] = r.NormFloat64() * 1000
			s[i] = string(rune('A' + r.IntN(26)))
			d[i] = int32(n - i) // reversed
		}
		for _, check := range []func(){
			func() {
				want := slices.Clone(f)
				slices.Sort(want)
				Sort(f)
				assert.Equal(t, want, f, "float64 n=%d", n)
			},
			func() {
				want := slices.Clone(s)
				slices.Sort(want)
				Sort(s)
				assert.Equal(t, want, s, "string n=%d", n)
			},
			func() { want := slices.Clone(d); slices.Sort(want); Sort(d); assert.Equal(t, want, d, "int32 n=%d", n) },
		} {
			check()
		}
	}
}

func BenchmarkSort101(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	src := make([]float64, 101)
	for i := range src {
		src[i] = r.Float64()
	}
	xs := make([]float64, len(src))
	for b.Loop() {
		copy(xs, src)
		Sort(xs)
	}
}

func BenchmarkSort100k(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	src := make([]float64, 100_000)
	for i := range src {
		src[i] = r.Float64()
	}
	xs := make([]float64, len(src))
	for b.Loop() {
		copy(xs, src)
		Sort(xs)
	}
}

func TestStableFunc(t *testing.T) {
	type kv struct{ k, v int }
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 3, 7, 8, 9, 16, 17, 100, 1001} {
		xs := make([]kv, n)
		for i := range xs {
			xs[i] = kv{r.IntN(5), i} // many equal keys: v records the input order
		}
		want := slices.Clone(xs)
		slices.SortStableFunc(want, func(a, b kv) int { return a.k - b.k })
		StableFunc(xs, func(a, b kv) int { return a.k - b.k })
		assert.Equal(t, want, xs, "n=%d", n)
	}
	sorted := []kv{{1, 0}, {1, 1}, {2, 2}}
	StableFunc(sorted, func(a, b kv) int { return a.k - b.k })
	assert.Equal(t, []kv{{1, 0}, {1, 1}, {2, 2}}, sorted)
}
