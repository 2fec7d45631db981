//go:build !amd64 && !arm64

package rowfilter

// countRun uses the eight-bytes-at-a-time loop (wasm and the rest).
func countRun(b []byte) byteRun { return countRunSWAR(b) }
