//go:build js && wasm

// Command worker is the Cloudflare Worker (syumai/workers, standard Go):
// a thin shell that adapts the Workers runtime (env vars, Cache API or KV,
// fetch, the ASSETS binding, waitUntil, Cron Triggers) to the pure logic of
// internal/workerapi. Static Assets serve everything but /api/* and /healthz.
package main

import (
	"context"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/cron"

	"francenum-map/internal/workerapi"
)

func main() {
	// A refresh holds the split detail file: collect sooner than Go's
	// default pacing would (see workerapi.MemoryLimit).
	debug.SetMemoryLimit(workerapi.MemoryLimit)
	cfg, cfgErr := workerapi.LoadConfig(cloudflare.Getenv)
	store, storeName := newStore()
	svc := &workerapi.Service{
		Config:     cfg,
		ConfigErr:  cfgErr,
		Store:      store,
		StoreName:  storeName,
		Persistent: storeName == "kv",
		Upstream:   newUpstream(),
		Assets:     newAssets(),
		Now:        time.Now,
		Background: background,
		HeadBody:   true,
	}
	workers.ServeNonBlock(svc)
	cron.ScheduleTaskNonBlock(func(ctx context.Context) error {
		// The refresh runs to its end inside the scheduled event; a failed
		// refresh is recorded in the state (and /api/v1/meta), never fatal.
		bg := *svc
		bg.Background = nil
		if err := bg.Refresh(ctx); err != nil {
			os.Stderr.WriteString("francenum-map: scheduled refresh: " + err.Error() + "\n")
		}
		return nil
	})
	workers.Ready()
	<-workers.Done()
	// Done closes when the response body has been read; work handed to
	// waitUntil must still finish before the Go program ends.
	pending.Wait()
}

// pending counts the tasks running in ctx.waitUntil.
var pending sync.WaitGroup

// background runs f after the response, keeping the event alive meanwhile.
func background(f func()) {
	pending.Add(1)
	cloudflare.WaitUntil(func() {
		defer pending.Done()
		f()
	})
}
