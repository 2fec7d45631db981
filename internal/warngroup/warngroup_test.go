package warngroup

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
	"francenum-map/internal/datadir"
)

var mapped = []string{"nb-entreprises-cheaque-numerique", "nb-diagnostics-individualises"}

func w(line int, code barometre.Code, ind string) barometre.Warning {
	return barometre.Warning{Line: line, Code: code, Indicator: ind}
}

func TestOf(t *testing.T) {
	const ch, other, other2 = "nb-entreprises-cheaque-numerique", "nb-beneficiaires-siae", "taux-x"
	ws := []barometre.Warning{
		w(3, barometre.WarnDuplicate, other),
		w(4, barometre.WarnDuplicate, other2),
		w(5, barometre.WarnFieldCount, ""),
		w(6, barometre.WarnUnparseable, ch),
		w(7, barometre.WarnDuplicate, other),
		w(8, barometre.WarnUnparseable, other),
		w(9, barometre.WarnDuplicate, ch),
		w(10, barometre.WarnUnparseable, ch),
		w(11, barometre.WarnDuplicate, other),
	}
	type got struct {
		code  barometre.Code
		scope Scope
		count int
		lines []int
		inds  int
	}
	var gs []got
	groups := Of(ws, mapped, 2)
	for _, g := range groups {
		gs = append(gs, got{g.Code, g.Scope, g.Count, g.Lines, g.Indicators})
	}
	assert.Equal(t, []got{
		{barometre.WarnUnparseable, Mapped, 2, []int{6, 10}, 1},
		{barometre.WarnDuplicate, Mapped, 1, []int{9}, 1},
		{barometre.WarnFieldCount, Unknown, 1, []int{5}, 0},
		{barometre.WarnDuplicate, Other, 4, []int{3, 4}, 2},
		{barometre.WarnUnparseable, Other, 1, []int{8}, 1},
	}, gs)
	assert.Equal(t, 6, groups[0].First.Line)

	assert.Empty(t, Of(nil, mapped, 0))
	// No mapped ids: every readable row is Other; DefaultLines by default.
	g := Of(ws, nil, 0)
	require.Len(t, g, 3)
	assert.Equal(t, Unknown, g[0].Scope)
	assert.Equal(t, Other, g[1].Scope)
	assert.Equal(t, []int{3, 4, 7, 9, 11}, g[1].Lines)
	assert.Equal(t, 5, g[1].Count)
}

// TestRealRelease groups the warnings of the full published release, as
// the page does when it is dropped on the map: its 1 159 warnings are
// duplicates of other indicators and make one group. Three rows of the
// map's indicators and one broken row are then spoilt in memory: their
// groups come first, the mapped ones before the broken one.
func TestRealRelease(t *testing.T) {
	data, err := os.ReadFile(datadir.MustFind(t, "barometre/barometre-resultats-detail-departemental.csv"))
	require.NoError(t, err)
	f, err := barometre.Parse(data)
	require.NoError(t, err)
	groups := Of(f.Warnings, mapped, 0)
	require.Len(t, groups, 1)
	dup := groups[0]
	assert.Equal(t, barometre.WarnDuplicate, dup.Code)
	assert.Equal(t, Other, dup.Scope)
	assert.Equal(t, 1159, dup.Count)
	assert.Len(t, dup.Lines, DefaultLines)
	for i, l := range dup.Lines {
		assert.Equal(t, f.Warnings[i].Line, l)
	}
	assert.Equal(t, 1, dup.Indicators)
	assert.Equal(t, "nb-logement-accompagnement", dup.First.Indicator)

	lines := bytes.SplitAfter(data, []byte("\n"))
	// Lines 220–222 are the first rows of nb-diagnostics-individualises
	// (Ain, 2021-01 to 2021-03); line 60 000 a row of another indicator.
	lines[219] = bytes.Replace(lines[219], []byte(",35.0,"), []byte(",abc,"), 1)
	lines[220] = lines[221]
	lines[59999] = []byte("Devoirs faits au collège,Part de collégiens\n")
	for _, w := range f.Warnings {
		require.NotContains(t, []int{220, 221, 222, 60000}, w.Line, "the test spoils rows that had no warning")
	}
	f, err = barometre.Parse(bytes.Join(lines, nil))
	require.NoError(t, err)
	groups = Of(f.Warnings, mapped, 0)
	type got struct {
		code  barometre.Code
		scope Scope
		count int
		first int
	}
	var gs []got
	for _, g := range groups {
		gs = append(gs, got{g.Code, g.Scope, g.Count, g.Lines[0]})
	}
	assert.Equal(t, []got{
		{barometre.WarnUnparseable, Mapped, 1, 220},
		{barometre.WarnDuplicate, Mapped, 1, 222},
		{barometre.WarnFieldCount, Unknown, 1, 60000},
		{barometre.WarnDuplicate, Other, 1159, dup.Lines[0]},
	}, gs)
}
