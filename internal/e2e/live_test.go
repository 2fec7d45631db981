//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"francenum-map/internal/browser"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLivePath: a second Worker resolves the data through a fake
// data.gouv.fr serving the mirror; the page's map is drawn from it and the
// detail.csv the page loaded says X-Data-Source: upstream.
func TestLivePath(t *testing.T) {
	s := need(t)
	fake, err := browser.StartFakeDataGouv(s.dataDir)
	require.NoError(t, err)
	defer fake.Close()
	w, err := browser.StartWrangler(context.Background(), browser.WranglerOptions{
		Root: s.root, Low: browser.E2ELow, High: browser.E2ELow + 9,
		Vars: map[string]string{"DATAGOUV_API": fake.API(), "EMBED_ORIGINS": localhost(s.hostA.URL)},
	})
	require.NoError(t, err)
	defer w.Stop()

	// The Worker fetches upstream (lazily or at start): wait for it.
	client := &http.Client{Timeout: 60 * time.Second}
	var src string
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		resp, err := client.Get(w.URL + "/api/v1/numerisation/detail.csv")
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		// "cache" once the refresh that fetched upstream has stored it
		// (a lazy refresh in waitUntil, finished between two polls on a
		// loaded machine): the data came from data.gouv.fr all the same.
		if src = resp.Header.Get("X-Data-Source"); src == "upstream" || src == "cache" {
			break
		}
	}
	require.Contains(t, []string{"upstream", "cache"}, src, "X-Data-Source of detail.csv with a reachable data.gouv.fr")
	assert.Greater(t, fake.Hits.Load(), int64(0), "the Worker fetched the fake data.gouv.fr")

	ctx := tab(t)
	var mu sync.Mutex
	headers := map[string]string{}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok && strings.Contains(e.Response.URL, "/api/v1/numerisation/") {
			mu.Lock()
			defer mu.Unlock()
			for k, v := range e.Response.Headers {
				if strings.EqualFold(k, "X-Data-Source") {
					headers[e.Response.URL] = fmt.Sprint(v)
				}
			}
		}
	}))
	_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	nctx, cancel := timeout(ctx, loadTimeout)
	defer cancel()
	require.NoError(t, chromedp.Do(nctx, chromedp.Navigate(w.URL+"/")))
	waitReady(t, ctx)
	deps := departments(t, ctx)
	assert.Len(t, deps, 101)
	mu.Lock()
	defer mu.Unlock()
	got := ""
	for u, v := range headers {
		if strings.Contains(u, "detail.csv") {
			got = v
		}
	}
	// After its first upstream fetch the Worker answers from its cache of
	// that upstream file: both say the data came from data.gouv.fr, never
	// from the build snapshot.
	assert.Contains(t, []string{"upstream", "cache"}, got, "X-Data-Source of the detail.csv the page loaded (%v)", headers)
}
