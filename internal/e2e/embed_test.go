//go:build e2e

package e2e

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostTmpl is a ministry's page embedding the map: it records every message
// and applies francenum:height to the iframe (unless fixed=1, used for the
// 600×500 screenshot). A second, tiny iframe from another origin (the
// intruder) tries francenum:set when told to.
var hostTmpl = template.Must(template.New("host").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page hôte</title>
<style>body{margin:0;font:14px sans-serif} #embed{border:0;width:{{.Width}}px;height:{{.Height}}px;display:block}</style>
</head><body>
<iframe id="embed" title="Carte France Num" src="{{.Src}}"></iframe>
{{if .Intruder}}<iframe id="intruder" title="autre origine" src="{{.Intruder}}" style="width:10px;height:10px;border:0"></iframe>{{end}}
<script>
window.__msgs = [];
window.addEventListener('message', (e) => {
  window.__msgs.push({origin: e.origin, data: e.data});
  const f = document.getElementById('embed');
  if (e.data && e.data.type === 'intruder-sent') window.__intruderSent = true;
  if ({{.Fixed}} || !e.data || e.data.type !== 'francenum:height' || e.source !== f.contentWindow) return;
  f.style.height = e.data.height + 'px';
});
</script></body></html>`))

func serveHost(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := struct {
		Src, Intruder template.URL
		Width, Height string
		Fixed         bool
	}{template.URL(q.Get("src")), template.URL(q.Get("intruder")), "600", "500", q.Get("fixed") == "1"}
	if q.Get("width") != "" {
		data.Width = q.Get("width")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	hostTmpl.Execute(w, data)
}

// The intruder page, on another origin, posts francenum:set to its sibling
// (the embed) when its parent says go, then tells the parent it did.
func serveIntruder(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>intrus</title></head><body><script>
window.addEventListener('message', (e) => {
  if (!e.data || e.data.type !== 'go') return;
  parent.frames[0].postMessage({type: 'francenum:set', state: e.data.state}, '*');
  parent.postMessage({type: 'intruder-sent'}, '*');
});
</script></body></html>`)
}

func hostURL(base string, embedQuery string, fixed bool, intruder bool) string {
	v := url.Values{}
	v.Set("src", appURL(embedQuery))
	if fixed {
		v.Set("fixed", "1")
	}
	if intruder {
		v.Set("intruder", localhost(env.hostB.URL)+"/intruder.html")
	}
	return localhost(base) + "/host.html?" + v.Encode()
}

// stateJS finds the last francenum:state the host received from the
// Worker's origin whose state satisfies cond (a JS expression over st).
func stateJS(cond string) string {
	return fmt.Sprintf(`(() => { const ms = window.__msgs.filter(m => m.origin === %s && m.data && m.data.type === 'francenum:state');
	  for (let i = ms.length - 1; i >= 0; i--) { const st = ms[i].data.state || {}; if (%s) return st; } return null; })()`, jsString(env.worker.URL), cond)
}

type embedState struct {
	Ind     string   `json:"ind"`
	Metric  string   `json:"metric"`
	Date    string   `json:"date"`
	Scheme  string   `json:"scheme"`
	Classes any      `json:"classes"`
	Dep     []string `json:"dep"`
}

