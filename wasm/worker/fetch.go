//go:build js && wasm

package main

import (
	"context"
	"net/http"
	"syscall/js"

	"github.com/syumai/workers/cloudflare/fetch"

	"francenum-map/internal/workerapi"
)

// userAgent identifies the Worker to data.gouv.fr.
const userAgent = "francenum-map-worker (+https://github.com/francenum-map)"

// jsFetcher GETs through a JS fetch() owner: globalThis for the upstream
// (the default binding panics with "Illegal invocation" in standard Go),
// env.ASSETS for the build's static files.
type jsFetcher struct {
	client *fetch.Client
	base   string // prefixed to the path (ASSETS needs an absolute URL)
	// big reads bodies through bigReader (upstream files); the assets'
	// bodies are forwarded as JS streams instead.
	big bool
}

func newUpstream() *jsFetcher {
	return &jsFetcher{client: fetch.NewClient(fetch.WithBinding(js.Global().Get("globalThis"))), big: true}
}

func newAssets() workerapi.Fetcher {
	a := env().Get("ASSETS")
	if !a.Truthy() {
		return nil
	}
	return &jsFetcher{client: fetch.NewClient(fetch.WithBinding(a)), base: "https://assets.local"}
}

func (f *jsFetcher) Get(ctx context.Context, u string) (*http.Response, error) {
	req, err := fetch.NewRequest(ctx, http.MethodGet, f.base+u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", userAgent)
	// Upstream redirects come back as they are: workerapi follows them
	// itself, checking each hop against UPSTREAM_ORIGINS.
	mode := fetch.RedirectModeFollow
	if f.big {
		mode = fetch.RedirectModeManual
	}
	resp, err := f.client.Do(req, &fetch.RequestInit{Redirect: mode})
	if err != nil {
		return nil, err
	}
	if f.big {
		resp.Body = fastBody(resp.Body)
	}
	return resp, nil
}
