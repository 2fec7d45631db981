package dept

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCodes(t *testing.T) {
	c := Codes()
	assert.Len(t, c, Count)
	assert.Equal(t, "01", c[0])
	assert.Equal(t, []string{"19", "2A", "2B", "21"}, c[18:22])
	assert.Equal(t, "976", c[Count-1])
	assert.Equal(t, 19, Index("2A"))
	assert.Equal(t, -1, Index("20"))
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"1", "01", true},
		{"01", "01", true},
		{" 75 ", "75", true},
		{"2a", "2A", true},
		{"2B", "2B", true},
		{"971", "971", true},
		{"20", "20", false},
		{"975", "975", false},
		{"", "", false},
		{"0", "0", false},
		{"96", "96", false},
	}
	for _, tt := range tests {
		got, ok := Normalize(tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
	}
}

func TestIsOverseas(t *testing.T) {
	assert.True(t, IsOverseas("974"))
	assert.False(t, IsOverseas("2A"))
}
