package workerapi

import (
	"net/http"
	"strings"
)

// Route is what a request path asks for.
type Route uint8

// The routes of the Worker.
const (
	RouteNone      Route = iota // not a Go path (static assets answer those)
	RouteAPI404                 // an unknown /api path
	RouteHealth                 // /healthz
	RouteConfig                 // /api/v1/config
	RouteMeta                   // /api/v1/meta
	RouteData                   // /api/v1/numerisation/{name}.csv
	RouteIndex                  // /api/v1/indicators
	RouteIndicator              // /api/v1/indicators/{id}.csv, /api/v1/indicators/{id}/{synthese,national}.csv
)

// DataPrefix is the path prefix of the data files.
const DataPrefix = "/api/v1/numerisation/"

// Match is a routed request.
type Match struct {
	Route Route
	// File is the data file name for RouteData and RouteIndicator (detail,
	// synthese, national).
	File string
	// ID is the indicator of RouteIndicator.
	ID string
	// Why says what is wrong with a RouteAPI404 path under /api/v1/indicators/.
	Why string
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
	case path == IndicatorsPath:
		m.Route = RouteIndex
	case strings.HasPrefix(path, IndicatorsPrefix):
		m.File, m.ID, m.Why = indicatorPath(strings.TrimPrefix(path, IndicatorsPrefix))
		m.Route = RouteIndicator
		if m.Why != "" {
			m.Route, m.File, m.ID = RouteAPI404, "", ""
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

// indicatorPath reads what follows /api/v1/indicators/: {id}.csv or
// {id}/{synthese,national}.csv, the id checked by ValidID.
func indicatorPath(rest string) (file, id, why string) {
	file = "detail"
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		id, file = rest[:i], strings.TrimSuffix(rest[i+1:], ".csv")
		if file == rest[i+1:] || (file != "synthese" && file != "national") {
			return "", "", "an indicator's files are {id}.csv, {id}/synthese.csv and {id}/national.csv"
		}
	} else {
		id = strings.TrimSuffix(rest, ".csv")
		if id == rest {
			return "", "", "an indicator's files are {id}.csv, {id}/synthese.csv and {id}/national.csv"
		}
	}
	if !ValidID(id) {
		return "", "", "not an indicator id: lower-case letters, digits and single hyphens, at most 100 bytes"
	}
	return file, id, ""
}

// Allow is the Allow header of a 405.
const Allow = "GET, HEAD, OPTIONS"
