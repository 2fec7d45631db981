package browser

import (
	"net/http"
	"time"
)

// StaticServer serves folders over HTTP on loopback (peer pages, host pages).
type StaticServer struct {
	// URL is the base address.
	URL string
	srv *http.Server
}

// StartStatic serves h on the first free port of [lo, hi]. Responses are
// not cached by the browser unless h says otherwise.
func StartStatic(lo, hi int, h http.Handler) (*StaticServer, error) {
	l, err := Listen(lo, hi)
	if err != nil {
		return nil, err
	}
	s := &StaticServer{URL: "http://" + l.Addr().String(), srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}}
	go s.srv.Serve(l)
	return s, nil
}

// Close stops the server.
func (s *StaticServer) Close() error { return s.srv.Close() }
