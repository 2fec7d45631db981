// Package browser starts the processes that the end-to-end tests and the
// benchmark harness share: Debian's Chromium driven by chromedp, the Worker
// under `wrangler dev`, a fake data.gouv.fr and a small static file server.
// Every process runs in its own process group and is stopped by its id.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ChromePath returns the Chromium binary: $CHROME_PATH, else Debian's
// /usr/bin/chromium, else whatever chromium/chrome is on PATH.
func ChromePath() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("browser: no Chromium found (install Debian's chromium or set CHROME_PATH)")
}

// ChromeOptions configures one browser process.
type ChromeOptions struct {
	// UserDataDir is the profile folder; empty means a fresh temporary one,
	// removed when the browser stops (a cold start).
	UserDataDir string
	// Width and Height of the window (default 1280×800).
	Width, Height int
	// Flags are extra command-line switches.
	Flags map[string]any
}

// NewChrome starts Chromium with the project's flags (headless, no sandbox,
// no GPU, no background networking, no component update, no sync, no first
// run) and returns a chromedp context whose first tab is open. The browser
// lives until cancel is called. Derive per-step timeouts from the returned
// context, never put one on parent: it would stop the browser.
func NewChrome(parent context.Context, o ChromeOptions) (context.Context, context.CancelFunc, error) {
	path, err := ChromePath()
	if err != nil {
		return nil, nil, err
	}
	if o.Width == 0 {
		o.Width, o.Height = 1280, 800
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(o.Width, o.Height),
	)
	if o.UserDataDir != "" {
		opts = append(opts, chromedp.UserDataDir(o.UserDataDir))
	}
	for k, v := range o.Flags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	actx, acancel := chromedp.NewExecAllocator(parent, opts...)
	ctx, ccancel := chromedp.NewContext(actx)
	// Start the browser now, with a context free of timeouts.
	if err := chromedp.Do(ctx); err != nil {
		ccancel()
		acancel()
		return nil, nil, fmt.Errorf("browser: start %s: %w", path, err)
	}
	return ctx, func() { ccancel(); acancel() }, nil
}
