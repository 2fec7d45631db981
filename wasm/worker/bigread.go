//go:build js && wasm

package main

import (
	"io"
	"syscall/js"
)

// readPiece is how much the JS helper gathers before handing it to Go.
const readPiece = 1 << 20

// bigReader reads a response body through globalThis.francenumReadAtLeast
// (entry.mjs): few large copies instead of one promise per network chunk.
type bigReader struct {
	reader js.Value
	back   []byte // reused backing array
	buf    []byte // unread part of back
	eof    bool
}

// fastBody returns a bigReader over body when the helper and the raw JS
// stream are available, else body itself.
func fastBody(body io.ReadCloser) io.ReadCloser {
	raw, ok := body.(interface{ GetRawJSBody() js.Value })
	helper := js.Global().Get("francenumReadAtLeast")
	if !ok || helper.Type() != js.TypeFunction {
		return body
	}
	stream := raw.GetRawJSBody()
	if !stream.Truthy() {
		return body
	}
	return &bigReader{reader: stream.Call("getReader")}
}

func (b *bigReader) Read(p []byte) (int, error) {
	for len(b.buf) == 0 {
		if b.eof {
			return 0, io.EOF
		}
		v, err := await(js.Global().Call("francenumReadAtLeast", b.reader, readPiece))
		if err != nil {
			return 0, err
		}
		n := v.Get("byteLength").Int()
		if n == 0 {
			b.eof = true
			continue
		}
		if cap(b.back) < n {
			b.back = make([]byte, n)
		}
		b.buf = b.back[:n]
		js.CopyBytesToGo(b.buf, v)
	}
	n := copy(p, b.buf)
	b.buf = b.buf[n:]
	return n, nil
}

func (b *bigReader) Close() error {
	b.reader.Call("cancel")
	return nil
}
