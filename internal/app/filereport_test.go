package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/barometre"
)

const reportHeader = "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n"

func TestFileReportLanguage(t *testing.T) {
	cases := []struct {
		name, file, lang string
		want             []string // in the refusal or the warnings
		not              []string
	}{
		{"html fr", "<html><body>Not found</body></html>", "fr", []string{"ligne 1", "page HTML"}, []string{"refused", "line"}},
		{"html en", "<html><body>Not found</body></html>", "en", []string{"line 1", "HTML page"}, []string{"ligne"}},
		{"truncated fr", reportHeader + "M,Autre,autre,01,Ain,2022-11-30,5.0,entreprises\nM,Autre,autre,01,A", "fr", []string{"ligne 3", "tronqué"}, []string{"line"}},
		{"truncated en", reportHeader + "M,Autre,autre,01,Ain,2022-11-30,5.0,entreprises\nM,Autre,autre,01,A", "en", []string{"line 3", "truncated"}, []string{"ligne"}},
		{"warnings fr", reportHeader + "M,Autre,autre,01,Ain,2022-11-30,abc,entreprises\n", "fr", []string{"ligne 2", "illisible"}, []string{"line"}},
		{"warnings en", reportHeader + "M,Autre,autre,01,Ain,2022-11-30,abc,entreprises\n", "en", []string{"line 2", "unparseable"}, []string{"ligne"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t)
			a.Act("lang", c.lang)
			before := a.View()
			rep := a.LoadFile("f.csv", []byte(c.file))
			assert.False(t, rep.OK)
			s := rep.Error
			for _, w := range rep.Warnings {
				s += "\n" + w.Text
			}
			for _, w := range c.want {
				assert.Contains(t, s, w)
			}
			for _, w := range c.not {
				assert.NotContains(t, s, w)
			}
			assert.Equal(t, before, a.View(), "the map is unchanged")
			// The same report again in the other language.
			other := map[string]string{"fr": "en", "en": "fr"}[c.lang]
			a.Act("lang", other)
			again := a.FileReportAt(rep.Index)
			assert.NotEqual(t, rep.Error+rep.Title, again.Error+again.Title, "rendered again in %s", other)
		})
	}
}

func TestFileReportGroups(t *testing.T) {
	a := newApp(t)
	var b strings.Builder
	b.WriteString(reportHeader)
	for i := 0; i < 300; i++ { // 300 unparseable values of another indicator
		b.WriteString("M,Autre,autre,01,Ain,2022-11-30,abc,entreprises\n")
	}
	b.WriteString("M,Chèques,nb-entreprises-cheaque-numerique,01,Ain,2022-11-30,x,entreprises\n")
	rep := a.LoadFile("f.csv", []byte(b.String()))
	require.Len(t, rep.Warnings, 2, "one line per reason and scope")
	assert.Equal(t, FileWarning{Line: 302, Code: string(barometre.WarnUnparseable), Count: 1, Text: rep.Warnings[0].Text}, rep.Warnings[0], "the mapped indicator's group first")
	assert.Equal(t, 300, rep.Warnings[1].Count)
	assert.Equal(t, 2, rep.Warnings[1].Line)
	assert.Contains(t, rep.Warnings[1].Text, "300 lignes (2, 3, 4, 5, 6, …)")
	assert.Equal(t, 301, rep.NWarnings)
}

func TestCheckFileSize(t *testing.T) {
	a := newApp(t)
	_, ok := a.CheckFileSize("f.csv", barometre.MaxFileSize)
	assert.True(t, ok, "the limit itself is accepted")
	rep, ok := a.CheckFileSize("f.csv", 41_000_000)
	assert.False(t, ok)
	assert.Contains(t, rep.Error, "41\u00a0Mo")
	assert.Contains(t, rep.Error, "40\u00a0Mo")
	a.Act("lang", "en")
	assert.Contains(t, a.FileReportAt(rep.Index).Error, "41 MB")
}
