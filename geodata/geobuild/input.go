package geobuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

// maxInput bounds what we read from a file or the network (the 5 m level is
// about 60 MB uncompressed).
const maxInput = 512 << 20

// readSource reads a local path or an http(s) URL and transparently
// decompresses gzip (by its magic bytes, so the name does not matter).
func readSource(ctx context.Context, src string) ([]byte, error) {
	var raw []byte
	var err error
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		raw, err = download(ctx, src)
	} else {
		raw, err = os.ReadFile(src)
	}
	if err != nil {
		return nil, err
	}
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		out, err := io.ReadAll(io.LimitReader(zr, maxInput))
		if err != nil {
			return nil, fmt.Errorf("%s: gunzip: %w", src, err)
		}
		return out, nil
	}
	return raw, nil
}

func download(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "francenum-map geodata")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, maxInput))
}
