//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"francenum-map/internal/browser"
	"francenum-map/internal/datadir"

	"github.com/chromedp/chromedp"
)

// suite is what TestMain starts once for every test.
type suite struct {
	root, dataDir string
	worker        *browser.Wrangler
	hostA, hostB  *browser.StaticServer // two more origins for the embed tests
	browserCtx    context.Context
	downloads     *downloads
	shotsDir      string
	err           error
}

var env suite

// setupErr makes every test fail with the cause when the suite could not
// start (no build, no Chromium…), instead of one opaque exit.
func need(t *testing.T) *suite {
	t.Helper()
	if env.err != nil {
		t.Fatalf("e2e suite setup failed: %v", env.err)
	}
	return &env
}

func TestMain(m *testing.M) {
	var stops []func()
	env.err = setup(&stops)
	code := m.Run()
	for i := len(stops) - 1; i >= 0; i-- {
		stops[i]()
	}
	os.Exit(code)
}

func setup(stops *[]func()) error {
	root, err := datadir.RepoRoot()
	if err != nil {
		return err
	}
	env.root = root
	if env.dataDir, err = datadir.Find(); err != nil {
		return err
	}
	env.shotsDir = filepath.Join(root, "build", "e2e")
	if err := os.MkdirAll(env.shotsDir, 0o755); err != nil {
		return err
	}
	// Host pages first: the Worker's EMBED_ORIGINS must name host A.
	hostMux := http.NewServeMux()
	hostMux.HandleFunc("/host.html", serveHost)
	hostMux.HandleFunc("/intruder.html", serveIntruder)
	hostMux.HandleFunc("/snippet.html", serveSnippet)
	hostMux.HandleFunc("/pym.html", servePymHost)
	hostMux.HandleFunc("/pym.v1.min.js", servePymJS)
	hostMux.HandleFunc("/datawrapper.html", serveDWHost)
	if env.hostA, err = browser.StartStatic(browser.E2ELow+10, browser.E2EHigh, hostMux); err != nil {
		return err
	}
	*stops = append(*stops, func() { env.hostA.Close() })
	if env.hostB, err = browser.StartStatic(browser.E2ELow+10, browser.E2EHigh, hostMux); err != nil {
		return err
	}
	*stops = append(*stops, func() { env.hostB.Close() })
	// Snapshot data: upstream points at a loopback port where nothing
	// listens, so the Worker falls back at once, offline.
	dead, err := browser.FreePort(browser.FakeGouvLow, browser.FakeGouvHi)
	if err != nil {
		return err
	}
	env.worker, err = browser.StartWrangler(context.Background(), browser.WranglerOptions{
		Root: root, Low: browser.E2ELow, High: browser.E2ELow + 9,
		Vars: map[string]string{
			"DATAGOUV_API":  fmt.Sprintf("http://127.0.0.1:%d/api/1", dead),
			"EMBED_ORIGINS": localhost(env.hostA.URL),
		},
	})
	if err != nil {
		return err
	}
	*stops = append(*stops, func() { env.worker.Stop() })
	// Host pages are served as http://localhost:…, the Worker as
	// http://127.0.0.1:…: two sites, so with site isolation the embed iframe
	// is a target of its own that the tests attach to (embed_test.go).
	ctx, cancel, err := browser.NewChrome(context.Background(), browser.ChromeOptions{
		Flags: map[string]any{"site-per-process": true},
	})
	if err != nil {
		return err
	}
	*stops = append(*stops, cancel)
	env.browserCtx = ctx
	if env.downloads, err = newDownloads(ctx); err != nil {
		return err
	}
	*stops = append(*stops, func() { os.RemoveAll(env.downloads.dir) })
	return nil
}

// localhost names a loopback server by "localhost", another site than
// 127.0.0.1 for the browser.
func localhost(u string) string { return strings.Replace(u, "127.0.0.1", "localhost", 1) }

// appURL is the Worker's address of the app with a query string.
func appURL(query string) string {
	if query == "" {
		return env.worker.URL + "/"
	}
	return env.worker.URL + "/?" + strings.TrimPrefix(query, "?")
}

// tab opens a new tab in the shared browser, closed at the end of the test.
func tab(t *testing.T) context.Context {
	t.Helper()
	s := need(t)
	ctx, cancel := chromedp.NewContext(s.browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return ctx
}

// timeout derives a bounded context for one step.
func timeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, d)
}
