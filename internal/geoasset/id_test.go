package geoasset

import (
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestID(t *testing.T) {
	asset := func(crc uint32) []byte {
		b := append([]byte(Magic), 1, 9, 0, 0, 0, 0)
		binary.LittleEndian.PutUint32(b[len(b)-4:], crc)
		return b
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"crc printed most significant first", asset(0x0a1b2c3d), "0a1b2c3d"},
		{"zero", asset(0), "00000000"},
		{"all ones", asset(0xffffffff), "ffffffff"},
		{"too short", []byte("FNGA123"), ""},
		{"empty", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ID(tc.data))
		})
	}
	// The same value as printing the stored CRC.
	b := asset(0xdeadbeef)
	assert.Equal(t, fmt.Sprintf("%08x", binary.LittleEndian.Uint32(b[len(b)-4:])), ID(b))
}
