package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/workerapi"
)

// TestRun: _headers carries the very CSP the Go routes send for the same
// EMBED_ORIGINS, and an invalid value writes nothing.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	for _, v := range []string{"*", "https://a.fr http://localhost:8080"} {
		out := filepath.Join(dir, "ok", "_headers")
		require.NoError(t, run(out, v, ""), v)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		cfg, err := workerapi.LoadConfig(func(k string) string { return map[string]string{"EMBED_ORIGINS": v}[k] })
		require.NoError(t, err)
		assert.Contains(t, string(b), "\n  Content-Security-Policy: "+workerapi.CSP(cfg.EmbedOrigins)+"\n", v)
	}
	for _, v := range []string{"https://a.fr; script-src *", "https://a.fr'", "https://A.fr", "'self'"} {
		out := filepath.Join(dir, "bad", "_headers")
		err := run(out, v, "")
		require.Error(t, err, v)
		assert.True(t, strings.HasPrefix(err.Error(), "EMBED_ORIGINS: "), err.Error())
		_, statErr := os.Stat(out)
		assert.True(t, os.IsNotExist(statErr), "no _headers written for %q", v)
		_, err = workerapi.LoadConfig(func(k string) string { return map[string]string{"EMBED_ORIGINS": v}[k] })
		assert.ErrorContains(t, err, "EMBED_ORIGINS", "the Worker reports it too")
	}
	require.NoError(t, run(filepath.Join(dir, "repo", "_headers"), "", filepath.Join("..", "..", "wrangler.jsonc")))
}
