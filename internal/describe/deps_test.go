//go:build !js

package describe

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The four packages are linked into the browser wasm: they must not pull in
// fmt, encoding/json, net/http, reflect-heavy sorting or orb/geojson, which
// cost hundreds of kilobytes there. (Runs natively: it needs the go tool.)
func TestLeanDependencies(t *testing.T) {
	pkgs := []string{"francenum-map/internal/classify", "francenum-map/internal/frfmt", "francenum-map/internal/ontrack", "francenum-map/internal/describe"}
	out, err := exec.Command("go", append([]string{"list", "-deps"}, pkgs...)...).CombinedOutput()
	require.NoError(t, err, string(out))
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "strconv", "the listing is real")
	for _, bad := range []string{"fmt", "encoding/json", "net/http", "sort", "github.com/paulmach/orb/geojson"} {
		assert.NotContains(t, deps, bad)
	}
}
