//go:build js && wasm

package main

import (
	"context"
	"strings"
	"syscall/js"

	"francenum-map/internal/workerapi"
)

// forgetting is the Worker's store as Go sees it: after a write or delete
// of a fast record (workerapi.FastKeyPrefix), it tells the entry script
// (globalThis.francenumFastForget, set by entry.mjs), which drops the
// records fast.mjs holds in this isolate's memory. A new version stored
// here is then replayed from the next request on, not up to fast.mjs's
// HOLD_MS later.
type forgetting struct{ workerStore }

func (s forgetting) Put(ctx context.Context, key string, value []byte) error {
	defer forgetFast(key) // even after an error: KV may hold the new value
	return s.workerStore.Put(ctx, key, value)
}

func (s forgetting) Delete(ctx context.Context, key string) error {
	defer forgetFast(key)
	return s.workerStore.Delete(ctx, key)
}

func forgetFast(key string) {
	if !strings.HasPrefix(key, workerapi.FastKeyPrefix) {
		return
	}
	if f := js.Global().Get("francenumFastForget"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
}
