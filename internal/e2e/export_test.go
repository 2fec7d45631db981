//go:build e2e

package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExports(t *testing.T) {
	ctx := open(t, "")
	d := need(t).downloads
	legend := eval[[]string](t, ctx, `[...document.querySelectorAll('#legend [data-class]')].map(e => e.textContent.replace(/\s+/g, ' ').trim())`)

	t.Run("csv", func(t *testing.T) {
		name, b := d.expect(t, "#export-csv", func() { click(t, ctx, "#export-csv") })
		assert.True(t, strings.HasSuffix(strings.ToLower(name), ".csv"), "file name %q", name)
		text := strings.TrimPrefix(string(b), "\ufeff")
		r := csv.NewReader(strings.NewReader(text))
		r.FieldsPerRecord = -1
		// French spreadsheets like ';': accept either delimiter.
		if first, _, _ := strings.Cut(text, "\n"); strings.Count(first, ";") > strings.Count(first, ",") {
			r.Comma = ';'
		}
		recs, err := r.ReadAll()
		require.NoError(t, err, "CSV export parses")
		require.GreaterOrEqual(t, len(recs), 102, "header + 101 departments")
		seen := map[string]bool{}
		for _, rec := range recs[1:] {
			for _, f := range rec {
				seen[strings.TrimSpace(f)] = true
			}
		}
		for _, c := range allCodes() {
			assert.True(t, seen[c], "department %s missing from the CSV export", c)
		}
	})
	t.Run("svg", func(t *testing.T) {
		name, b := d.expect(t, "#export-svg", func() { click(t, ctx, "#export-svg") })
		assert.True(t, strings.HasSuffix(strings.ToLower(name), ".svg"), "file name %q", name)
		dec := xml.NewDecoder(bytes.NewReader(b))
		paths, root := 0, ""
		var texts strings.Builder
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, "SVG export is well-formed XML")
			switch e := tok.(type) {
			case xml.StartElement:
				if root == "" {
					root = e.Name.Local
				}
				if e.Name.Local == "path" {
					paths++
				}
			case xml.CharData:
				texts.Write(e)
				texts.WriteByte(' ')
			}
		}
		assert.Equal(t, "svg", root)
		assert.GreaterOrEqual(t, paths, 101, "a path per department")
		all := strings.Join(strings.Fields(texts.String()), " ")
		assert.Contains(t, all, "Licence Ouverte 2.0", "source line in the SVG")
		assert.Contains(t, all, "Baromètre des résultats de l'action publique")
		assert.Contains(t, all, "données au")
		// The legend's labels are in the SVG (their numbers at least).
		for _, l := range legend {
			if v, ok := parseFR(l); ok {
				assert.Contains(t, digits(all), fmtNum(v), "legend value %q in the SVG", l)
			}
		}
	})
	t.Run("png", func(t *testing.T) {
		name, b := d.expect(t, "#export-png", func() { click(t, ctx, "#export-png") })
		assert.True(t, strings.HasSuffix(strings.ToLower(name), ".png"), "file name %q", name)
		img, err := png.Decode(bytes.NewReader(b))
		require.NoError(t, err, "PNG export decodes")
		bd := img.Bounds()
		assert.GreaterOrEqual(t, bd.Dx(), 400)
		assert.GreaterOrEqual(t, bd.Dy(), 300)
		colours := map[[4]uint32]bool{}
		for y := bd.Min.Y; y < bd.Max.Y; y += bd.Dy() / 60 {
			for x := bd.Min.X; x < bd.Max.X; x += bd.Dx() / 60 {
				r, g, bl, a := img.At(x, y).RGBA()
				colours[[4]uint32{r >> 8, g >> 8, bl >> 8, a >> 8}] = true
			}
		}
		assert.GreaterOrEqual(t, len(colours), 4, "the PNG shows a coloured map, not a blank image")
	})
}

// fmtNum writes v without grouping, the way digits() normalises text.
func fmtNum(v float64) string {
	return strings.Replace(strconvF(v), ".", ",", 1)
}
