package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoticesSayWhy (issue 26, smaller): a URL notice gives the reason and
// the values a parameter may take; dep=99,75 keeps 75 and names only 99;
// a long bad value is cut, and many unknown keys make one short notice.
func TestNoticesSayWhy(t *testing.T) {
	a := newApp(t)
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"metric=bogus", []string{"metric=bogus", "valeurs possibles\u00a0: target, per10k, share, count, new"}},
		{"classes=12", []string{"classes=12", "de 3 à 7 classes"}},
		{"scheme=kmeans", []string{"quantile, jenks, equal, manual"}},
		{"lang=de", []string{"lang=de", "fr, en"}},
		{"date=1999-01", []string{"date=1999-01", "de février 2021 à novembre 2022"}},
	} {
		texts := a.NoticeTexts(a.SetQuery(c.query))
		require.Len(t, texts, 1, c.query)
		for _, w := range c.want {
			assert.Contains(t, texts[0], w, c.query)
		}
	}

	notes := a.SetQuery("dep=99,75")
	assert.Equal(t, []string{"75"}, a.State().Deps, "the valid code is kept")
	texts := a.NoticeTexts(notes)
	require.Len(t, texts, 1)
	assert.Contains(t, texts[0], "dep=99 —", "only 99 is named as ignored")
	assert.NotContains(t, texts[0], "75")

	long := strings.Repeat("x", 5000)
	texts = a.NoticeTexts(a.SetQuery("metric=" + long))
	require.Len(t, texts, 1)
	assert.Less(t, len(texts[0]), 300, "a long bad value is cut")
	assert.Contains(t, texts[0], "…")

	var q []string
	for i := 0; i < 3000; i++ {
		q = append(q, "k"+strconv.Itoa(i)+"=1")
	}
	texts = a.NoticeTexts(a.SetQuery(strings.Join(q, "&")))
	require.Len(t, texts, 1, "3 000 unknown keys make one notice")
	assert.Less(t, len(texts[0]), 400)
	assert.Contains(t, texts[0], "3\u202f000 paramètres d'adresse inconnus ignorés")
	assert.Contains(t, texts[0], "k0, k1, k2, k3, k4 et 2\u202f995 autres")
	assert.Contains(t, texts[0], "paramètres possibles\u00a0: ind, metric")

	assert.Empty(t, a.Act("lang", "en"))
	texts = a.NoticeTexts(a.SetQuery("lang=en&metric=bogus&foo=1"))
	require.Len(t, texts, 2)
	assert.Contains(t, texts[0], "possible values: target")
	assert.Contains(t, texts[1], "Unknown URL parameter ignored: foo")
}

// TestTableHidesTheRepeatedColumn (issue 26, smaller): the column showing
// the value column's figure again is marked, one per measure that has one.
func TestTableHidesTheRepeatedColumn(t *testing.T) {
	a := newApp(t)
	for metric, want := range map[string]string{"target": "pct", "per10k": "per10k", "count": "count", "new": ""} {
		assert.Empty(t, a.Act("metric", metric))
		var got []string
		for _, c := range a.Panels().Table.Cols {
			if c.Repeat {
				got = append(got, c.Key)
			}
		}
		if want == "" {
			assert.Empty(t, got, metric)
			continue
		}
		assert.Equal(t, []string{want}, got, metric)
	}
}

// TestQualityHatchingMeansSomething (issue 26, smaller): the hatching
// marked 95 of 101 departments for the chèques (revisions of a few units);
// it now marks falls over 5 % (or a missing month) and its key says so.
func TestQualityHatchingMeansSomething(t *testing.T) {
	a := newApp(t)
	assert.Empty(t, a.Act("quality", "1"))
	count := func() int {
		n := 0
		for _, f := range a.View().Flags {
			if f {
				n++
			}
		}
		return n
	}
	assert.Equal(t, 0, count(), "the chèques' falls are all under 5 %")
	assert.Contains(t, a.View().Legend.Quality, "Aucune série à vérifier")
	assert.Empty(t, a.Act("ind", "nb-diagnostics-individualises"))
	n := count()
	// 8 departments fall by more than 5 % once at least (Aube 34 → 14,
	// Haute-Corse 109 → 46…), and one misses a month.
	assert.True(t, n >= 8 && n < 15, "a few of the diagnostics' departments: %d", n)
	assert.Contains(t, a.View().Legend.Quality, "À vérifier ("+strconv.Itoa(n)+" dép.)")
	for i, f := range a.View().Flags {
		if !f {
			continue
		}
		code := a.geo.Departments[i].Code
		tip, ok := a.Tip(code)
		require.True(t, ok)
		assert.NotEmpty(t, tip.Notes, "a hatched department's card says why (%s)", code)
	}
	assert.Empty(t, a.Act("quality", "0"))
	assert.Empty(t, a.View().Legend.Quality)
}

// TestShareOfTheTotal (issue 23 item 1): « Part du total national »
// (metric=share) gives each department its share of the departments' sum
// at the month: the 101 shares add up to 100 %, Cher has 0,24 % of the
// chèques (272 of 112 567); only quantities that add up offer it.
func TestShareOfTheTotal(t *testing.T) {
	a := newApp(t)
	require.Empty(t, a.SetQuery("metric=share"))
	v := a.View()
	assert.Equal(t, "share", v.State.Metric)
	sum := 0.0
	for _, x := range a.vals {
		if x == x {
			sum += x
		}
	}
	assert.InDelta(t, 100, sum, 1e-9, "the shares add up to 100 %")
	assert.Equal(t, "Cher (18) : 0,24\u202f%", ariaOf(v, "18"))
	assert.Contains(t, v.Title, "Part du total national")
	for _, it := range v.Legend.Items {
		assert.Contains(t, it.Label, "%", "the legend reads in %")
	}
	assert.Contains(t, a.Description(), "Les plus fortes parts du total")
	withIndicator(t, a, "taux-deploiement-fibre")
	assert.NotEmpty(t, a.SetQuery("ind=taux-deploiement-fibre&metric=share"), "a rate never offers a share of a sum")
}
