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

// rawBody is a JS ReadableStream as a Go body. io.Copy into the syumai
// response writer hands the stream itself to the Workers Response (no byte
// goes through Go); any other reader gets the bytes through bigReader.
type rawBody struct {
	stream js.Value
	r      *bigReader
	handed bool // the stream belongs to a Response now
}

func (b *rawBody) WriteTo(w io.Writer) (int64, error) {
	if rw, ok := w.(interface{ WriteRawJSBody(js.Value) }); ok {
		rw.WriteRawJSBody(b.stream)
		b.handed = true
		return 0, nil
	}
	return io.Copy(w, struct{ io.Reader }{b})
}

func (b *rawBody) Read(p []byte) (int, error) {
	if b.r == nil {
		b.r = &bigReader{reader: b.stream.Call("getReader")}
	}
	return b.r.Read(p)
}

// Close cancels a stream never read nor handed on (a presence check).
func (b *rawBody) Close() error {
	switch {
	case b.r != nil:
		return b.r.Close()
	case !b.handed:
		b.stream.Call("cancel")
	}
	return nil
}
