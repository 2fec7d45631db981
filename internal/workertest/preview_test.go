//go:build integration

package workertest

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"html"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/browser"
	"francenum-map/internal/workerapi"
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
// export); another view its own URL, title and description (drawn by the
// Worker) and picture; a view the app refuses the site's title and
// description over the default picture.
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

	// Another view: its own texts, drawn by the Worker's Go (preview.Of)
	// on first request, and its own picture (TestViewPreview); a view the
	// app refuses, the site's texts over the default picture.
	seen := map[string]string{built["fr"].Description: "default fr", built["en"].Description: "default en"}
	for _, c := range []struct{ path, title, source string }{
		{"/?ind=nb-diagnostics-individualises&metric=per10k", "Diagnostics numériques — Pour 10 000 habitants — novembre 2022", "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au "},
		{"/?metric=count&date=2022-03&dep=75,13&lang=en&embed=1", "Digital vouchers — Cumulative count (circles) — March 2022", "Source: Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — data as of "},
	} {
		t.Run(c.path, func(t *testing.T) {
			m := previewMeta(t, w, static, c.path)
			view := strings.TrimSuffix(c.path, "&embed=1")
			assert.Equal(t, c.title, m["og:title"], "the view's own title")
			assert.Contains(t, m["og:description"], c.source, "its source, licence and data date")
			assert.Empty(t, seen[m["og:description"]], "a description of its own, not %s's", seen[m["og:description"]])
			seen[m["og:description"]] = c.path
			assert.Equal(t, w.URL+view, m["og:url"], "the view's own URL")
			assert.Equal(t, w.URL+"/og/view.png"+strings.TrimPrefix(view, "/"), m["og:image"], "its own picture, absolute")
			assert.Contains(t, m["og:image:alt"], c.title)
			assert.Equal(t, "summary_large_image", m["twitter:card"])
		})
	}
	for _, c := range []struct{ path, title, image string }{
		{"/?ind=nb-no-such-indicator&metric=per10k", "Carte France Num — chèques et diagnostics numériques par département", "/og/default-fr.png"},
		{"/?date=1999-01&lang=en", "France Num map — digital vouchers and diagnostics by department", "/og/default-en.png"},
	} {
		t.Run("refused "+c.path, func(t *testing.T) {
			r := w.do(t, "GET", c.path)
			assert.Equal(t, "default", r.Header.Get("X-Preview"))
			m := previewMeta(t, w, static, c.path)
			assert.Equal(t, c.title, m["og:title"], "the site's title: never a view the link does not show")
			assert.Equal(t, w.URL+c.image, m["og:image"])
			assert.Equal(t, built[map[bool]string{true: "en", false: "fr"}[strings.Contains(c.path, "lang=en")]].Alt, m["og:image:alt"], "the alternative text of the picture shown")
		})
	}
}

