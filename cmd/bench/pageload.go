package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"francenum-map/internal/browser"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// installObserver makes every new document of the tab run observerJS first.
func installObserver(ctx context.Context) error {
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: observerJS})
	return err
}

// pollPage evaluates js on the page every 20 ms until done accepts its
// value (or returns an error), for at most timeout. It polls from Go with
// Runtime.evaluate on the main frame: chromedp.Poll can keep a stale
// execution context across a reload. what says what did not happen in the timeout's
// error, with the last evaluation error.
func pollPage[T any](ctx context.Context, js, what string, timeout time.Duration, done func(T) (bool, error)) (T, error) {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, 10*time.Second)
		v, err := chromedp.Run(ectx, chromedp.Evaluate[T](js))
		cancel()
		if err != nil {
			last = err
		} else if ok, err := done(v); err != nil || ok {
			return v, err
		}
		if ctx.Err() != nil {
			var zero T
			return zero, ctx.Err()
		}
		time.Sleep(20 * time.Millisecond)
	}
	var zero T
	return zero, fmt.Errorf("%s within %s (last error: %v)", what, timeout, last)
}

// waitColored waits for the observer's mark and returns it in ms.
func waitColored(ctx context.Context, timeout time.Duration) (float64, error) {
	return pollPage(ctx, coloredPoll, "map not coloured", timeout, func(v float64) (bool, error) {
		if v < 0 {
			msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('[role=alert]')||{}).textContent || (document.body && document.body.dataset.error) || 'error state'`))
			return false, fmt.Errorf("page failed: %s", strings.TrimSpace(msg))
		}
		return v > 0, nil
	})
}

// navColdWarm starts a browser with a fresh profile, loads url and returns
// the cold load's timeline (timelineJS), then reloads and returns the warm
// one.
func navColdWarm(parent context.Context, url string) (cold, warm map[string]float64, err error) {
	ctx, cancel, err := browser.NewChrome(parent, browser.ChromeOptions{})
	if err != nil {
		return nil, nil, err
	}
	defer cancel()
	if err := installObserver(ctx); err != nil {
		return nil, nil, err
	}
	nctx, ncancel := context.WithTimeout(ctx, 60*time.Second)
	defer ncancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
		return nil, nil, fmt.Errorf("navigate %s: %w", url, err)
	}
	if cold, err = loadTimeline(ctx); err != nil {
		return nil, nil, fmt.Errorf("%s cold: %w", url, err)
	}
	if err := chromedp.Do(nctx, chromedp.Reload()); err != nil {
		return nil, nil, fmt.Errorf("reload %s: %w", url, err)
	}
	if warm, err = loadTimeline(ctx); err != nil {
		return nil, nil, fmt.Errorf("%s warm: %w", url, err)
	}
	return cold, warm, nil
}

// loadTimeline waits for the coloured map and reads the load's timeline,
// with coloredPaint derived from its marks.
func loadTimeline(ctx context.Context) (map[string]float64, error) {
	if _, err := waitColored(ctx, 60*time.Second); err != nil {
		return nil, err
	}
	t, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](timelineJS))
	if err != nil {
		return nil, err
	}
	if p, ok := ColoredPaint(t["fcp"], t["mapAt"], t["mapPaintAt"]); ok {
		t["coloredPaint"] = p
	}
	return t, nil
}

// firstLoad loads url cold with the network domain on, waits for the map and
// for the network to be idle for 500 ms, and measures every response.
func firstLoad(parent context.Context, url string) (FirstLoad, error) {
	var fl FirstLoad
	ctx, cancel, err := browser.NewChrome(parent, browser.ChromeOptions{})
	if err != nil {
		return fl, err
	}
	defer cancel()
	type req struct {
		url      string
		finished bool
		failed   bool
		transfer int64
	}
	var mu sync.Mutex
	reqs := map[network.RequestID]*req{}
	order := []network.RequestID{}
	last := time.Now()
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if _, ok := reqs[e.RequestID]; !ok {
				order = append(order, e.RequestID)
			}
			reqs[e.RequestID] = &req{url: e.Request.URL}
			last = time.Now()
		case *network.EventLoadingFinished:
			if r := reqs[e.RequestID]; r != nil {
				r.finished, r.transfer = true, int64(e.EncodedDataLength)
			}
			last = time.Now()
		case *network.EventLoadingFailed:
			if r := reqs[e.RequestID]; r != nil {
				r.failed = true
			}
			last = time.Now()
		}
	}); err != nil {
		return fl, err
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return fl, err
	}
	if err := installObserver(ctx); err != nil {
		return fl, err
	}
	nctx, ncancel := context.WithTimeout(ctx, 60*time.Second)
	defer ncancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
		return fl, err
	}
	if _, err := waitColored(ctx, 60*time.Second); err != nil {
		return fl, err
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		mu.Lock()
		pending := 0
		for _, r := range reqs {
			if !r.finished && !r.failed {
				pending++
			}
		}
		idle := time.Since(last)
		mu.Unlock()
		if pending == 0 && idle > 500*time.Millisecond {
			break
		}
	}
	mu.Lock()
	ids := append([]network.RequestID(nil), order...)
	mu.Unlock()
	for _, id := range ids {
		mu.Lock()
		r := *reqs[id]
		mu.Unlock()
		if !r.finished || strings.HasPrefix(r.url, "data:") {
			continue
		}
		body, err := responseBody(ctx, id, r.url)
		if err != nil {
			return fl, fmt.Errorf("body of %s: %w", r.url, err)
		}
		br, err := BrotliLen(body)
		if err != nil {
			return fl, err
		}
		fl.Resources = append(fl.Resources, Resource{URL: r.url, Raw: int64(len(body)), Brotli: br, Transfer: r.transfer})
		fl.Raw += int64(len(body))
		fl.Brotli += br
		fl.Transfer += r.transfer
	}
	return fl, nil
}

// responseBody asks the browser for a response body, and falls back to
// fetching the same URL again (same server, same bytes) when the browser
// kept none (e.g. a streamed wasm compile).
func responseBody(ctx context.Context, id network.RequestID, url string) ([]byte, error) {
	res, err := chromedp.Call(ctx, network.GetResponseBody, network.GetResponseBodyParams{RequestID: id})
	if err == nil {
		return res.Body, nil // cdproto already decoded base64 bodies
	}
	resp, err2 := http.Get(url)
	if err2 != nil {
		return nil, fmt.Errorf("%v; refetch: %w", err, err2)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
