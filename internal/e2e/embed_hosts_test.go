//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 25, item 3: a host page that already sizes iframes the pym.js way
// or the Datawrapper way sizes ours with no code of ours.

// pymFile is pym.js 1.3.2 as npm ships it (devDependency pym.js): the host
// server serves it from node_modules, it is never copied into the repo.
const pymFile = "node_modules/pym.js/dist/pym.v1.min.js"

// servePymJS serves the npm copy of pym.js to the host pages.
func servePymJS(w http.ResponseWriter, r *http.Request) {
	b, err := os.ReadFile(filepath.Join(env.root, pymFile))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Write(b)
}

// pymTmpl is a newsroom's page with pym.js: a column Width px wide and, in
// it, the embed panel's pym.js block (a div, then pym.Parent, which makes
// the iframe and adds initialWidth, childId, parentTitle and parentUrl to
// its URL). pym alone sizes the frame; the page only records messages.
var pymTmpl = template.Must(template.New("pym").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page hôte pym.js — ministère</title>
<style>body{margin:0;font:14px sans-serif} .col{width:{{.Width}}px}</style>
</head><body>
<script>window.__msgs = []; window.addEventListener("message", function (e) { window.__msgs.push({origin: e.origin, data: e.data, at: performance.now()}); });</script>
<div class="col"><div id="francenum-map"></div></div>
<script src="/pym.v1.min.js"></script>
<script>window.__pym = new pym.Parent("francenum-map", {{.Src}}, {title: "Carte France Num par département"});</script>
</body></html>`))

// dwTmpl is a page with a listener that does what Datawrapper's responsive
// embed script does (written here from its behaviour): a message carrying
// "datawrapper-height" sets the height of the iframe whose window sent it,
// whatever the chart id, and nothing else is checked. The iframe is the
// embed panel's Datawrapper one, starting Height px high.
var dwTmpl = template.Must(template.New("dw").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page hôte Datawrapper</title>
<style>body{margin:0;font:14px sans-serif} .col{width:{{.Width}}px}</style>
</head><body>
<div class="col"><iframe src="{{.Src}}" title="Carte France Num par département" style="width:100%;height:{{.Height}}px;border:0"></iframe></div>
<script>
window.__msgs = [];
window.addEventListener("message", function (e) {
  window.__msgs.push({origin: e.origin, data: e.data, at: performance.now()});
  var hs = e.data && e.data["datawrapper-height"];
  if (hs === undefined) return;
  var frames = document.querySelectorAll("iframe");
  for (var id in hs) for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === e.source) frames[i].style.height = hs[id] + "px";
});
</script></body></html>`))

func servePymHost(w http.ResponseWriter, r *http.Request) { serveTmpl(w, r, pymTmpl) }
func serveDWHost(w http.ResponseWriter, r *http.Request)  { serveTmpl(w, r, dwTmpl) }

