// Package e2e holds the end-to-end tests of francenum-map (build tag e2e):
// the real Worker under `wrangler dev` serving the real build, driven in
// Debian's Chromium with chromedp, checked against the DOM contract of
// docs/DESIGN.md. Run with `make e2e` (it builds first) or
//
//	go test -count=1 -tags e2e -timeout 30m ./internal/e2e/...
//
// Screenshots of every run land in build/e2e/. E2E_SEED fixes the seed of
// the data-truth sample (the seed used is logged).
package e2e
