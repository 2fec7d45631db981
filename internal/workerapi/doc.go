// Package workerapi is the pure logic of the Cloudflare Worker (wasm/worker):
// configuration from wrangler vars, routing, security/CORS/cache headers,
// conditional GETs, data.gouv.fr resource resolution, the download checks
// (timeout, size cap, truncation), validation of the filtered files, the
// persisted refresh state and the /api/v1/meta document.
//
// Everything that touches the Workers runtime is behind small interfaces
// (Store, Fetcher, Background) so the whole request and refresh flow runs
// natively under `go test`; wasm/worker only adapts syumai/workers to them.
package workerapi
