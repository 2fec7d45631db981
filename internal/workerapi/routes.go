package workerapi

import (
	"net/http"
	"strings"
)

// Route is what a request path asks for.
type Route uint8

// The routes of the Worker.
const (
	RouteNone   Route = iota // not a Go path (static assets answer those)
	RouteAPI404              // an unknown /api path
	RouteHealth              // /healthz
	RouteConfig              // /api/v1/config
	RouteMeta                // /api/v1/meta
	RouteData                // /api/v1/numerisation/{name}.csv
)

// DataPrefix is the path prefix of the data files.
const DataPrefix = "/api/v1/numerisation/"

// Match is a routed request.
type Match struct {
	Route Route
	// File is the data file name for RouteData (detail, synthese, national).
	File string
	// Status is 0 when the request should be served, else the status to
	// answer at once: 204 for a CORS preflight, 405 for another method.
	Status int
}

// Resolve routes a method and path. Only GET and HEAD are served; OPTIONS
// is a CORS preflight; every other method is 405.
func Resolve(method, path string) Match {
	m := Match{Route: RouteNone}
	switch {
	case path == "/healthz":
		m.Route = RouteHealth
	case path == "/api/v1/config":
		m.Route = RouteConfig
	case path == "/api/v1/meta":
		m.Route = RouteMeta
	case strings.HasPrefix(path, DataPrefix) && strings.HasSuffix(path, ".csv"):
		name := strings.TrimSuffix(strings.TrimPrefix(path, DataPrefix), ".csv")
		if _, ok := FileByName(name); ok {
			m.Route, m.File = RouteData, name
		} else {
			m.Route = RouteAPI404
		}
	case path == "/api" || strings.HasPrefix(path, "/api/"):
		m.Route = RouteAPI404
	}
	switch method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		m.Status = http.StatusNoContent
	default:
		m.Status = http.StatusMethodNotAllowed
	}
	return m
}

// Allow is the Allow header of a 405.
const Allow = "GET, HEAD, OPTIONS"
