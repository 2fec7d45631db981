//go:build js && wasm

// Command preview is the Worker's drawer of link previews (issue 25): the
// entry script (wasm/worker/preview.mjs) starts it once per isolate and
// calls globalThis.francenumPreview for a view that is not the default
// one. It builds the app on the data the Worker serves, as `francenum
// preview` builds it natively (app.New, then preview.Of), and answers the
// view's texts and SVG; resvg, in JavaScript, makes the PNG.
//
// It is not the API worker (wasm/worker): that one boots a fresh instance
// per request, and carrying the app, the geometry and the export there
// would make every API request pay for code only previews use. This one
// stays alive in the isolate and keeps the app it built for the last data
// version, so a second view of the same data costs the drawing only.
package main

import (
	"encoding/json"
	"syscall/js"

	"francenum-map/internal/app"
	"francenum-map/internal/preview"
)

// built is the app of the last data version, and the extra indicators
// already merged into it.
var built struct {
	version string
	app     *app.App
	added   map[string]bool
}

func main() {
	js.Global().Set("francenumPreview", js.FuncOf(call))
	select {} // serve calls until the isolate goes
}

// call(files, version, query, svg) → JSON text: preview.View, or
// {"error", "query_error", "notices"}. files is an object of Uint8Arrays:
// geo, detail, synthese, national (the France Num files the API serves)
// and, for another indicator, ind (its id) with ind_detail, ind_synthese,
// ind_national. version names the data: the same version reuses the app
// built before, whose files are then not read again.
func call(_ js.Value, args []js.Value) any {
	out, err := draw(args)
	if err != nil {
		doc := map[string]any{"error": err.Error()}
		if q, ok := err.(*preview.QueryError); ok {
			doc["query_error"] = true
			doc["notices"] = q.Notices
		}
		b, _ := json.Marshal(doc)
		return string(b)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func draw(args []js.Value) (preview.View, error) {
	if len(args) < 4 {
		return preview.View{}, errorf("francenumPreview(files, version, query, svg)")
	}
	files, version, query, svg := args[0], args[1].String(), args[2].String(), args[3].Truthy()
	if built.app == nil || built.version != version {
		a, err := app.New(bytes(files, "geo"), bytes(files, "detail"), bytes(files, "synthese"), bytes(files, "national"))
		if err != nil {
			return preview.View{}, err
		}
		built.version, built.app, built.added = version, a, map[string]bool{}
	}
	if id := files.Get("ind"); id.Type() == js.TypeString && !built.added[id.String()] {
		if err := built.app.AddFiles(bytes(files, "ind_detail"), bytes(files, "ind_synthese"), bytes(files, "ind_national")); err != nil {
			return preview.View{}, err
		}
		built.added[id.String()] = true
	}
	return preview.Of(built.app, query, svg)
}

// bytes copies files[name] (a Uint8Array) into Go; nil when absent.
func bytes(files js.Value, name string) []byte {
	v := files.Get(name)
	if v.Type() != js.TypeObject {
		return nil
	}
	b := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(b, v)
	return b
}

type errorf string

func (e errorf) Error() string { return "preview: " + string(e) }
