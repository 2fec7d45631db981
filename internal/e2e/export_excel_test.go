//go:build e2e

package e2e

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileFile is a detail file of an indicator unknown to the registry,
// whose label starts with « = » (a formula to a spreadsheet) and carries
// a control character, as does a department's label.
const hostileFile = "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n" +
	"Numérisation,=cmd|' /C calc'!A0\x01,essai-hostile,01,Ain\x07,2022-10-31,10.5,entreprises\n" +
	"Numérisation,=cmd|' /C calc'!A0\x01,essai-hostile,02,Aisne,2022-10-31,20.25,entreprises\n" +
	"Numérisation,=cmd|' /C calc'!A0\x01,essai-hostile,01,Ain\x07,2022-11-30,12.5,entreprises\n" +
	"Numérisation,=cmd|' /C calc'!A0\x01,essai-hostile,02,Aisne,2022-11-30,21.75,entreprises\n"

// Issue 14, item 12: both CSVs (standard and French Excel) and the SVG of
// a user's file with hostile labels.
func TestExportsOfHostileFile(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#export-csv-excel")
	d := need(t).downloads
	dropFile(t, ctx, "hostile.csv", []byte(hostileFile))
	reportText(t, ctx)
	setControl(t, ctx, "indicator", "essai-hostile")
	poll[bool](t, ctx, `new URLSearchParams(location.search).get('ind') === 'essai-hostile'`, "the user's indicator shown", waitTimeout)

	_, std := d.expect(t, "#export-csv", func() { click(t, ctx, "#export-csv") })
	_, xl := d.expect(t, "#export-csv-excel", func() { click(t, ctx, "#export-csv-excel") })
	for _, c := range []struct {
		name string
		b    []byte
		bom  bool
		sep  string
		num  string // Ain's value as written
	}{
		{"standard", std, false, ",", ",12.5,"},
		{"excel", xl, true, ";", ";12,5;"},
	} {
		assert.Equal(t, c.bom, bytes.HasPrefix(c.b, []byte("\xef\xbb\xbf")), "%s: BOM", c.name)
		text := strings.TrimPrefix(string(c.b), "\ufeff")
		lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		assert.True(t, strings.HasPrefix(lines[0], "code_departement"+c.sep+"libelle_departement"+c.sep), "%s header: %s", c.name, lines[0])
		var ain string
		for _, l := range lines {
			if strings.HasPrefix(l, "01"+c.sep) {
				ain = l
			}
		}
		require.NotEmpty(t, ain, "%s: Ain's row", c.name)
		assert.Contains(t, ain, c.num, "%s: Ain's value with its decimal mark", c.name)
		assert.NotRegexp(t, regexp.MustCompile(`(^|[,;"])[=+@-]`), ain, "%s: no cell starts with a formula character: %s", c.name, ain)
		assert.Contains(t, ain, "'=cmd", "%s: the formula label neutralised", c.name)
		assert.Contains(t, ain, "données au", "%s: the source line and its date", c.name)
	}

	_, svg := d.expect(t, "#export-svg", func() { click(t, ctx, "#export-svg") })
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var texts strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG of a hostile file is well-formed XML")
		if cd, ok := tok.(xml.CharData); ok {
			texts.Write(cd)
		}
	}
	assert.Contains(t, texts.String(), "=cmd|' /C calc'!A0", "the label, without its control character")
	assert.Contains(t, texts.String(), "données au")
}
