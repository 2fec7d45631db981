//go:build !js

package carto

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The browser-side packages must stay lean: no encoding/json, orb/geojson
// (which also drags mongo-driver's bson), net/http, and no direct fmt.
// (orb itself imports fmt, so fmt is in the dependency graph through orb,
// but our packages do not add it.) Checked with the Go tool for the wasm
// target; compiled natively only, since tests under js/wasm cannot run the
// go command.
func TestBrowserPackagesStayLean(t *testing.T) {
	pkgs := []string{"francenum-map/internal/geoasset", "francenum-map/internal/carto"}
	cmd := exec.Command("go", append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)...)
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err, "go list: %s", out)
	deps := strings.Fields(string(out))
	assert.Contains(t, deps, "github.com/paulmach/orb/planar", "the list is real")
	for _, banned := range []string{"encoding/json", "github.com/paulmach/orb/geojson", "net/http", "go.mongodb.org/mongo-driver/v2/bson"} {
		assert.NotContains(t, deps, banned)
	}

	cmd = exec.Command("go", append([]string{"list", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}"}, pkgs...)...)
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err = cmd.Output()
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		imports := strings.Fields(line)[1:]
		assert.NotContains(t, imports, "fmt", line)
	}
}
