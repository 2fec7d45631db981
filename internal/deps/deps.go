//go:build deps

// Package deps pins the modules that several packages share, so that
// `go mod tidy` keeps them while the packages that use them are written in
// parallel. It is never built (the deps tag is never set).
package deps

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/paulmach/orb"
	_ "github.com/paulmach/orb/encoding/wkb"
	_ "github.com/paulmach/orb/geojson"
	_ "github.com/paulmach/orb/planar"
	_ "github.com/paulmach/orb/simplify"
	_ "github.com/syumai/workers"
	_ "github.com/syumai/workers/cloudflare/fetch"
)
