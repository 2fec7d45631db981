//go:build integration

package workertest

import (
	"bytes"
	"encoding/json"
	"html"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var metaTag = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)

// previewMeta reads the Open Graph and Twitter tags of a page's head.
func previewMeta(t *testing.T, w *worker, static []byte, path string) map[string]string {
	t.Helper()
	r := w.do(t, "GET", path)
	require.Equal(t, 200, r.Status)
	out := map[string]string{}
	for _, m := range metaTag.FindAllStringSubmatch(addedToHead(t, static, r.Body), -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	return out
}

// TestPagePreviewMeta (issue 25, item 1, its first part) under wrangler
// dev: the page the Worker serves carries, in its head, the link preview
// of the view asked for: the default view, in French and in English, its
// own title and auto-written description with the source and data date,
// and its 1200×630 PNG (drawn at build time by resvg from Go's SVG
// export); another view its own URL and the site's title and description
// over the default picture (the Worker does not draw other views yet).
func TestPagePreviewMeta(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	w := startWorker(t, root, web, map[string]string{"DATAGOUV_API": "http://127.0.0.1:9/api/1", "UPSTREAM_TIMEOUT": "2s"})
	static, err := os.ReadFile(filepath.Join(web, "index.html"))
	require.NoError(t, err)
	var built map[string]struct{ Title, Description, Alt string }
	b, err := os.ReadFile(filepath.Join(web, "og", "meta.json"))
	require.NoError(t, err, "make preview")
	require.NoError(t, json.Unmarshal(b, &built))

	pngs := map[string][]byte{}
	for _, c := range []struct{ lang, path, title, data string }{
		{"fr", "/", "Chèques numériques — % de la cible 2022 — novembre 2022", "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au "},
		{"en", "/?lang=en", "Digital vouchers — % of 2022 target — November 2022", "Source: Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — data as of "},
	} {
		t.Run("default view "+c.lang, func(t *testing.T) {
			m := previewMeta(t, w, static, c.path)
			assert.Equal(t, c.title, m["og:title"])
			assert.Equal(t, built[c.lang].Description, m["og:description"])
			assert.Contains(t, m["og:description"], c.data, "source, licence and data date")
			assert.Equal(t, w.URL+c.path, m["og:url"])
			assert.Equal(t, w.URL+"/og/default-"+c.lang+".png", m["og:image"], "absolute")
			assert.Equal(t, built[c.lang].Alt, m["og:image:alt"])
			assert.Equal(t, "summary_large_image", m["twitter:card"])
			assert.Equal(t, map[string]string{"fr": "fr_FR", "en": "en_GB"}[c.lang], m["og:locale"])

			img := w.do(t, "GET", strings.TrimPrefix(m["og:image"], w.URL))
			require.Equal(t, 200, img.Status)
			assert.Equal(t, "image/png", img.Header.Get("Content-Type"))
			cfg, err := png.DecodeConfig(bytes.NewReader(img.Body))
			require.NoError(t, err, "a PNG")
			assert.Equal(t, [2]int{1200, 630}, [2]int{cfg.Width, cfg.Height})
			pngs[c.lang] = img.Body
		})
	}
	assert.NotEqual(t, pngs["fr"], pngs["en"], "each language has its picture")

	for _, c := range []struct{ path, title, image string }{
		{"/?ind=nb-diagnostics-individualises&metric=per10k", "Carte France Num — chèques et diagnostics numériques par département", "/og/default-fr.png"},
		{"/?metric=count&date=2022-03&dep=75,13&lang=en&embed=1", "France Num map — digital vouchers and diagnostics by department", "/og/default-en.png"},
	} {
		t.Run(c.path, func(t *testing.T) {
			m := previewMeta(t, w, static, c.path)
			assert.Equal(t, c.title, m["og:title"], "the site's title: never the default view's for another view")
			assert.NotEqual(t, built["fr"].Description, m["og:description"])
			assert.NotEqual(t, built["en"].Description, m["og:description"])
			assert.Equal(t, w.URL+strings.TrimSuffix(c.path, "&embed=1"), m["og:url"], "the view's own URL")
			assert.Equal(t, w.URL+c.image, m["og:image"])
		})
	}
}
