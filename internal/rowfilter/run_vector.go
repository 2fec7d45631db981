//go:build amd64 || arm64

package rowfilter

// countRun uses the vector-instruction version where bytes has one.
func countRun(b []byte) byteRun { return countRunIndex(b) }
