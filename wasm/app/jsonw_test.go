package main

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"francenum-map/internal/app"
)

func TestJSONWriter(t *testing.T) {
	var w jw
	w.obj().ks("a", "x\"<\n\u2028").kn("n", 1.5).key("l").arr().int(1).int(2).null().endArr().kb("b", true).kn("nan", math.NaN()).knOpt("opt", math.NaN()).endObj()
	assert.Equal(t, `{"a":"x\"<\n\u2028","n":1.5,"l":[1,2,null],"b":true,"nan":null}`, w.String())
}

// leafTypes are the Go types each kind reads.
var leafTypes = map[kind]reflect.Type{
	kStr: reflect.TypeOf(""), kStrOpt: reflect.TypeOf(""), kInt: reflect.TypeOf(0), kNum: reflect.TypeOf(0.0),
	kNumOpt: reflect.TypeOf(0.0), kBool: reflect.TypeOf(false), kBytes: reflect.TypeOf([]byte(nil)),
	kStrs: reflect.TypeOf([]string(nil)), kStrsJoin: reflect.TypeOf([]string(nil)), kInts: reflect.TypeOf([]int(nil)),
	kNums: reflect.TypeOf([]float64(nil)), kNumsOpt: reflect.TypeOf([]float64(nil)), kBools: reflect.TypeOf([]bool(nil)),
	kBoolsOpt: reflect.TypeOf([]bool(nil)), kPairs: reflect.TypeOf([][2]string(nil)), kRows: reflect.TypeOf([][]string(nil)),
}

// typesAt lists the types of t's fields (nested structs included) that
// start at byte off.
func typesAt(t reflect.Type, off uintptr) []reflect.Type {
	var out []reflect.Type
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if off < f.Offset || off >= f.Offset+f.Type.Size() || f.Type.Size() == 0 {
			continue
		}
		if off == f.Offset {
			out = append(out, f.Type)
		}
		if f.Type.Kind() == reflect.Struct {
			out = append(out, typesAt(f.Type, off-f.Offset)...)
		}
	}
	return out
}

// checkTable checks every field of fs against the struct type t: the
// offset holds a field of the kind's Go type; nested tables recursively.
func checkTable(t *testing.T, typ reflect.Type, fs []field) {
	for _, f := range fs {
		at := typesAt(typ, uintptr(f.off))
		switch f.kind {
		case kObj:
			sub := typ // a table at offset 0 may describe typ itself (state)
			for _, x := range at {
				if x.Kind() == reflect.Struct {
					sub = x
					break
				}
			}
			if f.off != 0 {
				require.NotEqual(t, typ, sub, "%s.%s: no struct at %d", typ, f.key, f.off)
			}
			checkTable(t, sub, tables[f.sub])
		case kArr, kArrOpt:
			var el reflect.Type
			for _, x := range at {
				if x.Kind() == reflect.Slice && x.Elem().Kind() == reflect.Struct {
					el = x.Elem()
				}
			}
			require.NotNil(t, el, "%s.%s: no slice of structs at %d", typ, f.key, f.off)
			assert.Equal(t, el.Size(), uintptr(f.elem), "%s.%s: element size", typ, f.key)
			checkTable(t, el, tables[f.sub])
		default:
			assert.Contains(t, at, leafTypes[f.kind], "%s.%s: offset %d holds %v, not %v", typ, f.key, f.off, at, leafTypes[f.kind])
		}
	}
}

// Every table matches its Go type: a field moved, renamed to another type
// or a table pointed at the wrong struct fails here, not in the browser.
func TestTablesMatchTypes(t *testing.T) {
	for _, c := range []struct {
		v  any
		fs []field
	}{
		{app.Drawing{}, drawingFields}, {app.MonthView{}, monthFields}, {app.View{}, viewFields},
		{app.Panels{}, panelsFields}, {app.Tip{}, tipFields}, {app.FileReport{}, fileReportFields},
		{app.IndicatorItem{}, indicatorFields}, {app.SearchHit{}, searchFields},
	} {
		checkTable(t, reflect.TypeOf(c.v), c.fs)
	}
}

// The encoders write valid JSON with the keys web/app.js reads.
func TestEncoders(t *testing.T) {
	m := app.MonthView{Index: 3, Classes: []byte("01x"), Counts: []int{1, 1}, NoData: 1, Label: "mars 2021"}
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(object(unsafe.Pointer(&m), monthFields, 512)), &got))
	assert.Equal(t, map[string]any{"mi": 3.0, "c": "01x", "n": []any{1.0, 1.0}, "nd": 1.0, "mlabel": "mars 2021", "absent": false}, got)

	tip := app.Tip{Name: "Ain (01)", Spark: app.Spark{W: 240, H: 48, D: "M1 2", TargetY: math.NaN(), DotX: 4, DotY: 5}}
	got = nil
	require.NoError(t, json.Unmarshal([]byte(object(unsafe.Pointer(&tip), tipFields, 1024)), &got))
	sp := got["spark"].(map[string]any)
	assert.NotContains(t, sp, "ty", "no target: no target line")
	assert.Equal(t, 4.0, sp["cx"])
	assert.Equal(t, "Ain (01)", got["name"])

	v := app.View{Query: "lang=en", Class: []int{0, -1}, Aria: []string{"a", "b"}, ClassFills: []string{"#fff"}, Date: "2022-11"}
	v.State.Ind, v.State.Deps, v.State.Classes = "x", []string{"93"}, 5
	v.Legend.Items = []app.LegendItem{{Class: 0, Color: "#fff", Label: "< 1", Count: 1}}
	got = nil
	require.NoError(t, json.Unmarshal([]byte(encodeView(&v, []string{"n"})), &got))
	assert.Equal(t, map[string]any{"ind": "x", "metric": "", "date": "2022-11", "scheme": "", "classes": 5.0, "lang": "", "dep": []any{"93"}, "quality": false}, got["state"])
	assert.NotContains(t, got, "r", "no circles: no radii")
	assert.Equal(t, []any{"n"}, got["notices"])
	assert.Equal(t, []any{"93"}, got["pinned"])
	lg := got["legend"].(map[string]any)
	assert.NotContains(t, lg, "circles")
	assert.Equal(t, "< 1", lg["items"].([]any)[0].(map[string]any)["label"])

	d := app.Drawing{Paths: []string{"M0 0", "M1 1"}, Frames: []app.Frame{{Name: "La Réunion"}}}
	got = nil
	require.NoError(t, json.Unmarshal([]byte(object(unsafe.Pointer(&d), drawingFields, 1024)), &got))
	assert.Equal(t, "M0 0|M1 1", got["paths"])
	assert.Equal(t, "La Réunion", got["frames"].([]any)[0].(map[string]any)["name"])

	hits := []app.SearchHit{{Code: "93", Name: "Seine-Saint-Denis"}}
	assert.Equal(t, `[{"code":"93","name":"Seine-Saint-Denis","group":""}]`, array(unsafe.Pointer(&hits), searchFields, unsafe.Sizeof(app.SearchHit{})))

	var ui map[string]string
	require.NoError(t, json.Unmarshal([]byte(encodeUI("en")), &ui))
	assert.Equal(t, "Legend", ui["legend"])
}