// The embed is driven only through its documented postMessage protocol,
// as a ministry's page would: its state is read from francenum:state.
func TestEmbedHeightAndSetFromAllowedOriginOnly(t *testing.T) {
	ctx := tab(t)
	nctx, cancel := timeout(ctx, loadTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(hostURL(env.hostA.URL, "embed=1", false, true))))
	workerOrigin := env.worker.URL

	h := poll[float64](t, ctx, fmt.Sprintf(`(() => { const m = window.__msgs.find(m => m.data && m.data.type === 'francenum:height' && m.origin === %s && m.data.height > 0); return m ? m.data.height : 0; })()`, jsString(workerOrigin)),
		"a francenum:height message from the embed", loadTimeout)
	assert.Greater(t, h, 100.0, "reported height")
	// The host applies the latest height (the embed may report several while
	// its layout settles).
	poll[bool](t, ctx, fmt.Sprintf(`(() => { const hs = window.__msgs.filter(m => m.data && m.data.type === 'francenum:height' && m.origin === %s);
	  return hs.length > 0 && Math.abs(document.getElementById('embed').getBoundingClientRect().height - hs[hs.length - 1].data.height) < 1; })()`, jsString(workerOrigin)),
		"the host page to apply the latest francenum:height", waitTimeout)

	st := poll[embedState](t, ctx, stateJS("true"), "a first francenum:state from the embed", loadTimeout)
	assert.Equal(t, cheques, st.Ind)

	// francenum:set from the allowed origin (host A) is obeyed.
	want := "per10k"
	if st.Metric == want {
		want = "target"
	}
	// A host sends a whole state: the last one it received, changed.
	eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById('embed').contentWindow.postMessage({type: 'francenum:set', state: {...%s, metric: %s}}, %s), true)`, stateJS("true"), jsString(want), jsString(workerOrigin)))
	poll[embedState](t, ctx, stateJS(fmt.Sprintf("st.metric === %s", jsString(want))), "the embed to obey francenum:set from the allowed origin", waitTimeout)

	// The same from another origin (the intruder on host B) is ignored. The
	// allowed message sent right after it proves the embed has handled both.
	eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById('intruder').contentWindow.postMessage({type: 'go', state: {...%s, metric: 'count', scheme: 'equal'}}, '*'), true)`, stateJS("true")))
	poll[bool](t, ctx, `window.__intruderSent === true`, "the intruder to send its francenum:set", waitTimeout)
	eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById('embed').contentWindow.postMessage({type: 'francenum:set', state: {...%s, classes: 3}}, %s), true)`, stateJS("true"), jsString(workerOrigin)))
	got := poll[embedState](t, ctx, stateJS("String(st.classes) === '3'"), "the allowed follow-up francenum:set", waitTimeout)
	assert.Equal(t, want, got.Metric, "francenum:set from a foreign origin must be ignored (metric)")
	assert.NotEqual(t, "equal", got.Scheme, "francenum:set from a foreign origin must be ignored (scheme)")
	n := eval[int](t, ctx, fmt.Sprintf(`window.__msgs.filter(m => m.origin === %s && m.data && m.data.type === 'francenum:state' && m.data.state && m.data.state.metric === 'count').length`, jsString(workerOrigin)))
	assert.Zero(t, n, "no state ever reflected the foreign francenum:set")

	// A user change inside the embed (a click on the Cher) is reported as
	// francenum:state. The click point comes from the same embed laid out
	// alone at the iframe's size.
	fh := eval[float64](t, ctx, `document.getElementById('embed').getBoundingClientRect().height`)
	x, y := deptCenter(t, appURL("embed=1&metric="+want+"&classes=3"), 600, int64(fh), "18")
	cctx, ccancel := timeout(ctx, waitTimeout)
	defer ccancel()
	require.NoError(t, chromedp.Do(cctx, chromedp.MouseClickXY(x, y)))
	poll[embedState](t, ctx, stateJS(`(st.dep || []).includes('18')`), "a francenum:state after a click on a department in the embed", waitTimeout)
}

// deptCenter opens url alone in a w×h viewport and returns the centre of a
// department's shape.
func deptCenter(t *testing.T, url string, w, h int64, code string) (float64, float64) {
	t.Helper()
	ctx := tab(t)
	vctx, cancel := timeout(ctx, waitTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(w, h)))
	navigate(t, ctx, url)
	pt := eval[[]float64](t, ctx, fmt.Sprintf(`(() => { const r = document.querySelector('#map svg path[data-code="%s"]').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`, code))
	require.Len(t, pt, 2)
	return pt[0], pt[1]
}

// The embed alone, at an iframe's widths: no horizontal scroll, the five
// overseas insets visible even at 320 px.
func TestEmbedLayout(t *testing.T) {
	for _, w := range []int64{600, 320} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx := tab(t)
			vctx, cancel := timeout(ctx, waitTimeout)
			defer cancel()
			require.NoError(t, chromedp.Do(vctx, chromedp.EmulateViewport(w, 500)))
			navigate(t, ctx, appURL("embed=1"))
			assert.LessOrEqual(t, eval[int64](t, ctx, `document.documentElement.scrollWidth`), w, "no horizontal overflow")
			for _, c := range []string{"971", "972", "973", "974", "976"} {
				vis := eval[bool](t, ctx, fmt.Sprintf(`(() => { const p = document.querySelector('#map svg path[data-code="%s"]'); if (!p) return false; const r = p.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth + 1; })()`, c))
				assert.True(t, vis, "overseas inset %s visible at %d px", c, w)
			}
		})
	}
}

func TestEmbedCodeSnippet(t *testing.T) {
	ctx := open(t, "")
	requireHook(t, ctx, "#embed")
	click(t, ctx, "#embed")
	code := poll[string](t, ctx, `(() => { const e = document.getElementById('embed-code'); if (!e) return ''; return (e.value || e.textContent || '').trim(); })()`,
		"#embed-code to show the snippet", waitTimeout)
	assert.Contains(t, code, "<iframe")
	assert.Contains(t, code, "embed=1")
	assert.Contains(t, code, "francenum:height")
}
