package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFloorHandler(t *testing.T) {
	web := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(web, "index.html"),
		[]byte(`<head><link id="fn-wasm" rel="preload" href="/h/app.0123456789abcdef.wasm" as="fetch"></head>`), 0o644))
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "app "+r.URL.Path) })
	h, err := floorHandler(web, app)
	require.NoError(t, err)
	get := func(p string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		return rec.Body.String()
	}
	assert.Contains(t, get("/floor.js"), `fetch("/h/app.0123456789abcdef.wasm")`, "the app's hashed wasm")
	assert.Contains(t, get(floorPage), `<script src="/wasm_exec.js"></script><script src="/floor.js"></script>`)
	assert.Equal(t, "app /h/app.0123456789abcdef.wasm", get("/h/app.0123456789abcdef.wasm"), "the rest is the app's server")

	require.NoError(t, os.WriteFile(filepath.Join(web, "index.html"), []byte(`<head></head>`), 0o644))
	_, err = floorHandler(web, app)
	assert.ErrorContains(t, err, "no fn-wasm link")
}

func TestFloorMarkdown(t *testing.T) {
	r := newReport()
	assert.Empty(t, floorMarkdown(r), "nothing without a floor")
	r.Floor[FloorCompiledCold], r.Floor[FloorGoCold] = Summarise([]float64{500}), Summarise([]float64{600})
	r.Floor[FloorCompiledWarm], r.Floor[FloorGoWarm] = Summarise([]float64{300}), Summarise([]float64{400})
	r.PeerRatios["static_br"] = map[string]PeerRatio{InteractiveWarmM: {Best: 350, BestPeer: DSFRStatic}}
	md := floorMarkdown(r)
	assert.Contains(t, md, "| warm | 300")
	assert.Contains(t, md, "350 ms (dsfr_static) | 1.14× |", "Go started over the best peer's interactive")
	assert.Contains(t, md, "| cold | 500", "cold without a peer figure")
	assert.Contains(t, md, "| — | — |")
}
