package wire

import (
	"hash/crc32"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestChecksumIsCRC32: the small table gives hash/crc32's IEEE value, so
// the asset format is unchanged.
func TestChecksumIsCRC32(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 7, 64, 1000, 40000} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		assert.Equal(t, crc32.ChecksumIEEE(b), Checksum(b), n)
	}
	assert.Equal(t, uint32(0xcbf43926), Checksum([]byte("123456789"))) // the CRC-32 check value
}
