//go:build js && wasm

// Command app is the browser app's WebAssembly shell: it exposes the pure
// logic of internal/app to the page's script as globalThis.francenumGo, a
// handful of functions that take strings and return the app's typed views
// encoded as JSON (encode.go), so that each user action costs one call into
// Go and the script applies the result in one pass. syscall/js is used
// only here.
package main

import (
	"runtime"
	"syscall/js"
	"unsafe"

	"francenum-map/internal/app"
	"francenum-map/internal/export"
	"francenum-map/internal/exportfmt"
	"francenum-map/internal/viewstate"
)

// benchParse is the bench harness's hook (bench.go), nil in the
// production build: it would cost app.wasm 6.7 KB brotli.
var benchParse func(args []js.Value) any

var cur *app.App

// notices wait here until the next render shows them, once; shown are
// the last shown, written again in the new language after a switch (the
// page keeps showing them).
var notices, shown []app.Notice
var shownLang string

func note(ns []app.Notice) { notices = append(notices, ns...) }

func render() string {
	v := cur.View()
	var texts []string
	if l := v.State.Lang; len(notices) > 0 || (l != shownLang && len(shown) > 0) {
		if len(notices) > 0 {
			shown, notices = append(shown[:0], notices...), notices[:0]
		}
		shownLang = l
		texts = cur.NoticeTexts(shown)
	}
	return encodeView(&v, texts)
}

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

// patchOf reads an embedding page's state (francenum:set), given by the
// page's script as key, String(value) pairs: each state key the host gave,
// as the URL would carry it ("75,2A" for an array). Other keys are left
// out, and embed mode stays as it is.
func patchOf(args []js.Value) (viewstate.Patch, []app.Notice) {
	var p viewstate.Patch
	var bad []app.Notice
	for i := 0; i+1 < len(args); i += 2 {
		k, v := str(args, i), str(args, i+1)
		for _, key := range viewstate.Keys {
			if k == key && k != "embed" && !p.Parse(k, v) {
				bad = append(bad, app.Notice{Key: k, Value: v})
			}
		}
	}
	return p, bad
}

// names are the functions of globalThis.francenumGo, in the order of the
// f* constants.
var names = [...]string{"load", "ui", "benchParse", "query", "set", "patch", "render", "month", "months", "panels", "tip",
	"nb", "announce", "search", "inds", "csv", "svg", "file", "add"}

const (
	fLoad = iota
	fUI
	fBenchParse
	fQuery
	fSet
	fPatch
	fRender
	fMonth
	fMonths
	fPanels
	fTip
	fNb
	fAnnounce
	fSearch
	fInds
	fCSV
	fSVG
	fFile
	fAdd
)

// call runs function i of francenumGo: one dispatcher rather than one
// closure per function (each costs code in wasm). Before load, the
// functions that need the app return "".
func call(i int, args []js.Value) any {
	switch i {
	case fLoad:
		if len(args) < 5 {
			return "!missing arguments"
		}
		a, err := app.New(bytesOf(args[0]), bytesOf(args[1]), bytesOf(args[2]), bytesOf(args[3]))
		if err != nil {
			return "!" + err.Error()
		}
		cur = a
		notices, shown = notices[:0], shown[:0]
		note(cur.SetQuery(str(args, 4)))
		// load(…, query, pageGeo): no path data when the page's build-time
		// map already holds this geometry's.
		d := cur.DrawingFor(str(args, 5))
		return object(unsafe.Pointer(&d), drawingFields, 256<<10)
	case fUI:
		return encodeUI(str(args, 0))
	case fBenchParse:
		// Only in the bench build (bench.go, -tags bench); main does not
		// register it otherwise.
		return benchParse(args)
	}
	if cur == nil {
		return ""
	}
	switch i {
	case fQuery:
		note(cur.SetQuery(str(args, 0)))
	case fSet:
		note(cur.Act(str(args, 0), str(args, 1)))
	case fPatch:
		p, bad := patchOf(args)
		note(bad)
		note(cur.Apply(p))
	case fMonth:
		cur.SetMonthIndex(atoi(str(args, 0)))
		m := cur.MonthView()
		return object(unsafe.Pointer(&m), monthFields, 512)
	case fMonths:
		ms := cur.MonthViews()
		return array(unsafe.Pointer(&ms), monthFields, unsafe.Sizeof(app.MonthView{}))
	case fPanels:
		p := cur.Panels()
		return object(unsafe.Pointer(&p), panelsFields, 32<<10)
	case fTip:
		t, ok := cur.Tip(str(args, 0))
		if !ok {
			return ""
		}
		return object(unsafe.Pointer(&t), tipFields, 1<<10)
	case fNb:
		return cur.Neighbour(str(args, 0), str(args, 1))
	case fAnnounce:
		return cur.Announce(str(args, 0))
	case fSearch:
		h := cur.SearchHits(str(args, 0))
		return array(unsafe.Pointer(&h), searchFields, unsafe.Sizeof(app.SearchHit{}))
	case fInds:
		l := cur.Indicators()
		return array(unsafe.Pointer(&l), indicatorFields, unsafe.Sizeof(app.IndicatorItem{}))
	case fCSV:
		// csv(dialect, shape): the view's month, or (shape "long" or
		// "wide") every month of the indicator.
		d := exportfmt.Standard
		if str(args, 0) == "excel" {
			d = exportfmt.ExcelFR
		}
		switch str(args, 1) {
		case "long":
			t := cur.Series()
			return export.SeriesLong(&t, d)
		case "wide":
			t := cur.Series()
			return export.SeriesWide(&t, d)
		}
		v := cur.View()
		return export.CSV(&v, cur.Values(), d)
	case fSVG:
		d, v := cur.Drawing(), cur.View()
		return export.SVG(&d, &v)
	case fFile:
		// file(i): report i again, in the current language; file(name,
		// size): "" when the size is accepted, else the refusal, before
		// the page reads the file; file(name, bytes): load it.
		var r app.FileReport
		switch {
		case len(args) == 1:
			r = cur.FileReportAt(args[0].Int())
		case len(args) < 2:
			return ""
		case args[1].Type() == js.TypeNumber:
			var ok bool
			if r, ok = cur.CheckFileSize(str(args, 0), int64(args[1].Float())); ok {
				return ""
			}
		default:
			// Collect what the last file left (its copy, its parse) before
			// copying this one in, so that it reuses that memory: the
			// WebAssembly memory never shrinks, and without this a 22 MB
			// file took it 63 -> 84 -> 106 MB over three loads.
			runtime.GC()
			r = cur.LoadFile(str(args, 0), bytesOf(args[1]))
			note(r.Notices)
		}
		return object(unsafe.Pointer(&r), fileReportFields, 4<<10)
	case fAdd:
		// One indicator's detail, synthese and national files (the page
		// fetched them on demand): "" once merged, else "!" and why.
		if len(args) < 3 {
			return "!missing arguments"
		}
		if err := cur.AddFiles(bytesOf(args[0]), bytesOf(args[1]), bytesOf(args[2])); err != nil {
			return "!" + err.Error()
		}
		return ""
	}
	// query, set, patch and render answer with the view.
	return render()
}

func main() {
	api := js.Global().Get("Object").New()
	for i, name := range names {
		if i == fBenchParse && benchParse == nil {
			continue
		}
		api.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) any { return call(i, args) }))
	}
	js.Global().Set("francenumGo", api)
	if cb := js.Global().Get("francenumGoReady"); cb.Type() == js.TypeFunction {
		cb.Invoke()
	}
	select {}
}
