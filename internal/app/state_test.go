package app

import (
	"francenum-map/internal/barometre"
	"francenum-map/internal/indicator"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeDefaults(t *testing.T) {
	s, notes := Decode("")
	assert.Empty(t, notes)
	assert.True(t, s.Equal(Default()))
	assert.Equal(t, "", s.Encode())
}

func TestDecodeValues(t *testing.T) {
	s, notes := Decode("?ind=nb-diagnostics-individualises&metric=per10k&date=2022-03&dep=75,2a,1&scheme=jenks&classes=7&lang=en&embed=1&quality=1")
	require.Empty(t, notes)
	assert.Equal(t, indicator.Diagnostics, s.Ind)
	assert.Equal(t, MetricPer10k, s.Metric)
	assert.Equal(t, barometre.MakeMonth(2022, 3), s.Date)
	assert.Equal(t, []string{"75", "2A", "01"}, s.Deps)
	assert.Equal(t, SchemeJenks, s.Scheme)
	assert.Equal(t, 7, s.Classes)
	assert.Equal(t, "en", s.Lang)
	assert.True(t, s.Embed)
	assert.True(t, s.Quality)
	assert.Equal(t, "ind=nb-diagnostics-individualises&metric=per10k&date=2022-03&dep=75,2A,01&scheme=jenks&classes=7&lang=en&embed=1&quality=1", s.Encode())
}

func TestDecodeBadValuesFallBack(t *testing.T) {
	cases := []struct {
		q, key string
		check  func(State) bool
	}{
		{"metric=raw", "metric", func(s State) bool { return s.Metric == MetricTarget }},
		{"date=2022-13", "date", func(s State) bool { return s.Date == 0 }},
		{"date=22-01", "date", func(s State) bool { return s.Date == 0 }},
		{"classes=9", "classes", func(s State) bool { return s.Classes == DefaultClasses }},
		{"classes=2", "classes", func(s State) bool { return s.Classes == DefaultClasses }},
		{"classes=x", "classes", func(s State) bool { return s.Classes == DefaultClasses }},
		{"scheme=kmeans", "scheme", func(s State) bool { return s.Scheme == SchemeQuantile }},
		{"scheme=manual", "scheme", func(s State) bool { return s.Scheme == SchemeQuantile }},
		{"lang=de", "lang", func(s State) bool { return s.Lang == "fr" }},
		{"dep=20,75", "dep", func(s State) bool { return len(s.Deps) == 1 && s.Deps[0] == "75" }},
		{"dep=01,02,03,04,05", "dep", func(s State) bool { return len(s.Deps) == MaxPinned }},
		{"ind=<script>", "ind", func(s State) bool { return s.Ind == indicator.Cheques }},
		{"zoom=3", "zoom", func(s State) bool { return s.Equal(Default()) }},
		{"date=%zz", "date", func(s State) bool { return s.Date == 0 }},
		{"breaks=1,x&scheme=manual", "breaks", func(s State) bool { return s.Scheme == SchemeQuantile }},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			s, notes := Decode(c.q)
			require.NotEmpty(t, notes)
			assert.Equal(t, c.key, notes[0].Key)
			assert.True(t, c.check(s), "%+v", s)
		})
	}
}

func TestManualBreaks(t *testing.T) {
	s, notes := Decode("scheme=manual&breaks=50,100,150")
	require.Empty(t, notes)
	assert.Equal(t, []float64{50, 100, 150}, s.Breaks)
	assert.Equal(t, 4, s.Classes)
	assert.Equal(t, "scheme=manual&breaks=50,100,150", s.Encode())
	s, notes = Decode("scheme=manual&breaks=100,50")
	assert.NotEmpty(t, notes)
	assert.Equal(t, SchemeQuantile, s.Scheme)
}

func TestMonth(t *testing.T) {
	m, ok := barometre.ParseMonth("2021-07-31")
	require.True(t, ok)
	assert.Equal(t, "2021-07", m.String())
	assert.Equal(t, 2021, m.Year())
	assert.Equal(t, 7, m.MonthOfYear())
	assert.Equal(t, barometre.MakeMonth(2022, 1), m+6)
	for _, bad := range []string{"", "2021", "2021-7", "2021-00", "abcd-01", "2021/07"} {
		_, ok := barometre.ParseMonth(bad)
		assert.False(t, ok, bad)
	}
}

func FuzzDecode(f *testing.F) {
	for _, seed := range []string{"", "ind=nb-diagnostics-individualises&metric=new&date=2022-11", "dep=2a,75,971&lang=en&embed=1",
		"scheme=manual&breaks=0.5,1e3", "classes=3&&&=&%41=1", "date=%zz", "quality=1&dep=,,"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s, _ := Decode(q)
		if s.Classes < MinClasses || s.Classes > MaxClasses || len(s.Deps) > MaxPinned {
			t.Fatalf("out of range state %+v from %q", s, q)
		}
		enc := s.Encode()
		s2, notes := Decode(enc)
		if len(notes) > 0 || !s2.Equal(s) {
			t.Fatalf("round trip %q → %+v → %q → %+v %v", q, s, enc, s2, notes)
		}
	})
}
