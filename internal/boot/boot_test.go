package boot

import (
	"crypto/sha256"
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScriptHashMatchesScript(t *testing.T) {
	sum := sha256.Sum256([]byte(Script))
	assert.Equal(t, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", ScriptHash)
}
