package rowfilter

import (
	"bytes"
	"io"
	"testing"
)

// The benchmarks run on the real 22.8 MB detail file; b.SetBytes makes
// `go test -bench` report MB/s of input.

func BenchmarkFilterBytes(b *testing.B) {
	data := readReal(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := FilterBytes(data, twoIDs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFilterStream(b *testing.B) {
	data := readReal(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Filter(io.Discard, bytes.NewReader(data), twoIDs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndicators(b *testing.B) {
	data := readReal(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Indicators(data); err != nil {
			b.Fatal(err)
		}
	}
}
