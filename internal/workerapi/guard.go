package workerapi

import (
	"bytes"
	"errors"
	"io"
	"strconv"
)

// MaxRecordBytes is the longest CSV record a download may hold: the
// published records are under 400 bytes, and a longer one (a quoted field
// of megabytes) would only make the filter and the parser hold it whole.
const MaxRecordBytes = 64 << 10

// MaxFilteredBytes caps the filtered file (the two indicators' rows): the
// 2023 release gives 0.6 MB for the detail file, so this leaves years of
// growth while bounding what the validation parses.
const MaxFilteredBytes = 4 << 20

// RecordGuard passes a CSV stream through and fails as soon as one record
// (quoted newlines included) runs over Max bytes. It only counts quotes and
// newlines, so it costs little next to the filter behind it.
type RecordGuard struct {
	R   io.Reader
	Max int
	// line is the physical line where the current record starts (1-based).
	line, at int
	n        int  // bytes of the current record so far
	quoted   bool // inside a quoted field
}

// Read reads from R and checks what came through.
func (g *RecordGuard) Read(p []byte) (int, error) {
	n, err := g.R.Read(p)
	if cerr := g.check(p[:n]); cerr != nil {
		return n, cerr
	}
	return n, err
}

func (g *RecordGuard) check(b []byte) error {
	if g.line == 0 {
		g.line, g.at = 1, 1
	}
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		seg := b
		if i >= 0 {
			seg = b[:i+1]
		}
		if bytes.Count(seg, []byte{'"'})%2 == 1 {
			g.quoted = !g.quoted
		}
		g.n += len(seg)
		if g.n > g.Max {
			return errors.New("record starting at line " + strconv.Itoa(g.line) + " is longer than " +
				strconv.Itoa(g.Max) + " bytes")
		}
		if i < 0 {
			break
		}
		g.at++
		if !g.quoted {
			g.n, g.line = 0, g.at
		}
		b = b[i+1:]
	}
	return nil
}

// MemoryLimit is the Go heap's soft limit in the Worker (wasm/worker sets
// it with debug.SetMemoryLimit). A refresh holds the whole split detail
// file (22.8 MB published, at most MAX_UPSTREAM_BYTES) while it checks each
// indicator; with Go's default pacing the heap would grow to twice that
// before a collection, near the isolate's 128 MB. Under this limit the
// collector runs sooner: measured, a 36.8 MB release peaks under 64 MB.
const MemoryLimit = 48 << 20

// errFilteredTooLarge is returned by cappedWriter past its cap.
var errFilteredTooLarge = errors.New("filtered file over " + strconv.Itoa(MaxFilteredBytes) + " bytes")

// cappedWriter is a bytes.Buffer that refuses to grow past max.
type cappedWriter struct {
	buf bytes.Buffer
	max int
}

func (w *cappedWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.max {
		return 0, errFilteredTooLarge
	}
	return w.buf.Write(p)
}