func serveTmpl(w http.ResponseWriter, r *http.Request, tm *template.Template) {
	q := r.URL.Query()
	wd, _ := strconv.Atoi(q.Get("width"))
	ht, _ := strconv.Atoi(q.Get("height"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	tm.Execute(w, struct {
		Src           string
		Width, Height int
	}{q.Get("src"), wd, ht})
}

// conventionHost is one host convention under test: its page on host A
// and how its page reads a height from a message's data (a JS function
// returning the height, or null for a message that is not one).
type conventionHost struct {
	name, page, heightOf string
}

var conventionHosts = []conventionHost{
	{"pym.js", "/pym.html", `(d) => { if (typeof d !== 'string') return null;
	  const m = d.match(/^pymxPYMx(.+)xPYMxheightxPYMx(\d+)$/); return m && m[1] === window.__pym.id ? +m[2] : null; }`},
	{"datawrapper", "/datawrapper.html", `(d) => { const h = d && typeof d === 'object' && d['datawrapper-height'];
	  if (!h) return null; const v = Object.values(h); return v.length === 1 ? +v[0] : null; }`},
}

func (c conventionHost) url(width, height int) string {
	v := url.Values{}
	v.Set("src", appURL("embed=1"))
	v.Set("width", strconv.Itoa(width))
	v.Set("height", strconv.Itoa(height))
	return localhost(env.hostA.URL) + c.page + "?" + v.Encode()
}

// settled waits until the host's iframe has the height of the latest
// message of its convention from the Worker's origin and none came for a
// second; it returns that height and how many such messages came.
func (c conventionHost) settled(t *testing.T, ctx context.Context) (float64, int) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const f = document.querySelector('iframe'); if (!f) return null; const get = %s;
  const hs = window.__msgs.filter(m => m.origin === %s).map(m => ({h: get(m.data), at: m.at})).filter(m => m.h !== null);
  if (!hs.length) return null; const last = hs[hs.length - 1];
  return Math.abs(f.getBoundingClientRect().height - last.h) < 0.5 && performance.now() - last.at > 1000 ? [last.h, hs.length] : null; })()`,
		c.heightOf, jsString(env.worker.URL))
	v := poll[[]float64](t, ctx, js, "the "+c.name+" host to apply a last height, then none for 1 s", loadTimeout)
	return v[0], int(v[1])
}

// TestEmbedSizedByPymAndDatawrapperHosts embeds the map in a page with the
// real pym.js 1.3.2 from npm and in one with a Datawrapper-style listener,
// both on another origin, in columns 320, 600 and 1000 px wide. The host's
// own convention alone sizes the frame: the whole map shows, nothing cut,
// nothing to scroll inside, no notice about pym's URL parameters. Before,
// the map posted only francenum:height: pym's frame stayed at its 150 px
// and Datawrapper's at its first 400.
func TestEmbedSizedByPymAndDatawrapperHosts(t *testing.T) {
	need(t)
	b, err := os.ReadFile(filepath.Join(env.root, pymFile))
	require.NoError(t, err, "pym.js from npm (npm ci)")
	require.True(t, strings.HasPrefix(string(b), "/*! pym.js - v1.3.2 "), "the npm file is pym.js 1.3.2: %.40q", b)
	for _, c := range conventionHosts {
		t.Run(c.name, func(t *testing.T) {
			for _, w := range []int{320, 600, 1000} {
				t.Run(strconv.Itoa(w), func(t *testing.T) { conventionSettles(t, c, w) })
			}
		})
	}
}

func conventionSettles(t *testing.T, c conventionHost, w int) {
	ctx := tab(t)
	vctx, cancel := timeout(ctx, waitTimeout)
	require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(int64(w)+40, 1600)))
	cancel()
	nctx, ncancel := timeout(ctx, loadTimeout)
	require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(c.url(w, 400))))
	ncancel()
	src := eval[string](t, ctx, `document.querySelector('iframe').src`)
	if c.name == "pym.js" {
		// The premise: pym added its parameters to our URL.
		for _, k := range []string{"initialWidth=", "childId=", "parentTitle=", "parentUrl="} {
			assert.Contains(t, src, k, "pym's iframe URL")
		}
	}
	fctx := frameTab(t, ctx, env.worker.URL)
	poll[bool](t, fctx, `document.documentElement.dataset.state === 'ready' && document.querySelectorAll('#map svg [data-code][fill]').length === 101`, "the embedded map to be drawn", loadTimeout)
	h, n := c.settled(t, ctx)
	t.Logf("%s host, %d px wide: settled at %.0f px after %d height messages", c.name, w, h, n)

	f := eval[embedFit](t, fctx, embedFitJS)
	assert.InDelta(t, h, f.InnerH, 1, "the frame is as high as the height posted")
	assert.LessOrEqual(t, f.ScrollH, f.ClientH, "nothing to scroll inside the frame")
	assert.LessOrEqual(t, f.Source.B, f.InnerH+0.5, "source line inside the frame")
	assert.LessOrEqual(t, f.Legend.B, f.InnerH+0.5, "legend inside the frame")
	assert.LessOrEqual(t, f.Map.B, f.InnerH+0.5, "map inside the frame")
	assert.Equal(t, 5, f.Insets, "the five overseas insets inside the frame")
	assert.Less(t, f.InnerH-f.Source.B, 24.0, "space under the source line: the map does not float in a tall frame")
	assert.Contains(t, text(t, fctx, "#source"), "Licence Ouverte 2.0", "the embed names its source")
	// The default view embedded keeps its build-time map from the first
	// paint, pym's parameters or not (package boot): not hidden as
	// "another view" would be.
	assert.Equal(t, []any{true, false}, eval[[]any](t, fctx, `[document.documentElement.classList.contains('embed'), document.documentElement.classList.contains('has-query')]`),
		"html.embed, not html.has-query")
	notices := eval[[]any](t, fctx, `[document.getElementById('notices').hidden, document.getElementById('notices').textContent]`)
	assert.Equal(t, []any{true, ""}, notices, "no notice about the host's URL parameters")

	// No feedback loop: a second later, nothing more was sent.
	time.Sleep(time.Second)
	_, n2 := c.settled(t, ctx)
	assert.Equal(t, n, n2, "heights keep coming after the layout settled")
	screenshot(t, ctx, fmt.Sprintf("embed-%s-%d", strings.ReplaceAll(c.name, ".", ""), w))
}

// TestEmbedPanelGivesThreeWays: the embed panel gives the view's embed
// URL in our snippet, in a pym.js block and as a bare iframe for
// Datawrapper's script, each with its words, in French and in English.
func TestEmbedPanelGivesThreeWays(t *testing.T) {
	for _, c := range []struct{ lang, pym, dw string }{
		{"fr", "Page avec pym.js 1.3.2", "script d'intégration responsive de Datawrapper"},
		{"en", "Page with pym.js 1.3.2", "Datawrapper's responsive embed script"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			q := "metric=per10k"
			if c.lang == "en" {
				q += "&lang=en"
			}
			ctx := open(t, q)
			click(t, ctx, "#embed")
			src := env.worker.URL + "/?" + q + "&embed=1"
			got := poll[[]string](t, ctx, `(() => { const v = ['embed-code', 'embed-pym', 'embed-dw', 'embed-pym-help', 'embed-dw-help'].map(id => { const e = document.getElementById(id); return e.value || e.textContent; });
  return v[1] ? v : null; })()`, "the embed panel's three snippets", waitTimeout)
			assert.Contains(t, got[0], `src="`+src+`"`, "our snippet")
			assert.Contains(t, got[1], `new pym.Parent("francenum-map", "`+src+`"`, "the pym.js block")
			assert.Contains(t, got[2], `<iframe src="`+src+`"`, "the Datawrapper iframe")
			assert.NotContains(t, got[2], "<script", "Datawrapper's own script sizes it: no code of ours")
			assert.Contains(t, got[3], c.pym)
			assert.Contains(t, got[4], c.dw)
		})
	}
}

// TestOEmbedGivesTheEmbedButtonsSnippet (issue 25, item 2): the page's
// oEmbed discovery link, followed from the page itself, answers with the
// very snippet the embed button shows for that view, in its language.
func TestOEmbedGivesTheEmbedButtonsSnippet(t *testing.T) {
	for _, q := range []string{"", "ind=nb-diagnostics-individualises&metric=per10k&lang=en", "metric=count&dep=75,13"} {
		t.Run(q, func(t *testing.T) {
			ctx := open(t, q)
			click(t, ctx, "#embed")
			panel := poll[string](t, ctx, `document.getElementById('embed-code').value`, "the embed button's snippet", waitTimeout)
			got := evalAwait[[]string](t, ctx, `(async () => {
  const l = document.querySelectorAll('head link[rel=alternate][type="application/json+oembed"]');
  if (l.length !== 1) return ['links: ' + l.length, ''];
  const r = await fetch(l[0].href);
  return [l[0].href, (await r.json()).html];
})()`, waitTimeout)
			assert.Equal(t, env.worker.URL+"/oembed?url="+url.QueryEscape(appURL(q))+"&format=json", strings.ReplaceAll(got[0], "%20", "+"), "the discovery link names this view")
			assert.Equal(t, panel, got[1], "oEmbed's html is the embed button's snippet")
		})
	}
}
