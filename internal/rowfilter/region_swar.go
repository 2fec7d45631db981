//go:build !amd64 && !arm64

package rowfilter

// countRegion uses the eight-bytes-at-a-time loop (wasm and the rest).
func countRegion(b []byte) region { return countRegionSWAR(b) }
