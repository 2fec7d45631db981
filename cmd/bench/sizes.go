package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
)

// Size is a file's size raw and compressed the way a CDN would serve it.
type Size struct {
	Raw    int64 `json:"raw"`
	Gzip9  int64 `json:"gzip9"`
	Brotli int64 `json:"brotli11"`
}

// compressed pipes data through an external compressor (gzip -9 or
// brotli -q 11, the reference tools) and returns its output.
func compressed(data []byte, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(data)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %w: %s", name, err, stderr.String())
	}
	return out.Bytes(), nil
}

// compressedLen is the length of compressed's output.
func compressedLen(data []byte, name string, args ...string) (int64, error) {
	b, err := compressed(data, name, args...)
	return int64(len(b)), err
}

// BrotliLen is the brotli -q 11 size of data.
func BrotliLen(data []byte) (int64, error) { return compressedLen(data, "brotli", "-q", "11", "-c") }

// GzipLen is the gzip -9 size of data.
func GzipLen(data []byte) (int64, error) { return compressedLen(data, "gzip", "-9", "-c", "-n") }

// FileSize measures a file raw, gzip -9 and brotli -q 11.
func FileSize(path string) (Size, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Size{}, err
	}
	g, err := GzipLen(data)
	if err != nil {
		return Size{}, err
	}
	b, err := BrotliLen(data)
	if err != nil {
		return Size{}, err
	}
	return Size{Raw: int64(len(data)), Gzip9: g, Brotli: b}, nil
}
