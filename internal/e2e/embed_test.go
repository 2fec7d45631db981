//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

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
		v.Set("intruder", env.hostB.URL+"/intruder.html")
	}
	return base + "/host.html?" + v.Encode()
}

// frameTarget attaches to the embed iframe (an out-of-process frame: the
// suite isolates the Worker's origin) and waits for its map.
func frameTarget(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for time.Now().Before(deadline) {
		infos, err := chromedp.Targets(ctx)
		require.NoError(t, err)
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, env.worker.URL) {
				fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID))
				t.Cleanup(cancel)
				waitReady(t, fctx)
				return fctx
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no iframe target for %s within %s", env.worker.URL, waitTimeout)
	return nil
}

func TestEmbedHeightAndSetFromAllowedOriginOnly(t *testing.T) {
	ctx := tab(t)
	nctx, cancel := timeout(ctx, loadTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(hostURL(env.hostA.URL, "embed=1", false, true))))
	workerOrigin := env.worker.URL

	h := poll[float64](t, ctx, fmt.Sprintf(`(() => { const m = window.__msgs.find(m => m.data && m.data.type === 'francenum:height' && m.origin === %s && m.data.height > 0); return m ? m.data.height : 0; })()`, jsString(workerOrigin)),
		"a francenum:height message from the embed", loadTimeout)
	assert.Greater(t, h, 100.0, "reported height")
	poll[bool](t, ctx, fmt.Sprintf(`document.getElementById('embed').getBoundingClientRect().height === %v`, h), "the host to apply the height", waitTimeout)

	fctx := frameTarget(t, ctx)
	// Compact, responsive embed: no horizontal scroll at 600 px, insets shown.
	assert.LessOrEqual(t, eval[int](t, fctx, `document.documentElement.scrollWidth`), 600, "no horizontal overflow in a 600 px iframe")
	for _, c := range []string{"971", "972", "973", "974", "976"} {
		vis := eval[bool](t, fctx, fmt.Sprintf(`(() => { const p = document.querySelector('#map svg path[data-code="%s"]'); if (!p) return false; const r = p.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right <= innerWidth + 1; })()`, c))
		assert.True(t, vis, "overseas inset %s visible in the embed", c)
	}

	// francenum:set from the allowed origin (host A) is obeyed.
	want := "per10k"
	if value(t, fctx, "metric") == want {
		want = "target"
	}
	eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById('embed').contentWindow.postMessage({type: 'francenum:set', state: {metric: %s}}, %s), true)`, jsString(want), jsString(workerOrigin)))
	poll[bool](t, fctx, fmt.Sprintf(`document.getElementById('metric').value === %s`, jsString(want)), "the embed to obey francenum:set from the allowed origin", waitTimeout)

	// The same from another origin (host B, the intruder) is ignored. The
	// allowed message sent right after it proves the embed has handled both.
	eval[bool](t, ctx, `(document.getElementById('intruder').contentWindow.postMessage({type: 'go', state: {metric: 'count', classes: '7'}}, '*'), true)`)
	poll[bool](t, ctx, `window.__intruderSent === true`, "the intruder to send its francenum:set", waitTimeout)
	other := "3"
	if value(t, fctx, "classes") == other {
		other = "4"
	}
	eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById('embed').contentWindow.postMessage({type: 'francenum:set', state: {classes: %s}}, %s), true)`, jsString(other), jsString(workerOrigin)))
	poll[bool](t, fctx, fmt.Sprintf(`document.getElementById('classes').value === %s`, jsString(other)), "the allowed follow-up francenum:set", waitTimeout)
	assert.Equal(t, want, value(t, fctx, "metric"), "francenum:set from a foreign origin must be ignored")

	// A user change inside the embed is reported as francenum:state.
	before := eval[int](t, ctx, `window.__msgs.filter(m => m.data && m.data.type === 'francenum:state').length`)
	setControl(t, fctx, "scheme", "equal")
	poll[bool](t, ctx, fmt.Sprintf(`window.__msgs.filter(m => m.data && m.data.type === 'francenum:state' && m.origin === %s).length > %d`, jsString(workerOrigin), before),
		"a francenum:state message after a user change", waitTimeout)
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
