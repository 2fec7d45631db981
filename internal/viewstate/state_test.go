package viewstate

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

// TestDecodeSkipsHostKeys (issue 25): the parameters pym.js adds to an
// embed's URL change nothing and raise no notice, whatever their value
// (a page title with spaces and accents, a URL with its own query); the
// view's own parameters around them still count, and a key that only looks
// like one of them (another case) is still unknown.
func TestDecodeSkipsHostKeys(t *testing.T) {
	for _, c := range []struct {
		name, q string
		want    State
		notes   []string
	}{
		{"pym alone", "initialWidth=600&childId=francenum-map", Default(), nil},
		{"pym with the optional params", "?embed=1&initialWidth=320&childId=pym-0-x1y2z&parentTitle=Minist%C3%A8re+%E2%80%94+carte&parentUrl=https%3A%2F%2Fexample.gouv.fr%2Fpage%3Fa%3D1%26b%3D2",
			func() State { s := Default(); s.Embed = true; return s }(), nil},
		{"view params around them", "metric=per10k&initialWidth=1000&childId=x&lang=en",
			func() State { s := Default(); s.Metric = MetricPer10k; s.Lang = "en"; return s }(), nil},
		{"empty values", "initialWidth=&childId=&parentTitle=&parentUrl=", Default(), nil},
		{"another case is unknown", "childid=x&InitialWidth=3", Default(), []string{"childid", "InitialWidth"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, notes := Decode(c.q)
			var keys []string
			for _, n := range notes {
				keys = append(keys, n.Key)
			}
			assert.Equal(t, c.notes, keys)
			assert.True(t, s.Equal(c.want), "%+v", s)
			assert.NotContains(t, s.Encode(), "childId")
		})
	}
	assert.False(t, KnownKey("childId"), "not a key of the view")
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

func TestApply(t *testing.T) {
	s := Default()
	s.Date = barometre.MakeMonth(2022, 3)
	// A new indicator starts on its latest month.
	var p Patch
	require.True(t, p.Parse("ind", indicator.Diagnostics))
	got, notes := s.Apply(p)
	assert.Empty(t, notes)
	assert.Equal(t, indicator.Diagnostics, got.Ind)
	assert.Zero(t, got.Date)
	// ... unless the patch gives the month too.
	require.True(t, p.Parse("date", "2022-05"))
	got, _ = s.Apply(p)
	assert.Equal(t, barometre.MakeMonth(2022, 5), got.Date)
	// Breaks alone mean manual classes; spaces and semicolons are read.
	p = Patch{}
	require.True(t, p.Parse("breaks", "50 ; 100;150"))
	got, notes = s.Apply(p)
	assert.Empty(t, notes)
	assert.Equal(t, SchemeManual, got.Scheme)
	assert.Equal(t, 4, got.Classes)
	assert.Equal(t, "date=2022-03&scheme=manual&breaks=50,100,150", got.Encode())
	// Another scheme drops them.
	p = Patch{}
	require.True(t, p.Parse("scheme", SchemeJenks))
	got, _ = got.Apply(p)
	assert.Nil(t, got.Breaks)
	assert.Equal(t, SchemeJenks, got.Scheme)
	// A malformed value is left out: the field keeps its value.
	p = Patch{}
	assert.False(t, p.Parse("classes", "12"))
	assert.False(t, p.Parse("zoom", "2"))
	got2, notes := got.Apply(p)
	assert.Empty(t, notes)
	assert.True(t, got2.Equal(got))
	// A typed patch: pins beyond MaxPinned keep the last ones.
	got, _ = s.Apply(Patch{Set: FDeps, To: State{Deps: []string{"01", "02", "03", "04", "05"}}})
	assert.Equal(t, []string{"02", "03", "04", "05"}, got.Deps)
	assert.Nil(t, s.Deps, "Apply does not change its receiver")
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