// TestViewPreview (issue 25, item 1) under wrangler dev: the picture of a
// view that is not the default one is a 1200×630 PNG drawn by the Worker
// on first request (Go's SVG export, resvg), its own (not the default's,
// not another view's), stored in KV and served from there the second
// time, by this Worker and by a new one on the same store; the page then
// finds its texts stored too. A view the app refuses, and a view whose
// earlier drawing never finished (the marker an invocation stopped by the
// CPU limit leaves), get the default view's picture.
func TestViewPreview(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	persist := t.TempDir()
	vars := map[string]string{"DATAGOUV_API": "http://127.0.0.1:9/api/1", "UPSTREAM_TIMEOUT": "2s"}
	w := startWorkerIn(t, root, web, persist, vars)
	def := map[string][]byte{}
	for _, l := range []string{"fr", "en"} {
		b, err := os.ReadFile(filepath.Join(web, "og", "default-"+l+".png"))
		require.NoError(t, err)
		def[l] = b
	}

	views := []string{"ind=nb-diagnostics-individualises&metric=per10k", "metric=count&date=2022-03&dep=75,13&lang=en", "ind=km-amenagement-cyclables-securises"}
	drawn := map[string][]byte{}
	for _, q := range views {
		t.Run(q, func(t *testing.T) {
			r := w.do(t, "GET", "/og/view.png?"+q)
			require.Equal(t, 200, r.Status, string(r.Body))
			assert.Equal(t, "image/png", r.Header.Get("Content-Type"))
			assert.Equal(t, "drawn", r.Header.Get("X-Preview"), r.Header.Get("X-Preview-Reason"))
			t.Logf("%s: drawn in %s", q, r.Header.Get("Server-Timing"))
			checkPreviewPNG(t, r.Body)
			for l, d := range def {
				assert.NotEqual(t, d, r.Body, "not the default picture (%s)", l)
			}
			for o, b := range drawn {
				assert.NotEqual(t, b, r.Body, "not the picture of %s", o)
			}
			drawn[q] = r.Body

			again := w.do(t, "GET", "/og/view.png?"+q)
			require.Equal(t, 200, again.Status)
			assert.Equal(t, "cache", again.Header.Get("X-Preview"), "the second time from KV")
			assert.Equal(t, r.Body, again.Body)
			head := w.do(t, "HEAD", "/og/view.png?"+q)
			assert.Equal(t, 200, head.Status)
			assert.Equal(t, "image/png", head.Header.Get("Content-Type"))

			page := w.do(t, "GET", "/?"+q)
			assert.Equal(t, "cache", page.Header.Get("X-Preview"), "the page finds the texts the drawing stored")
		})
	}

	for _, c := range []struct{ q, lang string }{
		{"ind=nb-no-such-indicator&metric=per10k", "fr"},
		{"date=1999-01&lang=en", "en"},
		{"ind=Not_An_Id", "fr"},
		{"", "fr"},
		{"lang=en", "en"},
	} {
		t.Run("default for "+c.q, func(t *testing.T) {
			r := w.do(t, "GET", "/og/view.png?"+c.q)
			require.Equal(t, 200, r.Status)
			assert.Equal(t, "default", r.Header.Get("X-Preview"))
			assert.NotEmpty(t, r.Header.Get("X-Preview-Reason"))
			assert.Equal(t, def[c.lang], r.Body, "the default view's picture, in the view's language")
		})
	}

	// A drawing that started a minute ago and never stored its result:
	// the invocation was stopped (on the Free plan, by its 10 ms of CPU).
	// Its marker makes the default answer, without drawing again.
	geo := w.do(t, "HEAD", "/geo/departements.bin").Header.Get("ETag")
	require.NotEmpty(t, geo)
	w.Stop()
	stuck := "metric=share&date=2022-06"
	putKV(t, root, persist, previewKey(t, root, geo, stuck)+".pending", strconv.FormatInt(time.Now().Add(-time.Minute).UnixMilli(), 10))
	w2 := startWorkerIn(t, root, web, persist, vars)
	t.Run("stored by another Worker", func(t *testing.T) {
		for _, q := range views {
			r := w2.do(t, "GET", "/og/view.png?"+q)
			assert.Equal(t, "cache", r.Header.Get("X-Preview"), q)
			assert.Equal(t, drawn[q], r.Body, q)
		}
	})
	t.Run("an earlier drawing never finished", func(t *testing.T) {
		r := w2.do(t, "GET", "/og/view.png?"+stuck)
		require.Equal(t, 200, r.Status)
		assert.Equal(t, "default", r.Header.Get("X-Preview"))
		assert.Contains(t, r.Header.Get("X-Preview-Reason"), "did not finish")
		assert.Equal(t, def["fr"], r.Body)
		page := w2.do(t, "GET", "/?"+stuck)
		assert.Equal(t, "default", page.Header.Get("X-Preview"), "nor the page's texts")
		// Another month of the same measure is drawn as usual.
		other := w2.do(t, "GET", "/og/view.png?metric=share&date=2022-05")
		assert.Equal(t, "drawn", other.Header.Get("X-Preview"), other.Header.Get("X-Preview-Reason"))
	})
}

// checkPreviewPNG reads a PNG's IHDR by hand (1200×630, 8-bit colour)
// and decodes it whole.
func checkPreviewPNG(t *testing.T, b []byte) {
	t.Helper()
	require.Greater(t, len(b), 33)
	require.Equal(t, "\x89PNG\r\n\x1a\n", string(b[:8]), "PNG signature")
	require.Equal(t, "IHDR", string(b[12:16]))
	assert.Equal(t, uint32(1200), binary.BigEndian.Uint32(b[16:20]), "width")
	assert.Equal(t, uint32(630), binary.BigEndian.Uint32(b[20:24]), "height")
	assert.Equal(t, byte(8), b[24], "bit depth")
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err, "a whole PNG")
	assert.Equal(t, image.Rect(0, 0, 1200, 630), img.Bounds())
}

