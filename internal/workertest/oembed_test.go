//go:build integration

package workertest

import (
	"encoding/json"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oembed is the answer of GET /oembed (oembed.com, type rich).
type oembed struct {
	Type         string `json:"type"`
	Version      string `json:"version"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	Thumbnail    string `json:"thumbnail_url"`
	ThumbnailW   int    `json:"thumbnail_width"`
	ThumbnailH   int    `json:"thumbnail_height"`
	Error        string `json:"error"`
}

// addedToHead checks that page is the static page with tags added at the
// end of its head, and returns them.
func addedToHead(t *testing.T, static, page []byte) string {
	t.Helper()
	i := strings.Index(string(static), "</head>")
	require.Greater(t, i, 0)
	require.True(t, strings.HasPrefix(string(page), string(static[:i])) && strings.HasSuffix(string(page), string(static[i:])) && len(page) > len(static),
		"the page is the static page with tags added before </head>")
	return string(page[i : len(page)-(len(static)-i)])
}

var discoveryLink = regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]*)">`)

// TestOEmbed (issue 25, item 2) under wrangler dev: the page the Worker
// serves links, in its head, to the oEmbed answer of that very view (the
// default view and two others); following the link gives a rich answer
// with the embed snippet of that view, cacheable, from the entry script
// (no Go); maxwidth/maxheight are honoured; another site's URL is a 404,
// format=xml a 501. The page keeps the static page's bytes otherwise, its
// security headers and its 304.
func TestOEmbed(t *testing.T) {
	root := repoRoot(t)
	web := webDir(t, root)
	w := startWorker(t, root, web, map[string]string{"DATAGOUV_API": "http://127.0.0.1:9/api/1", "UPSTREAM_TIMEOUT": "2s"})
	static, err := os.ReadFile(filepath.Join(web, "index.html"))
	require.NoError(t, err)

	for _, c := range []struct{ name, query, src, title, frame string }{
		{"default view", "", w.URL + "/?embed=1", "Carte France Num — chèques et diagnostics numériques par département", "Carte France Num par département"},
		{"diagnostics per 10 000, in English", "?ind=nb-diagnostics-individualises&metric=per10k&lang=en",
			w.URL + "/?ind=nb-diagnostics-individualises&metric=per10k&lang=en&embed=1", "France Num map — digital vouchers and diagnostics by department", "France Num map by department"},
		{"a month, pins, and a host's parameters", "?date=2022-03&dep=75,2A&childId=x&initialWidth=600",
			w.URL + "/?date=2022-03&dep=75,2A&embed=1", "Carte France Num — chèques et diagnostics numériques par département", "Carte France Num par département"},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := w.do(t, "GET", "/"+c.query)
			require.Equal(t, 200, page.Status)
			checkSecurity(t, page.Header, "the rewritten page")
			links := discoveryLink.FindAllSubmatch(page.Body, -1)
			require.Len(t, links, 1, "one oEmbed discovery link in the page")
			head := string(page.Body[:strings.Index(string(page.Body), "</head>")])
			assert.Contains(t, head, string(links[0][0]), "the link is in the head")
			// Nothing else of the static page changed: what was added is
			// all at the end of its head.
			added := addedToHead(t, static, page.Body)
			assert.Contains(t, added, string(links[0][0]))

			href := html.UnescapeString(string(links[0][1]))
			u, err := url.Parse(href)
			require.NoError(t, err)
			assert.Equal(t, w.URL+"/oembed", u.Scheme+"://"+u.Host+u.Path, "absolute, on this site")
			assert.Equal(t, w.URL+"/"+c.query, u.Query().Get("url"), "the page's own URL")
			assert.Equal(t, "json", u.Query().Get("format"))

			r := w.do(t, "GET", strings.TrimPrefix(href, w.URL))
			require.Equal(t, 200, r.Status, string(r.Body))
			assert.Equal(t, "application/json; charset=utf-8", r.Header.Get("Content-Type"))
			assert.Regexp(t, `^public, max-age=[1-9][0-9]*$`, r.Header.Get("Cache-Control"), "cacheable")
			assert.Equal(t, "fast-path", r.Header.Get("Server-Timing"), "answered without starting Go")
			var o oembed
			require.NoError(t, json.Unmarshal(r.Body, &o))
			assert.Equal(t, "rich", o.Type)
			assert.Equal(t, "1.0", o.Version)
			assert.Equal(t, c.title, o.Title)
			assert.NotEmpty(t, o.ProviderName)
			assert.Equal(t, w.URL+"/", o.ProviderURL)
			assert.Equal(t, 640, o.Width)
			assert.Equal(t, 640, o.Height)
			assert.True(t, strings.HasPrefix(o.HTML, `<iframe id="francenum-map" src="`+c.src+`" title="`+c.frame+`" style="width:100%;height:640px;border:0"`), o.HTML)
			assert.Contains(t, o.HTML, `"francenum:height"`, "the snippet sizes the frame")
			// The thumbnail is the page's preview picture, served.
			assert.Equal(t, [2]int{1200, 630}, [2]int{o.ThumbnailW, o.ThumbnailH})
			require.True(t, strings.HasPrefix(o.Thumbnail, w.URL+"/og/"), o.Thumbnail)
			th := w.do(t, "GET", strings.TrimPrefix(o.Thumbnail, w.URL))
			assert.Equal(t, 200, th.Status)
			assert.Equal(t, "image/png", th.Header.Get("Content-Type"))

			// The embed URL it gives is a page the Worker serves.
			e := w.do(t, "GET", strings.TrimPrefix(c.src, w.URL))
			assert.Equal(t, 200, e.Status)
		})
	}

	t.Run("maxwidth and maxheight", func(t *testing.T) {
		r := w.do(t, "GET", "/oembed?url="+url.QueryEscape(w.URL+"/?metric=count")+"&maxwidth=400&maxheight=500")
		require.Equal(t, 200, r.Status, string(r.Body))
		var o oembed
		require.NoError(t, json.Unmarshal(r.Body, &o))
		assert.Equal(t, 400, o.Width)
		assert.Equal(t, 500, o.Height)
		assert.Contains(t, o.HTML, `style="width:100%;max-width:400px;height:500px;border:0"`)
	})

	t.Run("another site, xml, no url", func(t *testing.T) {
		for _, c := range []struct {
			q      string
			status int
			says   string
		}{
			{"?url=" + url.QueryEscape("https://example.com/?metric=per10k"), 404, "not a page of this map"},
			{"?url=" + url.QueryEscape(w.URL+"/app.js"), 404, "not a page of this map"},
			{"?url=" + url.QueryEscape(w.URL+"/") + "&format=xml", 501, `format "xml" is not served`},
			{"", 400, "url is missing"},
		} {
			r := w.do(t, "GET", "/oembed"+c.q)
			assert.Equal(t, c.status, r.Status, c.q)
			var o oembed
			require.NoError(t, json.Unmarshal(r.Body, &o), c.q)
			assert.Contains(t, o.Error, c.says, c.q)
		}
		assert.Equal(t, 405, w.do(t, "POST", "/oembed?url="+url.QueryEscape(w.URL+"/")).Status)
	})

	t.Run("HEAD and 304 of the page", func(t *testing.T) {
		get := w.do(t, "GET", "/?metric=per10k")
		head := w.do(t, "HEAD", "/?metric=per10k")
		assert.Equal(t, 200, head.Status)
		assert.Empty(t, head.Body)
		assert.Equal(t, get.Header.Get("Content-Type"), head.Header.Get("Content-Type"))
		checkSecurity(t, head.Header, "HEAD of the page")
		etag := get.Header.Get("ETag")
		require.NotEmpty(t, etag)
		assert.Equal(t, 304, w.do(t, "GET", "/?metric=per10k", "If-None-Match", etag).Status)
		// Another static file is still served by Static Assets alone.
		js := w.do(t, "GET", "/app.js")
		assert.Equal(t, 200, js.Status)
		assert.NotContains(t, string(js.Body), "application/json+oembed")
	})
}
