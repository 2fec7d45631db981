package workerapi

import (
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ETagOf returns a strong entity tag for a body (FNV-1a 64 of the bytes and
// the length: cheap in wasm, and collisions only cost a missed update).
func ETagOf(prefix string, b []byte) string {
	h := fnv.New64a()
	h.Write(b)
	return `"` + prefix + strconv.FormatUint(h.Sum64(), 36) + "-" + strconv.Itoa(len(b)) + `"`
}

// NotModified reports whether a GET/HEAD with these request headers can be
// answered 304 (RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since,
// which is only looked at when If-None-Match is absent).
func NotModified(req http.Header, etag string, lastModified time.Time) bool {
	if inm := joined(req, "If-None-Match"); inm != "" {
		return matchETag(inm, etag)
	}
	if ims := joined(req, "If-Modified-Since"); ims != "" && !lastModified.IsZero() {
		t, err := http.ParseTime(ims)
		if err != nil {
			return false
		}
		return !lastModified.Truncate(time.Second).After(t)
	}
	return false
}

// matchETag is the weak comparison of If-None-Match.
func matchETag(list, etag string) bool {
	if etag == "" {
		return false
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(list, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

// joined returns all values of a header as one: syumai/workers splits
// incoming header values at commas, which cuts an HTTP date ("Thu, 19 Jan
// 2023 …") in two.
func joined(h http.Header, k string) string {
	vs := h.Values(k)
	for i := range vs {
		vs[i] = strings.TrimSpace(vs[i])
	}
	return strings.Join(vs, ", ")
}
