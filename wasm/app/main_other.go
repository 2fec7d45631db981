//go:build !(js && wasm)

package main

// main exists natively only so that the encoders (encode.go, jsonw.go)
// build and are tested without a browser; the shell itself is main.go.
func main() {}
