package preview

import (
	"strings"

	"francenum-map/internal/app"
)

// View is the link preview of one view: its canonical query, its texts
// and, when asked for, its picture (SVG; resvg makes the PNG of it).
type View struct {
	// Query is the view's canonical query (viewstate's Encode: the values
	// equal to the default left out), without embed=1.
	Query string `json:"query"`
	Meta  Meta   `json:"meta"`
	SVG   string `json:"svg,omitempty"`
}

// QueryError is a view query with values the app does not understand or
// does not hold (an unknown indicator or metric, a month outside the data,
// no such department…): the link does not show the view it names, so its
// preview must not claim to.
type QueryError struct {
	Query   string
	Notices []string // the app's notices, in the view's language
}

func (e *QueryError) Error() string {
	return "preview: view " + e.Query + " not shown as asked: " + strings.Join(e.Notices, "; ")
}

// Of sets a's view from a page's query string (embed and a host's
// parameters left out by the caller or ignored by the app) and returns
// its preview: the texts, and the SVG when svg is true. A query with any
// notice is refused with a *QueryError: whoever serves the preview then
// falls back to the default view's. `francenum preview` (the build's
// default pictures) and the Worker's preview wasm (every other view) both
// draw through here.
func Of(a *app.App, query string, svg bool) (View, error) {
	if notes := a.SetQuery(query); len(notes) > 0 {
		return View{}, &QueryError{Query: query, Notices: a.NoticeTexts(notes)}
	}
	st := a.State()
	st.Embed = false
	v := View{Query: st.Encode(), Meta: MetaOf(a)}
	if svg {
		doc, err := SVG(a)
		if err != nil {
			return View{}, err
		}
		v.SVG = doc
	}
	return v, nil
}
