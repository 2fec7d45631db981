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
	"errors"
	"syscall/js"

	"francenum-map/internal/app"
	"francenum-map/internal/preview"
)

// built is the app of the last data version, and the extra indicators
// already merged into it.
var built struct {
	version string
	app     *app.App
	added   map[string]string // indicator id → the version of its files
}

func main() {
	js.Global().Set("francenumPreview", js.FuncOf(call))
	select {} // serve calls until the isolate goes
}

// call(files, version, query, svg) → JSON text: preview.View, or
// {"error", "query_error", "notices"}. files is an object of Uint8Arrays:
// geo, detail, synthese, national (the France Num files the API serves)
// and, for another indicator, ind (its id) and ind_version with
// ind_detail, ind_synthese, ind_national. version names the France Num
// files and the geometry: the same version reuses the app built before
// (its files are then not read again), and an indicator merged into it
// once is not merged again while its own version holds.
func call(_ js.Value, args []js.Value) any {
	out, err := draw(args)
	if err != nil {
		doc := map[string]any{"error": err.Error()}
		var q *preview.QueryError
		if errors.As(err, &q) {
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
	id, idVersion := "", ""
	if v := files.Get("ind"); v.Type() == js.TypeString {
		id, idVersion = v.String(), files.Get("ind_version").String()
	}
	had, added := built.added[id]
	if built.app == nil || built.version != version || (added && had != idVersion) {
		// New data (or new files of an indicator merged before: the
		// model cannot take them twice): a new app.
		a, err := app.New(bytes(files, "geo"), bytes(files, "detail"), bytes(files, "synthese"), bytes(files, "national"))
		if err != nil {
			return preview.View{}, err
		}
		built.version, built.app, built.added = version, a, map[string]string{}
		added = false
	}
	if id != "" && !added {
		if err := built.app.AddFiles(bytes(files, "ind_detail"), bytes(files, "ind_synthese"), bytes(files, "ind_national")); err != nil {
			return preview.View{}, err
		}
		built.added[id] = idVersion
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