// previewKey is the KV key preview.mjs stores view q's preview under,
// computed here from its parts: the build id (build-id.mjs), the
// geometry's ETag (as Static Assets give it), each file's version (the snapshot's date: the fake
// upstream is down, so Go stored no file) and the view.
func previewKey(t *testing.T, root, geoETag, q string) string {
	b, err := os.ReadFile(filepath.Join(root, "build", "worker", "build-id.mjs"))
	require.NoError(t, err)
	id := regexp.MustCompile(`BUILD_ID = "([0-9a-f]+)"`).FindSubmatch(b)
	require.NotNil(t, id, string(b))
	src, err := os.ReadFile(filepath.Join(root, "wrangler.jsonc"))
	require.NoError(t, err)
	var cfg struct{ Vars map[string]string }
	require.NoError(t, json.Unmarshal(workerapi.StripJSONC(src), &cfg))
	snap := "snapshot " + cfg.Vars["SNAPSHOT_LAST_MODIFIED"]
	sum := sha256.Sum256([]byte(string(id[1]) + "\n" + geoETag + "," + snap + "," + snap + "," + snap + "\n" + q))
	return "v2/preview/" + hex.EncodeToString(sum[:])[:40]
}

// putKV writes a key of the DATA_KV namespace kept in persist, as a Worker
// started on it sees it.
func putKV(t *testing.T, root, persist, key, value string) {
	cmd := exec.Command(filepath.Join(root, "node_modules", ".bin", "wrangler"), "kv", "key", "put", "--binding", "DATA_KV",
		"--local", "--persist-to", persist, "--config", filepath.Join(root, "wrangler.jsonc"), key, value)
	cmd.Dir = root
	cmd.Env = browser.NodeEnv(root)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
}

// TestViewPreviewFollowsTheData (issue 25) under wrangler dev: a view's
// picture is keyed by the version of the data it is drawn from. Before
// any download the Worker serves its snapshot, and the picture is drawn
// from it; once the cron has stored the publisher's files (their fast
// records name their ETags), the same view is drawn afresh, from the
// store's bytes, then served from KV. The mirror is the snapshot's
// source, so both pictures are the same bytes: the store's files are
// read whole and right.
func TestViewPreviewFollowsTheData(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	f := startFake(t, dataDir(t))
	w := startWorker(t, root, web, map[string]string{"DATAGOUV_API": f.URL + "/api/1", "UPSTREAM_TIMEOUT": "20s", "RETRY_AFTER": "0s"})
	const q = "ind=nb-diagnostics-individualises&metric=share&date=2022-09&lang=en"

	snap := w.do(t, "GET", "/og/view.png?"+q)
	require.Equal(t, 200, snap.Status)
	require.Equal(t, "drawn", snap.Header.Get("X-Preview"), snap.Header.Get("X-Preview-Reason"))
	checkPreviewPNG(t, snap.Body)
	assert.Equal(t, 0, f.count("api"), "drawing a preview starts no download")
	assert.Equal(t, "cache", w.do(t, "GET", "/og/view.png?"+q).Header.Get("X-Preview"))

	w.scheduled(t)
	m := w.meta(t)
	for _, name := range []string{"detail", "synthese", "national"} {
		require.NotNil(t, m.Files[name], name)
		require.Equal(t, workerapi.SourceCache, m.Files[name].Source, "%s stored by the cron: %s", name, m.Files[name].LastError)
	}
	time.Sleep(2100 * time.Millisecond) // past fast.mjs's HOLD_MS, whatever isolate ran the cron

	page := w.do(t, "GET", "/?"+q)
	assert.Equal(t, "drawn", page.Header.Get("X-Preview"), "new data: the texts drawn again")
	stored := w.do(t, "GET", "/og/view.png?"+q)
	require.Equal(t, 200, stored.Status)
	assert.Equal(t, "drawn", stored.Header.Get("X-Preview"), "new data: the picture drawn again (%s)", stored.Header.Get("X-Preview-Reason"))
	assert.Equal(t, snap.Body, stored.Body, "the same data, from the store: the same picture")
	assert.Equal(t, "cache", w.do(t, "GET", "/og/view.png?"+q).Header.Get("X-Preview"))
	assert.Equal(t, "cache", w.do(t, "GET", "/?"+q).Header.Get("X-Preview"))
}
