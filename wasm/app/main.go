//go:build js && wasm

// Command app is the browser app's WebAssembly shell: it exposes the pure
// logic of internal/app to the page's script as globalThis.francenumGo, a
// handful of functions that take and return strings (JSON built by
// internal/app), so that each user action costs one call into Go and the
// script applies the result in one pass. syscall/js is used only here.
package main

import (
	"syscall/js"

	"francenum-map/internal/app"
	"francenum-map/internal/barometre"
	"francenum-map/internal/indicator"
	"francenum-map/internal/series"
)

// benchIDs are the two indicators the map shows; benchParse filters a whole
// published file down to them, as the app does with a dropped file.
var benchIDs = indicator.IDs()

var cur *app.App

func bytesOf(v js.Value) []byte {
	if v.IsUndefined() || v.IsNull() {
		return nil
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func str(args []js.Value, i int) string {
	if i < len(args) && args[i].Type() == js.TypeString {
		return args[i].String()
	}
	return ""
}

// fn wraps a function of strings; before load it returns "".
func fn(f func(args []js.Value) string) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		if cur == nil {
			return ""
		}
		return f(args)
	})
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func main() {
	api := js.Global().Get("Object").New()
	api.Set("load", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 5 {
			return "!missing arguments"
		}
		a, err := app.New(bytesOf(args[0]), bytesOf(args[1]), bytesOf(args[2]), bytesOf(args[3]))
		if err != nil {
			return "!" + err.Error()
		}
		cur = a
		cur.SetQuery(str(args, 4))
		return cur.InitJSON()
	}))
	api.Set("query", fn(func(args []js.Value) string { cur.SetQuery(str(args, 0)); return cur.RenderJSON() }))
	api.Set("set", fn(func(args []js.Value) string { cur.Set(str(args, 0), str(args, 1)); return cur.RenderJSON() }))
	api.Set("month", fn(func(args []js.Value) string { return cur.MonthJSON(atoi(str(args, 0))) }))
	api.Set("months", fn(func([]js.Value) string { return cur.MonthsJSON() }))
	api.Set("render", fn(func([]js.Value) string { return cur.RenderJSON() }))
	api.Set("panels", fn(func([]js.Value) string { return cur.PanelsJSON() }))
	api.Set("tip", fn(func(args []js.Value) string { return cur.TipJSON(str(args, 0)) }))
	api.Set("nb", fn(func(args []js.Value) string { return cur.Neighbour(str(args, 0), str(args, 1)) }))
	api.Set("announce", fn(func(args []js.Value) string { return cur.Announce(str(args, 0)) }))
	api.Set("search", fn(func(args []js.Value) string { return cur.SearchJSON(str(args, 0)) }))
	api.Set("inds", fn(func([]js.Value) string { return cur.IndicatorsJSON() }))
	api.Set("csv", fn(func([]js.Value) string { return cur.CSV() }))
	api.Set("svg", fn(func([]js.Value) string { return cur.SVG() }))
	api.Set("file", fn(func(args []js.Value) string {
		if len(args) < 2 {
			return ""
		}
		return cur.LoadFile(str(args, 0), bytesOf(args[1]))
	}))
	api.Set("ui", js.FuncOf(func(_ js.Value, args []js.Value) any { return app.UIJSON(str(args, 0)) }))
	// benchParse(Uint8Array) copies a published CSV into Go, filters and
	// parses the two indicators and builds the model; it returns the number
	// of observations kept, or -1 when the file is refused. The bench harness
	// times it (window.francenumApp.benchParse).
	api.Set("benchParse", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return -1
		}
		f, err := barometre.ParseSelected(bytesOf(args[0]), benchIDs)
		if err != nil {
			return -1
		}
		series.Build(f, nil, nil)
		return len(f.Observations)
	}))
	js.Global().Set("francenumGo", api)
	if cb := js.Global().Get("francenumGoReady"); cb.Type() == js.TypeFunction {
		cb.Invoke()
	}
	select {}
}
