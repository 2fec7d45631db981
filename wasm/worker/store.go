//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"syscall/js"

	"francenum-map/internal/workerapi"
)

// KVBinding is the KV namespace binding, the store of record: data and
// state persist across colos and on *.workers.dev (where the Cache API is a
// no-op). The Cache API is a read-through in front of it (readThrough).
const KVBinding = "DATA_KV"

// mutableTTL is how long a state or fast record copied from KV stays in a
// colo's Cache API (KV itself is eventually consistent over about as long);
// data keys never change (upstream URL and date in the key): a year.
const mutableTTL, dataTTL = 60, 31536000

// cacheName is the Cache API cache holding the filtered files and state.
const cacheName = "francenum-map"

// cacheKeyBase turns store keys into the URLs the Cache API needs.
const cacheKeyBase = "https://francenum-map.cache/"

func newStore() (workerStore, string) {
	if kv := env().Get(KVBinding); kv.Truthy() {
		return forgetting{&readThrough{kv: &kvStore{ns: kv}, cache: &cacheStore{ttl: ttlOf}}}, "kv"
	}
	return forgetting{&cacheStore{ttl: func(string) int { return dataTTL }}}, "cache"
}

func ttlOf(key string) int {
	if strings.HasPrefix(key, "v2/data/") {
		return dataTTL
	}
	return mutableTTL
}

// readThrough reads the Cache API first, then KV (copying the value into
// the cache); writes and deletes go to both, KV first.
type readThrough struct {
	kv    *kvStore
	cache *cacheStore
}

func (s *readThrough) Get(ctx context.Context, key string) ([]byte, bool, error) {
	if b, ok, err := s.cache.Get(ctx, key); err == nil && ok {
		return b, true, nil
	}
	b, ok, err := s.kv.Get(ctx, key)
	if err == nil && ok {
		_ = s.cache.Put(ctx, key, b)
	}
	return b, ok, err
}

func (s *readThrough) Open(ctx context.Context, key string) (io.ReadCloser, bool, error) {
	if rc, ok, err := s.cache.Open(ctx, key); err == nil && ok {
		return rc, true, nil
	}
	b, ok, err := s.Get(ctx, key)
	if err != nil || !ok {
		return nil, false, err
	}
	return io.NopCloser(bytes.NewReader(b)), true, nil
}

func (s *readThrough) Put(ctx context.Context, key string, value []byte) error {
	if err := s.kv.Put(ctx, key, value); err != nil {
		return err
	}
	return s.cache.Put(ctx, key, value)
}

func (s *readThrough) Delete(ctx context.Context, key string) error {
	err := s.kv.Delete(ctx, key)
	_ = s.cache.Delete(ctx, key)
	return err
}

// workerStore is a workerapi.StreamStore as well as a workerapi.Store.
type workerStore interface {
	workerapi.Store
	workerapi.StreamStore
}

func env() js.Value {
	return js.Global().Get("context").Get("env")
}

// await waits for a JS promise (Go wasm parks the goroutine meanwhile).
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	var ok, fail js.Func
	ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: errors.New(js.Global().Get("String").Invoke(args[0]).String())}
		return nil
	})
	p.Call("then", ok, fail)
	r := <-ch
	ok.Release()
	fail.Release()
	return r.v, r.err
}

func toUint8Array(b []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

func fromArrayBuffer(buf js.Value) []byte {
	a := js.Global().Get("Uint8Array").New(buf)
	b := make([]byte, a.Get("length").Int())
	js.CopyBytesToGo(b, a)
	return b
}

type cacheStore struct {
	c   js.Value
	ttl func(key string) int // max-age of a stored key, in seconds
}

func (s *cacheStore) cache() (js.Value, error) {
	if s.c.Truthy() {
		return s.c, nil
	}
	c, err := await(js.Global().Get("caches").Call("open", cacheName))
	if err != nil {
		return js.Value{}, err
	}
	s.c = c
	return c, nil
}

func (s *cacheStore) Get(_ context.Context, key string) ([]byte, bool, error) {
	c, err := s.cache()
	if err != nil {
		return nil, false, err
	}
	resp, err := await(c.Call("match", cacheKeyBase+key))
	if err != nil || !resp.Truthy() {
		return nil, false, err
	}
	buf, err := await(resp.Call("arrayBuffer"))
	if err != nil {
		return nil, false, err
	}
	return fromArrayBuffer(buf), true, nil
}

// Open returns the cached Response's body stream (see rawBody).
func (s *cacheStore) Open(_ context.Context, key string) (io.ReadCloser, bool, error) {
	c, err := s.cache()
	if err != nil {
		return nil, false, err
	}
	resp, err := await(c.Call("match", cacheKeyBase+key))
	if err != nil || !resp.Truthy() || !resp.Get("body").Truthy() {
		return nil, false, err
	}
	return &rawBody{stream: resp.Get("body")}, true, nil
}

func (s *cacheStore) Put(_ context.Context, key string, value []byte) error {
	c, err := s.cache()
	if err != nil {
		return err
	}
	init := js.Global().Get("Object").New()
	h := js.Global().Get("Object").New()
	// The Worker decides freshness itself: alone, the cache keeps keys a
	// year (eviction is the only expiry); in front of KV, see ttlOf.
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(s.ttl(key)))
	h.Set("Content-Type", "application/octet-stream")
	init.Set("headers", h)
	resp := js.Global().Get("Response").New(toUint8Array(value), init)
	_, err = await(c.Call("put", cacheKeyBase+key, resp))
	return err
}

func (s *cacheStore) Delete(_ context.Context, key string) error {
	c, err := s.cache()
	if err != nil {
		return err
	}
	_, err = await(c.Call("delete", cacheKeyBase+key))
	return err
}

type kvStore struct{ ns js.Value }

func (s *kvStore) Get(_ context.Context, key string) ([]byte, bool, error) {
	v, err := await(s.ns.Call("get", key, "arrayBuffer"))
	if err != nil || v.IsNull() || v.IsUndefined() {
		return nil, false, err
	}
	return fromArrayBuffer(v), true, nil
}

// Open returns the KV value as a stream (see rawBody).
func (s *kvStore) Open(_ context.Context, key string) (io.ReadCloser, bool, error) {
	v, err := await(s.ns.Call("get", key, "stream"))
	if err != nil || v.IsNull() || v.IsUndefined() {
		return nil, false, err
	}
	return &rawBody{stream: v}, true, nil
}

func (s *kvStore) Put(_ context.Context, key string, value []byte) error {
	_, err := await(s.ns.Call("put", key, toUint8Array(value)))
	return err
}

func (s *kvStore) Delete(_ context.Context, key string) error {
	_, err := await(s.ns.Call("delete", key))
	return err
}
